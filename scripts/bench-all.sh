#!/usr/bin/env bash
# Runs benchmarks once, one after another, on one start of the test servers (scripts/infra.sh).
#   --smoke         small sizes, in the Debug build the tests ran (BENCH_CONFIGURATION=Debug): proves each still runs;
#                   the figures mean nothing. Without it: each benchmark's own default sizes, in Release, the runs
#                   whose figures docs/benchmarks.md reports.
#   --group NAME    only some: "test-servers" (search, data access, gateway, messaging: a minute and a half as a
#                   smoke, in every CI run) or "whole-system" (the six that start the whole system: eight minutes as a
#                   smoke, .ci/benchmarks). Without it: all ten.
# With TEST_INFRA_KEEP=1 (test.sh sets it for the command it runs beside the end-to-end tests) the servers are the
# caller's, and stay running.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0 group=all
while [[ $# -gt 0 ]]; do
  case "$1" in
    --smoke) smoke=1; shift ;;
    --group) group=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$group" in
  all|test-servers|whole-system) ;;
  *) echo "unknown group: $group (test-servers, whole-system)" >&2; exit 2 ;;
esac

scripts/infra.sh start
[ "${TEST_INFRA_KEEP:-0}" = 1 ] || trap 'TEST_INFRA_KEEP=0 scripts/infra.sh stop' EXIT
export TEST_INFRA_KEEP=1
if [ "$smoke" = 1 ]; then
  export BENCH_CONFIGURATION=Debug
fi

bench() {
  local script=$1 started=$SECONDS
  shift
  echo "==> $script $*"
  if [ "$smoke" = 1 ]; then
    "scripts/$script" "$@"
  else
    "scripts/$script"
  fi
  echo "$script: $((SECONDS - started)) s"
}

if [ "$group" != whole-system ]; then
  bench bench-search.sh --listings 2000 --requests 40
  bench bench-data-access.sh --reads 2000
  bench bench-gateway.sh --connections 8 --seconds 2
  bench bench-messaging.sh --messages 1000 --rate 50 --seconds 2 --rounds 1
fi
if [ "$group" != test-servers ]; then
  bench bench-journeys.sh --journeys 5 --seconds 2 --workers 2 --registrations 20 --seats 5
  bench bench-replay.sh --events 500 --runs 1 --rate 10
  bench bench-notifications.sh --rows 2000 --rate 100 --seconds 2 --runs 1 --journeys 3 --applications 30 --partners 2
  bench bench-insights.sh --placements 1000 --runs 1 --live 500
  bench bench-credentials.sh --placements 10 --reads 100
  bench bench-footprint.sh --idle 2
fi
