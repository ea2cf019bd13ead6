#!/usr/bin/env bash
# Starts the packaged services against the PostgreSQL server on 127.0.0.1:5432 (see ensure-postgres.sh),
# runs the given command with the gateway's URL as its argument, then stops them. Used by CI.
# Usage: scripts/run-against-server.sh COMMAND [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f gateway/target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q -DskipTests package

LOG_DIR=target/ci-logs; mkdir -p "$LOG_DIR"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

start() { # name, jar, env assignments...
  local name=$1 jar=$2; shift 2
  env "$@" java -Xmx512m -jar "$jar" >"$LOG_DIR/$name.log" 2>&1 &
  pids+=($!)
}
db_env() { echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$1" QUARKUS_DATASOURCE_USERNAME=beian QUARKUS_DATASOURCE_PASSWORD=beian; }

# The smoke test writes with this admin key; like every key it is configured by its SHA-256 only.
export BEIAN_SMOKE_API_KEY=${BEIAN_SMOKE_API_KEY:-ci-smoke-admin-key}
KEY_SHA=$(printf %s "$BEIAN_SMOKE_API_KEY" | sha256sum | cut -d' ' -f1)

start registry registry-service/target/quarkus-app/quarkus-run.jar $(db_env beian_registry)
start insights insights-service/target/quarkus-app/quarkus-run.jar $(db_env beian_insights)
start gateway gateway/target/quarkus-app/quarkus-run.jar BEIAN_GATEWAY_API_KEYS_CI_SHA256="$KEY_SHA" BEIAN_GATEWAY_API_KEYS_CI_ROLE=admin

for port in 8081 8082 8080; do
  ok=""
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then ok=1; break; fi
    sleep 0.5
  done
  if [[ -z "$ok" ]]; then
    echo "Service on port $port did not become ready" >&2
    tail -50 "$LOG_DIR"/*.log >&2
    exit 1
  fi
done
grep -h "configured PostgreSQL" "$LOG_DIR"/*.log
"$@" http://127.0.0.1:8080
