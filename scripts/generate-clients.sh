#!/usr/bin/env bash
# Regenerates the typed clients from the checked-in API documents in api/ with Kiota (the tool in the repository's
# manifest, .config/dotnet-tools.json): clients/dotnet for .NET (the website, the end-to-end tests) and
# clients/typescript for JavaScript and React Native apps. The generated code is never edited by hand; run this after
# an API change and commit what it writes. With --check, regenerates into a scratch copy and fails if the committed
# clients differ (CI runs that).
# Usage: scripts/generate-clients.sh [--check]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
services=(listings placements payments events notifications insights)

out=$repo/clients
if [ "${1:-}" = "--check" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi

dotnet tool restore >/dev/null
export KIOTA_TUTORIAL_ENABLED=false KIOTA_OFFLINE_ENABLED=true
for service in "${services[@]}"; do
  name="${service^}"
  dotnet kiota generate --language CSharp --openapi "api/$service.json" --output "$out/dotnet/$name" \
    --namespace-name "MicroInternships.Clients.$name" --class-name "${name}Client" \
    --exclude-backward-compatible --clean-output --log-level Warning
  dotnet kiota generate --language TypeScript --openapi "api/$service.json" --output "$out/typescript/src/$service" \
    --class-name "${name}Client" --exclude-backward-compatible --clean-output --log-level Warning
done

if [ "${1:-}" = "--check" ]; then
  stale=0
  for language in dotnet typescript; do
    for service in "${services[@]}"; do
      dir=$([ "$language" = dotnet ] && echo "${service^}" || echo "src/$service")
      if ! diff -r -x kiota-lock.json -x .kiota.log "$out/$language/$dir" "clients/$language/$dir" >/dev/null; then
        echo "generate-clients: clients/$language/$dir is not what api/$service.json generates; run scripts/generate-clients.sh" >&2
        stale=1
      fi
    done
  done
  exit $stale
fi
echo "generate-clients: clients/dotnet and clients/typescript/src regenerated from api/"
