#!/usr/bin/env bash
# Starts the packaged services with exactly the environment a rendered overlay gives their containers (its
# ConfigMaps and env, Secret values as create-secrets.sh would make them), cluster addresses mapped to local
# ports, against databases created the way CloudNativePG's initdb bootstrap creates them (owner role with a
# password, UTF8, C.UTF-8) on the PostgreSQL server at 127.0.0.1:5432. Then asks every probe path of the render,
# runs scripts/smoke-test.sh through the gateway, and checks that every metric deploy/k8s/README.md names is
# served. Prints "N passed, N failed". Used by scripts/ci-k8s.sh; about 30-60 s once the jars are built.
# Usage: scripts/k8s-run-rendered.sh <render.yaml> (default: renders overlays/dev with kubectl)
set -uo pipefail
cd "$(dirname "$0")/.."
k8s=deploy/k8s
render="${1:-}"
base="${BEIAN_K8S_RUN_PORT_BASE:-18080}"   # gateway; registry +1, insights +2
work="$(mktemp -d)"
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -z "$render" ]]; then render="$work/dev.yaml"; kubectl kustomize "$k8s/overlays/dev" >"$render" 2>/dev/null; fi
[[ -f gateway/target/quarkus-app/quarkus-run.jar && -f registry-service/target/quarkus-app/quarkus-run.jar \
  && -f insights-service/target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q -DskipTests package
# The server only; ensure-postgres.sh would also recreate the databases other runs on this machine may use.
pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null || bash scripts/ensure-postgres.sh >/dev/null
for port in "$base" $((base + 1)) $((base + 2)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: set BEIAN_K8S_RUN_PORT_BASE to a free range"; echo "0 passed, 1 failed"; exit 1
  fi
done

random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
admin() { psql -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -U postgres -d postgres -c "$1" 2>/dev/null \
  || su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -d postgres -c \"$1\""; }

# The databases, as initdb bootstrap makes them: owner = the Secret's username, database named in the Cluster.
declare -A password
for db in registry insights; do
  password[$db]="$(random_hex 16)"
  admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  admin "DO \$\$BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname='$db') THEN ALTER ROLE $db LOGIN PASSWORD '${password[$db]}'; ELSE CREATE ROLE $db LOGIN PASSWORD '${password[$db]}'; END IF; END\$\$;"
  admin "CREATE DATABASE $db OWNER $db TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
done

export BEIAN_SMOKE_API_KEY="beian-$(random_hex 16)"
maps=(--map "beian-gateway:8080=127.0.0.1:$base" --map "beian-registry:8081=127.0.0.1:$((base + 1))"
      --map "beian-insights:8082=127.0.0.1:$((base + 2))"
      --map "registry-db-rw:5432=127.0.0.1:5432" --map "insights-db-rw:5432=127.0.0.1:5432")
secrets=(--secret "registry-db-credentials.username=registry" --secret "registry-db-credentials.password=${password[registry]}"
         --secret "insights-db-credentials.username=insights" --secret "insights-db-credentials.password=${password[insights]}"
         --secret "beian-gateway-api-keys.BEIAN_GATEWAY_API_KEYS_ADMIN_SHA256=$(printf %s "$BEIAN_SMOKE_API_KEY" | sha256sum | cut -d' ' -f1)"
         --secret "beian-gateway-api-keys.BEIAN_GATEWAY_API_KEYS_ADMIN_ROLE=admin")

start() { # deployment, jar, local port
  local env_file="$work/$1.env"
  if ! node "$k8s/validate/env.mjs" "$render" "$1" "${secrets[@]}" "${maps[@]}" >"$env_file"; then
    fail "$1: environment from the render"; return
  fi
  local -a envs; mapfile -t envs <"$env_file"
  # Only the rendered environment (as in a pod), and a heap cap for this shared machine.
  env -i PATH="$PATH" HOME="$work" "${envs[@]}" java -Xmx512m -jar "$2" >"$work/$1.log" 2>&1 &
  pids+=($!)
  echo "started $1 on port $3 with $(wc -l <"$env_file") variables from the render"
}
start beian-registry registry-service/target/quarkus-app/quarkus-run.jar $((base + 1))
start beian-insights insights-service/target/quarkus-app/quarkus-run.jar $((base + 2))
start beian-gateway gateway/target/quarkus-app/quarkus-run.jar "$base"

# Every probe of every Deployment, on the port it names, in the order the kubelet uses them.
node "$k8s/validate/probes.mjs" probes "$render" >"$work/probes"
local_port() { case "$1" in 8080) echo "$base";; 8081) echo $((base + 1));; 8082) echo $((base + 2));; esac; }
while read -r deployment probe port path; do
  url="http://127.0.0.1:$(local_port "$port")$path"
  ok=""
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then ok=1; break; fi
    sleep 0.5
  done
  if [[ -n "$ok" ]]; then pass "$deployment $probe $path answers 200"
  else fail "$deployment $probe $path (port $port) does not answer 200"; tail -20 "$work/$deployment.log"; fi
done <"$work/probes"

# The services as a user meets them, through the gateway, once its readiness reports both backends UP (each
# backend's readiness must answer within BEIAN_GATEWAY_HEALTH_TIMEOUT, which a loaded machine may miss at first).
for _ in $(seq 1 60); do
  ready="$(curl -s "http://127.0.0.1:$base/q/health/ready")"
  grep -qF '"registry": "UP"' <<<"$ready" && grep -qF '"insights": "UP"' <<<"$ready" && break
  sleep 1
done
bash scripts/smoke-test.sh "http://127.0.0.1:$base" >"$work/smoke.log" 2>&1
grep -A4 '^FAIL' "$work/smoke.log" | sed 's/^/  smoke test: /' || true
counts="$(grep -E '^([a-z]+: )?[0-9]+ passed, [0-9]+ failed$' "$work/smoke.log" | tail -1 | sed -E 's/^[a-z]+: //')"
echo "  smoke test: $counts"
if [[ -n "$counts" ]]; then
  passed=$((passed + ${counts%% passed*})); failed=$((failed + $(sed -E 's/.* ([0-9]+) failed/\1/' <<<"$counts")))
else
  fail "smoke test printed no counts"; tail -20 "$work/smoke.log"
fi

# Every metric the README names is served by some service.
for port in "$base" $((base + 1)) $((base + 2)); do curl -fsS "http://127.0.0.1:$port/q/metrics" || true; done >"$work/metrics"
missing=()
while read -r name; do
  grep -qE "^${name}(\{| )" "$work/metrics" || missing+=("$name")
done < <(node "$k8s/validate/probes.mjs" metrics "$k8s/README.md")
if [[ ${#missing[@]} -eq 0 ]]; then pass "every metric deploy/k8s/README.md names is served"
else fail "metrics named in deploy/k8s/README.md but not served: ${missing[*]}"; fi

echo "${passed} passed, ${failed} failed"
[[ "$failed" -eq 0 ]]
