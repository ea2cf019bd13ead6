#!/usr/bin/env bash
# Builds Beian and starts the whole suite: registry (8081), insights (8082) and the gateway (8080).
# With no database configured, registry and insights each start an embedded PostgreSQL whose data lives
# under ./.data (BEIAN_DATA_DIR). Ctrl-C stops all three cleanly.
#
# When the registry holds no filings, the real CAC rows of data/cac-filings.csv are imported through the gateway.
#
#   ./run.sh                 build, then start
#   ./run.sh --no-build      start what was built last
#   ./run.sh --empty         leave an empty registry empty (no import of data/cac-filings.csv)
set -euo pipefail
cd "$(dirname "$0")"

BUILD=1
LOAD_DATA=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD="" ;;
    --empty) LOAD_DATA="" ;;
    *) echo "Unknown option $arg (use --no-build, --empty)" >&2; exit 2 ;;
  esac
done

if [[ -n "$BUILD" ]]; then
  echo "Building (tests skipped; run them with ./mvnw verify) ..."
  ./mvnw -B -q -DskipTests package
fi

GATEWAY_PORT=${BEIAN_GATEWAY_PORT:-8080}
REGISTRY_PORT=${BEIAN_REGISTRY_PORT:-8081}
INSIGHTS_PORT=${BEIAN_INSIGHTS_PORT:-8082}
export BEIAN_GATEWAY_REGISTRY_URL=${BEIAN_GATEWAY_REGISTRY_URL:-http://127.0.0.1:$REGISTRY_PORT}
export BEIAN_GATEWAY_INSIGHTS_URL=${BEIAN_GATEWAY_INSIGHTS_URL:-http://127.0.0.1:$INSIGHTS_PORT}
export BEIAN_INSIGHTS_REGISTRY_URL=${BEIAN_INSIGHTS_REGISTRY_URL:-http://127.0.0.1:$REGISTRY_PORT}
# Local development only: one admin API key, configured (like every key) by its SHA-256, never in plain text.
DEV_KEY=${BEIAN_DEV_API_KEY:-beian-dev-admin-key}
export BEIAN_GATEWAY_API_KEYS_DEV_SHA256=${BEIAN_GATEWAY_API_KEYS_DEV_SHA256:-$(printf %s "$DEV_KEY" | sha256sum | cut -d' ' -f1)}
export BEIAN_GATEWAY_API_KEYS_DEV_ROLE=${BEIAN_GATEWAY_API_KEYS_DEV_ROLE:-admin}
# Nothing balances traffic to a local run: stop at once on Ctrl-C instead of reporting DOWN for a while first.
export BEIAN_SHUTDOWN_DELAY=${BEIAN_SHUTDOWN_DELAY:-0s}
LOG_DIR=${BEIAN_LOG_DIR:-.data/logs}
mkdir -p "$LOG_DIR"

pids=()
stop_all() {
  local rc=$?
  trap - INT TERM EXIT
  echo
  echo "Stopping Beian ..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "All services stopped."
  exit "$rc"
}
trap stop_all INT TERM EXIT

start() { # name, jar
  java ${BEIAN_JAVA_OPTS:-} -jar "$2" >"$LOG_DIR/$1.log" 2>&1 &
  pids+=($!)
  echo "Started $1 (pid $!), log: $LOG_DIR/$1.log"
}

start registry registry-service/target/quarkus-app/quarkus-run.jar
start insights insights-service/target/quarkus-app/quarkus-run.jar
start gateway gateway/target/quarkus-app/quarkus-run.jar

wait_ready() { # name, port
  for _ in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1; then
      echo "  $1 is ready on port $2"
      return 0
    fi
    sleep 0.5
  done
  echo "  $1 did not become ready on port $2; see $LOG_DIR/$1.log" >&2
  return 1
}
echo "Waiting for readiness ..."
wait_ready registry "$REGISTRY_PORT"
wait_ready insights "$INSIGHTS_PORT"
wait_ready gateway "$GATEWAY_PORT"
grep -h "Embedded PostgreSQL\|configured PostgreSQL" "$LOG_DIR/registry.log" "$LOG_DIR/insights.log" || true

# First start: load the real CAC rows through the public API, as any client would. A registry that already holds
# filings is never touched.
if [[ -n "$LOAD_DATA" ]]; then
  scripts/load-cac-filings.sh "http://127.0.0.1:$GATEWAY_PORT" "$DEV_KEY" || true
fi

cat <<INFO

Beian is running.
  Dashboard    http://localhost:$GATEWAY_PORT/
  Swagger UI   http://localhost:$GATEWAY_PORT/swagger-ui
  OpenAPI      http://localhost:$GATEWAY_PORT/openapi
  API          http://localhost:$GATEWAY_PORT/api/v1/
  Health       http://localhost:$GATEWAY_PORT/q/health/ready  (registry :$REGISTRY_PORT, insights :$INSIGHTS_PORT)
  Dev API key  $DEV_KEY  (admin; send as 'Authorization: Bearer <key>' or in Swagger UI's Authorize)
Press Ctrl-C to stop all services.
INFO

# Stop everything as soon as any one service exits on its own.
wait -n "${pids[@]}" || true
echo "A service exited; see the logs in $LOG_DIR."
