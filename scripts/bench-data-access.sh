#!/usr/bin/env bash
# The data-access tax: reads by key through EF Core (as the services do them) against raw Npgsql, in one process on
# one throwaway database (scripts/infra.sh). Arguments: --reads N (20000).
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${BENCH_CONFIGURATION:-Release}

scripts/infra.sh start
trap 'scripts/infra.sh stop' EXIT
eval "$(scripts/infra.sh env)"
dotnet run -c "$configuration" --project bench/Listings.Bench -- --data-access "$@"
