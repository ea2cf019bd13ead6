#!/usr/bin/env bash
# Builds local stand-ins for the two public images the containers need, from Debian 12 packages, for machines
# that reach Debian's package mirror but no container registry (this project's CI):
#   beian-base/jre:17        Java 17 runtime (openjdk-17-jre-headless), ca-certificates, curl for HEALTHCHECK;
#                            stands in for docker.io/library/eclipse-temurin:17-jre
#   beian-base/postgres:15   Debian's PostgreSQL 15 with an entrypoint that honours POSTGRES_USER,
#                            POSTGRES_PASSWORD, POSTGRES_DB and PGDATA as the official image does;
#                            stands in for docker.io/library/postgres:16
# Each is a minimal Debian root file system made by mmdebstrap and imported with `podman import` (or
# `docker import`); the two are made in parallel. A user with registry access does not need this script.
# Usage: deploy/containers/build-base-images.sh [--force]   (an existing image is kept unless --force)
# Environment: DEBIAN_MIRROR (default http://deb.debian.org/debian), CONTAINER_ENGINE (podman or docker).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=engine.sh
source "$here/engine.sh"

JRE_IMAGE=${BEIAN_BASE_JRE_IMAGE:-localhost/beian-base/jre:17}
PG_IMAGE=${BEIAN_BASE_POSTGRES_IMAGE:-localhost/beian-base/postgres:15}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${DEBIAN_SECURITY_MIRROR:-${mirror%/debian}/debian-security}
force=""
[[ "${1:-}" == "--force" ]] && force=1

command -v mmdebstrap >/dev/null || { echo "mmdebstrap is missing (apt-get install mmdebstrap)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Leave out what a container never reads: documentation, manual pages, translations.
slim=(
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright'
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*'
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/lintian/*'
  # update-alternatives (openjdk's postinst) links manual pages and fails when their folder is missing.
  --essential-hook='mkdir -p "$1/usr/share/man/man1"'
  --aptopt='APT::Install-Recommends "false"'
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/var/log/*.log "$1"/var/log/apt'
)
sources=("deb $mirror bookworm main" "deb $mirror bookworm-updates main" "deb $security bookworm-security main")

# The build functions run on the left of `||`, where bash ignores set -e: each step that can fail says `|| return 1`.
build_jre() {
  mmdebstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,curl "${slim[@]}" \
    bookworm "$work/jre.tar" "${sources[@]}" || return 1
  "$ENGINE" import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'LABEL org.opencontainers.image.description="Debian 12 minbase with OpenJDK 17 JRE (local stand-in for eclipse-temurin:17-jre)"' \
    --change 'CMD ["java","-version"]' \
    "$work/jre.tar" "$JRE_IMAGE" >/dev/null
}

build_postgres() {
  # Debian's package would create a cluster at install time; the entrypoint makes one in PGDATA instead.
  mmdebstrap --variant=minbase --include=postgresql-15,postgresql-client-15 "${slim[@]}" \
    --essential-hook='mkdir -p "$1/etc/postgresql-common/createcluster.d" && echo "create_main_cluster = false" >"$1/etc/postgresql-common/createcluster.d/no-main-cluster.conf"' \
    --customize-hook="install -m 0755 '$here/postgres-entrypoint.sh' \"\$1/usr/local/bin/docker-entrypoint.sh\"" \
    --customize-hook='mkdir -p "$1/var/lib/postgresql/data" "$1/run/postgresql" && chroot "$1" chown -R postgres:postgres /var/lib/postgresql /run/postgresql' \
    bookworm "$work/postgres.tar" "${sources[@]}" || return 1
  "$ENGINE" import \
    --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV PGDATA=/var/lib/postgresql/data' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'VOLUME /var/lib/postgresql/data' \
    --change 'EXPOSE 5432' \
    --change 'STOPSIGNAL SIGINT' \
    --change 'LABEL org.opencontainers.image.description="Debian 12 minbase with PostgreSQL 15 (local stand-in for postgres:16)"' \
    --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
    --change 'CMD ["postgres"]' \
    "$work/postgres.tar" "$PG_IMAGE" >/dev/null
}

exists() { "$ENGINE" image inspect "$1" >/dev/null 2>&1; }
pids=()
names=()
for pair in "jre:$JRE_IMAGE" "postgres:$PG_IMAGE"; do
  kind=${pair%%:*}; image=${pair#*:}
  if [[ -z "$force" ]] && exists "$image"; then
    echo "kept     $image (exists; --force rebuilds it)"
    continue
  fi
  ( start=$SECONDS; "build_$kind" >"$work/$kind.log" 2>&1 || { tail -30 "$work/$kind.log" >&2; exit 1; }
    echo "built    $image in $((SECONDS - start)) s" ) &
  pids+=($!); names+=("$image")
done
status=0
for i in "${!pids[@]}"; do wait "${pids[$i]}" || { echo "FAILED   ${names[$i]}" >&2; status=1; }; done
[[ $status -eq 0 ]] || exit 1
for image in "$JRE_IMAGE" "$PG_IMAGE"; do
  printf '%-40s %s\n' "$image" "$("$ENGINE" image inspect --format '{{.Size}}' "$image" | awk '{printf "%d MB", $1/1000000}')"
done
