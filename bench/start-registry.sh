#!/usr/bin/env bash
# Starts the packaged registry on port ${PORT:-18081} against a fresh database beian_bench_registry on the
# PostgreSQL server at 127.0.0.1:5432 (see scripts/ensure-postgres.sh), or the existing one with KEEP_DB=1.
# Prints its pid.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18081}
[[ "${KEEP_DB:-0}" == 1 ]] || psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS beian_bench_registry WITH (FORCE)" \
  -c "CREATE DATABASE beian_bench_registry TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'" >/dev/null
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/beian_bench_registry QUARKUS_DATASOURCE_USERNAME=postgres \
  BEIAN_REGISTRY_PORT=$PORT nohup java -Xmx2g ${JAVA_OPTS:-} -jar registry-service/target/quarkus-app/quarkus-run.jar \
  > "${LOG:-/tmp/bench-registry.log}" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 0.5; done
echo "$pid"
