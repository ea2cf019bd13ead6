#!/usr/bin/env bash
# CI stage: the container images and deploy/compose.yaml, run for real with podman. Installs podman, runc,
# podman-compose, mmdebstrap, aardvark-dns, netavark and iptables from Debian when missing; packages the jars
# when missing; builds the local stand-ins for the public base images (deploy/containers/build-base-images.sh,
# kept when they exist) and the three service images; starts the compose file with the stand-ins; waits until
# the registry, insights and the gateway are ready; runs scripts/smoke-test.sh through the published gateway
# port; restarts the registry's database and the registry and checks that every filing is still there and
# insights still agree; then `down -v`. Cleans up on failure too. Prints build times, image sizes, the time
# from `up` to ready and the idle memory of each container, and closes with "containers: N passed, N failed".
# Measured on a 2-core machine at load average 20: 14 min from a machine without the images (the two base
# images 9.7 min of it, built in parallel), 4.2 min when the base images exist.
# Port: BEIAN_CI_CONTAINERS_PORT (default 18280) on the host for the gateway.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${BEIAN_CI_CONTAINERS_PORT:-18280}
project=beian-ci
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok    $*"; }
fail() { failed=$((failed + 1)); echo "FAIL  $*"; }

missing=()
for pkg in podman runc podman-compose mmdebstrap aardvark-dns netavark iptables; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
export CONTAINER_ENGINE=podman
export CONTAINERS_CONF="$root/deploy/containers/containers.conf"
echo "$(podman --version), $(podman-compose --version 2>/dev/null | grep -i 'podman-compose' | head -1)"

for module in registry-service insights-service gateway; do
  if [[ ! -f "$module/target/quarkus-app/quarkus-run.jar" ]]; then
    ./mvnw -B -q package -DskipTests
    break
  fi
done

start=$SECONDS
bash deploy/containers/build-base-images.sh
base_seconds=$((SECONDS - start))
start=$SECONDS
BEIAN_JRE_IMAGE=localhost/beian-base/jre:17 bash deploy/containers/build-images.sh
images_seconds=$((SECONDS - start))
version=$(podman image inspect --format '{{index .Labels "org.opencontainers.image.version"}}' beian/gateway:latest)

# The compose file's variables, as a user's deploy/.env would set them; random passwords each run.
export POSTGRES_IMAGE=localhost/beian-base/postgres:15
export BEIAN_VERSION=$version
export BEIAN_HTTP_PORT=$port
export BEIAN_SERVICE_MEMORY=768m
export REGISTRY_DB_PASSWORD INSIGHTS_DB_PASSWORD BEIAN_SMOKE_API_KEY
REGISTRY_DB_PASSWORD=$(openssl rand -hex 16)
INSIGHTS_DB_PASSWORD=$(openssl rand -hex 16)
BEIAN_SMOKE_API_KEY=$(openssl rand -hex 24)
export BEIAN_ADMIN_KEY_SHA256
BEIAN_ADMIN_KEY_SHA256=$(printf %s "$BEIAN_SMOKE_API_KEY" | sha256sum | cut -d' ' -f1)

compose() { podman-compose -p "$project" -f deploy/compose.yaml "$@"; }
container() { echo "${project}_$1_1"; }
base="http://127.0.0.1:$port"
work=$(mktemp -d)

