#!/usr/bin/env bash
# Runs every test: starts a throwaway PostgreSQL cluster, RabbitMQ node and mail server (scripts/infra.sh), builds,
# runs the end-to-end project (which starts the whole system through the AppHost, on servers of its own) beside the
# other test projects, which run one after another on the shared servers; stops the servers, and ends with one line:
# "Summary: N passed, M failed, K skipped".
# Extra arguments go to dotnet test (e.g. ./test.sh --filter "FullyQualifiedName~Listings").
# Environment: E2E_REPLICAS=2 runs the end-to-end suite with two processes of every service and of the gateway;
# TEST_RESULTS=DIR keeps each project's TRX file and console output there; TEST_NO_BUILD=1 skips the build;
# TEST_SERIAL=1 runs the end-to-end project after the others instead of beside them; TEST_BESIDE_END_TO_END=COMMAND
# runs COMMAND after the other projects, while the end-to-end project still runs (CI's quick checks), on the same
# test servers, which it leaves running (TEST_INFRA_KEEP=1); its failure fails the run.
set -euo pipefail
cd "$(dirname "$0")"

scripts/infra.sh start
trap 'scripts/infra.sh stop' EXIT
eval "$(scripts/infra.sh env)"

if [ "${TEST_NO_BUILD:-0}" != 1 ]; then
  dotnet build MicroInternships.sln -nologo -v quiet
fi

results=${TEST_RESULTS:-$(mktemp -d -t micro-internships-tests.XXXXXX)}
mkdir -p "$results"

# One lane's command; its console output goes to RESULTS/NAME.log, and is shown, each line marked with NAME, when it ends.
run_logged() {
  local name=$1 started=$SECONDS status=0
  shift
  "$@" >"$results/$name.log" 2>&1 || status=$?
  { cat "$results/$name.log"; echo "$name: $((SECONDS - started)) s"; } | sed "s/^/[$name] /"
  return "$status"
}

# One project's tests.
run_project() {
  local project=$1 name
  name=$(basename "$project" .csproj)
  shift
  run_logged "$name" dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@"
}

# The end-to-end project spends most of its time waiting on its own system of processes and servers, so the other
# projects, which share nothing with it, run meanwhile: together they take little longer than it alone.
end_to_end=tests/EndToEnd.Tests/EndToEnd.Tests.csproj
status=0
if [ "${TEST_SERIAL:-0}" = 1 ]; then
  run_project "$end_to_end" "$@" || status=$?
else
  run_project "$end_to_end" "$@" &
  end_to_end_run=$!
fi

for project in tests/*.Tests/*.Tests.csproj; do
  [ "$project" = "$end_to_end" ] && continue
  run_project "$project" "$@" || status=$?
done

# The end-to-end project's last minutes (the collection that breaks its system) leave the machine half idle.
if [ -n "${TEST_BESIDE_END_TO_END:-}" ]; then
  run_logged beside env TEST_INFRA_KEEP=1 bash -c "$TEST_BESIDE_END_TO_END" || status=$?
fi

if [ -n "${end_to_end_run:-}" ]; then
  wait "$end_to_end_run" || status=$?
fi

scripts/test-summary.sh "$results"
exit "$status"
