#!/usr/bin/env bash
# Builds the AppHost, and with it every program it starts, unless no file it is built from changed since the
# last successful build. MSBuild's own up-to-date check (what `dotnet run` does first) costs 5-8 s on two cores
# at every start even when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=AppHost/obj/last-build.stamp
sources=(AppHost ServiceDefaults services gateway libs web tools
         Directory.Build.props Directory.Build.targets Directory.Packages.props global.json)

changed_since_last_build() {
  [[ -f "$stamp" ]] || return 0
  [[ -n "$(find "${sources[@]}" \( -name bin -o -name obj -o -name node_modules \) -prune \
             -o -type f -newer "$stamp" -print -quit)" ]]
}

if changed_since_last_build; then
  mkdir -p "$(dirname "$stamp")"
  # Stamped with the time the build started, so that a file saved during the build counts as changed next time.
  touch "$stamp.next"
  echo "Building (sources changed since the last build)..."
  dotnet build -nologo -v q AppHost "$@"
  mv "$stamp.next" "$stamp"
fi
