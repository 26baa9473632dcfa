#!/usr/bin/env bash
# Adds up the counters of every TRX file in a folder and prints "Summary: N passed, M failed, K skipped".
# A fixture that fails when it ends (the refusals a suite observed but the API documents do not declare) is no test
# of its own: it counts as one failure, and its message is printed. Fails when no test ran at all, so an empty run
# never looks green.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

dir=${1:?usage: test-summary.sh RESULTS_DIR}
passed=0 failed=0 total=0
shopt -s nullglob
for trx in "$dir"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$((total + $(value total)))
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  cleanup_failures=$(grep -c '<RunInfo [^>]*outcome="Error"' "$trx" || true)
  if [ "$cleanup_failures" -gt 0 ]; then
    total=$((total + cleanup_failures))
    failed=$((failed + cleanup_failures))
    grep -o 'Cleanup Failure ([^)]*)[^<]*' "$trx" >&2
    sed -n '/^\[xUnit.net [^]]*\] *[A-Za-z.]*UndeclaredProblemsException : /,/Stack Trace:/p' "$trx" \
      | sed 's/^\[xUnit.net [^]]*\] *//' | grep -v '^Stack Trace:' >&2
  fi
done
skipped=$((total - passed - failed))
echo "Summary: $passed passed, $failed failed, $skipped skipped"
[ "$total" -gt 0 ] || fail "no test ran (no results in $dir)"
