#!/usr/bin/env bash
# Runs every test: starts a throwaway PostgreSQL cluster and RabbitMQ node (scripts/infra.sh), runs the
# solution's test projects one after another (the end-to-end tests start the whole system through
# the AppHost themselves),
# stops the servers, and ends with one line: "Summary: N passed, M failed, K skipped".
# Extra arguments go to dotnet test (e.g. ./test.sh --filter "FullyQualifiedName~Listings").
set -euo pipefail
cd "$(dirname "$0")"

scripts/infra.sh start
trap 'scripts/infra.sh stop' EXIT
eval "$(scripts/infra.sh env)"

dotnet build MicroInternships.sln -nologo -v quiet

# One project at a time: the end-to-end tests start the whole system, and this machine has two cores.
results=$(mktemp -d -t micro-internships-tests.XXXXXX)
status=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=$?
done
scripts/test-summary.sh "$results"
exit "$status"
