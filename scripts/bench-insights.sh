#!/usr/bin/env bash
# Benchmarks the insights service: read latency (p99) of every endpoint at 1,000 and at 1,000,000 filings,
# and of a 304 answer. A generated change feed (a small Python stand-in for the registry's
# GET /api/v1/changes) is applied by the real insights follower, i.e. the same apply code as in production,
# into a fresh embedded PostgreSQL per size. Then one insights instance per size runs (following switched
# off) and wrk measures each endpoint on every size in turn, BENCH_ROUNDS times; each size's figure is the
# best p99 of its rounds. Interleaving the sizes and keeping the best round cancels most of the noise of a
# shared machine (background load only ever adds latency). Then freshness: a real registry and insights
# (fresh embedded databases) run side by side, and BENCH_WRITES filings are POSTed to the registry one by one;
# each is timed from sending the write until insights' summary counts it. Prints a table and checks the
# targets of issue 4: p99 < 10 ms at 1M, within 2x of the p99 at 1k, a 304 p99 < 2 ms, freshness p99 < 1 s.
# With following off the watermark stands still, so repeated requests are answered from the service's
# per-watermark answer cache, as a dashboard's polls between two changes are; BENCH_CACHE_ANSWERS=0 measures
# computed answers instead (what the first poll after each change costs).
#
# Usage: scripts/bench-insights.sh            (sizes 1000 and 1000000; the 1M replay takes 10-20 minutes)
#   BENCH_SIZES="1000 100000"  BENCH_DURATION=3s  BENCH_ROUNDS=3  BENCH_CONNECTIONS=2  BENCH_DIR=.data/bench-insights
#   BENCH_WRITES=1000 (0 skips the freshness phase)
#   BENCH_REUSE=1: keep the database of an earlier run of the same size (no replay; the follower resumes from
#   its stored cursor and finds nothing new), to measure again, e.g. on a quieter machine or after a change.
#   BENCH_CACHE_ANSWERS=0: measure with the in-memory answer cache off (every request computed from the database,
#   as the first poll after a change is); default: the service's default (answers kept per watermark).
#   BENCH_REPLAY_ONLY=1: stop after the replay (prepare the databases now, measure later with BENCH_REUSE=1).
# Needs: JDK 17+, python3, wrk (Debian: apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${BENCH_SIZES:-"1000 1000000"}
DURATION=${BENCH_DURATION:-3s}
ROUNDS=${BENCH_ROUNDS:-3}
WRITES=${BENCH_WRITES:-1000}
CONNECTIONS=${BENCH_CONNECTIONS:-2}
WORK=${BENCH_DIR:-.data/bench-insights}  # not under target/: a "mvn clean" must not delete a running database
FEED_PORT=${BENCH_FEED_PORT:-39081}
INSIGHTS_PORT=${BENCH_INSIGHTS_PORT:-39082}

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 1; }
[[ -f insights-service/target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q -DskipTests install -pl insights-service -am
mkdir -p "$WORK"
# Run a copy of the application, so that a rebuild (or "mvn clean") during the benchmark does not pull it away.
rm -rf "$WORK/app" && cp -r insights-service/target/quarkus-app "$WORK/app"
JAR=$WORK/app/quarkus-run.jar

# ---- the generated feed -------------------------------------------------------------------------------------
cat >"$WORK/feed.py" <<'PY'
"""Stand-in change feed: N filings, N/10 deployments and N/50 status changes, generated on the fly.
Event i is a pure function of i, so any cursor can be served without keeping state. Cursors are the index."""
import json, random, sys, datetime, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from urllib.parse import urlparse, parse_qs

N = int(sys.argv[2]); PORT = int(sys.argv[1])
BLOCK, FILINGS, DEPLOYMENTS = 56, 50, 5           # per block: 50 filings, 5 deployments, 1 status change
TOTAL = N // FILINGS * BLOCK
JUR = ["CN-BJ", "CN-TJ", "CN-HE", "CN-SX", "CN-NM", "CN-LN", "CN-JL", "CN-HL", "CN-SH", "CN-JS", "CN-ZJ", "CN-AH",
       "CN-FJ", "CN-JX", "CN-SD", "CN-HA", "CN-HB", "CN-HN", "CN-GD", "CN-GX", "CN-HI", "CN-CQ", "CN-SC", "CN-GZ",
       "CN-YN", "CN-XZ", "CN-SN", "CN-GS", "CN-QH", "CN-NX", "CN-XJ", "SASAC"]
CATS = ["TEXT", "IMAGE", "AUDIO", "VIDEO", "CODE", "MULTIMODAL"]
SECTORS = ["GENERAL", "CUSTOMER_SERVICE", "HEALTHCARE", "LEGAL", "FINANCE", "EDUCATION", "MANUFACTURING", "GOVERNMENT"]
REGIONS = JUR[:31] + ["SG", "HK", "MO", "MY", "US", "DE"]
START = datetime.date(2023, 8, 31); DAYS = (datetime.date(2026, 11, 20) - START).days
T0 = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)

def filing(fid, status=None, since=None):
    r = random.Random(fid)
    kind = "FILING" if r.random() < 0.62 else "REGISTRATION"
    date = None if r.random() < 0.05 else (START + datetime.timedelta(days=r.randrange(DAYS))).isoformat()
    org = 1 + r.randrange(max(1, N // 10))
    history = [] if date is None else [{"status": "ACTIVE", "since": date}]
    f = {"id": fid, "filingNumber": None, "kind": kind, "name": "service %d" % fid, "nameEn": None,
         "organization": {"id": org, "legalName": "机构%d" % org, "nameEn": "Org %d" % org},
         "jurisdiction": None if r.random() < 0.1 else r.choice(JUR), "filingDate": date,
         "categories": r.sample(CATS, 1 + (r.random() < 0.3)), "sectors": ["GENERAL"],
         "weightsAccess": r.choice(["OPEN", "API_ONLY", "CLOSED", None]),
         "baseFilingId": r.randrange(1, fid) if kind == "REGISTRATION" and fid > 1 and r.random() < 0.7 else None,
         "status": "ACTIVE", "statusHistory": history, "version": 0}
    if status:
        f["status"] = status; f["version"] = 1
        f["statusHistory"] = history + [{"status": status, "since": since}]
    return f

def event(i):
    block, pos = divmod(i - 1, BLOCK)
    r = random.Random(-i)
    if pos < FILINGS:
        fid = block * FILINGS + pos + 1
        typ, eid, data = "filing.created", fid, filing(fid)
    elif pos < FILINGS + DEPLOYMENTS:
        did = block * DEPLOYMENTS + pos - FILINGS + 1
        since = None if r.random() < 0.1 else (START + datetime.timedelta(days=r.randrange(DAYS))).isoformat()
        typ, eid = "deployment.created", did
        data = {"id": did, "filingId": 1 + r.randrange(block * FILINGS + FILINGS), "region": r.choice(REGIONS),
                "sector": r.choice(SECTORS), "since": since, "version": 0}
    else:
        fid = block * FILINGS + 1 + r.randrange(FILINGS)
        typ, eid = "filing.status-changed", fid
        data = filing(fid, r.choice(["SUSPENDED", "WITHDRAWN", "REVOKED"]), "2026-06-01")
    return {"cursor": str(i), "occurredAt": (T0 + datetime.timedelta(seconds=i)).isoformat().replace("+00:00", "Z"),
            "type": typ, "entityId": eid, "data": data}

class Feed(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def do_GET(self):
        q = parse_qs(urlparse(self.path).query)
        after = int(q.get("after", ["0"])[0]); limit = int(q.get("limit", ["100"])[0])
        events = [event(i) for i in range(after + 1, min(TOTAL, after + limit) + 1)]
        if not events:  # long-poll: nothing will come, so hold the poll for its whole wait
            time.sleep(int(q.get("wait", ["0"])[0]))
        body = json.dumps({"events": events, "nextCursor": events[-1]["cursor"] if events else (q.get("after") or [None])[0]},
                          ensure_ascii=False).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)

print(TOTAL, flush=True)
ThreadingHTTPServer(("127.0.0.1", PORT), Feed).serve_forever()
PY

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
  # A service stopped by a signal leaves its embedded PostgreSQL running: stop each by its postmaster.pid.
  for pidfile in "$WORK"/data-*/insights/pg16/postmaster.pid "$WORK"/fresh/*/pg16/postmaster.pid; do
    [[ -f $pidfile ]] && kill -INT "$(head -1 "$pidfile")" 2>/dev/null || true
  done
}
trap cleanup EXIT

field() { python3 -c "import json,sys; d=json.load(sys.stdin); c=[c for c in d['checks'] if c['name']=='change-feed-follower'][0]['data']; print(c.get('$1'))"; }
wait_ready() { for _ in $(seq 1 180); do curl -sf "$1/q/health/ready" >/dev/null && return 0; sleep 1; done; echo "not ready: $1" >&2; exit 1; }

# p99 in milliseconds of one URL under wrk (extra args: headers)
p99() {
  local url=$1; shift
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" \
    | awk '$1=="99%" { v=$2; if (v ~ /us$/) { sub(/us$/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v=v*1000 }; printf "%.2f", v }'
}
best() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b + 0 < a + 0) print b; else print a }'; }

ENDPOINTS=(
  "summary" "summary?asOf=2025-06-30" "categories" "categories?kind=FILING&jurisdiction=CN-GD&from=2024-01-01&to=2025-12-31"
  "regions" "regions?asOf=2025-06-30" "trends" "trends?bucket=quarter&mode=cumulative" "organizations?limit=10"
  "matrix" "matrix?asOf=2025-06-30" "lineage" "weights?asOf=2025-06-30" "coverage" "304")
declare -A RESULT

# ---- 1. replay the generated feed into one database per size ----------------------------------------------------
for size in $SIZES; do
  if [[ ${BENCH_REUSE:-0} == 1 && -f "$WORK/data-$size/replayed" ]]; then
    echo "== $size filings: reusing $WORK/data-$size ($(cat "$WORK/data-$size/replayed"))"
    RESULT[apply,$size]="$(cat "$WORK/data-$size/replayed") (earlier run)"
    continue
  fi
  echo "== $size filings: replaying the generated feed"
  rm -rf "$WORK/data-$size"
  python3 "$WORK/feed.py" "$FEED_PORT" "$size" >"$WORK/feed-$size.log" 2>&1 &
  pids+=($!)
  base="http://127.0.0.1:$INSIGHTS_PORT"
  BEIAN_DATA_DIR="$WORK/data-$size" BEIAN_INSIGHTS_PORT=$INSIGHTS_PORT \
  BEIAN_INSIGHTS_REGISTRY_URL="http://127.0.0.1:$FEED_PORT" BEIAN_INSIGHTS_FOLLOW_BATCH_SIZE=1000 \
    java -Xmx1g -jar "$JAR" >"$WORK/insights-$size.log" 2>&1 &
  pids+=($!)
  wait_ready "$base"
  total=$(head -1 "$WORK/feed-$size.log")
  started=$(date +%s)
  while true; do
    h=$(curl -s "$base/q/health/ready")
    applied=$(field eventsApplied <<<"$h"); caught=$(field caughtUp <<<"$h")
    [[ "$applied" == "$total" && "$caught" == "True" ]] && break
    sleep 2
    printf "\r   applied %s of %s events" "$applied" "$total"
  done
  took=$(( $(date +%s) - started ))
  printf "\r   applied %s events in %ss (%s events/s)\n" "$total" "$took" "$(( total / (took > 0 ? took : 1) ))"
  RESULT[apply,$size]="$total events in ${took}s"
  cleanup
  echo "${RESULT[apply,$size]}" >"$WORK/data-$size/replayed"
done

[[ ${BENCH_REPLAY_ONLY:-0} == 1 ]] && { for size in $SIZES; do echo "replay at $size filings: ${RESULT[apply,$size]}"; done; exit 0; }

# ---- 2. measure every size in turn, BENCH_ROUNDS times ----------------------------------------------------------
declare -A URL
port=$INSIGHTS_PORT
for size in $SIZES; do
  port=$((port + 1))
  URL[$size]="http://127.0.0.1:$port"
  BEIAN_DATA_DIR="$WORK/data-$size" BEIAN_INSIGHTS_PORT=$port BEIAN_INSIGHTS_FOLLOW_ENABLED=false \
    env ${BENCH_CACHE_ANSWERS:+BEIAN_INSIGHTS_CACHE_ANSWERS=$BENCH_CACHE_ANSWERS} java -Xmx1g -jar "$JAR" >"$WORK/measure-$size.log" 2>&1 &
  pids+=($!)
done
for size in $SIZES; do wait_ready "${URL[$size]}"; done
echo "== warming up (JIT, connection pools, PostgreSQL caches)${BENCH_CACHE_ANSWERS:+; answer cache: $BENCH_CACHE_ANSWERS entries}"
for size in $SIZES; do
  for e in "${ENDPOINTS[@]}"; do
    [[ $e == 304 ]] || wrk -t1 -c"$CONNECTIONS" -d2s "${URL[$size]}/api/v1/insights/$e" >/dev/null
  done
done
declare -A ETAG
for size in $SIZES; do
  ETAG[$size]=$(curl -s -D - -o /dev/null "${URL[$size]}/api/v1/insights/matrix" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
done
for size in $SIZES; do  # warm the 304 path too (it runs on the event loop, apart from the computed answers)
  wrk -t1 -c"$CONNECTIONS" -d2s -H "If-None-Match: ${ETAG[$size]}" "${URL[$size]}/api/v1/insights/matrix" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round of $ROUNDS (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  for e in "${ENDPOINTS[@]}"; do
    line=$(printf "   %-78s" "$e")
    for size in $SIZES; do
      if [[ $e == 304 ]]; then
        v=$(p99 "${URL[$size]}/api/v1/insights/matrix" -H "If-None-Match: ${ETAG[$size]}")
      else
        v=$(p99 "${URL[$size]}/api/v1/insights/$e")
      fi
      RESULT[$e,$size]=$(best "${RESULT[$e,$size]:-}" "$v")
      line+=$(printf " %9s" "$v")
    done
    echo "$line"
  done
done
cleanup

# ---- 3. freshness: registry write -> visible in insights --------------------------------------------------------
if (( WRITES > 0 )); then
  echo "== freshness over $WRITES writes (registry and insights on fresh embedded databases)"
  [[ -f registry-service/target/quarkus-app/quarkus-run.jar ]] || ./mvnw -B -q -DskipTests install -pl registry-service -am
  rm -rf "$WORK/registry-app" "$WORK/fresh" && cp -r registry-service/target/quarkus-app "$WORK/registry-app"
  registry="http://127.0.0.1:$FEED_PORT"; insights="http://127.0.0.1:$INSIGHTS_PORT"
  BEIAN_DATA_DIR="$WORK/fresh" BEIAN_REGISTRY_PORT=$FEED_PORT java -Xmx1g -jar "$WORK/registry-app/quarkus-run.jar" \
    >"$WORK/fresh-registry.log" 2>&1 &
  pids+=($!)
  BEIAN_DATA_DIR="$WORK/fresh" BEIAN_INSIGHTS_PORT=$INSIGHTS_PORT BEIAN_INSIGHTS_REGISTRY_URL="$registry" \
    java -Xmx1g -jar "$JAR" >"$WORK/fresh-insights.log" 2>&1 &
  pids+=($!)
  wait_ready "$registry"; wait_ready "$insights"
  RESULT[fresh]=$(python3 - "$registry" "$insights" "$WRITES" <<'PY'
import json, sys, time, urllib.request, urllib.error
registry, insights, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def summary(etag):
    req = urllib.request.Request(insights + "/api/v1/insights/summary", headers={"If-None-Match": etag} if etag else {})
    try:
        with urllib.request.urlopen(req) as r:
            return json.load(r)["total"], r.headers["ETag"]
    except urllib.error.HTTPError as e:
        if e.code == 304:
            return None, etag
        raise
total, etag = summary(None)
lat = []
for i in range(n):
    body = json.dumps({"kind": "FILING", "name": "freshness probe %d" % i, "organizationName": "基准测试有限公司",
                       "jurisdiction": "CN-SH", "filingDate": "2026-01-01", "categories": ["TEXT"]}).encode()
    start = time.perf_counter()
    urllib.request.urlopen(urllib.request.Request(registry + "/api/v1/filings", data=body,
                                                  headers={"Content-Type": "application/json"})).read()
    while True:  # polls with If-None-Match, as a dashboard would: 304s until the write shows
        seen, etag = summary(etag)
        if seen is not None and seen > total:
            total = seen
            break
        time.sleep(0.001)
    lat.append((time.perf_counter() - start) * 1000)
lat.sort()
print("p50 %.0f ms, p99 %.0f ms, max %.0f ms" % (lat[len(lat) // 2], lat[int(len(lat) * 0.99) - 1], lat[-1]))
PY
)
  echo "   ${RESULT[fresh]}"
  cleanup
fi

read -r small large <<<"$(echo "$SIZES" | awk '{print $1, $NF}')"
echo
echo "== best p99 of $ROUNDS rounds, ms ($CONNECTIONS connections, $DURATION each); targets: < 10 ms at $large, <= 2x the p99 at $small; 304 < 2 ms"
printf "%-80s %10s %10s %7s  %s\n" "endpoint" "$small" "$large" "ratio" "verdict"
failed=0
for e in "${ENDPOINTS[@]}"; do
  a=${RESULT[$e,$small]}; b=${RESULT[$e,$large]}
  limit=10; [[ $e == 304 ]] && limit=2
  verdict=$(awk -v a="$a" -v b="$b" -v limit="$limit" 'BEGIN { r = b / (a > 0 ? a : 0.001); printf "%.2f %s", r, (b < limit && r <= 2) ? "ok" : "MISSED" }')
  [[ $verdict == *MISSED* ]] && failed=1
  printf "%-80s %10s %10s %7s  %s\n" "$e" "$a" "$b" ${verdict}
done
for size in $SIZES; do echo "replay at $size filings: ${RESULT[apply,$size]}"; done
if [[ -n ${RESULT[fresh]:-} ]]; then
  p99fresh=$(sed -E 's/.*p99 ([0-9]+) ms.*/\1/' <<<"${RESULT[fresh]}")
  verdict=ok; (( p99fresh < 1000 )) || { verdict=MISSED; failed=1; }
  echo "freshness (write to the registry -> counted by insights), $WRITES writes: ${RESULT[fresh]}  $verdict"
fi
exit $failed
