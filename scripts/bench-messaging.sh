#!/usr/bin/env bash
# Measures the outbox path (commit -> relay -> RabbitMQ -> inbox consumer) against a bare MassTransit
# publish -> consume loop, in one run on the same throwaway PostgreSQL and RabbitMQ (scripts/infra.sh).
# Arguments go to the benchmark: --messages N (20000), --rate R (200/s), --seconds S (10), --prefetch P (128),
# --rounds N (3: the paths measured in turn N times, then the medians).
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${BENCH_CONFIGURATION:-Release}

scripts/infra.sh start
trap 'scripts/infra.sh stop' EXIT
eval "$(scripts/infra.sh env)"
dotnet run -c "$configuration" --project bench/Messaging.Bench -- "$@"
