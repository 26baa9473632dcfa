#!/usr/bin/env bash
# Footprint: seconds from ./run.sh to the gateway answering /health Healthy (the project already built, so a
# newcomer's second start), then each process's resident memory after a quiet minute.
# Arguments: --idle S (60). Uses a fresh data folder so the sample data is loaded as on a first start.
set -euo pipefail
cd "$(dirname "$0")/.."

idle=60
while [[ $# -gt 0 ]]; do
  case "$1" in
    --idle) idle=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

port=5090
data=$(mktemp -d /tmp/bench-footprint.XXXXXX)
chmod 755 "$data"
log="$data/run.log"
dotnet build -v q -nologo AppHost >/dev/null

stop() {
  pkill -TERM -f "AppHost/bin/Debug/net10.0/AppHost" 2>/dev/null || true
  for _ in $(seq 1 30); do pgrep -f "AppHost/bin/Debug/net10.0/AppHost" >/dev/null || break; sleep 1; done
  rm -rf "$data"
}
trap stop EXIT

started=$(date +%s.%N)
Gateway__Port=$port Infrastructure__DataDirectory="$data/state" Infrastructure__RabbitMqManagementPort= \
  setsid ./run.sh >"$log" 2>&1 &
healthy=""
for _ in $(seq 1 600); do
  if curl -sf "http://localhost:$port/health" 2>/dev/null | grep -q '"status":"Healthy"'; then
    healthy=$(date +%s.%N)
    break
  fi
  sleep 0.2
done
[[ -n "$healthy" ]] || { echo "The gateway never became healthy; the end of the log:" >&2; tail -20 "$log" >&2; exit 1; }
awk -v s="$started" -v h="$healthy" 'BEGIN{printf "From ./run.sh to the gateway healthy: %.1f s (target <= 30 s)\n", h-s}'

echo "Idle for ${idle}s..."
sleep "$idle"
echo "Resident memory after ${idle}s idle (target <= 150 MB per service):"
for name in Listings Placements Payments Events Gateway; do
  pid=$(pgrep -f "/MicroInternships.$name( |$)|/$name/bin/Debug/net10.0/MicroInternships.$name" | head -1 || true)
  if [[ -z "$pid" ]]; then
    pid=$(pgrep -f "bin/Debug/net10.0/MicroInternships.$name" | head -1 || true)
  fi
  if [[ -n "$pid" ]]; then
    awk -v n="$name" '/^VmRSS/{printf "  %-11s %6.0f MB\n", n, $2/1024}' "/proc/$pid/status"
  else
    echo "  $name: process not found"
  fi
done
