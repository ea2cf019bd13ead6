#!/usr/bin/env bash
# Several replicas, tested with processes (issue 12): the packaged services against the PostgreSQL server on
# 127.0.0.1:5432, in databases of their own (beian_replicas_registry, beian_replicas_insights).
#  - two registry processes on one database: writes and imports on both at once give one feed without gap or
#    duplicate; a long-poll on either wakes on a write made on the other;
#  - two insights processes on one database: exactly one applies the feed; kill -9 of the active one, and the
#    loss of its lock's connection, hand over to the other (takeover time printed) while writes go on, and
#    every aggregate still equals the registry's counts, every event applied exactly once;
#  - SIGTERM: readiness DOWN first, in-flight requests (an import, long-polls) complete, the process exits.
# Ports 18180-18185 by default (BEIAN_REPLICAS_PORT_BASE). Prints "N passed, N failed"; exits non-zero on any
# failure. Takes about 3-4 minutes on a 2-core machine.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

BASE_PORT=${BEIAN_REPLICAS_PORT_BASE:-18180}
GW_PORT=$BASE_PORT; RA_PORT=$((BASE_PORT + 1)); RB_PORT=$((BASE_PORT + 2)); IA_PORT=$((BASE_PORT + 3)); IB_PORT=$((BASE_PORT + 4))
RA=http://127.0.0.1:$RA_PORT; RB=http://127.0.0.1:$RB_PORT; IA=http://127.0.0.1:$IA_PORT; IB=http://127.0.0.1:$IB_PORT
GW=http://127.0.0.1:$GW_PORT
REG_DB=beian_replicas_registry; INS_DB=beian_replicas_insights
LOG_DIR=target/replicas-logs; mkdir -p "$LOG_DIR"; rm -f "$LOG_DIR"/*
CHECK="python3 scripts/replicas_check.py"

for tool in python3 curl jq psql; do
  command -v "$tool" >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3 curl jq postgresql-client; break; }
done
for jar in registry-service insights-service gateway; do
  [[ -f $jar/target/quarkus-app/quarkus-run.jar ]] || { ./mvnw -B -q -DskipTests package -pl registry-service,insights-service,gateway -am; break; }
done
bash scripts/ensure-postgres.sh "$REG_DB" "$INS_DB" || exit 1

passed=0; failed=0
check() { # description, command...
  local what=$1; shift
  if out=$("$@" 2>&1); then
    passed=$((passed + 1)); echo "ok    $what"; [[ -n "$out" ]] && echo "$out"
  else
    failed=$((failed + 1)); echo "FAIL  $what"; echo "$out" | head -30 | sed 's/^/      /'
  fi
  return 0
}

declare -A PIDS
cleanup() {
  for name in "${!PIDS[@]}"; do kill -TERM "${PIDS[$name]}" 2>/dev/null || true; done
  sleep 1
  for name in "${!PIDS[@]}"; do
    for _ in $(seq 1 30); do kill -0 "${PIDS[$name]}" 2>/dev/null || break; sleep 1; done
    kill -KILL "${PIDS[$name]}" 2>/dev/null || true
  done
}
trap cleanup EXIT

db() { echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$1" QUARKUS_DATASOURCE_USERNAME=beian QUARKUS_DATASOURCE_PASSWORD=beian; }
start() { # name, jar, env assignments...
  local name=$1 jar=$2; shift 2
  env "$@" java -Xmx384m -XX:TieredStopAtLevel=1 -jar "$jar" >>"$LOG_DIR/$name.log" 2>&1 &
  PIDS[$name]=$!
}
start_registry() { start "$1" registry-service/target/quarkus-app/quarkus-run.jar $(db $REG_DB) BEIAN_REGISTRY_PORT="$2"; }
start_insights() { # name, port, registry URL
  start "$1" insights-service/target/quarkus-app/quarkus-run.jar $(db $INS_DB) BEIAN_INSIGHTS_PORT="$2" \
    BEIAN_INSIGHTS_REGISTRY_URL="$3"
}
ready() { # URL [seconds]: waits for readiness UP
  for _ in $(seq 1 $((${2:-120} * 4))); do
    curl -fsS -o /dev/null "$1/q/health/ready" 2>/dev/null && return 0
    sleep 0.25
  done
  echo "$1 did not become ready"; return 1
}
now_ms() { date +%s%3N; }
follower() { # URL: this insights replica's follower readiness data, as JSON
  curl -s "$1/q/health/ready" | jq -c '.checks[] | select(.name == "change-feed-follower") | .data'
}
is_active() { [[ "$(follower "$1" | jq -r .activeFollower)" == "true" ]]; }
active_gauge() { curl -s "$1/q/metrics" | awk '$1 == "beian_insights_follower_active" {print $2}'; }
became_active_after() { # epoch ms: the first "now the active follower" an insights log reports at or after this time
  local since=$1 day; day=$(date +%F)
  grep -h "now the active follower" "$LOG_DIR"/ins-*.log | while read -r time _; do
    local ms; ms=$(date -d "$day $time" +%s%3N); [[ $ms -ge $since ]] && echo "$ms"
  done | sort -n | head -1
}
start_load() { # tag: writes to both registry replicas in the background until stop_load
  rm -f "$LOG_DIR/load.stop" "$LOG_DIR/load.stop.count"
  $CHECK load "$RA,$RB" --stop "$LOG_DIR/load.stop" --tag "$1" >"$LOG_DIR/load-$1.txt" 2>&1 &
  LOAD=$!; LOAD_TAG=$1
}
load_count() { cat "$LOG_DIR/load.stop.count" 2>/dev/null || echo 0; }
stop_load() { # after at least 10 more writes than $1 (writes go on after the event), in this shell: wait needs the parent
  for _ in $(seq 1 600); do [[ $(load_count) -ge $(( $1 + 10 )) ]] && break; sleep 0.1; done
  touch "$LOG_DIR/load.stop"; wait $LOAD; LOAD_RC=$?
  echo "  $(( $(load_count) - $1 )) writes after it" >>"$LOG_DIR/load-$LOAD_TAG.txt"
}
load_result() { cat "$LOG_DIR/load-$LOAD_TAG.txt"; return $LOAD_RC; }
lock_session() { # the database session holding the follower lock, if any
  PGPASSWORD=beian psql -h 127.0.0.1 -U beian -d $INS_DB -qAt -c \
    "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = 1650813281 AND objid = 1 AND granted"
}

echo "=== registry: two replicas on one database ==="
start_registry reg-a $RA_PORT
start_registry reg-b $RB_PORT
check "two registry replicas start at once on one database (Flyway migrates once)" bash -c "$(declare -f ready); ready $RA 180 && ready $RB 180"
check "a long-poll on replica A wakes on a write made on replica B (LISTEN/NOTIFY across instances)" $CHECK wake $RA $RB
check "a long-poll on replica B wakes on a write made on replica A" $CHECK wake $RB $RA
check "writes and imports on both replicas at once: one feed, no gap, no duplicate, same order from both" \
  $CHECK concurrent $RA $RB --db $REG_DB --seconds 8

echo "=== insights: two replicas on one database, exactly one applies the feed ==="
start_insights ins-a $IA_PORT $RA
start_insights ins-b $IB_PORT $RB
check "two insights replicas ready" bash -c "$(declare -f ready); ready $IA 180 && ready $IB 180"
sleep 2
one_active() {
  local a b; a=$(follower $IA | jq -r .activeFollower); b=$(follower $IB | jq -r .activeFollower)
  [[ "$a/$b" == "true/false" || "$a/$b" == "false/true" ]] || { echo "activeFollower: A $a, B $b"; return 1; }
  local ga gb; ga=$(active_gauge $IA); gb=$(active_gauge $IB)
  [[ "$ga/$gb" == "1.0/0.0" || "$ga/$gb" == "0.0/1.0" ]] || { echo "beian_insights_follower_active: A $ga, B $gb"; return 1; }
  echo "  active: $([[ $a == true ]] && echo A || echo B); readiness of the standby: $(follower $([[ $a == true ]] && echo $IB || echo $IA) | jq -c '{role, activeFollower, lagSeconds}')"
}
check "exactly one is the active follower (readiness activeFollower, gauge beian_insights_follower_active)" one_active
check "both replicas answer with the registry's counts" $CHECK compare $RA "$IA,$IB" --db $REG_DB --timeout 120

start_load KillA
sleep 3
if is_active $IA; then victim=ins-a; survivor=$IB; victim_port=$IA_PORT; victim_registry=$RA; else victim=ins-b; survivor=$IA; victim_port=$IB_PORT; victim_registry=$RB; fi
kill -KILL "${PIDS[$victim]}"; killed_at=$(now_ms); unset "PIDS[$victim]"; writes_at_kill=$(load_count)
takeover() {
  for _ in $(seq 1 300); do
    if is_active $survivor; then
      local seen=$(( $(now_ms) - killed_at )) logged; logged=$(became_active_after $killed_at)
      echo "  takeover after kill -9 of the active follower ($victim): $(( logged - killed_at )) ms until the survivor's log says it is active, $seen ms until its readiness said so"
      return 0
    fi
    sleep 0.05
  done
  echo "the survivor did not take over within 15 s: $(follower $survivor)"; return 1
}
check "kill -9 of the active follower: the other replica takes over within seconds" takeover
stop_load $writes_at_kill
check "writes went on during the takeover" load_result
check "after the takeover every aggregate equals the registry's counts, every event applied once" \
  $CHECK compare $RA "$survivor" --db $REG_DB --timeout 120

start_insights $victim $victim_port $victim_registry
check "the killed replica restarts as a standby and serves the same numbers" bash -c "$(declare -f ready follower); ready http://127.0.0.1:$victim_port 180 \
  && sleep 2 && [[ \$(follower http://127.0.0.1:$victim_port | jq -r .role) == standby ]] \
  && $CHECK compare $RA 'http://127.0.0.1:$victim_port' --db $REG_DB --timeout 60"

start_load CutB
sleep 2
old_session=$(lock_session); [[ -n "$old_session" ]] || old_session=0; if is_active $IA; then holder=ins-a; else holder=ins-b; fi
writes_at_cut=$(load_count)
cut_at=$(PGPASSWORD=beian psql -h 127.0.0.1 -U beian -d $INS_DB -qAt -c \
  "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint FROM (SELECT pg_terminate_backend($old_session)) cut")
relock() {
  for _ in $(seq 1 300); do
    local s; s=$(lock_session)
    if [[ -n "$s" && "$s" != "$old_session" ]] && { is_active $IA || is_active $IB; }; then
      local seen=$(( $(now_ms) - cut_at )) logged; logged=$(became_active_after $cut_at)
      echo "  lock connection of $holder cut: a replica is active again $(( logged - cut_at )) ms later by its log, $seen ms by the database and readiness probes (now A: $(follower $IA | jq -r .role), B: $(follower $IB | jq -r .role))"
      grep -q "no longer the active follower" "$LOG_DIR/$holder.log" || { echo "$holder did not notice losing its lock"; return 1; }
      return 0
    fi
    sleep 0.05
  done
  echo "no replica took the lock again within 15 s"; return 1
}
check "the active follower's lock connection is cut: it notices and stops, a replica takes over" relock
stop_load $writes_at_cut
check "writes went on while the lock moved" load_result
check "still every aggregate equals the registry's counts on both replicas, every event applied once" \
  $CHECK compare $RA "$IA,$IB" --db $REG_DB --timeout 120

echo "=== SIGTERM: readiness DOWN first, in-flight work completes, the process exits ==="
# sigterm NAME URL: SIGTERM, readiness 503 during the shutdown delay, exit within delay + timeout.
sigterm() {
  local name=$1 url=$2 pid=${PIDS[$1]}
  kill -TERM "$pid"; local at; at=$(now_ms)
  sleep 0.3
  local code; code=$(curl -s -o /dev/null -w '%{http_code}' "$url/q/health/ready")
  [[ "$code" == 503 ]] || { echo "readiness during the shutdown delay: $code, expected 503"; return 1; }
  local live; live=$(curl -s -o /dev/null -w '%{http_code}' "$url/q/health/live")
  for _ in $(seq 1 400); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then echo "$name still runs 40 s after SIGTERM"; return 1; fi
  unset "PIDS[$name]"
  echo "  $name: readiness 503 (liveness $live) during the delay, exited $(( $(now_ms) - at )) ms after SIGTERM"
}

if is_active $IA; then term=ins-a; term_url=$IA; other=$IB; else term=ins-b; term_url=$IB; other=$IA; fi
handoff() {
  sigterm $term $term_url || return 1
  for _ in $(seq 1 200); do is_active $other && { echo "  the other replica is active"; return 0; }; sleep 0.05; done
  echo "the other replica did not take over"; return 1
}
check "insights: SIGTERM on the active follower; readiness 503, exit, the standby takes over" handoff

python3 bench/generate_filings.py --count 5000 --start 700001 --seed 7 >"$LOG_DIR/import.csv"
inflight_registry() {
  local after; after=$(python3 -c "import sys; sys.path.insert(0, 'scripts'); import replicas_check as r; print(r.feed_end('$RB'))")
  curl -s -o "$LOG_DIR/longpoll.json" -w '%{http_code}' "$RB/api/v1/changes?after=$after&wait=25" >"$LOG_DIR/longpoll.code" &
  local poll=$!
  curl -s -o "$LOG_DIR/import.json" -w '%{http_code}' -H 'Expect:' -H 'Content-Type: text/csv' --data-binary @"$LOG_DIR/import.csv" \
    "$RB/api/v1/filings/import?batch=sigterm" >"$LOG_DIR/import.code" &
  local import=$!
  sleep 1
  local t0; t0=$(now_ms)
  sigterm reg-b $RB || return 1
  wait $poll; wait $import
  [[ "$(cat $LOG_DIR/import.code)" == 200 ]] || { echo "the import in flight got $(cat $LOG_DIR/import.code): $(head -c 300 $LOG_DIR/import.json)"; return 1; }
  [[ "$(jq .created $LOG_DIR/import.json)" -gt 0 ]] || { echo "import report: $(head -c 300 $LOG_DIR/import.json)"; return 1; }
  [[ "$(cat $LOG_DIR/longpoll.code)" == 200 ]] || { echo "the long-poll in flight got $(cat $LOG_DIR/longpoll.code)"; return 1; }
  echo "  import in flight completed: $(jq -c '{created, updated, rejected}' $LOG_DIR/import.json); the long-poll in flight answered 200"
}
check "registry: SIGTERM during an import and a long-poll; both complete, readiness 503 first" inflight_registry
# A rolling restart starts the stopped replica again: insights B follows the feed through it.
start_registry reg-b $RB_PORT
check "the registry replica stopped by SIGTERM starts again" bash -c "$(declare -f ready); ready $RB 180"

start gateway gateway/target/quarkus-app/quarkus-run.jar BEIAN_GATEWAY_PORT=$GW_PORT BEIAN_GATEWAY_REGISTRY_URL=$RA \
  BEIAN_GATEWAY_INSIGHTS_URL=$other
inflight_gateway() {
  ready $GW 180 || return 1
  local after; after=$(python3 -c "import sys; sys.path.insert(0, 'scripts'); import replicas_check as r; print(r.feed_end('$RA'))")
  curl -s -o "$LOG_DIR/gw-poll.json" -w '%{http_code}' "$GW/api/v1/changes?after=$after&wait=4" >"$LOG_DIR/gw-poll.code" &
  local poll=$!
  sleep 1
  sigterm gateway $GW || return 1
  wait $poll
  [[ "$(cat $LOG_DIR/gw-poll.code)" == 200 ]] || { echo "the call in flight through the gateway got $(cat $LOG_DIR/gw-poll.code)"; return 1; }
  echo "  a 4 s long-poll through the gateway, in flight at SIGTERM, answered 200"
}
check "gateway: SIGTERM during a slow call; it completes, readiness 503 first" inflight_gateway
check "insights still equal the registry after the rolling restarts" $CHECK compare $RA "$other" --db $REG_DB --timeout 120

echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
