#!/usr/bin/env bash
# Creates the Secrets an overlay expects (described, with placeholders, in secrets/secrets.yaml) in a namespace,
# with random database passwords and a new admin API key, which it prints once. A Secret that exists already is
# left as it is, so running it again never changes a credential.
#   deploy/k8s/create-secrets.sh beian-dev
#   BACKUP_ACCESS_KEY_ID=... BACKUP_SECRET_ACCESS_KEY=... deploy/k8s/create-secrets.sh beian    (production)
set -euo pipefail
ns="${1:?usage: create-secrets.sh <namespace>}"
kubectl="${KUBECTL:-kubectl}"

random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
exists() { "$kubectl" -n "$ns" get secret "$1" >/dev/null 2>&1; }

"$kubectl" get namespace "$ns" >/dev/null 2>&1 || "$kubectl" create namespace "$ns"

for db in registry insights; do
  if exists "$db-db-credentials"; then
    echo "secret $db-db-credentials exists: kept"
  else
    "$kubectl" -n "$ns" create secret generic "$db-db-credentials" --type=kubernetes.io/basic-auth \
      --from-literal=username="$db" --from-literal=password="$(random_hex 24)"
    "$kubectl" -n "$ns" label secret "$db-db-credentials" app.kubernetes.io/part-of=beian
  fi
done

if exists beian-gateway-api-keys; then
  echo "secret beian-gateway-api-keys exists: kept"
else
  key="beian-$(random_hex 24)"
  hash="$(printf %s "$key" | sha256sum | cut -d' ' -f1)"
  "$kubectl" -n "$ns" create secret generic beian-gateway-api-keys \
    --from-literal=BEIAN_GATEWAY_API_KEYS_ADMIN_SHA256="$hash" \
    --from-literal=BEIAN_GATEWAY_API_KEYS_ADMIN_ROLE=admin
  "$kubectl" -n "$ns" label secret beian-gateway-api-keys app.kubernetes.io/part-of=beian
  echo "admin API key (shown only now; the cluster keeps only its SHA-256): $key"
fi

if [[ -n "${BACKUP_ACCESS_KEY_ID:-}" ]]; then
  if exists beian-backup-s3; then
    echo "secret beian-backup-s3 exists: kept"
  else
    "$kubectl" -n "$ns" create secret generic beian-backup-s3 \
      --from-literal=ACCESS_KEY_ID="$BACKUP_ACCESS_KEY_ID" \
      --from-literal=ACCESS_SECRET_KEY="${BACKUP_SECRET_ACCESS_KEY:?set BACKUP_SECRET_ACCESS_KEY too}"
  fi
fi
