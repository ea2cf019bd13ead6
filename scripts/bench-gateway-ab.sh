#!/usr/bin/env bash
# Compares two gateway variants (JVM options, or two builds) under the same load, in turns: both run side by
# side against one backend, and wrk measures A, then B, then A again, ROUNDS times. Taking turns spreads a
# shared machine's drifting background load over both, which one run after the other does not.
#
#   scripts/bench-gateway-ab.sh "<java options A>" "<java options B>" [backend port, default 8081]
#   e.g. scripts/bench-gateway-ab.sh "" "-XX:+UseParallelGC" 28081
#
# Settings (environment): BENCH_ROUNDS=8 BENCH_DURATION=10s BENCH_WARMUP=30s BENCH_CONNECTIONS=32
#   BENCH_PATH=/api/v1/filings/500000  BENCH_JAR_A / BENCH_JAR_B (default gateway/target/quarkus-app/quarkus-run.jar)
# Prints each variant's median req/s and its CPU per request (all its threads, from /proc). Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/.."

OPTS_A=${1?java options of variant A (may be "")}
OPTS_B=${2?java options of variant B (may be "")}
BACKEND_PORT=${3:-8081}
ROUNDS=${BENCH_ROUNDS:-8}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-30s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
PATH_UNDER_TEST=${BENCH_PATH:-/api/v1/filings/500000}
JAR_A=${BENCH_JAR_A:-gateway/target/quarkus-app/quarkus-run.jar}
JAR_B=${BENCH_JAR_B:-$JAR_A}
PORT_A=18301
PORT_B=18302

command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

start_gateway() { # port options jar
  # shellcheck disable=SC2086 # options are words
  BEIAN_GATEWAY_PORT=$1 BEIAN_GATEWAY_HOST=127.0.0.1 \
  BEIAN_GATEWAY_REGISTRY_URL=http://127.0.0.1:$BACKEND_PORT BEIAN_GATEWAY_INSIGHTS_URL=http://127.0.0.1:$BACKEND_PORT \
  BEIAN_GATEWAY_RATE_LIMIT_ENABLED=false BEIAN_GATEWAY_ACCESS_LOG=false \
    java $2 -jar "$3" >"$work/gateway-$1.log" 2>&1 &
  pids+=($!)
}
start_gateway $PORT_A "$OPTS_A" "$JAR_A"
pid_a=${pids[0]}
start_gateway $PORT_B "$OPTS_B" "$JAR_B"
pid_b=${pids[1]}
for port in $PORT_A $PORT_B; do
  for _ in $(seq 1 120); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$PATH_UNDER_TEST" || true)" == 200 ]] && continue 2
    sleep 0.5
  done
  echo "bench: the gateway on $port did not answer 200" >&2; tail -20 "$work/gateway-$port.log" >&2; exit 1
done

TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# -> "req/s cpu-us-per-request"
measure() { # port pid duration
  local before after out
  before=$(cpu_ticks "$2")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$3" "http://127.0.0.1:$1$PATH_UNDER_TEST")
  after=$(cpu_ticks "$2")
  awk -v cpu=$((after - before)) -v tick="$TICK" '
    /Requests\/sec:/ { rps = $2 } / requests in / { n = $1 }
    END { printf "%.0f %.1f\n", rps, (n > 0 ? cpu * 1e6 / tick / n : 0) }' <<<"$out"
}

echo "Warming up both for $WARMUP ..."
measure $PORT_A "$pid_a" "$WARMUP" >/dev/null
measure $PORT_B "$pid_b" "$WARMUP" >/dev/null
echo "A: [$OPTS_A] $JAR_A"
echo "B: [$OPTS_B] $JAR_B"
printf '%5s %8s %12s %8s %12s\n' round "A req/s" "A cpu us" "B req/s" "B cpu us"
for round in $(seq 1 "$ROUNDS"); do
  read -r a_rps a_cpu <<<"$(measure $PORT_A "$pid_a" "$DURATION")"
  read -r b_rps b_cpu <<<"$(measure $PORT_B "$pid_b" "$DURATION")"
  printf '%5s %8s %12s %8s %12s\n' "$round" "$a_rps" "$a_cpu" "$b_rps" "$b_cpu"
  echo "$a_rps $a_cpu $b_rps $b_cpu" >>"$work/results"
done
median() { awk -v c="$1" '{ print $c }' "$work/results" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
printf 'medians: A %s req/s, %s us CPU per request; B %s req/s, %s us CPU per request\n' \
  "$(median 1)" "$(median 2)" "$(median 3)" "$(median 4)"
