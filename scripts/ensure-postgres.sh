#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 and holds the roles and databases Beian uses:
# role beian (password beian) owning databases beian_registry and beian_insights (UTF-8, C.UTF-8 locale).
# The databases are created anew on every run, so each CI run starts from an empty schema.
# Usage: scripts/ensure-postgres.sh [database ...]   (default: beian_registry beian_insights)
set -euo pipefail
PGHOST=127.0.0.1; PGPORT=5432
export PGHOST PGPORT

server_up() { pg_isready -h "$PGHOST" -p "$PGPORT" -q 2>/dev/null; }

if ! command -v pg_isready >/dev/null || ! command -v pg_ctlcluster >/dev/null; then
  echo "Installing PostgreSQL from Debian's packages ..."
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
if ! server_up; then
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  if [[ -z "$version" ]]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
    version=$(ls /etc/postgresql | sort -V | tail -1)
  fi
  echo "Starting PostgreSQL $version ..."
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster "$version" main start
  for _ in $(seq 1 60); do server_up && break; sleep 0.5; done
fi
server_up || { echo "PostgreSQL is not answering on $PGHOST:$PGPORT" >&2; exit 1; }

admin() { # runs SQL as the postgres superuser: over TCP (trust) or the local socket as the postgres user
  psql -v ON_ERROR_STOP=1 -qAt -U postgres -d postgres -c "$1" 2>/dev/null \
    || su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -d postgres -c \"$1\""
}
admin "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='beian') THEN CREATE ROLE beian LOGIN PASSWORD 'beian'; END IF; END\$\$;"
databases=("$@"); [[ ${#databases[@]} -gt 0 ]] || databases=(beian_registry beian_insights)
for db in "${databases[@]}"; do
  admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  admin "CREATE DATABASE $db OWNER beian TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
done
echo "PostgreSQL ready: $(psql -qAt -U postgres -d postgres -c 'select version()' 2>/dev/null | cut -c1-40)"
