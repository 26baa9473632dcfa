// Validates Kubernetes manifests offline, as the API server would before accepting them:
// - each built-in resource against the Kubernetes OpenAPI schemas (types, required fields, enums, formats such as
//   quantities), from kubernetes-models;
// - strictly: a field the API does not define is an error (a misspelt probe is otherwise dropped in silence), from
//   the field lists of @kubernetes/client-node's generated models;
// - the references between the resources of one rendering (selectors, Services behind Ingresses, ConfigMap keys,
//   autoscaler targets, claims, one source per volume, environment variables used before they are defined, one
//   namespace for all);
// - who may log in to what and reach what (access.mjs): each service reads only its own database and broker
//   credentials, over TLS (VerifyFull and amqps on 5671 in the overlays), its RabbitMQ permissions cover its own names
//   only, and network policies keep PostgreSQL and RabbitMQ to the services.
// The operators' custom resources are skipped by kind, saying so: their CRD schemas ship with the operators, not
// with any package this machine can install.
//
// Usage: node validate.mjs [--no-references] LABEL=FILE.yaml ...   Exit code 1 when anything is invalid.
// A LABEL containing "overlays/" is a deployment that must use TLS to PostgreSQL (VerifyFull) and RabbitMQ (amqps); one
// ending in "observability" is the telemetry (deploy/observability), whose access is not checked.
import { readFileSync } from "node:fs";
import { loadAll } from "js-yaml";
import * as fieldLists from "@kubernetes/client-node/dist/gen/models/ObjectSerializer.js";
import { checkAccess } from "./access.mjs";

const customKinds = new Map([
  ["postgresql.cnpg.io/v1", new Set(["Cluster", "Database", "Pooler"])],
  // RabbitMQ Cluster Operator; User, Permission and Policy: Messaging Topology Operator.
  ["rabbitmq.com/v1beta1", new Set(["RabbitmqCluster", "User", "Permission", "Policy"])],
  ["cert-manager.io/v1", new Set(["Certificate", "Issuer"])],
  // Prometheus Operator (deploy/observability); scripts/check-observability.sh checks the rules with promtool.
  ["monitoring.coreos.com/v1", new Set(["PrometheusRule"])],
]);
const clusterScoped = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "ClusterIssuer", "StorageClass", "PriorityClass"]);

const args = process.argv.slice(2);
const checkReferences = !args.includes("--no-references");
const inputs = args.filter((arg) => !arg.startsWith("--"));

let errors = 0;
let checked = 0;
let skipped = 0;
const externalSecrets = new Map();
const useSecret = (name, what) => externalSecrets.set(name, new Set([...(externalSecrets.get(name) ?? []), what]));
const certificateSecrets = new Set(); // made by cert-manager from a Certificate in the manifests

function fail(label, resource, message) {
  errors++;
  console.log(`  INVALID ${label}: ${resource}: ${message}`);
}

const idOf = (doc) => `${doc?.kind ?? "?"}/${doc?.metadata?.name ?? "?"}`;

async function schemaModel(apiVersion, kind) {
  const modulePath = `kubernetes-models/${apiVersion}`;
  try {
    return (await import(modulePath))[kind];
  } catch {
    return undefined;
  }
}

function fieldListName(apiVersion, kind) {
  const version = apiVersion.split("/").pop();
  return version.charAt(0).toUpperCase() + version.slice(1) + kind;
}

// Walks a value against a client-node model type and reports every key that type does not define.
function unknownFields(value, type, path, found) {
  if (value === null || value === undefined) return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (Array.isArray(value)) value.forEach((item, i) => unknownFields(item, array[1], `${path}[${i}]`, found));
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeof value === "object") for (const [k, v] of Object.entries(value)) unknownFields(v, map[1], `${path}.${k}`, found);
    return;
  }
  const model = fieldLists[type];
  if (typeof model !== "function" || !model.attributeTypeMap || typeof value !== "object" || Array.isArray(value)) return;
  const fields = new Map(model.attributeTypeMap.map((a) => [a.baseName, a.type]));
  for (const [key, child] of Object.entries(value)) {
    if (!fields.has(key)) found.push(`${path}.${key}`);
    else unknownFields(child, fields.get(key), `${path}.${key}`, found);
  }
}

