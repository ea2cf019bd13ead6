#!/usr/bin/env bash
# Registry benchmark at 1,000,000 synthetic filings, measured direct on the service (no gateway):
#   1. loads 1,000,000 generated filings through the import endpoint, 100,000 per upload;
#   2. imports 100,000 more into the fully indexed table and reports rows/s;
#   3. with wrk, reports p50/p99 latency of: get by id, filtered and sorted list pages at depths from the first
#      page to page 2,000 (keyset cursors), and one- and two-character Chinese substring searches.
# Needs: PostgreSQL on 127.0.0.1:5432 (scripts/ensure-postgres.sh), wrk (apt-get install wrk), python3.
# Usage: bench/bench-registry.sh [filings, default 1000000]   (about 15-25 minutes on 2 cores)
#        bench/bench-registry.sh --reads-only                  (step 3 again, on the database step 1 left)
#        bench/bench-registry.sh --import-again                (step 2 again: the next 100,000 into the table as it is)
set -euo pipefail
shopt -s inherit_errexit  # a failed upload inside $(...) stops the benchmark
cd "$(dirname "$0")/.."
READS_ONLY=0
IMPORT_AGAIN=0
if [[ "${1:-}" == "--reads-only" ]]; then READS_ONLY=1; shift; fi
if [[ "${1:-}" == "--import-again" ]]; then READS_ONLY=1; IMPORT_AGAIN=1; shift; fi
TOTAL=${1:-1000000}
CHUNK=100000
PORT=${BENCH_PORT:-18081}
BASE=http://127.0.0.1:$PORT
OUT=${BENCH_OUT:-target/bench-registry}
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
[[ -f registry-service/target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q -DskipTests package -pl registry-service -am
bash scripts/ensure-postgres.sh >/dev/null

echo "== PostgreSQL: $(psql -h 127.0.0.1 -U postgres -Atc "select version()" | cut -d, -f1); $(psql -h 127.0.0.1 -U postgres -Atc \
  "select string_agg(name || '=' || current_setting(name), ' ') from unnest(array['shared_buffers','max_wal_size','work_mem','synchronous_commit']) name")"
PID=$(KEEP_DB=$READS_ONLY PORT=$PORT LOG=$OUT/registry.log bench/start-registry.sh)
trap 'kill $PID 2>/dev/null || true' EXIT

import_chunk() { # start count -> prints seconds
  python3 bench/generate_filings.py --start "$1" --count "$2" > "$OUT/chunk.csv"
  local t0 t1
  t0=$(date +%s.%N)
  curl -sf -X POST -H 'Content-Type: text/csv' --data-binary @"$OUT/chunk.csv" "$BASE/api/v1/filings/import" > "$OUT/report.json"
  t1=$(date +%s.%N)
  python3 -c "import json,sys; r=json.load(open('$OUT/report.json')); assert r['created']==$2, r" 
  python3 -c "print($t1 - $t0)"
}

if [[ $READS_ONLY == 0 ]]; then
echo "== Loading $TOTAL synthetic filings in uploads of $CHUNK"
for ((start = 1; start <= TOTAL; start += CHUNK)); do
  s=$(import_chunk "$start" "$CHUNK")
  printf '  rows %8d-%8d: %6.1f s (%6.0f rows/s)\n' "$start" $((start + CHUNK - 1)) "$s" "$(python3 -c "print($CHUNK / $s)")"
done
psql -h 127.0.0.1 -U postgres -d beian_bench_registry -qc "VACUUM ANALYZE" >/dev/null

echo "== Import of $CHUNK rows into the indexed table of $TOTAL"
s=$(import_chunk $((TOTAL + 1)) "$CHUNK")
IMPORT_RATE=$(python3 -c "print($CHUNK / $s)")
printf '  %.1f s, %.0f rows/s\n' "$s" "$IMPORT_RATE"
psql -h 127.0.0.1 -U postgres -d beian_bench_registry -qc "VACUUM ANALYZE" >/dev/null
fi

if [[ $IMPORT_AGAIN == 1 ]]; then
  held=$(psql -h 127.0.0.1 -U postgres -d beian_bench_registry -Atc 'select count(*) from filing')
  next=$(psql -h 127.0.0.1 -U postgres -d beian_bench_registry -Atc "select coalesce(max(sequence_no), 0) + 1 from filing")
  # A running service has a warm JVM: one small import first, so the figure is not the JIT's first pass.
  import_chunk "$next" 10000 >/dev/null
  next=$((next + 10000))
  echo "== Import of $CHUNK rows into the indexed table of $((held + 10000)) (load average $(cut -d' ' -f1 /proc/loadavg))"
  s=$(import_chunk "$next" "$CHUNK")
  printf '  %.1f s, %.0f rows/s\n' "$s" "$(python3 -c "print($CHUNK / $s)")"
  exit 0
fi

echo "== Building request lists"
python3 bench/registry_paths.py "$BASE" "$OUT"

run_wrk() { # name file connections
  URLS="$OUT/$2" wrk -t2 -c"$3" -d15s --latency -s bench/urls.lua "$BASE" > "$OUT/$1-c$3.wrk"
  local p50 p99 rps
  p50=$(awk '/^ +50%/{print $2}' "$OUT/$1-c$3.wrk"); p99=$(awk '/^ +99%/{print $2}' "$OUT/$1-c$3.wrk")
  rps=$(awk '/Requests\/sec/{print $2}' "$OUT/$1-c$3.wrk")
  printf '  %-34s c%-2s p50 %8s  p99 %8s  %8s req/s\n' "$1" "$3" "$p50" "$p99" "$rps"
}
# Two loads: 2 connections (one request per core: the latency of a request) and 8 (4 per core: the same
# requests queueing behind each other, where the tail shows the machine's saturation, not the request).
echo "== Latency (wrk -t2 -d15s, direct on the registry at $(psql -h 127.0.0.1 -U postgres -d beian_bench_registry -Atc 'select count(*) from filing') filings; load average $(cut -d' ' -f1 /proc/loadavg))"
# Warm the JVM and the database caches first, so the figures describe steady state.
for f in ids.txt pages.txt search1.txt search2.txt; do
  URLS="$OUT/$f" wrk -t2 -c8 -d5s -s bench/urls.lua "$BASE" >/dev/null
done
for connections in 2 8; do
  run_wrk "get-by-id" ids.txt "$connections"
  run_wrk "list-filtered-sorted-any-depth" pages.txt "$connections"
  run_wrk "search-1-char-chinese" search1.txt "$connections"
  run_wrk "search-2-char-chinese" search2.txt "$connections"
done
