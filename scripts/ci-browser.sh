#!/usr/bin/env bash
# The dashboard in a real browser: starts the packaged suite (embedded PostgreSQL in a throwaway folder, ports of
# its own), loads the real CAC rows as ./run.sh does, and runs e2e/dashboard.test.mjs in Debian's headless Chromium
# driven by playwright-core. Screenshots and the measured load figures go to e2e/out/.
# Installs what it needs: the chromium and fonts-noto-cjk packages (apt), playwright-core (npm, e2e/package-lock.json).
#
#   scripts/ci-browser.sh          gateway, registry and insights on three free ports from 18480 on
#                                  (BEIAN_E2E_PORT_BASE=N: N, N+1, N+2)
# Prints "N passed, N failed" last; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

missing=()
command -v chromium >/dev/null || missing+=(chromium)
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk) # no -q: with pipefail, an early exit of grep fails fc-list
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} from Debian's packages ..."
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi
command -v npm >/dev/null || { echo "ci-browser: npm is needed (Node.js 18 or newer)" >&2; exit 2; }
if [[ ! -d e2e/node_modules/playwright-core ]]; then
  echo "Installing playwright-core (e2e/package-lock.json) ..."
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
[[ -f gateway/target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q -DskipTests package

# Three free ports in a row: BEIAN_E2E_PORT_BASE, or the first free run from 18480 on. A port already taken would
# send the test to someone else's service, which may even answer the readiness probe.
in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_run() { ! in_use "$1" && ! in_use $(($1 + 1)) && ! in_use $(($1 + 2)); }
if [[ -n "${BEIAN_E2E_PORT_BASE:-}" ]]; then
  BASE_PORT=$BEIAN_E2E_PORT_BASE
  free_run "$BASE_PORT" || { echo "ci-browser: a port of $BASE_PORT-$((BASE_PORT + 2)) is in use" >&2; exit 2; }
else
  BASE_PORT=18480
  until free_run "$BASE_PORT"; do
    BASE_PORT=$((BASE_PORT + 10))
    ((BASE_PORT < 19480)) || { echo "ci-browser: no three free ports in 18480-19480" >&2; exit 2; }
  done
fi
GATEWAY_PORT=$BASE_PORT; REGISTRY_PORT=$((BASE_PORT + 1)); INSIGHTS_PORT=$((BASE_PORT + 2))
DATA_DIR=$(mktemp -d /tmp/beian-e2e.XXXXXX)
LOG_DIR=$ROOT/target/ci-browser-logs; mkdir -p "$LOG_DIR"
OUT=$ROOT/e2e/out; rm -rf "$OUT"; mkdir -p "$OUT"
KEY=${BEIAN_E2E_KEY:-e2e-admin-key-$RANDOM$RANDOM}
KEY_SHA=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

start() { # name, jar, env assignments...
  local name=$1 jar=$2; shift 2
  env "$@" java -Xmx384m -jar "$jar" >"$LOG_DIR/$name.log" 2>&1 &
  pids+=($!)
  eval "${name}_pid=$!"
}
common=(BEIAN_DATA_DIR="$DATA_DIR" BEIAN_REGISTRY_PORT="$REGISTRY_PORT" BEIAN_INSIGHTS_PORT="$INSIGHTS_PORT"
        BEIAN_GATEWAY_PORT="$GATEWAY_PORT")
start registry registry-service/target/quarkus-app/quarkus-run.jar "${common[@]}"
start insights insights-service/target/quarkus-app/quarkus-run.jar "${common[@]}" \
  BEIAN_INSIGHTS_REGISTRY_URL="http://127.0.0.1:$REGISTRY_PORT"
start gateway gateway/target/quarkus-app/quarkus-run.jar "${common[@]}" \
  BEIAN_GATEWAY_REGISTRY_URL="http://127.0.0.1:$REGISTRY_PORT" BEIAN_GATEWAY_INSIGHTS_URL="http://127.0.0.1:$INSIGHTS_PORT" \
  BEIAN_GATEWAY_API_KEYS_E2E_SHA256="$KEY_SHA" BEIAN_GATEWAY_API_KEYS_E2E_ROLE=admin

for port in "$REGISTRY_PORT" "$INSIGHTS_PORT" "$GATEWAY_PORT"; do
  ok=""
  for _ in $(seq 1 360); do
    if curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then ok=1; break; fi
    sleep 0.5
  done
  if [[ -z "$ok" ]]; then
    echo "Service on port $port did not become ready" >&2
    tail -n 30 "$LOG_DIR"/*.log >&2
    exit 1
  fi
done
for pid in "${pids[@]}"; do
  kill -0 "$pid" 2>/dev/null || { echo "A service exited early; see $LOG_DIR" >&2; tail -n 30 "$LOG_DIR"/*.log >&2; exit 1; }
done
echo "Suite ready: gateway on $GATEWAY_PORT, registry on $REGISTRY_PORT, insights on $INSIGHTS_PORT"

# As ./run.sh does on a first start.
scripts/load-cac-filings.sh "http://127.0.0.1:$GATEWAY_PORT" "$KEY"

# shellcheck disable=SC2154 # set by start()
BEIAN_E2E_BASE="http://127.0.0.1:$GATEWAY_PORT" BEIAN_E2E_KEY="$KEY" BEIAN_E2E_INSIGHTS_PID="$insights_pid" \
  BEIAN_E2E_OUT="$OUT" node e2e/dashboard.test.mjs
