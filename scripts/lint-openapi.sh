#!/usr/bin/env bash
# Fetches the merged OpenAPI document from a running gateway and lints it with Redocly CLI (recommended rules).
# Exits non-zero when the document has errors; warnings are printed but pass.
#
#   scripts/lint-openapi.sh [gateway base URL, default http://127.0.0.1:8080]
#
# Redocly CLI comes from the npm registry and is installed once into $BEIAN_REDOCLY_DIR (default
# /tmp/beian-redocly), never into the project. Pinned, because later releases need a newer Node.js.
set -euo pipefail
BASE=${1:-http://127.0.0.1:8080}
REDOCLY_VERSION=${BEIAN_REDOCLY_VERSION:-2.77.0}
TOOL_DIR=${BEIAN_REDOCLY_DIR:-/tmp/beian-redocly}
REDOCLY="$TOOL_DIR/node_modules/.bin/redocly"

command -v npm >/dev/null || { echo "lint-openapi: npm is needed (Node.js 20 or newer)" >&2; exit 2; }
if [[ ! -x "$REDOCLY" ]] || ! "$REDOCLY" --version 2>/dev/null | grep -qx "$REDOCLY_VERSION"; then
  echo "Installing @redocly/cli@$REDOCLY_VERSION into $TOOL_DIR ..."
  mkdir -p "$TOOL_DIR"
  npm install --prefix "$TOOL_DIR" --no-audit --no-fund --loglevel=error "@redocly/cli@$REDOCLY_VERSION" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
doc="$work/openapi.json"
status=$(curl -sS -o "$doc" -w '%{http_code}' -H 'Accept: application/json' "$BASE/openapi") || {
  echo "lint-openapi: cannot reach $BASE/openapi" >&2; exit 2; }
[[ "$status" == 200 ]] || { echo "lint-openapi: $BASE/openapi answered $status" >&2; exit 2; }

echo "Linting the merged document from $BASE/openapi ($(wc -c <"$doc") bytes) ..."

# --format stylish keeps the output short: one line per problem.
if "$REDOCLY" lint --format stylish "$doc"; then
  echo "openapi lint: no errors"
else
  echo "openapi lint: errors found" >&2
  exit 1
fi
