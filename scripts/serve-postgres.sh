#!/usr/bin/env bash
# Runs a PostgreSQL server in the foreground, creating its cluster on first use.
# Usage: serve-postgres.sh DATA_DIR [PORT]   (PORT defaults to POSTGRES_PORT; password in POSTGRES_PASSWORD;
#        EXTRA_POSTGRES_OPTIONS optional)
# The AppHost runs this as an executable resource; scripts/infra.sh runs it in the background.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

dir=${1:?usage: serve-postgres.sh DATA_DIR PORT}
port=${2:-${POSTGRES_PORT:?usage: serve-postgres.sh DATA_DIR PORT (or POSTGRES_PORT)}}
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
bin=$(postgres_bin_dir)

mkdir -p "$dir"
if is_root; then
  chown postgres: "$dir"
fi
chmod 700 "$dir"

if [ ! -f "$dir/data/PG_VERSION" ]; then
  pwfile=$(mktemp)
  trap 'rm -f "$pwfile"' EXIT
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  is_root && chown postgres: "$pwfile"
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || fail "initdb failed; read $dir/initdb.log"
  rm -f "$pwfile"
  trap - EXIT
fi

# exec keeps one process, so whoever started us (Aspire, infra.sh) stops postgres itself.
# shellcheck disable=SC2086
exec_args=("$bin/postgres" -D "$dir/data" -p "$port" -k "$dir" -c listen_addresses=127.0.0.1 ${EXTRA_POSTGRES_OPTIONS:-})
if is_root; then
  exec setpriv --reuid=postgres --regid=postgres --init-groups -- "${exec_args[@]}"
fi
exec "${exec_args[@]}"
