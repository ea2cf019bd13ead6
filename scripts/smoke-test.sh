#!/usr/bin/env bash
# End-to-end smoke test through the gateway of a running suite. Prints "N passed, N failed"; exits non-zero
# on any failure. Usage: scripts/smoke-test.sh [gateway base URL, default http://127.0.0.1:8080]
set -uo pipefail
BASE=${1:-http://127.0.0.1:8080}
passed=0; failed=0

check() { # description, command...
  local what=$1; shift
  if out=$("$@" 2>&1); then
    passed=$((passed + 1)); echo "ok    $what"
  else
    failed=$((failed + 1)); echo "FAIL  $what"; echo "$out" | head -20 | sed 's/^/      /'
  fi
}
# status_is URL expected-status [curl args...]
status_is() {
  local url=$1 want=$2; shift 2
  local got; got=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url")
  [[ "$got" == "$want" ]] || { echo "expected $want, got $got from $url"; return 1; }
}
body_has() { # URL text [curl args...]
  local url=$1 text=$2; shift 2
  local body; body=$(curl -s "$@" "$url")
  grep -qF -- "$text" <<<"$body" || { echo "no '$text' in: ${body:0:400}"; return 1; }
}
header_has() { # URL header-line-regex [curl args...]
  local url=$1 re=$2; shift 2
  curl -s -D - -o /dev/null "$@" "$url" | tr -d '\r' | grep -qiE -- "$re" || { echo "no header /$re/ from $url"; return 1; }
}

check "gateway ready, both backends UP" body_has "$BASE/q/health/ready" '"registry": "UP"'
check "insights backend UP in gateway readiness" body_has "$BASE/q/health/ready" '"insights": "UP"'
check "jurisdictions via gateway (registry)" body_has "$BASE/api/v1/reference/jurisdictions" '"code":"CN-BJ"'
check "Chinese names survive the round trip" body_has "$BASE/api/v1/reference/jurisdictions" '"nameZh":"北京市"'
check "official totals via gateway (insights)" body_has "$BASE/api/v1/insights/official-totals" '"filedCumulative":988'
check "unknown API path is a 404 problem" header_has "$BASE/api/v1/no-such-thing" '^content-type: application/problem\+json'
check "request id is kept end to end" header_has "$BASE/api/v1/reference/sectors" '^x-request-id: smoke-1$' -H 'X-Request-Id: smoke-1'
check "metrics are exposed" status_is "$BASE/q/metrics" 200

KEY=${BEIAN_SMOKE_API_KEY:-ci-smoke-admin-key}
CAC_ROWS=$(dirname "$0")/../data/cac-filings.csv
filing='{"kind":"FILING","name":"烟测模型","organizationName":"烟测科技有限公司","filingNumber":"Beijing-SmokeTest-20240101","filingDate":"2024-01-20","categories":["TEXT"]}'
check "write without an API key is a 401 problem" status_is "$BASE/api/v1/filings" 401 -X POST -H 'Content-Type: application/json' -d "$filing"
check "create a filing through the gateway" status_is "$BASE/api/v1/filings" 201 -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d "$filing"
check "import the real CAC rows through the gateway" body_has "$BASE/api/v1/filings/import?batch=smoke" '"created":49' -X POST -H "X-API-Key: $KEY" -H 'Content-Type: text/csv' --data-binary @"$CAC_ROWS"
check "one-character Chinese search" body_has "$BASE/api/v1/filings?q=%E6%96%87" '文心一言'
check "CSV export" body_has "$BASE/api/v1/filings?jurisdiction=SASAC" 'ZhongYangQiYe-JiuTian-20240123' -H 'Accept: text/csv'
check "change feed carries the import" body_has "$BASE/api/v1/changes?limit=1000" '"filing.created"'
eventually_has() { # URL text: retries for up to 15 s (insights follows the change feed asynchronously)
  for _ in $(seq 1 30); do
    body_has "$@" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  body_has "$@"
}
check "insights follow the registry: summary counts all 50 filings" eventually_has "$BASE/api/v1/insights/summary" '"total":50'
check "insights by jurisdiction include SASAC" eventually_has "$BASE/api/v1/insights/regions" 'SASAC'
check "insights coverage against official totals" body_has "$BASE/api/v1/insights/coverage" '988'
etag=$(curl -s -D - -o /dev/null "$BASE/api/v1/insights/summary" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
check "insights poll with a current ETag is a 304" status_is "$BASE/api/v1/insights/summary" 304 -H "If-None-Match: $etag"
check "merged OpenAPI names both services" body_has "$BASE/openapi" 'listFilings'
check "merged OpenAPI has the insights operations" body_has "$BASE/openapi" '/api/v1/insights/summary'
check "Swagger UI is served" status_is "$BASE/swagger-ui/" 200
check "the dashboard is at the root, with a same-origin script policy" header_has "$BASE/" "^content-security-policy: .*script-src 'self'"
check "the API index links the filings" body_has "$BASE/api/v1/" '"filingsUrl":"/api/v1/filings'

echo "smoke: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