async function validateResource(label, doc) {
  const id = idOf(doc);
  if (typeof doc?.apiVersion !== "string" || typeof doc?.kind !== "string" || typeof doc?.metadata?.name !== "string") {
    fail(label, id, "apiVersion, kind and metadata.name are required");
    return;
  }
  if (customKinds.get(doc.apiVersion)?.has(doc.kind)) {
    skipped++;
    if (typeof doc.spec !== "object" || doc.spec === null) fail(label, id, "a custom resource needs a spec");
    return;
  }
  const Model = await schemaModel(doc.apiVersion, doc.kind);
  const typeName = fieldListName(doc.apiVersion, doc.kind);
  if (!Model || !fieldLists[typeName]) {
    fail(label, id, `no Kubernetes schema for ${doc.apiVersion} ${doc.kind} (unknown kind or API version)`);
    return;
  }
  checked++;
  try {
    new Model(doc).validate();
  } catch (error) {
    fail(label, id, error.message.replaceAll("data/", "/"));
  }
  const unknown = [];
  unknownFields(doc, typeName, "", unknown);
  for (const path of unknown) fail(label, id, `unknown field ${path.slice(1)}`);
}

const matches = (selector, labels) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

function podSpecs(doc) {
  const spec = doc.spec?.template?.spec;
  return spec ? [spec] : [];
}

function validateReferences(label, docs) {
  const byKind = (kind) => docs.filter((d) => d?.kind === kind);
  const deployments = byKind("Deployment");
  const podLabels = deployments.map((d) => d.spec?.template?.metadata?.labels ?? {});
  const services = new Map(byKind("Service").map((s) => [s.metadata.name, s]));
  const configMaps = new Map(byKind("ConfigMap").map((c) => [c.metadata.name, c]));
  const claims = new Set(byKind("PersistentVolumeClaim").map((c) => c.metadata.name));
  const customNames = new Set(docs.filter((d) => customKinds.get(d?.apiVersion)?.has(d?.kind)).map((d) => d.metadata.name));
  const seen = new Set();

  for (const doc of docs) {
    const key = `${doc.kind}/${doc.metadata?.namespace ?? ""}/${doc.metadata?.name}`;
    if (seen.has(key)) fail(label, idOf(doc), "defined twice");
    seen.add(key);
  }
  for (const d of deployments) {
    if (!matches(d.spec?.selector?.matchLabels, d.spec?.template?.metadata?.labels))
      fail(label, idOf(d), "spec.selector does not match the pod template's labels");
    for (const spec of podSpecs(d)) {
      for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
        for (const source of container.envFrom ?? []) {
          if (source.configMapRef && !configMaps.has(source.configMapRef.name))
            fail(label, idOf(d), `envFrom names ConfigMap ${source.configMapRef.name}, which is not defined`);
          if (source.secretRef) useSecret(source.secretRef.name, "all keys");
        }
        // $(NAME) is expanded only from variables defined before it (envFrom, then env in order); otherwise the text
        // stays as it is.
        const defined = new Set((container.envFrom ?? []).flatMap((source) =>
          Object.keys(configMaps.get(source.configMapRef?.name)?.data ?? {})));
        for (const env of container.env ?? []) {
          for (const [, name] of (env.value ?? "").matchAll(/(?<!\$)\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g))
            if (!defined.has(name)) fail(label, idOf(d), `env ${env.name} uses $(${name}), which is not defined before it`);
          defined.add(env.name);
          const cm = env.valueFrom?.configMapKeyRef;
          if (cm && !(configMaps.get(cm.name)?.data ?? {})[cm.key])
            fail(label, idOf(d), `env ${env.name} names ${cm.name}/${cm.key}, which is not defined`);
          const secret = env.valueFrom?.secretKeyRef;
          if (secret) useSecret(secret.name, secret.key);
        }
      }
      for (const volume of spec.volumes ?? []) {
        if (volume.secret) useSecret(volume.secret.secretName, volume.secret.items?.map((i) => i.key).join(", ") || "volume");
        const sources = Object.keys(volume).filter((k) => k !== "name");
        if (sources.length !== 1)
          fail(label, idOf(d), `volume ${volume.name} must have exactly one source, has ${sources.join(", ") || "none"}`);
        if (volume.persistentVolumeClaim && !claims.has(volume.persistentVolumeClaim.claimName))
          fail(label, idOf(d), `volume ${volume.name} claims ${volume.persistentVolumeClaim.claimName}, which is not defined`);
      }
    }
  }
  for (const s of services.values()) {
    if (s.spec?.selector && !podLabels.some((labels) => matches(s.spec.selector, labels)))
      fail(label, idOf(s), "spec.selector matches no Deployment's pods");
  }
  for (const certificate of byKind("Certificate")) certificateSecrets.add(certificate.spec?.secretName);
  for (const ingress of byKind("Ingress")) {
    for (const tls of ingress.spec?.tls ?? []) useSecret(tls.secretName, "TLS");
    for (const rule of ingress.spec?.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend?.service;
        const service = services.get(backend?.name);
        if (!service) fail(label, idOf(ingress), `backend Service ${backend?.name} is not defined`);
        else if (backend.port?.name && !(service.spec?.ports ?? []).some((p) => p.name === backend.port.name))
          fail(label, idOf(ingress), `Service ${backend.name} has no port named ${backend.port.name}`);
      }
    }
  }
  for (const hpa of byKind("HorizontalPodAutoscaler")) {
    const target = hpa.spec?.scaleTargetRef;
    if (!docs.some((d) => d.kind === target?.kind && d.metadata.name === target?.name))
      fail(label, idOf(hpa), `scaleTargetRef ${target?.kind}/${target?.name} is not defined`);
  }
  for (const pdb of byKind("PodDisruptionBudget")) {
    const selector = pdb.spec?.selector?.matchLabels;
    const operatorPods = Object.values(selector ?? {}).some((v) => customNames.has(v));
    if (!operatorPods && !podLabels.some((labels) => matches(selector, labels)))
      fail(label, idOf(pdb), "spec.selector matches no Deployment's pods and names no custom resource");
  }
  for (const policy of byKind("NetworkPolicy")) {
    const selector = policy.spec?.podSelector?.matchLabels;
    const operatorPods = Object.values(selector ?? {}).some((v) => customNames.has(v));
    if (!operatorPods && !podLabels.some((labels) => matches(selector, labels)))
      fail(label, idOf(policy), "spec.podSelector matches no Deployment's pods and names no custom resource");
  }
  // One namespace for everything: a resource without one lands in whatever namespace kubectl is pointed at.
  const namespaces = new Set(docs.filter((d) => !clusterScoped.has(d.kind)).map((d) => d.metadata?.namespace));
  if (namespaces.size > 1)
    for (const doc of docs.filter((d) => !clusterScoped.has(d.kind) && !d.metadata?.namespace))
      fail(label, idOf(doc), `has no namespace, unlike the others (${[...namespaces].filter(Boolean).join(", ")})`);
}

