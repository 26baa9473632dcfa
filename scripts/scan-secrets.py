#!/usr/bin/env python3
"""Fails when a secret-looking value is committed outside Development settings.

Every tracked file is read. A value is secret-looking when it sits in a password, secret, signing-key, API-key or token
field, after Password= in a connection string, between user: and @ in a URI, or when it has a secret's own shape
(whsec_..., a private key block). Placeholders ($(VAR), ${VAR}, {name}, <...>, ...) are not values.

Allowed without question: appsettings.Development.json files, which only Development processes read, and values that
say development-only (a whsec_ secret in its decoded bytes), which every process refuses outside Development
(ServiceDefaults/Secrets/DevelopmentSecrets.cs). This script's own planted examples are not looked at. Anything else
must be listed, with its reason, in
.ci/secrets-baseline by its fingerprint; a new one fails the scan, naming the file, line and field but never printing the
value.

Usage: scripts/scan-secrets.py [--list] [--self-test]
  --list       print every finding as a baseline line, to review and copy
  --self-test  plant secrets in a scratch repository and check each is caught
"""
import base64
import binascii
import hashlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

BASELINE = Path(".ci/secrets-baseline")
DEVELOPMENT_SETTINGS = re.compile(r"(^|/)appsettings\.Development\.json$")
MARKER = "development-only"
SELF = "scripts/scan-secrets.py"
NAMES = r"[\w.:-]*(?:password|passwd|secret|signing-?key|signingkey|api-?key|apikey|access-?token|private-?key|credential)[\w.:-]*"

PLACEHOLDER = re.compile(r"""^(?:\$\(|\$\{|\$[A-Za-z_]|\{|<|%|\*+$|x+$|changeme$|none$|null$|true$|false$)|\.\.\.""", re.I)
# secretName: api-tls, passwordSecret: ..., WebhookSecretHeader: names of things that hold secrets, not secrets
NOT_A_VALUE_NAME = re.compile(r"(?:name|ref|path|file|prefix|header|id|secret\.name)$", re.I)
UNQUOTED = re.compile(r"(?:\.(?:env|sh|ya?ml|conf|ini|properties|toml)|(?:^|/)Dockerfile)$")

PATTERNS = [
    # "WebhookSecret": "whsec_...", "postgres-password": "..." (JSON, YAML, .env, C# initializers)
    ("field", re.compile(r"""["']?(?P<name>""" + NAMES + r""")["']?\s*[:=]\s*["'](?P<value>[^"'\s]{8,})["']""", re.I)),
    # POSTGRES_PASSWORD=abc or password: abc, unquoted (shell, YAML, .env; code is left to the quoted form)
    ("field", re.compile(r"""^\s*(?:export\s+)?(?P<name>""" + NAMES + r""")\s*[:=]\s*(?P<value>[^\s"'#$]{4,})\s*$""", re.I | re.M), UNQUOTED),
    # ${DB_PASSWORD:-default}: the default is committed
    ("default", re.compile(r"""\$\{(?P<name>""" + NAMES + r"""):-(?P<value>[^}]+)\}""", re.I)),
    ("connection string", re.compile(r"""(?P<name>Password|Pwd)\s*=\s*(?P<value>[^;"'`\s]+)""", re.I)),
    ("URI credentials", re.compile(r"""\b[a-z][a-z0-9+.-]*://(?P<name>[^:@/\s"'`]+):(?P<value>[^@/\s"'`]+)@""", re.I)),
    ("webhook secret", re.compile(r"""(?P<name>whsec_)(?P<value>[A-Za-z0-9+/=]{8,})""")),
    ("private key", re.compile(r"""(?P<name>-----BEGIN [A-Z ]*PRIVATE KEY-----)(?P<value>)""")),
]




