#!/usr/bin/env bash
# Insights through the whole running system (the AppHost on a fresh data folder): the summary and a series timed with
# every kind of filter, on the sample data and again over 100,000 placements' history written into the publishers'
# event logs and learned by a rebuild by replay (its time is the rebuild's); then a backlog of events published while
# Insights is stopped, taken in per second once it starts. Median of the runs with their spread. Figures and targets:
# docs/benchmarks.md.
# Arguments: --placements N (100000) --runs R (5) --live N (20000)
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${BENCH_CONFIGURATION:-Release}
scripts/install-prerequisites.sh
dotnet build -c "$configuration" -v q -nologo bench/Journeys.Bench >/dev/null
dotnet run -c "$configuration" --no-build --project bench/Journeys.Bench -- --insights "$@"
