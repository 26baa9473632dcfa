#!/usr/bin/env bash
# Renders every kustomization under deploy/ (the base and each overlay) and validates each resource offline against
# the Kubernetes schemas, strictly (deploy/validate/validate.mjs), then who may log in to and reach the databases and
# the broker (deploy/validate/access.mjs: own credentials only, TLS in the overlays). Exits non-zero on any failure.
# Usage: scripts/validate-deploy.sh [DEPLOY_DIR]   (default: the repository's deploy/)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
deploy=$(cd "${1:-$repo/deploy}" && pwd)
tool=$repo/deploy/validate

command -v node >/dev/null && command -v npm >/dev/null || { echo "validate-deploy: node and npm are needed" >&2; exit 2; }

# The pinned packages, installed once per version of package.json into a cache outside the work tree.
stamp=$(sha256sum "$tool/package.json" | cut -c1-16)
cache=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/micro-internships/validate-deploy/$stamp
if [ ! -f "$cache/.installed" ]; then
  mkdir -p "$cache"
  cp "$tool/package.json" "$cache/"
  npm install --prefix "$cache" --no-audit --no-fund --ignore-scripts --no-package-lock --loglevel=error >"$cache/npm.log" 2>&1 \
    || { cat "$cache/npm.log" >&2; echo "validate-deploy: npm install failed" >&2; exit 2; }
  touch "$cache/.installed"
fi
cp "$tool"/*.mjs "$cache/"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
inputs=()
if command -v kubectl >/dev/null; then
  while IFS= read -r kustomization; do
    dir=$(dirname "$kustomization")
    name=${dir#"$deploy"/}
    file=$out/$(echo "$name" | tr '/' '_').yaml
    if ! kubectl kustomize "$dir" >"$file" 2>"$out/kustomize.err"; then
      cat "$out/kustomize.err" >&2
      echo "validate-deploy: FAILED: kustomize could not render $name" >&2
      exit 1
    fi
    inputs+=("deploy/$name=$file")
  done < <(find "$deploy" -name kustomization.yaml -not -path '*/validate/*' | sort)
  node "$cache/validate.mjs" "${inputs[@]}"
else
  # Without kustomize the overlays cannot be rendered: the base's own resource files are checked one by one, and
  # the references between them (generated ConfigMaps among them) are not.
  echo "validate-deploy: kubectl not found: overlays NOT rendered; checking deploy/base's resource files alone"
  while IFS= read -r file; do
    inputs+=("${file#"$deploy"/}=$file")
  done < <(find "$deploy/base" -name '*.yaml' -not -name kustomization.yaml | sort)
  node "$cache/validate.mjs" --no-references "${inputs[@]}"
fi