def findings(root: Path):
    files = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], capture_output=True, check=True).stdout.split(b"\0")
    for name in (f.decode() for f in files if f):
        if DEVELOPMENT_SETTINGS.search(name) or name == SELF:
            continue
        try:
            text = (root / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        lines_found = set()
        for kind, pattern, *only_in in PATTERNS:
            if only_in and not only_in[0].search(name):
                continue
            for match in pattern.finditer(text):
                value = match.group("value")
                if kind != "private key" and (PLACEHOLDER.search(value) or NOT_A_VALUE_NAME.search(match.group("name"))):
                    continue
                if says_development_only(match.group("name") + value):
                    continue
                line = text.count("\n", 0, match.start()) + 1
                if line in lines_found:
                    continue
                lines_found.add(line)
                fingerprint = hashlib.sha256(f"{name}\0{match.group('name')}\0{value}".encode()).hexdigest()[:16]
                yield fingerprint, name, line, kind, match.group("name")


def says_development_only(value: str) -> bool:
    """The value, or a whsec_ secret's decoded bytes, carries the marker every process refuses outside Development."""
    if MARKER in value.lower():
        return True
    secret = re.search(r"whsec_([A-Za-z0-9+/=]+)", value)
    try:
        return secret is not None and MARKER.encode() in base64.b64decode(secret.group(1), validate=True).lower()
    except (binascii.Error, ValueError):
        return False


def baseline():
    if not BASELINE.exists():
        return set()
    entries = set()
    for number, line in enumerate(BASELINE.read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fingerprint, _, rest = line.partition(" ")
        if "#" not in rest:
            sys.exit(f"{BASELINE}:{number}: every entry needs its reason after '#'")
        entries.add(fingerprint)
    return entries


def scan(root: Path, listing: bool) -> int:
    known = baseline()
    new = 0
    for fingerprint, name, line, kind, field in sorted(findings(root), key=lambda f: (f[1], f[2])):
        if listing:
            print(f"{fingerprint} {name}  # {kind} {field} (line {line}): why it is not a real secret")
        elif fingerprint not in known:
            new += 1
            print(f"scan-secrets: {name}:{line}: a {kind} ({field}) outside Development settings; "
                  f"use configuration, or add {fingerprint} to {BASELINE} with the reason it is no real secret")
    if not listing:
        print(f"scan-secrets: {'FAILED, ' + str(new) + ' new secret-looking value(s)' if new else 'no new secret-looking value'}")
    return 1 if new else 0


def self_test() -> int:
    planted = {
        "appsettings.json": '{ "PaymentPartner": { "WebhookSecret": "whsec_c2VjcmV0LXZhbHVlLWhlcmU=" } }',
        "settings.env": "RABBITMQ_PASSWORD=hunter2hunter2\n",
        "Db.cs": 'var cs = "Host=db;Username=app;Password=s3cr3t-value";',
        "bus.yaml": "uri: amqp://svc:pa55word@rabbit:5672\n",
        "start.sh": "password=${DB_PASSWORD:-hunter22}\n",
        "key.pem": "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n",
    }
    ignored = {
        "appsettings.Development.json": '{ "ClientSecret": "a-secret-for-local-runs-only" }',
        "Tests.cs": 'const string Committed = "whsec_ZGV2ZWxvcG1lbnQtb25seS13ZWJob29rLXNlY3JldCE=";',
        "deployment.yaml": "value: Host=$(DATABASE_HOST);Password=$(DATABASE_PASSWORD)\n",
        "Options.cs": 'string? WebhookSecret = null; var p = "{password}";',
        "ingress.yaml": "tls:\n  - secretName: api-tls-certificate\n",
    }
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for name, text in {**planted, **ignored}.items():
            (root / name).write_text(text)
        subprocess.run(["git", "init", "-q", str(root)], check=True)
        subprocess.run(["git", "-C", str(root), "add", "."], check=True)
        caught = {name for _, name, *_ in findings(root)}
    missed = set(planted) - caught
    wrong = set(ignored) & caught
    for name in sorted(missed):
        print(f"scan-secrets self-test: missed the secret planted in {name}")
    for name in sorted(wrong):
        print(f"scan-secrets self-test: flagged {name}, which holds none")
    print(f"scan-secrets self-test: {'FAILED' if missed or wrong else 'passed'} ({len(planted)} planted, {len(ignored)} decoys)")
    return 1 if missed or wrong else 0


if __name__ == "__main__":
    if "--self-test" in sys.argv:
        sys.exit(self_test())
    sys.exit(scan(Path("."), "--list" in sys.argv))