let resources = 0;
const everything = [];
for (const input of inputs) {
  const [label, file] = input.includes("=") ? input.split(/=(.*)/s) : [input, input];
  let docs;
  try {
    docs = loadAll(readFileSync(file, "utf8")).filter((d) => d !== null && d !== undefined);
  } catch (error) {
    fail(label, file, `not YAML: ${error.message.split("\n")[0]}`);
    continue;
  }
  const before = { errors, checked, skipped };
  for (const doc of docs) await validateResource(label, doc);
  if (checkReferences) {
    validateReferences(label, docs);
    // The telemetry's kustomizations hold none of the system's processes, databases or broker: nothing to check.
    if (!label.endsWith("observability")) checkAccess(label, docs, fail, { requireTls: label.includes("overlays/") });
  }
  everything.push(...docs);
  resources += docs.length;
  console.log(`${label}: ${docs.length} resources, ${checked - before.checked} checked against the Kubernetes ` +
    `schemas, ${skipped - before.skipped} custom resources skipped, ${errors - before.errors} errors`);
}

if (!checkReferences) {
  // Files one by one cannot be checked for references, but access needs them together.
  const before = errors;
  checkAccess("deploy/base (files)", everything, fail, { requireTls: false });
  console.log(`deploy/base (files) together: access checked, ${errors - before} errors`);
}

const skippedKinds = [...customKinds].map(([api, kinds]) => `${api} ${[...kinds].join(", ")}`).join("; ");
console.log(`Skipped by kind: ${skippedKinds} (their CRD schemas come with the operators and cert-manager, not with ` +
  "a package; only apiVersion, kind, metadata.name and spec are checked here, and access.mjs reads the ones it needs).");
if (externalSecrets.size > 0) {
  const secrets = [...externalSecrets].filter(([name]) => !certificateSecrets.has(name)).sort(([a], [b]) => a.localeCompare(b))
    .map(([name, keys]) => `${name} (${[...keys].sort().join(", ")})`);
  console.log(`Secrets the manifests use and git does not hold (docs/deployment.md, "Secrets"): ${secrets.join(", ")}`);
}
console.log(errors === 0
  ? `validate-deploy: OK: ${inputs.length} inputs, ${resources} resources, ${checked} checked against the ` +
    `Kubernetes schemas, ${skipped} custom resources skipped`
  : `validate-deploy: FAILED: ${errors} errors in ${inputs.length} inputs`);
process.exit(errors === 0 ? 0 : 1);
