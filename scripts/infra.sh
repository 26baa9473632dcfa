#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster, RabbitMQ node and smtp4dev mail server for tests, in the background.
# Usage: infra.sh start|stop|env [DATA_DIR]
#   start  installs what is missing, starts the servers, waits until they accept connections
#   stop   stops them and deletes their data (safe to call when they are not running); with TEST_INFRA_KEEP=1 it
#          leaves them to whoever set it, so scripts run one after another share one start (scripts/bench-all.sh)
#   env    prints the connection settings as shell exports
# Ports and credentials come from TEST_POSTGRES_PORT (25432), TEST_RABBITMQ_PORT (25672),
# TEST_SMTP_PORT (25025), TEST_SMTP_HTTP_PORT (25080, smtp4dev's web inbox and API),
# TEST_POSTGRES_PASSWORD and TEST_RABBITMQ_PASSWORD (throwaway defaults). The default ports lie below the kernel's
# range for outgoing connections and ports chosen by the system (32768-60999): once, when CI's benchmarks started
# these servers right after the end-to-end runs, 55432 was taken and PostgreSQL could not listen.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib/common.sh"

command=${1:-}
dir=${2:-${TEST_INFRA_DIR:-${TMPDIR:-/tmp}/micro-internships-test-infra}}
pg_port=${TEST_POSTGRES_PORT:-25432}
rmq_port=${TEST_RABBITMQ_PORT:-25672}
pg_password=${TEST_POSTGRES_PASSWORD:-test-postgres}
rmq_user=test
rmq_password=${TEST_RABBITMQ_PASSWORD:-test-rabbitmq}
rmq_node=rmq$rmq_port@localhost
smtp_port=${TEST_SMTP_PORT:-25025}
smtp_http_port=${TEST_SMTP_HTTP_PORT:-25080}

print_env() {
  cat <<ENV
export ConnectionStrings__Postgres='Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password'
export ConnectionStrings__messaging='amqp://$rmq_user:$rmq_password@127.0.0.1:$rmq_port'
export Smtp__Host=127.0.0.1 Smtp__Port=$smtp_port
export SMTP4DEV_URL='http://127.0.0.1:$smtp_http_port'
ENV
}

postgres_ready() {
  "$(postgres_bin_dir)/pg_isready" -q -h 127.0.0.1 -p "$pg_port"
}

start() {
  "$here/install-prerequisites.sh" --for-tests
  mkdir -p "$dir"
  chmod 755 "$dir"

  if ! postgres_ready; then
    POSTGRES_PASSWORD=$pg_password EXTRA_POSTGRES_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      nohup "$here/serve-postgres.sh" "$dir/postgres" "$pg_port" >"$dir/postgres.log" 2>&1 &
  fi
  if ! port_open "$rmq_port"; then
    RABBITMQ_USER=$rmq_user RABBITMQ_PASSWORD=$rmq_password \
      nohup "$here/serve-rabbitmq.sh" "$dir/rabbitmq" "$rmq_port" "$rmq_node" >"$dir/rabbitmq.log" 2>&1 &
  fi

  if ! port_open "$smtp_http_port"; then
    nohup "$here/serve-smtp4dev.sh" "$dir/smtp4dev" "$smtp_port" "$smtp_http_port" >"$dir/smtp4dev.log" 2>&1 &
    echo $! >"$dir/smtp4dev.pid"
  fi

  wait_until 60 "PostgreSQL on port $pg_port" "$dir/postgres.log" postgres_ready
  wait_until 120 "RabbitMQ on port $rmq_port" "$dir/rabbitmq.log (and $dir/rabbitmq/log)" port_open "$rmq_port"
  wait_until 120 "smtp4dev on ports $smtp_port and $smtp_http_port" "$dir/smtp4dev.log" smtp4dev_ready
}

smtp4dev_ready() {
  port_open "$smtp_port" && port_open "$smtp_http_port"
}

stop() {
  [ "${TEST_INFRA_KEEP:-0}" = 1 ] && return 0
  if [ -f "$dir/postgres/data/postmaster.pid" ]; then
    as_postgres "$(postgres_bin_dir)/pg_ctl" -D "$dir/postgres/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ -f "$dir/rabbitmq/rabbitmq.pid" ]; then
    HOME=$dir/rabbitmq timeout 60 "$(rabbitmq_bin_dir)/rabbitmqctl" -n "$rmq_node" stop "$dir/rabbitmq/rabbitmq.pid" >/dev/null 2>&1 \
      || kill "$(cat "$dir/rabbitmq/rabbitmq.pid")" 2>/dev/null || true
  fi
  if [ -f "$dir/smtp4dev.pid" ]; then
    kill "$(cat "$dir/smtp4dev.pid")" 2>/dev/null || true
  fi
  rm -rf "$dir"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  *) fail "usage: infra.sh start|stop|env [DATA_DIR]" ;;
esac
