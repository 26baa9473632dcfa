# Shared helpers for the scripts in this folder. Source it; it defines functions only.

fail() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

postgres_bin_dir() {
  if [ -n "${PG_BIN:-}" ]; then
    printf '%s\n' "$PG_BIN"
    return
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || dir=$(dirname "$(command -v postgres 2>/dev/null || command -v initdb 2>/dev/null || echo /nonexistent/x)")
  [ -x "$dir/postgres" ] || fail "PostgreSQL server binaries not found (install them: scripts/install-prerequisites.sh)"
  printf '%s\n' "$dir"
}

rabbitmq_bin_dir() {
  local dir=${RABBITMQ_BIN:-/usr/lib/rabbitmq/bin}
  [ -x "$dir/rabbitmq-server" ] || fail "RabbitMQ not found in $dir (install it: scripts/install-prerequisites.sh)"
  printf '%s\n' "$dir"
}

# Runs a command as the postgres user when we are root (initdb and postgres refuse to run as root).
as_postgres() {
  if is_root; then
    setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
  else
    "$@"
  fi
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_until SECONDS DESCRIPTION LOG COMMAND...: polls COMMAND until it succeeds, or fails naming the log.
wait_until() {
  local seconds=$1 what=$2 log=$3
  shift 3
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || fail "$what did not become ready within ${seconds}s; read $log"
    sleep 0.2
  done
}
