#!/usr/bin/env bash
# Credentials through the whole running system (the AppHost on a fresh data folder): approvals that sign a credential
# in their transaction, then a verifier's reads (the credential, the keys, the status list built and signed per
# request) timed against a record lookup by code in the same run. Figures: docs/benchmarks.md.
# Arguments: --placements N (100) --reads N (2000)
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${BENCH_CONFIGURATION:-Release}
scripts/install-prerequisites.sh
dotnet build -c "$configuration" -v q -nologo bench/Journeys.Bench >/dev/null
dotnet run -c "$configuration" --no-build --project bench/Journeys.Bench -- --credentials "$@"
