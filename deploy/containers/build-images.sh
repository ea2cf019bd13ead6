#!/usr/bin/env bash
# Builds the images of the three services into the local image store of podman (or docker where that is what
# the machine has; CONTAINER_ENGINE chooses): beian/<service>:<project version> and beian/<service>:latest.
# Needs the packaged services (./mvnw -B package -DskipTests). No daemon is needed with podman.
# Environment:
#   BEIAN_JRE_IMAGE  base image with a Java 17 runtime and curl
#                    (default docker.io/library/eclipse-temurin:17-jre; on a machine without registry access
#                    use build-base-images.sh and BEIAN_JRE_IMAGE=localhost/beian-base/jre:17)
#   SOURCE_DATE_EPOCH  time stamped on the images and their files (default: the last commit's time), which
#                    makes a rebuild of the same jars produce the same layers (podman)
# Prints each image's name and size.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=engine.sh
source "$here/engine.sh"
cd "$root"

base=${BEIAN_JRE_IMAGE:-docker.io/library/eclipse-temurin:17-jre}
version=$(sed -n '/<artifactId>beian-parent<\/artifactId>/,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
[[ -n "$version" ]] || { echo "no project version found in pom.xml" >&2; exit 1; }
revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)
source_url=$(git config --get remote.origin.url 2>/dev/null || echo unknown)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}

# service module and port
services=("registry-service 8081" "insights-service 8082" "gateway 8080")

for entry in "${services[@]}"; do
  read -r module port <<<"$entry"
  [[ -f "$module/target/quarkus-app/quarkus-run.jar" ]] || {
    echo "$module/target/quarkus-app is missing: run ./mvnw -B package -DskipTests first" >&2; exit 1; }
done

extra=()
if [[ "$ENGINE" == podman ]]; then
  # docker format: the OCI image format has no HEALTHCHECK. --timestamp fixes every time in the image.
  extra=(--format docker --timestamp "$SOURCE_DATE_EPOCH" --pull=missing)
fi

for entry in "${services[@]}"; do
  read -r module port <<<"$entry"
  start=$SECONDS
  "$ENGINE" build -q "${extra[@]}" \
    --build-arg BASE_IMAGE="$base" --build-arg SERVICE="$module" --build-arg PORT="$port" \
    --build-arg VERSION="$version" --build-arg REVISION="$revision" --build-arg SOURCE="$source_url" \
    -f "$here/Containerfile" -t "beian/$module:$version" -t "beian/$module:latest" \
    "$module/target/quarkus-app" >/dev/null
  echo "built beian/$module:$version in $((SECONDS - start)) s"
done

for entry in "${services[@]}"; do
  read -r module _ <<<"$entry"
  size=$("$ENGINE" image inspect --format '{{.Size}}' "beian/$module:$version")
  printf '%-42s %4d MB  (also :latest)\n' "beian/$module:$version" $((size / 1000000))
done
