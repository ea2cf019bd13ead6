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
#   BENCH_LATENCY_CONNECTIONS=1 (the added-latency pass: one request at a time, so the median is the proxy's own
#   cost per request, not queueing on a saturated machine, which the throughput pass at 32 connections shows)
#   BENCH_ROUNDS=1 (rounds of direct, nginx, gateway in turn; the summary takes each figure's median)
#   BENCH_NGINX_PORT=18180 BENCH_GATEWAY_PORT=18280 BENCH_ACCESS_LOG=off
#
# Besides req/s and latency it prints each proxy's CPU time per request (from /proc, all its threads, JIT and GC
# included): on a machine shared with other work it is steadier than req/s, and on a small machine it is what
# decides the ratio. The load average before and after is printed too: figures taken under load are noisy.
# Other benchmarks should not run at the same time: flock /tmp/beian-bench.lock scripts/bench-gateway.sh ...
set -euo pipefail
cd "$(dirname "$0")/.."

PATH_UNDER_TEST=${1:-/api/v1/reference/categories}
BACKEND_PORT=${2:-8081}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
LATENCY_CONNECTIONS=${BENCH_LATENCY_CONNECTIONS:-1}
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-30s}
ROUNDS=${BENCH_ROUNDS:-1}
NGINX_PORT=${BENCH_NGINX_PORT:-18180}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18280}
ACCESS_LOG=${BENCH_ACCESS_LOG:-off}
GATEWAY_JAR=${BENCH_GATEWAY_JAR:-gateway/target/quarkus-app/quarkus-run.jar}  # another build to compare

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

# CPU time (clock ticks) used so far by processes and all their threads
cpu_ticks() { # pid...
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
TICK=$(getconf CLK_TCK)

# wrk output -> "req/s p50ms p99ms errors cpu-us-per-request" (CPU of the given processes while wrk ran)
run_wrk() { # url duration [pid...]
  local url=$1 duration=$2; shift 2
  local before after
  before=$(cpu_ticks "$@")
  local out
  out=$(wrk -t"$(( THREADS < ${WRK_CONNECTIONS:-$CONNECTIONS} ? THREADS : ${WRK_CONNECTIONS:-$CONNECTIONS} ))" \
    -c"${WRK_CONNECTIONS:-$CONNECTIONS}" -d"$duration" --latency "$url")
  after=$(cpu_ticks "$@")
  awk -v cpu=$((after - before)) -v tick="$TICK" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    / requests in / { n = $1 }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { errors += $NF } /Socket errors:/ { errors += $4 + $10 } # connect, timeout
    END { printf "%.0f %.3f %.3f %d %.1f\n", rps, p50, p99, errors, (n > 0 ? cpu * 1e6 / tick / n : 0) }' <<<"$out"
}

nginx_pids=$(pgrep -P "$nginx_pid" | tr '\n' ' ') # the workers (the master only supervises)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Warming up: 3s direct and nginx, ${WARMUP} the gateway (its JVM compiles the hot paths) ..."
run_wrk "$DIRECT" 3s >/dev/null
run_wrk "$NGINX" 3s >/dev/null
run_wrk "$GATEWAY" "$WARMUP" >/dev/null

echo "Measuring GET $PATH_UNDER_TEST: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, access logs $ACCESS_LOG, $ROUNDS round(s)"
printf '\n%-9s %5s %10s %10s %10s %8s %12s\n' "" round "req/s" "p50 ms" "p99 ms" errors "cpu us/req"
results="$work/results"
: >"$results"
errors=0
for round in $(seq 1 "$ROUNDS"); do
  read -r d_rps d_p50 d_p99 d_err d_cpu <<<"$(run_wrk "$DIRECT" "$DURATION")"
  # shellcheck disable=SC2086 # several worker pids
  read -r n_rps n_p50 n_p99 n_err n_cpu <<<"$(run_wrk "$NGINX" "$DURATION" $nginx_pids)"
  read -r g_rps g_p50 g_p99 g_err g_cpu <<<"$(run_wrk "$GATEWAY" "$DURATION" "$gateway_pid")"
  printf '%-9s %5s %10s %10s %10s %8s %12s\n' direct "$round" "$d_rps" "$d_p50" "$d_p99" "$d_err" "-"
  printf '%-9s %5s %10s %10s %10s %8s %12s\n' nginx "$round" "$n_rps" "$n_p50" "$n_p99" "$n_err" "$n_cpu"
  printf '%-9s %5s %10s %10s %10s %8s %12s\n' gateway "$round" "$g_rps" "$g_p50" "$g_p99" "$g_err" "$g_cpu"
  echo "$d_rps $n_rps $g_rps $d_p50 $n_p50 $g_p50 $n_cpu $g_cpu" >>"$results"
  errors=$((errors + d_err + n_err + g_err))
done

# Added latency of one request: one connection, one request at a time, each target in turn.
echo
echo "Added latency: wrk -c$LATENCY_CONNECTIONS -d$DURATION (one request at a time: the proxy's own cost, no queueing)"
export WRK_CONNECTIONS=$LATENCY_CONNECTIONS
read -r _ ld_p50 ld_p99 ld_err _ <<<"$(run_wrk "$DIRECT" "$DURATION")"
read -r _ ln_p50 ln_p99 ln_err _ <<<"$(run_wrk "$NGINX" "$DURATION")"
read -r _ lg_p50 lg_p99 lg_err _ <<<"$(run_wrk "$GATEWAY" "$DURATION")"
unset WRK_CONNECTIONS
errors=$((errors + ld_err + ln_err + lg_err))
printf '%-9s p50 %8s ms  p99 %8s ms\n' direct "$ld_p50" "$ld_p99" nginx "$ln_p50" "$ln_p99" gateway "$lg_p50" "$lg_p99"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

# Medians over the rounds (the figure itself with one round).
median() { # column
  awk -v c="$1" '{ print $c }' "$results" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
awk -v d="$(median 1)" -v n="$(median 2)" -v g="$(median 3)" -v dl="$(median 4)" -v nl="$(median 5)" \
    -v gl="$(median 6)" -v nc="$(median 7)" -v gc="$(median 8)" -v rounds="$ROUNDS" -v conns="$CONNECTIONS" \
    -v ld="$ld_p50" -v ln="$ln_p50" -v lg="$lg_p50" 'BEGIN {
  if (rounds > 1) printf "\nmedians of %d rounds: req/s direct %.0f nginx %.0f gateway %.0f; p50 ms %.3f %.3f %.3f\n", rounds, d, n, g, dl, nl, gl
  printf "\nthroughput  gateway/nginx %.2f   nginx/direct %.2f   gateway/direct %.2f\n", g / n, n / d, g / d
  printf "added p50   gateway %+.3f ms   nginx %+.3f ms (over direct, at %d connections)\n", gl - dl, nl - dl, conns
  printf "added p50   gateway %+.3f ms   nginx %+.3f ms (over direct, one request at a time)\n", lg - ld, ln - ld
  printf "cpu/request gateway %.1f us   nginx %.1f us\n", gc, nc
  printf "target      gateway/nginx >= 0.90: %s   gateway added p50 < 1 ms: %s\n", (g / n >= 0.9 ? "met" : "NOT met"), (lg - ld < 1 ? "met" : "NOT met")
}'
if (( errors > 0 )); then
  echo "bench: some answers were errors (non-2xx/3xx or socket errors); the figures are not comparable" >&2
  exit 1
fi
