#!/usr/bin/env python3
"""Writes docs/problem-codes.md, the list of problem codes, from the x-problem-codes the API documents declare.

Usage: scripts/problem-codes.py          (rewrites docs/problem-codes.md)
       scripts/problem-codes.py --check  (fails when docs/problem-codes.md is not what api/ declares)
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "problem-codes.md"
SERVICES = ["listings", "placements", "payments", "events", "notifications"]

# The codes the platform itself answers, on every operation of a kind (ServiceDefaults/OpenApi/ProblemResponses.cs).
PLATFORM = {
    "malformed_request": "The request could not be read: a body that is not JSON, a parameter of the wrong type.",
    "validation_failed": "Fields break their rules; `errors` names each field with its messages.",
    "invalid_idempotency_key": "`Idempotency-Key` is not 1 to 255 characters.",
    "invalid_state": "The change would break a rule the data keeps.",
    "unauthorized": "No bearer token, or one that is invalid or expired.",
    "invalid_token": "The token's subject is too long or holds a NUL character.",
    "missing_subject": "The token names no subject.",
    "ambiguous_role": "The token carries more than one role.",
    "forbidden": "The caller's role may not do this.",
    "not_found": "No such route, or a path parameter that is not an id.",
    "idempotency_request_in_progress": "The first request with this `Idempotency-Key` is still running: retry shortly.",
    "concurrent_update": "The resource changed while the request was applied: read it again and retry.",
    "duplicate": "That already exists.",
    "version_mismatch": "`If-Match` names a version that is no longer current: read it again.",
    "uri_too_long": "The gateway refuses a path and query over its length limit.",
    "body_too_large": "The body is over the size limit.",
    "unsupported_media_type": "The body is not `application/json`.",
    "idempotency_key_reused": "This `Idempotency-Key` was used with another request.",
    "rate_limited": "Too many requests from this caller: wait `Retry-After` seconds.",
    "database_unavailable": "The service's database is out of reach: retry after `Retry-After` seconds.",
    "service_unavailable": "The gateway finds the service behind the route down (its processes stopped or restarting); the other routes still work: retry after `Retry-After` seconds, with the same `Idempotency-Key`.",
    "service_unreachable": "The service behind the route broke off before answering (a process dying mid-request): retry shortly, with the same `Idempotency-Key`.",
    "service_timeout": "The service behind the route did not answer within the gateway's activity timeout: retry with the same `Idempotency-Key`.",
}


def rule_details(service):
    """What each refusal of a service says, read from where it is thrown or written: the detail a caller gets."""
    details = {}
    pattern = re.compile(r'(?:Conflict\(|Forbidden\(|StatusCodes\.Status\d+\w*,)\s*"([a-z_]+)",\s*\$?"((?:[^"\\]|\\.)*)"')
    for source in sorted((ROOT / "services" / service.capitalize()).rglob("*.cs")):
        if "/obj/" in source.as_posix() or "/bin/" in source.as_posix():
            continue
        for code, detail in pattern.findall(source.read_text()):
            details.setdefault(code, re.sub(r"\{[^}]*\}", "…", detail))
    return details


def meaning(code, detail, details):
    if detail:
        return detail
    if code in details:
        return details[code]
    if code.endswith("_not_found"):
        return f"No {code[:-len('_not_found')].replace('_', ' ')} with that id, or none the caller may see."
    return code.replace("_", " ").capitalize() + "."


def operations():
    for service in SERVICES:
        document = json.loads((ROOT / "api" / f"{service}.json").read_text())
        for path, item in document["paths"].items():
            for method, operation in item.items():
                for status, response in operation.get("responses", {}).items():
                    for code in response.get("x-problem-codes", []):
                        detail = re.search(r"`" + re.escape(code) + r"` \(([^)]*)\)", response.get("description", ""))
                        yield service, f"{method.upper()} {path}", int(status), code, detail.group(1) if detail else ""


def render():
    rows = list(operations())
    lines = [
        "# Problem codes",
        "",
        "Every refusal is problem details with a stable `code` (docs/api.md, \"For client developers\"). This list is",
        "written by `scripts/problem-codes.py` from the codes each operation declares in `api/*.json` (`x-problem-codes`);",
        "CI fails when it is stale. Branch on the code, never on `detail`.",
        "",
        "## Codes any operation of its kind can answer",
        "",
        "| Code | Status | Meaning |",
        "| --- | --- | --- |",
    ]
    statuses = {}
    for _, _, status, code, _ in rows:
        statuses.setdefault(code, set()).add(status)
    for code, said in PLATFORM.items():
        if code in statuses:
            lines.append(f"| `{code}` | {', '.join(map(str, sorted(statuses[code])))} | {said} |")
    for service in SERVICES:
        lines += ["", f"## {service.capitalize()}", "", "| Code | Status | Operations | Meaning |", "| --- | --- | --- | --- |"]
        codes = {}
        details = rule_details(service)
        for row_service, operation, status, code, detail in rows:
            if row_service == service and code not in PLATFORM:
                entry = codes.setdefault((code, status), [set(), detail])
                entry[0].add(operation)
                entry[1] = entry[1] or detail
        for (code, status), (where, detail) in sorted(codes.items()):
            text = meaning(code, detail, details).replace("|", "\\|")
            lines.append(f"| `{code}` | {status} | {'<br>'.join(f'`{op}`' for op in sorted(where))} | {text} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    text = render()
    if sys.argv[1:] == ["--check"]:
        if not TARGET.exists() or TARGET.read_text() != text:
            sys.exit("problem-codes: docs/problem-codes.md is not what api/ declares; run scripts/problem-codes.py and commit it")
        print("problem-codes: docs/problem-codes.md lists what api/ declares")
    else:
        TARGET.write_text(text)
