#!/usr/bin/env bash
# Benchmarks GET of one resource three ways in the same run with the same wrk settings: direct on the backend,
# through nginx (upstream keepalive) and through the gateway; prints req/s, latency and the ratios.
#
#   scripts/bench-gateway.sh [path, default /api/v1/reference/categories] [backend port, default 8081]
#
# The backend (e.g. the registry from ./run.sh) must be running. The script starts its own nginx and its own
# gateway (from gateway/target/quarkus-app, built by ./mvnw package) on spare ports and stops them at the end.
# Rate limiting and access logs are off in both proxies, so that the proxying itself is compared
# (BENCH_ACCESS_LOG=on logs in both). Needs wrk and nginx-light from Debian:
#   apt-get update && apt-get install -y wrk nginx-light
#
# Settings (environment): BENCH_THREADS=2 BENCH_CONNECTIONS=32 BENCH_DURATION=15s BENCH_WARMUP=30s (the JVM needs it)
#   BENCH_NGINX_PORT=18180 BENCH_GATEWAY_PORT=18280 BENCH_ACCESS_LOG=off
set -euo pipefail
cd "$(dirname "$0")/.."

PATH_UNDER_TEST=${1:-/api/v1/reference/categories}
BACKEND_PORT=${2:-8081}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-30s}
NGINX_PORT=${BENCH_NGINX_PORT:-18180}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18280}
ACCESS_LOG=${BENCH_ACCESS_LOG:-off}
GATEWAY_JAR=gateway/target/quarkus-app/quarkus-run.jar

for tool in wrk nginx curl java; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install -y wrk nginx-light)" >&2; exit 2; }
done
[[ -f "$GATEWAY_JAR" ]] || { echo "bench: build the gateway first: ./mvnw -B -q package -pl gateway -DskipTests" >&2; exit 2; }

DIRECT="http://127.0.0.1:$BACKEND_PORT$PATH_UNDER_TEST"
NGINX="http://127.0.0.1:$NGINX_PORT$PATH_UNDER_TEST"
GATEWAY="http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"
status=$(curl -s -o /dev/null -w '%{http_code}' "$DIRECT" || true)
[[ "$status" == 200 ]] || { echo "bench: $DIRECT answered '$status'; is the backend running?" >&2; exit 2; }

work=$(mktemp -d)
nginx_pid="" gateway_pid=""
cleanup() {
  for pid in $gateway_pid $nginx_pid; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# nginx as the reference reverse proxy: pooled keep-alive connections to the same backend.
nginx_log="off"; [[ "$ACCESS_LOG" == on ]] && nginx_log="$work/access.log"
cat >"$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 1024; }
http {
  access_log $nginx_log;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi; uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
NGINX
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!

gateway_access_log=false; [[ "$ACCESS_LOG" == on ]] && gateway_access_log=true
BEIAN_GATEWAY_PORT=$GATEWAY_PORT BEIAN_GATEWAY_HOST=127.0.0.1 \
BEIAN_GATEWAY_REGISTRY_URL=http://127.0.0.1:$BACKEND_PORT BEIAN_GATEWAY_INSIGHTS_URL=http://127.0.0.1:$BACKEND_PORT \
BEIAN_GATEWAY_RATE_LIMIT_ENABLED=false BEIAN_GATEWAY_ACCESS_LOG=$gateway_access_log \
  java ${BEIAN_JAVA_OPTS:-} -jar "$GATEWAY_JAR" >"$work/gateway.log" 2>&1 &
gateway_pid=$!

wait_ok() { # url
  for _ in $(seq 1 120); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" == 200 ]] && return 0
    sleep 0.5
  done
  echo "bench: $1 did not answer 200" >&2; cat "$work/gateway.log" "$work/error.log" 2>/dev/null | tail -20 >&2; exit 1
}
wait_ok "$NGINX"
wait_ok "$GATEWAY"

# wrk output -> "req/s p50ms p99ms errors"
run_wrk() { # url duration
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { errors += $NF } /Socket errors:/ { errors += $4 + $10 } # connect, timeout
    END { printf "%.0f %.3f %.3f %d\n", rps, p50, p99, errors }'
}

echo "Warming up: 3s direct and nginx, ${WARMUP} the gateway (its JVM compiles the hot paths) ..."
run_wrk "$DIRECT" 3s >/dev/null
run_wrk "$NGINX" 3s >/dev/null
run_wrk "$GATEWAY" "$WARMUP" >/dev/null

echo "Measuring GET $PATH_UNDER_TEST: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, access logs $ACCESS_LOG"
read -r d_rps d_p50 d_p99 d_err <<<"$(run_wrk "$DIRECT" "$DURATION")"
read -r n_rps n_p50 n_p99 n_err <<<"$(run_wrk "$NGINX" "$DURATION")"
read -r g_rps g_p50 g_p99 g_err <<<"$(run_wrk "$GATEWAY" "$DURATION")"

printf '\n%-9s %10s %10s %10s %8s\n' "" "req/s" "p50 ms" "p99 ms" "errors"
printf '%-9s %10s %10s %10s %8s\n' direct "$d_rps" "$d_p50" "$d_p99" "$d_err"
printf '%-9s %10s %10s %10s %8s\n' nginx "$n_rps" "$n_p50" "$n_p99" "$n_err"
printf '%-9s %10s %10s %10s %8s\n' gateway "$g_rps" "$g_p50" "$g_p99" "$g_err"
awk -v d="$d_rps" -v n="$n_rps" -v g="$g_rps" -v dl="$d_p50" -v nl="$n_p50" -v gl="$g_p50" 'BEGIN {
  printf "\nthroughput  gateway/nginx %.2f   nginx/direct %.2f   gateway/direct %.2f\n", g / n, n / d, g / d
  printf "added p50   gateway %+.3f ms   nginx %+.3f ms (over direct)\n", gl - dl, nl - dl
  printf "target      gateway/nginx >= 0.90: %s   gateway added p50 < 1 ms: %s\n", (g / n >= 0.9 ? "met" : "NOT met"), (gl - dl < 1 ? "met" : "NOT met")
}'
if (( d_err + n_err + g_err > 0 )); then
  echo "bench: some answers were errors (non-2xx/3xx or socket errors); the figures are not comparable" >&2
  exit 1
fi
