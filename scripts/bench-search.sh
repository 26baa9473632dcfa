#!/usr/bin/env bash
# Seeds a throwaway database with a synthetic catalog (100,000 listings by default) and measures ranked search
# with two filters through the Listings API, beside the same SQL sent straight to PostgreSQL and a naive ILIKE
# scan, in one run (scripts/infra.sh). Arguments: --listings N (100000), --requests R (600).
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${BENCH_CONFIGURATION:-Release}

scripts/infra.sh start
trap 'scripts/infra.sh stop' EXIT
eval "$(scripts/infra.sh env)"
dotnet run -c "$configuration" --project bench/Listings.Bench -- "$@"
