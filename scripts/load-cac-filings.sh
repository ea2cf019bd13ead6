#!/usr/bin/env bash
# Imports the real CAC rows of data/cac-filings.csv through the gateway's public API, but only into a registry
# that holds no filings: one that already holds any is never touched. Prints one line saying what it did.
# Used by ./run.sh on every start, and by scripts/ci-browser.sh.
#
#   scripts/load-cac-filings.sh GATEWAY_URL API_KEY      (the key needs the editor or admin role)
set -euo pipefail
BASE=${1:?gateway URL}
KEY=${2:?API key}
cd "$(dirname "$0")/.."
DATA_FILE=data/cac-filings.csv

first_page=$(curl -fsS "$BASE/api/v1/filings?limit=1") || {
  echo "Could not ask the registry whether it holds filings; $DATA_FILE was not loaded" >&2; exit 1; }
if [[ "$first_page" != *'"items":[]'* ]]; then
  exit 0 # the registry holds filings: leave it as it is
fi
report=$(curl -sS -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: text/csv' \
  --data-binary @"$DATA_FILE" "$BASE/api/v1/filings/import?batch=data%2Fcac-filings.csv") || report=""
created=$(sed -n 's/.*"created":\([0-9]*\).*/\1/p' <<<"$report")
if [[ -z "$created" ]]; then
  echo "Could not load $DATA_FILE: ${report:-no answer from the gateway}" >&2
  exit 1
fi
echo "Loaded $created real CAC filings from $DATA_FILE; ./run.sh --empty skips this"
