#!/usr/bin/env bash
# Installs what the system needs to run without Docker: RabbitMQ, and PostgreSQL when absent; with --for-tests
# also Debian's Chromium, which the website's browser tests drive (browser downloads do not work here); with --for-ci
# also promtool (Debian's prometheus package, whose server a throwaway CI machine never starts) and PyYAML, which
# scripts/check-observability.sh uses. Idempotent and quiet when everything is there.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

missing=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || command -v postgres >/dev/null 2>&1 || missing+=(postgresql)
if [ "${1:-}" = "--for-tests" ] || [ "${1:-}" = "--for-ci" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-liberation)
fi
if [ "${1:-}" = "--for-ci" ]; then
  command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
  python3 -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

command -v apt-get >/dev/null || fail "missing ${missing[*]} and no apt-get to install them; install them yourself"
sudo=()
is_root || sudo=(sudo)
log=$(mktemp -t install-prerequisites.XXXXXX.log)
echo "Installing ${missing[*]} (log: $log)..."
{
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
} >"$log" 2>&1 || fail "apt-get install ${missing[*]} failed; read $log"
