#!/usr/bin/env bash
# CI stage: the Kubernetes manifests in deploy/k8s. Renders every overlay (and the Secret templates) with
# Debian's kubectl (kubernetes-client, kustomize v2.0.3, no cluster needed), renders them again with any other
# kubectl on the machine and compares, validates every rendered object (API schema through the npm package
# kubernetes-models, CloudNativePG and Prometheus Operator resources, policies, references, network policies,
# each overlay's promises), runs the validator's own tests, which prove that each check can fail, and starts
# the packaged services with the dev overlay's rendered environment (scripts/k8s-run-rendered.sh: probes,
# smoke test, metrics). About 2-3 minutes once the jars are built (stage 1 builds them). Closes with
# "N passed, N failed"; only that last line is the stage's total.
set -euo pipefail
cd "$(dirname "$0")/.."
k8s=deploy/k8s
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

# Debian's kubectl. Where another kubectl owns /usr/bin/kubectl (a package of its own), the Debian package is
# unpacked beside it instead of installed over it.
debian_kubectl=""
if dpkg -s kubernetes-client >/dev/null 2>&1; then
  debian_kubectl=/usr/bin/kubectl
else
  if ! apt-cache policy kubernetes-client 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    apt-get update -qq
  fi
  if ! command -v kubectl >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubernetes-client >/dev/null
    debian_kubectl=/usr/bin/kubectl
  else
    (cd "$out" && apt-get download -qq kubernetes-client 2>/dev/null && dpkg-deb -x kubernetes-client_*.deb debian)
    debian_kubectl="$out/debian/usr/bin/kubectl"
  fi
fi
echo "Debian kubectl: $("$debian_kubectl" version --client --short 2>/dev/null || "$debian_kubectl" version --client | head -1)"

other_kubectl=""
if command -v kubectl >/dev/null 2>&1 && [[ "$(readlink -f "$(command -v kubectl)")" != "$(readlink -f "$debian_kubectl")" ]]; then
  other_kubectl="$(command -v kubectl)"
  echo "also: $other_kubectl ($("$other_kubectl" version --client 2>/dev/null | head -1))"
fi

renders=()
for dir in overlays/dev overlays/production secrets; do
  name="${dir##*/}"
  if "$debian_kubectl" kustomize "$k8s/$dir" >"$out/$name.yaml" 2>"$out/$name.err"; then
    pass "kubectl kustomize $k8s/$dir ($(grep -c '^kind:' "$out/$name.yaml") objects)"
  else
    fail "kubectl kustomize $k8s/$dir"; sed 's/^/       /' "$out/$name.err"
  fi
done

(cd "$k8s/validate" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

if [[ -n "$other_kubectl" ]]; then
  for dir in overlays/dev overlays/production secrets; do
    name="${dir##*/}"
    if "$other_kubectl" kustomize "$k8s/$dir" >"$out/$name.other.yaml" 2>/dev/null \
        && node "$k8s/validate/compare.mjs" "$out/$name.yaml" "$out/$name.other.yaml" >"$out/$name.diff"; then
      pass "$other_kubectl renders $k8s/$dir to the same objects"
    else
      fail "$other_kubectl renders $k8s/$dir differently"; cat "$out/$name.diff" 2>/dev/null || true
    fi
  done
fi

add_counts() { # log file, what: adds the log's closing "N passed, N failed" to the totals
  local counts
  counts="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -1)"
  if [[ -z "$counts" ]]; then
    fail "$2 printed no closing count"
  else
    passed=$((passed + ${counts%% passed*}))
    failed=$((failed + $(sed -E 's/.* ([0-9]+) failed/\1/' <<<"$counts")))
  fi
}

# The validator prints one line per check and its own closing count.
set +e
node "$k8s/validate/validate.mjs" --secrets "$out/secrets.yaml" dev="$out/dev.yaml" production="$out/production.yaml" \
  | sed -E 's/^([0-9]+ passed, [0-9]+ failed)$/  (validate.mjs) \1/' | tee "$out/validate.log"
set -e
sed -i -E 's/^  \(validate.mjs\) //' "$out/validate.log"
add_counts "$out/validate.log" validate.mjs

# The validator's tests: each check passes on the real overlays and fails on a broken copy.
set +e
(cd "$k8s/validate" && KUBECTL="$debian_kubectl" node --test test/ >"$out/tests.log" 2>&1)
set -e
grep -E '^not ok|^# (pass|fail) ' "$out/tests.log" || true
test_pass="$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$out/tests.log")"
test_fail="$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$out/tests.log")"
if [[ -z "$test_pass" || -z "$test_fail" ]]; then
  fail "node --test printed no counts"; tail -30 "$out/tests.log"
else
  [[ "$test_fail" -eq 0 ]] || grep -A12 '^not ok' "$out/tests.log" | head -80
  passed=$((passed + test_pass))
  failed=$((failed + test_fail))
fi

# The packaged services, started with the dev overlay's rendered environment: probes, smoke test, metrics.
set +e
bash scripts/k8s-run-rendered.sh "$out/dev.yaml" 2>&1 \
  | sed -E 's/^([0-9]+ passed, [0-9]+ failed)$/  (k8s-run-rendered.sh) \1/' | tee "$out/run.log"
set -e
sed -i -E 's/^  \(k8s-run-rendered.sh\) //' "$out/run.log"
add_counts "$out/run.log" k8s-run-rendered.sh

echo "${passed} passed, ${failed} failed"
[[ "$failed" -eq 0 ]]
