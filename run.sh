#!/usr/bin/env bash
# Starts the whole system: the Aspire dashboard, PostgreSQL, RabbitMQ, the four services and the gateway.
# Without a container runtime the AppHost runs the locally installed PostgreSQL and RabbitMQ, which this
# script installs when missing. Stop with Ctrl+C (or SIGTERM to the AppHost).
set -euo pipefail
cd "$(dirname "$0")"

if ! docker info >/dev/null 2>&1; then
  scripts/install-prerequisites.sh
fi

scripts/build-if-changed.sh
echo "Starting the system; the gateway will be at http://localhost:${Gateway__Port:-5080} and the dashboard login URL follows."
exec dotnet run --no-build --project AppHost --launch-profile http