cleanup() {
  local status=$?
  if [[ $status -ne 0 || $failed -ne 0 ]]; then
    for service in registry-db insights-db registry insights gateway; do
      echo "--- last log lines of $service"
      podman logs --tail 40 "$(container "$service")" 2>&1 | sed 's/^/    /' || true
    done
  fi
  compose down -v >"$work/down.log" 2>&1 || { echo "compose down failed:"; tail -20 "$work/down.log"; }
  podman network rm "${project}_default" >/dev/null 2>&1 || true # podman-compose 1.0.3's down leaves it
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
compose down -v >/dev/null 2>&1 || true # what a run that was killed left behind

# ready SECONDS: until the gateway answers and reports both backends UP, and each service's own HEALTHCHECK
# (the image's /q/health/ready) passes. The gateway's own readiness is UP while a backend is down.
ready() {
  local deadline=$((SECONDS + $1)) body
  while ((SECONDS < deadline)); do
    body=$(curl -s --max-time 5 "$base/q/health/ready" || true)
    if grep -q '"registry": "UP"' <<<"$body" && grep -q '"insights": "UP"' <<<"$body" \
        && podman healthcheck run "$(container registry)" >/dev/null 2>&1 \
        && podman healthcheck run "$(container insights)" >/dev/null 2>&1 \
        && podman healthcheck run "$(container gateway)" >/dev/null 2>&1; then
      return 0
    fi
    sleep 1
  done
  echo "not ready after $1 s; gateway readiness: ${body:-no answer}"
  return 1
}

start=$SECONDS
compose up -d >"$work/up.log" 2>&1 || { cat "$work/up.log"; exit 1; }
if ready 300; then
  up_seconds=$((SECONDS - start))
  pass "compose up: registry, insights and gateway ready through port $port in $up_seconds s"
else
  fail "compose up: the suite did not become ready"; exit 1
fi

published=$(podman ps --filter "label=io.podman.compose.project=$project" --format '{{.Names}} {{.Ports}}' | grep -c '0.0.0.0:\|:::' || true)
if [[ "$published" == 1 ]] && podman port "$(container gateway)" | grep -q ":$port\$"; then
  pass "only the gateway publishes a port ($port)"
else
  fail "published ports: $(podman ps --filter "label=io.podman.compose.project=$project" --format '{{.Names}} {{.Ports}}')"
fi
user=$(podman exec "$(container registry)" id -u)
if [[ "$user" == 10001 ]]; then pass "the services run as UID 10001, not root"; else fail "registry runs as UID $user"; fi

smoke_log="$work/smoke.log"
bash scripts/smoke-test.sh "$base" | tee "$smoke_log" || true
counts=$(grep -E '^smoke: [0-9]+ passed, [0-9]+ failed$' "$smoke_log" | tail -1 | sed 's/^smoke: //')
if [[ -n "$counts" ]]; then
  passed=$((passed + ${counts%% passed*}))
  failed=$((failed + $(sed -E 's/.* ([0-9]+) failed/\1/' <<<"$counts")))
else
  fail "the smoke test printed no closing count"
fi

# Idle memory, measured after the smoke test's writes have settled.
sleep 10
memory=$(podman stats --no-stream --format '{{.Name}} {{.MemUsage}}' \
  $(podman ps -q --filter "label=io.podman.compose.project=$project") 2>&1 || true)

# Every filing (the whole list as CSV, sorted) and insights' totals, before and after restarting the
# registry's database and the registry itself.
filings() { curl -sf -H 'Accept: text/csv' "$base/api/v1/filings" | sort; }
total() { curl -sf "$base/api/v1/insights/summary" | grep -o '"total":[0-9]*' | head -1; }
filings >"$work/before.csv"
before_total=$(total)
rows=$(($(wc -l <"$work/before.csv") - 1))
start=$SECONDS
# (podman logs an error that it cannot reach systemd to schedule the health checks; CI runs them by hand.)
podman restart "$(container registry-db)" >/dev/null 2>>"$work/restart.err"
podman restart "$(container registry)" >/dev/null 2>>"$work/restart.err"
if ready 300; then
  pass "registry and its database restarted, suite ready again in $((SECONDS - start)) s"
else
  fail "the suite did not become ready after restarting the registry"
fi
filings >"$work/after.csv"
if [[ $rows -ge 50 ]] && cmp -s "$work/before.csv" "$work/after.csv"; then
  pass "all $rows filings are still there after the restart, unchanged"
else
  fail "filings before ($rows) and after the restart differ: $(diff "$work/before.csv" "$work/after.csv" | head -5)"
fi
after_total=$(total)
if [[ "$after_total" == "\"total\":$rows" && "$before_total" == "$after_total" ]]; then
  pass "insights still agree: $after_total"
else
  fail "insights total before $before_total, after $after_total, filings $rows"
fi
marker='{"kind":"FILING","name":"重启后模型","organizationName":"容器测试有限公司","filingNumber":"Beijing-ContainerTest-20240301","filingDate":"2024-03-01","categories":["TEXT"]}'
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $BEIAN_SMOKE_API_KEY" \
  -H 'Content-Type: application/json' -d "$marker" "$base/api/v1/filings")
follow=""
# Up to 90 s: insights' feed client backs off up to 30 s between attempts while the registry was away.
for _ in $(seq 1 90); do
  [[ "$(total)" == "\"total\":$((rows + 1))" ]] && { follow=1; break; }
  sleep 1
done
if [[ "$status" == 201 && -n "$follow" ]]; then
  pass "after the restart a new filing is accepted and insights follow it"
else
  fail "after the restart: create answered $status, insights $(total)"
fi

# Backup and restore as deploy/README.md tells: pg_dump in the database's container (podman exec: podman-compose
# 1.0.3 writes its own lines to standard output, which would corrupt a dump), pg_restore from standard input
# into a fresh database, which then holds every filing.
if podman exec "$(container registry-db)" pg_dump -U beian -Fc registry >"$work/registry.dump" 2>"$work/dump.err" \
    && podman exec "$(container registry-db)" createdb -U beian restore_check \
    && podman exec -i "$(container registry-db)" pg_restore -U beian -d restore_check --no-owner <"$work/registry.dump"; then
  restored=$(podman exec "$(container registry-db)" psql -U beian -d restore_check -tAc 'SELECT count(*) FROM filing')
  if [[ "$restored" == $((rows + 1)) ]]; then
    pass "pg_dump in the database container, pg_restore into a fresh database: $restored filings restored ($(($(wc -c <"$work/registry.dump") / 1024)) KiB dump)"
  else
    fail "the restored database holds $restored filings, expected $((rows + 1))"
  fi
else
  fail "backup or restore failed: $(head -5 "$work/dump.err")"
fi

echo
echo "=== figures ==="
echo "base images (build or kept):  $base_seconds s"
echo "service images (3 builds):    $images_seconds s"
for image in localhost/beian-base/jre:17 localhost/beian-base/postgres:15 \
    "beian/registry-service:$version" "beian/insights-service:$version" "beian/gateway:$version"; do
  printf '  %-40s %4d MB\n' "$image" $(($(podman image inspect --format '{{.Size}}' "$image") / 1000000))
done
echo "compose up -> ready:          ${up_seconds} s"
echo "idle memory per container (podman stats, after the smoke test):"
sed 's/^/  /' <<<"$memory"
echo
echo "containers: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
