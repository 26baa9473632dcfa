#!/usr/bin/env node
// Verifies a Micro-Internships credential independently of the platform's own code (docs/credentials.md):
//   node verify.mjs <credential link>                      e.g. https://api.example.edu/api/credentials/3q2-7wAbCdEfGhIjKlMnOp
//   node verify.mjs <file holding the JWT> --jwks <url>    e.g. --jwks https://api.example.edu/.well-known/jwks.json
// Prints what it checked as JSON. Exit code: 0 verified and in force, 1 does not verify, 2 revoked, 3 usage or network.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { createRemoteJWKSet, jwtVerify, base64url } from 'jose';

const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
const OB_CONTEXT_PREFIX = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0';

const fail = (code, message, details = {}) => {
  console.log(JSON.stringify({ verified: false, ...details, problem: message }, null, 2));
  process.exit(code);
};

async function fetchOk(url, accept) {
  const response = await fetch(url, { headers: { accept } });
  if (!response.ok) fail(3, `GET ${url} answered ${response.status}`);
  return response;
}

// The Open Badges 3.0 fields an OpenBadgeCredential must have (1EdTech OB 3.0, section 8, on the VC Data Model 2.0).
function missingRequiredFields(vc) {
  const has = (value) => value !== undefined && value !== null && value !== '';
  const types = (value) => [].concat(value ?? []);
  const subject = vc.credentialSubject ?? {};
  const achievement = subject.achievement ?? {};
  const checks = {
    '@context[0] is the VC 2.0 context': vc['@context']?.[0] === VC_CONTEXT,
    '@context has the Open Badges 3.0 context': (vc['@context'] ?? []).some((c) => typeof c === 'string' && c.startsWith(OB_CONTEXT_PREFIX)),
    'id': has(vc.id),
    'type has VerifiableCredential and OpenBadgeCredential':
      types(vc.type).includes('VerifiableCredential') && types(vc.type).includes('OpenBadgeCredential'),
    'name': has(vc.name),
    'issuer.id': has(vc.issuer?.id),
    'issuer.type has Profile': types(vc.issuer?.type).includes('Profile'),
    'validFrom': has(vc.validFrom) && !Number.isNaN(Date.parse(vc.validFrom)),
    'credentialSubject.type has AchievementSubject': types(subject.type).includes('AchievementSubject'),
    'credentialSubject.achievement.id': has(achievement.id),
    'credentialSubject.achievement.type has Achievement': types(achievement.type).includes('Achievement'),
    'credentialSubject.achievement.name': has(achievement.name),
    'credentialSubject.achievement.description': has(achievement.description),
    'credentialSubject.achievement.criteria': has(achievement.criteria?.id) || has(achievement.criteria?.narrative),
  };
  return Object.entries(checks).filter(([, ok]) => !ok).map(([field]) => field);
}

async function isRevoked(status, keys) {
  if (!status) return false;
  const entries = [].concat(status).filter((entry) => entry.type === 'BitstringStatusListEntry' && entry.statusPurpose === 'revocation');
  for (const entry of entries) {
    const listJwt = (await (await fetchOk(entry.statusListCredential, 'application/vc+jwt')).text()).trim();
    const { payload: list } = await jwtVerify(listJwt, keys, { typ: 'vc+jwt', algorithms: ['ES256'] });
    const encoded = list.credentialSubject?.encodedList ?? '';
    if (!encoded.startsWith('u')) fail(1, 'The status list is not multibase base64url');
    const bits = gunzipSync(base64url.decode(encoded.slice(1)));
    const index = Number.parseInt(entry.statusListIndex, 10);
    if ((bits[index >> 3] & (0x80 >> (index & 7))) !== 0) return true;
  }
  return false;
}

const args = process.argv.slice(2);
const source = args.find((arg) => !arg.startsWith('--'));
const jwksOption = args.includes('--jwks') ? args[args.indexOf('--jwks') + 1] : undefined;
if (!source) fail(3, 'usage: node verify.mjs <credential link> | <file holding the JWT> --jwks <url>');

let jwt;
let jwksUrl;
if (/^https?:\/\//.test(source)) {
  jwt = (await (await fetchOk(source, 'application/json')).json()).jwt;
  jwksUrl = new URL(jwksOption ?? '/.well-known/jwks.json', source);
} else {
  if (!jwksOption) fail(3, '--jwks <url> is needed with a JWT file');
  jwt = (await readFile(source, 'utf8')).trim();
  jwksUrl = new URL(jwksOption);
}

const keys = createRemoteJWKSet(jwksUrl);
let verified;
try {
  verified = await jwtVerify(jwt, keys, { typ: 'vc+jwt', algorithms: ['ES256'] });
} catch (error) {
  fail(1, `${error.code ?? error.name}: ${error.message}`);
}

const vc = verified.payload;
const missing = missingRequiredFields(vc);
if (missing.length > 0) fail(1, 'Open Badges 3.0 required fields are missing or wrong', { missing });

const now = Date.now();
if (Date.parse(vc.validFrom) > now) fail(1, `Not valid before ${vc.validFrom}`);
if (vc.validUntil && Date.parse(vc.validUntil) < now) fail(1, `Expired at ${vc.validUntil}`);

const revoked = await isRevoked(vc.credentialStatus, keys);
console.log(JSON.stringify({
  verified: true,
  revoked,
  kid: verified.protectedHeader.kid,
  issuer: vc.issuer.name,
  achievement: vc.credentialSubject.achievement.name,
  organization: vc.credentialSubject.source?.name,
  competencies: (vc.credentialSubject.achievement.alignment ?? []).map((a) => a.targetName),
  validFrom: vc.validFrom,
}, null, 2));
process.exit(revoked ? 2 : 0);
