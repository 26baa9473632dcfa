#!/usr/bin/env bash
# Replay at scale through the whole running system (the AppHost on a fresh data folder): N ListingPublished events
# written into Listings' event log are replayed to Placements on its request, timed until Placements holds every
# copy, while students browse Listings at a steady rate; its p99 during the replay is compared with just before.
# Median of the runs with their spread. Figures and targets: docs/benchmarks.md.
# Arguments: --events N (100000) --runs R (5) --rate RPS (40)
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${BENCH_CONFIGURATION:-Release}
scripts/install-prerequisites.sh
dotnet build -c "$configuration" -v q -nologo bench/Journeys.Bench >/dev/null
dotnet run -c "$configuration" --no-build --project bench/Journeys.Bench -- --replay "$@"
