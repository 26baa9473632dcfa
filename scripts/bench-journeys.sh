#!/usr/bin/env bash
# Journeys through the whole running system (started here by the AppHost on a fresh data folder and free ports):
# partner approval -> payout paid in Placements (p50/p99), placements paid per second for a fixed time with
# nothing lost, and a burst of registrations for a small event. Figures and targets: docs/benchmarks.md.
# Arguments: --journeys N (200) --seconds S (60) --workers W (8) --registrations N (500) --seats N (50)
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${BENCH_CONFIGURATION:-Release}
scripts/install-prerequisites.sh
dotnet build -c "$configuration" -v q -nologo bench/Journeys.Bench >/dev/null
dotnet run -c "$configuration" --no-build --project bench/Journeys.Bench -- "$@"
