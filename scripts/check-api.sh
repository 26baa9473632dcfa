#!/usr/bin/env bash
# The API description as a product (docs/api.md, "The API description"): the documents in api/ are what the services
# build (each build writes them), they pass Redocly's recommended rules, nothing in them breaks a v1 client unless
# api/accepted-breaking-changes.txt says so, and the generated clients in clients/ and the list of problem codes
# (docs/problem-codes.md) are what the documents generate.
# Run after a build; exits non-zero on any failure.
# Usage: scripts/check-api.sh   (API_BASE=<commit> compares against another commit than the parent)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

if ! git diff --quiet -- api/ || [ -n "$(git ls-files --others --exclude-standard -- api/)" ]; then
  echo "check-api: the services build other documents than api/ holds; commit the API change with its documents:" >&2
  git --no-pager diff --stat -- api/ >&2
  git ls-files --others --exclude-standard -- api/ >&2
  exit 1
fi

command -v node >/dev/null && command -v npm >/dev/null || { echo "check-api: node and npm are needed" >&2; exit 2; }
stamp=$(sha256sum scripts/api/package.json | cut -c1-16)
cache=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/micro-internships/check-api/$stamp
if [ ! -f "$cache/.installed" ]; then
  mkdir -p "$cache"
  cp scripts/api/package.json "$cache/"
  npm install --prefix "$cache" --no-audit --no-fund --ignore-scripts --no-package-lock --loglevel=error >"$cache/npm.log" 2>&1 \
    || { cat "$cache/npm.log" >&2; echo "check-api: npm install failed" >&2; exit 2; }
  touch "$cache/.installed"
fi
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true "$cache/node_modules/.bin/redocly" lint --config redocly.yaml --format=summary api/*.json

scripts/api-breaking-changes.py --self-test
base=${API_BASE:-HEAD~1}
old=$(mktemp)
trap 'rm -f "$old"' EXIT
unaccepted=0
for document in api/*.json; do
  name=$(basename "$document")
  if ! git cat-file -e "$base:$document" 2>/dev/null; then
    echo "check-api: $name is new since $base"
    continue
  fi
  git show "$base:$document" >"$old"
  while IFS= read -r change; do
    [ -n "$change" ] || continue
    if grep -qxF "$name: $change" <(sed -e 's/[[:space:]]*#.*$//' api/accepted-breaking-changes.txt); then
      echo "check-api: accepted: $name: $change"
    else
      echo "check-api: breaks v1 clients: $name: $change" >&2
      unaccepted=$((unaccepted + 1))
    fi
  done < <(scripts/api-breaking-changes.py "$old" "$document" || true)
done
[ "$unaccepted" -eq 0 ] || { echo "check-api: $unaccepted breaking change(s) not in api/accepted-breaking-changes.txt" >&2; exit 1; }

scripts/generate-clients.sh --check
scripts/problem-codes.py --check
echo "check-api: api/ is current, lints clean and breaks no v1 client since $base; the clients and the problem codes are generated from it"
