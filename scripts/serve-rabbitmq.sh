#!/usr/bin/env bash
# Runs a RabbitMQ node in the foreground with its state under DATA_DIR.
# Usage: serve-rabbitmq.sh DATA_DIR [PORT [NODE_NAME]]   (or RABBITMQ_PORT, RABBITMQ_NODENAME;
#        credentials in RABBITMQ_USER / RABBITMQ_PASSWORD)
# The node's distribution port is PORT + 1 (RABBITMQ_DIST_PORT overrides it); the management UI is
# enabled only when RABBITMQ_MANAGEMENT_PORT is set.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

dir=${1:?usage: serve-rabbitmq.sh DATA_DIR PORT [NODE_NAME]}
port=${2:-${RABBITMQ_PORT:?usage: serve-rabbitmq.sh DATA_DIR PORT [NODE_NAME] (or RABBITMQ_PORT)}}
node=${3:-${RABBITMQ_NODENAME:-rmq$port@localhost}}
: "${RABBITMQ_USER:?RABBITMQ_USER must be set}" "${RABBITMQ_PASSWORD:?RABBITMQ_PASSWORD must be set}"
bin=$(rabbitmq_bin_dir)

mkdir -p "$dir/mnesia" "$dir/log"
cat > "$dir/rabbitmq.conf" <<CONF
loopback_users = none
listeners.tcp.default = 127.0.0.1:$port
default_user = $RABBITMQ_USER
default_pass = $RABBITMQ_PASSWORD
CONF
if [ -n "${RABBITMQ_MANAGEMENT_PORT:-}" ]; then
  printf 'management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\n' "$RABBITMQ_MANAGEMENT_PORT" >> "$dir/rabbitmq.conf"
  printf '[rabbitmq_management].\n' > "$dir/enabled_plugins"
else
  printf '[].\n' > "$dir/enabled_plugins"
fi

export HOME=$dir
export RABBITMQ_NODENAME=$node
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$port
export RABBITMQ_DIST_PORT=${RABBITMQ_DIST_PORT:-$((port + 1))}
export RABBITMQ_MNESIA_BASE=$dir/mnesia
export RABBITMQ_LOG_BASE=$dir/log
export RABBITMQ_PID_FILE=$dir/rabbitmq.pid
export RABBITMQ_CONFIG_FILE=$dir/rabbitmq.conf
export RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins
# No scheduler busy-waiting: on a small machine the spinning takes CPU from PostgreSQL and the services.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=${RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS:-"+sbwt none +sbwtdcpu none +sbwtdio none"}
# Erlang writes erl_crash.dump into the working folder: keep it with the node's other state.
cd "$dir"
exec "$bin/rabbitmq-server"
