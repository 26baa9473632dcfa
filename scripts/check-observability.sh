#!/usr/bin/env bash
# Checks the telemetry as code under deploy/observability:
# - the alert rules: each PrometheusRule's spec, extracted into a plain rules file, passes `promtool check rules`, and
#   the rules' unit tests (deploy/observability/tests/*.test.yaml) pass `promtool test rules`;
# - the Grafana dashboards: valid JSON, unique uids and titles, unique panel ids, a datasource variable that every
#   panel and target uses, a service variable, an expression in every target, and every expression (the variables'
#   label_values selectors too) parses as PromQL: each becomes a recording rule that promtool checks.
# Which metric names they may use is ObservabilityAsCodeTests' business (tests/Messaging.Tests).
# Usage: scripts/check-observability.sh [OBSERVABILITY_DIR]   (default: the repository's deploy/observability)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=$(cd "${1:-$repo/deploy/observability}" && pwd)

command -v promtool >/dev/null || {
  echo "check-observability: promtool not found; it comes with Prometheus (Debian: apt-get install --no-install-recommends prometheus)" >&2
  exit 2
}
python3 -c 'import yaml' 2>/dev/null || { echo "check-observability: python3 with PyYAML is needed (Debian: python3-yaml)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

# The unit tests name alerts.rules.yaml: the spec of alerts.yaml, beside them.
mapfile -t rule_files < <(grep -l '^kind: PrometheusRule' -r "$dir" --include='*.yaml' | sort)
[ "${#rule_files[@]}" -gt 0 ] || { echo "check-observability: no PrometheusRule under $dir" >&2; exit 1; }
for file in "${rule_files[@]}"; do
  plain=$work/$(basename "$file" .yaml).rules.yaml
  python3 - "$file" "$plain" <<'PY'
import sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
rules = [d for d in docs if d.get("kind") == "PrometheusRule"]
if len(rules) != 1:
    sys.exit(f"{sys.argv[1]}: expected one PrometheusRule, found {len(rules)}")
yaml.safe_dump(rules[0]["spec"], open(sys.argv[2], "w"), sort_keys=False)
PY
  echo "== promtool check rules ${file#"$repo"/}"
  promtool check rules --lint-fatal "$plain" || failed=1
done
for test in "$dir"/tests/*.test.yaml; do
  [ -e "$test" ] || continue
  cp "$test" "$work/"
  echo "== promtool test rules ${test#"$repo"/}"
  promtool test rules "$work/$(basename "$test")" || failed=1
done

echo "== dashboards"
python3 - "$dir/dashboards" "$work/dashboards.rules.yaml" <<'PY' || failed=1
import glob, json, os, re, sys, yaml

problems, groups, uids, titles = [], [], {}, {}
def problem(where, message):
    problems.append(f"{where}: {message}")

def uses_variable(datasource):
    uid = datasource.get("uid") if isinstance(datasource, dict) else datasource
    return uid in ("${datasource}", "$datasource")

# Grafana's variables are not PromQL: give them values promtool accepts.
def as_promql(expr):
    expr = re.sub(r"\$__(rate_interval|interval|range)\b", "5m", expr)
    return re.sub(r"\$\{?\w+\}?", "x", expr)

def panels(items):
    for panel in items:
        yield panel
        yield from panels(panel.get("panels", []))

files = sorted(glob.glob(os.path.join(sys.argv[1], "*.json")))
if not files:
    problem(sys.argv[1], "no dashboards")
for path in files:
    name = os.path.basename(path)
    try:
        board = json.load(open(path))
    except ValueError as error:
        problem(name, f"not JSON: {error}")
        continue
    for key, seen in (("uid", uids), ("title", titles)):
        value = board.get(key)
        if not value:
            problem(name, f"no {key}")
        elif value in seen:
            problem(name, f"{key} {value!r} is also {seen[value]}'s")
        else:
            seen[value] = name
    variables = {v.get("name"): v for v in board.get("templating", {}).get("list", [])}
    source = variables.get("datasource", {})
    if source.get("type") != "datasource" or source.get("query") != "prometheus":
        problem(name, "no datasource variable of type prometheus")
    if "service" not in variables:
        problem(name, "no service variable")
    prefix = re.sub(r"\W", "_", board.get("uid") or name)
    rules = []
    for variable in variables.values():
        query = variable.get("query")
        query = query.get("query") if isinstance(query, dict) else query
        if variable.get("type") == "query":
            if not uses_variable(variable.get("datasource")):
                problem(name, f"variable {variable.get('name')} does not use ${{datasource}}")
            selector = re.fullmatch(r"\s*label_values\((.+),\s*\w+\)\s*", query or "")
            if not selector:
                problem(name, f"variable {variable.get('name')}: not label_values(selector, label): {query!r}")
            else:
                rules.append({"record": f"{prefix}:variable_{variable['name']}", "expr": as_promql(selector.group(1))})
    ids = set()
    for panel in panels(board.get("panels", [])):
        where = f"{name} panel {panel.get('id')} ({panel.get('title')!r})"
        if panel.get("id") in ids:
            problem(where, "id used twice")
        ids.add(panel.get("id"))
        if panel.get("type") == "row":
            continue
        if not uses_variable(panel.get("datasource")):
            problem(where, "datasource is not ${datasource}")
        if not panel.get("targets"):
            problem(where, "no targets")
        for target in panel.get("targets", []):
            if "datasource" in target and not uses_variable(target["datasource"]):
                problem(where, f"target {target.get('refId')}: datasource is not ${{datasource}}")
            if not (target.get("expr") or "").strip():
                problem(where, f"target {target.get('refId')}: no expr")
            else:
                rules.append({"record": f"{prefix}:panel_{panel.get('id')}_{target.get('refId')}", "expr": as_promql(target["expr"])})
    groups.append({"name": name, "rules": rules})
    print(f"{name}: {len(rules)} expressions")

yaml.safe_dump({"groups": groups}, open(sys.argv[2], "w"), sort_keys=False)
for line in problems:
    print(f"  INVALID {line}")
sys.exit(1 if problems else 0)
PY
# Each expression as a recording rule (group: the dashboard's file; record: <uid>:panel_<id>_<refId>), parsed by promtool.
if [ -s "$work/dashboards.rules.yaml" ]; then
  promtool check rules --lint-fatal "$work/dashboards.rules.yaml" || failed=1
fi

if [ "$failed" -ne 0 ]; then
  echo "check-observability: FAILED" >&2
  exit 1
fi
echo "check-observability: OK"
