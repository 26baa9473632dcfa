#!/usr/bin/env bash
# Builds the AppHost, and with it every program it starts, unless no file it is built from changed since the
# last successful build. MSBuild's own up-to-date check (what `dotnet run` does first) costs 5-8 s on two cores
# at every start even when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=AppHost/obj/last-build.stamp
sources=(AppHost ServiceDefaults services gateway libs web tools
         Directory.Build.props Directory.Build.targets Directory.Packages.props global.json)

# Anything under the sources newer than FILE (bin, obj and node_modules aside); folders count with --folders, since
# a file deleted or renamed changes only its folder.
newer_than() {
  local kind=(-type f)
  [[ "${2:-}" == --folders ]] && kind=()
  [[ -n "$(find "${sources[@]}" \( -name bin -o -name obj -o -name node_modules \) -prune \
             -o "${kind[@]}" -newer "$1" -print -quit)" ]]
}

if [[ ! -f "$stamp" ]] || newer_than "$stamp" --folders; then
  mkdir -p "$(dirname "$stamp")"
  touch "$stamp.next"
  echo "Building (sources changed since the last build)..."
  dotnet build -nologo -v q AppHost "$@"
  # The build creates bin and obj in the project folders: stamp its end, unless a file was saved while it ran.
  newer_than "$stamp.next" || touch "$stamp.next"
  mv "$stamp.next" "$stamp"
fi
