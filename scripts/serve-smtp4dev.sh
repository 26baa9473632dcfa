#!/usr/bin/env bash
# Runs smtp4dev (the tool manifest's SMTP server with a web inbox and an HTTP API) in the foreground.
# Usage: serve-smtp4dev.sh DATA_DIR [SMTP_PORT] [HTTP_PORT]   (ports default to SMTP_PORT and HTTP_PORT)
# Mail is kept in memory: a restart empties the inbox. The AppHost runs this as an executable resource;
# scripts/infra.sh runs it in the background for the tests.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

dir=${1:?usage: serve-smtp4dev.sh DATA_DIR SMTP_PORT HTTP_PORT}
smtp_port=${2:-${SMTP_PORT:?usage: serve-smtp4dev.sh DATA_DIR SMTP_PORT HTTP_PORT (or SMTP_PORT)}}
http_port=${3:-${HTTP_PORT:?usage: serve-smtp4dev.sh DATA_DIR SMTP_PORT HTTP_PORT (or HTTP_PORT)}}
mkdir -p "$dir"

cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null || fail "dotnet tool restore failed (smtp4dev is in .config/dotnet-tools.json)"
exec dotnet tool run smtp4dev -- \
  --baseappdatapath="$dir" --nousersettings --db= \
  --hostname=localhost --bindaddress=127.0.0.1 --smtpport="$smtp_port" --imapport= --pop3port= \
  --urls="http://127.0.0.1:$http_port" --messagestokeep=5000 --sessionstokeep=100
