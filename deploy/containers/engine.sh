# Sourced by the scripts here: picks the container engine and, for podman, the settings in containers.conf.
# CONTAINER_ENGINE=podman|docker chooses; otherwise podman when installed, else docker.
if [[ -z "${CONTAINER_ENGINE:-}" ]]; then
  if command -v podman >/dev/null 2>&1; then CONTAINER_ENGINE=podman
  elif command -v docker >/dev/null 2>&1; then CONTAINER_ENGINE=docker
  else echo "neither podman nor docker is installed" >&2; exit 1
  fi
fi
ENGINE=$CONTAINER_ENGINE
if [[ "$ENGINE" == podman && -z "${CONTAINERS_CONF:-}" ]]; then
  export CONTAINERS_CONF
  CONTAINERS_CONF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/containers.conf"
fi
