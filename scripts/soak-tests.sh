#!/usr/bin/env bash
# Runs the whole suite (./test.sh, built once) N times in a row and reports every failure with its test's name and
# run: a test that fails one run in twenty shows up here before it blocks a landing. Extra arguments go to test.sh.
# Usage: scripts/soak-tests.sh N [dotnet test arguments]   (E2E_REPLICAS=2 soaks the two-replica system, as CI runs it)
# Keeps each run's results under SOAK_DIR (default: a new folder under /tmp) and exits non-zero when anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:?usage: scripts/soak-tests.sh N [dotnet test arguments]}
shift
soak=${SOAK_DIR:-$(mktemp -d -t micro-internships-soak.XXXXXX)}
mkdir -p "$soak"

dotnet build MicroInternships.sln -nologo -v quiet

failures=0
for run in $(seq 1 "$runs"); do
  started=$SECONDS
  TEST_NO_BUILD=1 TEST_RESULTS="$soak/run-$run" ./test.sh "$@" >"$soak/run-$run.log" 2>&1 || true
  summary=$(grep -h '^Summary:' "$soak/run-$run.log" | tail -n 1)
  echo "run $run of $runs: ${summary:-no summary (see $soak/run-$run.log)} in $((SECONDS - started)) s"
  failed=$(scripts/lib/failed-tests.py "$soak/run-$run")
  if [ -n "$failed" ] || [ -z "$summary" ]; then
    failures=$((failures + 1))
    printf '%s\n' "$failed" | sed "s/^/  run $run: /"
  fi
done

echo "soak: $runs runs, $failures with a failure; results in $soak"
[ "$failures" -eq 0 ]
