#!/usr/bin/env bash
# Footprint: seconds from ./run.sh to the gateway's /health/detail answering Healthy, every service ready with a
# message through RabbitMQ and back (the project already built, so a newcomer's second start), then each process's
# resident memory after a quiet minute: RSS (what the target is about) and PSS (its fair share of pages shared with
# the others, such as the .NET runtime's files), and the PSS of every process the system runs, which adds up to
# what the system costs the machine.
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
scripts/build-if-changed.sh >/dev/null

# The system's own processes: its programs, and PostgreSQL and RabbitMQ on this run's data folder.
system_processes="AppHost/bin/Debug/net10.0/AppHost|/bin/Debug/net10.0/MicroInternships\\.|$data"

stop() {
  pkill -TERM -f "AppHost/bin/Debug/net10.0/AppHost" 2>/dev/null || true
  # Aspire stops the rest after the AppHost: wait for all of it, so that a next run starts on a quiet machine.
  for _ in $(seq 1 60); do pgrep -f "$system_processes" >/dev/null || break; sleep 1; done
  rm -rf "$data"
}
trap stop EXIT

started=$(date +%s.%N)
Gateway__Port=$port Infrastructure__DataDirectory="$data/state" Infrastructure__RabbitMqManagementPort= \
  setsid ./run.sh >"$log" 2>&1 &
run_session=$!
healthy=""
for _ in $(seq 1 600); do
  detail=$(curl -sf "http://localhost:$port/health/detail" 2>/dev/null || true)
  if grep -q '^{"status":"Healthy"' <<<"$detail" && ! grep -qE '"reported":"(Degraded|Unhealthy|Unreachable)"' <<<"$detail"; then
    healthy=$(date +%s.%N)
    break
  fi
  sleep 0.2
done
[[ -n "$healthy" ]] || { echo "The gateway never became healthy; the end of the log:" >&2; tail -20 "$log" >&2; exit 1; }
awk -v s="$started" -v h="$healthy" 'BEGIN{printf "From ./run.sh to the gateway healthy: %.1f s (target <= 30 s)\n", h-s}'

echo "Idle for ${idle}s..."
sleep "$idle"
kilobytes() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }

echo "Resident memory after ${idle}s idle (target <= 150 MB RSS per service):"
printf '  %-13s %6s %6s\n' "" RSS PSS
for name in Listings Placements Payments Events Notifications Gateway; do
  pid=$(pgrep -f "/bin/Debug/net10.0/MicroInternships\.$name( |$)" | head -1 || true)
  if [[ -n "$pid" ]]; then
    printf '  %-13s %6.0f %6.0f MB\n' "$name" "$(( $(kilobytes "$pid" Rss) / 1024 ))" "$(( $(kilobytes "$pid" Pss) / 1024 ))"
  else
    echo "  $name: process not found"
  fi
done

# Everything ./run.sh started: the programs, dotnet run and the AppHost (in run.sh's session), Aspire's
# orchestrator with its process monitors and dashboard, PostgreSQL and RabbitMQ (its own session, under DCP).
descendants() { local child; for child in $(pgrep -P "$1"); do echo "$child"; descendants "$child"; done; }
orchestrator=$(pgrep -f "dcp start-apiserver" | head -1 || true)
total=0; count=0
for pid in $(pgrep -s "$run_session") ${orchestrator:+$orchestrator $(descendants "$orchestrator")}; do
  total=$(( total + $(kilobytes "$pid" Pss) )); count=$(( count + 1 ))
done
printf 'The whole system, %d processes: %d MB (sum of PSS)\n' "$count" "$(( total / 1024 ))"
