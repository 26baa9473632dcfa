#!/usr/bin/env bash
# The reliability suite's long runs (tests/EndToEnd.Tests/Reliability, docs/reliability.md): the same tests CI runs,
# at full size. Each test class starts its own whole system through the AppHost; nothing else needs to be running.
# Arguments (defaults are the long run; CI's sizes are the tests' own defaults):
#   --requests N     malformed requests through the gateway (10000)
#   --race-runs N    runs of each race: 500 registrations for 50 seats, 50 accepts for 2 openings, 100 on a fund for 10 (100)
#   --completions N  placements approved while services are killed (200)
#   --rounds N       rounds of kills, each killing Placements, Payments and Listings once (5)
#   --seed N         the seed of the malformed requests and of the kills (random; printed)
set -euo pipefail
cd "$(dirname "$0")/.."

requests=10000 race_runs=100 completions=200 rounds=5 seed=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --requests) requests=$2 ;;
    --race-runs) race_runs=$2 ;;
    --completions) completions=$2 ;;
    --rounds) rounds=$2 ;;
    --seed) seed=$2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift 2
done

scripts/install-prerequisites.sh
dotnet build -v q -nologo tests/EndToEnd.Tests >/dev/null
export RELIABILITY_MALFORMED_REQUESTS=$requests RELIABILITY_RACE_RUNS=$race_runs \
  RELIABILITY_CRASH_COMPLETIONS=$completions RELIABILITY_CRASH_ROUNDS=$rounds
[[ -n "$seed" ]] && export RELIABILITY_SEED=$seed
log=$(mktemp -t reliability.XXXXXX.log)
started=$(date +%s)
status=0
dotnet test tests/EndToEnd.Tests --no-build --nologo --filter "FullyQualifiedName~.Reliability." \
  --logger "console;verbosity=detailed" > "$log" 2>&1 || status=$?
# Each test's figures, each result, and any failure; the whole output stays in the log.
grep -E "^\s+(Passed|Failed) Micro|^ [^ ].*[0-9]|Error Message|^\s+(Total tests|Passed|Failed):" "$log" | grep -v "^ *at " || true
echo "Reliability suite: $(( $(date +%s) - started )) s, full output in $log"
exit "$status"
