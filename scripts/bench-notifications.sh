#!/usr/bin/env bash
# Notifications through the whole running system (the AppHost on a fresh data folder): the bell's summary timed on
# a nearly empty database and again with a million notifications stored; applications published at 1,000/s with the
# backlog sampled every second; the journey's approval-to-paid p99 with Notifications consuming and stopped, in
# turn; a burst of applications emailed to every partner of an organization, against the same burst with no address
# to email. Median of the runs with their spread. Figures and targets: docs/benchmarks.md.
# Arguments: --rows N (1000000) --rate N (1000) --seconds S (30) --runs R (5) --journeys J (100)
#            --applications N (1000) --partners P (5) --parts summary,fanout,journeys,email (all four)
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${BENCH_CONFIGURATION:-Release}
scripts/install-prerequisites.sh
dotnet build -c "$configuration" -v q -nologo bench/Journeys.Bench >/dev/null
dotnet run -c "$configuration" --no-build --project bench/Journeys.Bench -- --notifications "$@"
