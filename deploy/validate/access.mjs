// Who may log in to what and reach what, over one rendering (issue #28, point 7). For each of the six services:
// - its Deployment reads its own credentials only, by key: its PostgreSQL role's Secret postgres-<service> and its
//   RabbitMQ user's Secret messaging-<service>-user-credentials; never another service's, never the broker's
//   administrator (messaging-default-user) nor CloudNativePG's superuser or bootstrap owner. The gateway and the
//   website read none. A CA certificate may be mounted from its Secret, the ca.crt item alone;
// - its connection strings name its own database, take user and password from those Secrets and use TLS; in an
//   overlay SSL Mode=VerifyFull with CloudNativePG's CA as Root Certificate and a host the server certificate names,
//   and amqps on 5671 (MassTransit's TLS port) to a host the broker's certificate names, with its CA trusted; a
//   service that LISTENs (Notifications) has a second PostgreSQL connection string for it, held to the same rules and
//   pointed at the primary's Service itself, never at PgBouncer (transaction mode does not carry LISTEN/NOTIFY);
// - its PostgreSQL role logs in and is nothing more, owns its database and no other, and pg_hba lets it into its own
//   database only, over TLS only;
// - its RabbitMQ user has no management tag and one Permission whose configure, write and read regexes match the names
//   MassTransit uses for it and none of the other services' names, nor the amq.* exchanges;
// - NetworkPolicies let only the gateway reach it, and only the services and the operators reach PostgreSQL and
//   RabbitMQ.
// The names come from the table below, taken from the code: keep it in step with it.
//   queues     {service}-{consumer} (KebabCaseEndpointNameFormatter with the service as prefix, which drops the
//              class's Consumer suffix; the consumer class is <Event>Consumer unless the entry lists its consumers,
//              each named after the event it consumes: ApplicationOfferedReminder, ApplicationOfferedReminderConsumer),
//              {service}-replay and {service}-broker-ping, each with _error, _skipped and _parked
//              (libs/Messaging/MessagingExtensions.cs, Recovery/ErrorQueueRedriver.cs, Health/BrokerProbeRegistration.cs);
//              an exchange of each name
//   bus        {host}_{process}_bus_{id} per process, the host being the pod's name (busEndpoint below)
//   exchanges  one per message type, Namespace:Type (libs/Contracts); Fault<T> as MassTransit:Fault--Namespace:Type--

export const services = [
  {
    name: "listings", contracts: "Listings",
    publishes: ["OrganizationCreated", "OrganizationUpdated", "ListingDrafted", "ListingPublished", "ListingUpdated", "ListingClosed",
      "ListingCancelled", "CourseCreated", "CourseUpdated", "CourseRequestMade", "CourseRequestAnswered", "CourseListingLinked",
      "CourseListingUnlinked", "CourseNeedPosted", "CourseNeedUpdated", "OrganizationMemberAdded", "OrganizationMemberRemoved",
      "InvitationSent", "InvitationAccepted", "InvitationRevoked", "PartnerInterestSubmitted", "PartnerInterestConfirmed",
      "PartnerInterestApproved", "PartnerInterestDeclined", "PartnerInterestErased", "ContactEmailRequested"],
    consumes: ["Placements:PlacementStarted", "Placements:PlacementCancelled", "Replay:ReplayRequested"],
  },
  {
    name: "placements", contracts: "Placements",
    publishes: ["ApplicationSubmitted", "ApplicationOffered", "ApplicationAccepted", "ApplicationRejected",
      "ApplicationDeclined", "ApplicationWithdrawn", "ApplicationExpired", "PlacementStarted", "PlacementSubmitted",
      "PlacementRevisionRequested", "TimeEntryLogged", "ReflectionAdded", "ReflectionSharingChanged", "FeedbackGiven", "FeedbackRevealed", "PlacementCancelled", "PlacementCompleted",
      "PlacementSettled", "PlacementSettlementDisputable", "PlacementSettlementEscalated",
      "CredentialIssued", "CredentialRevoked", "PortfolioChanged"],
    consumes: ["Listings:ListingPublished", "Listings:ListingUpdated", "Listings:ListingClosed",
      "Listings:ListingCancelled", "Listings:CourseListingLinked", "Listings:CourseListingUnlinked",
      "Listings:OrganizationMemberAdded", "Listings:OrganizationMemberRemoved",
      "Payments:PayoutOpened", "Payments:PayoutOnHold", "Payments:PayoutFunded", "Payments:PayoutRetried",
      "Payments:PayoutPaid", "Payments:PayoutFailed", "Payments:PayoutReturned", "Payments:FundReservationRefused",
      "Replay:ReplayRequested"],
  },
  {
    name: "payments", contracts: "Payments",
    publishes: ["PayoutOpened", "PayoutOnHold", "PayoutFunded", "PayoutSubmitted", "PayoutRetried", "PayoutFlagged", "PayoutPaid",
      "PayoutFailed", "PayoutReturned", "FundReservationRefused", "FundChanged"],
    consumes: ["Placements:PlacementStarted", "Placements:PlacementCompleted", "Placements:PlacementSettled",
      "Listings:OrganizationMemberAdded", "Listings:OrganizationMemberRemoved", "Replay:ReplayRequested"],
  },
  {
    name: "events", contracts: "Events",
    publishes: ["EventCreated", "EventUpdated", "RegistrationConfirmed", "RegistrationWaitlisted", "RegistrationPromoted",
      "RegistrationCancelled", "RegistrationCheckedIn", "SlotOffered", "SlotBooked", "SlotReleased", "SlotWithdrawn",
      "TalkProposalSubmitted", "TalkProposalAccepted", "TalkProposalDeclined", "SessionSignedUp", "SessionSignupWithdrawn"],
    consumes: ["Listings:OrganizationMemberAdded", "Listings:OrganizationMemberRemoved", "Replay:ReplayRequested"],
  },
  {
    name: "notifications", contracts: "Notifications",
    publishes: [],
    consumes: ["Listings:ListingDrafted", "Listings:ListingPublished", "Listings:ListingUpdated", "Listings:ListingClosed",
      "Listings:CourseCreated", "Listings:CourseUpdated", "Listings:CourseRequestMade", "Listings:CourseRequestAnswered",
      "Listings:CourseListingLinked",
      "Placements:ApplicationSubmitted", "Placements:ApplicationOffered", "Placements:ApplicationAccepted",
      "Placements:ApplicationDeclined", "Placements:ApplicationRejected", "Placements:ApplicationWithdrawn",
      "Placements:ApplicationExpired", "Placements:PlacementStarted", "Placements:PlacementSubmitted",
      "Placements:PlacementRevisionRequested", "Placements:PlacementCompleted", "Placements:PlacementSettled",
      "Placements:PlacementSettlementDisputable", "Placements:PlacementSettlementEscalated", "Placements:PlacementCancelled", "Placements:FeedbackRevealed", "Placements:ReflectionAdded",
      "Placements:CredentialRevoked",
      "Payments:PayoutOnHold", "Payments:PayoutPaid", "Payments:PayoutFailed", "Payments:PayoutReturned",
      "Payments:PayoutFlagged", "Payments:FundChanged",
      "Events:EventCreated", "Events:EventUpdated", "Events:RegistrationConfirmed", "Events:RegistrationWaitlisted",
      "Events:RegistrationPromoted", "Events:RegistrationCancelled",
      "Listings:OrganizationMemberAdded", "Listings:OrganizationMemberRemoved", "Listings:ContactEmailRequested",
      "Replay:ReplayRequested"],
    // services/Notifications/Extensions/NotificationsServiceExtensions.cs: the directory, the reminders, the notifiers.
    consumers: [
      "ListingDraftedDirectory", "ListingPublishedDirectory", "ListingUpdatedDirectory", "CourseCreatedDirectory",
      "CourseUpdatedDirectory", "PlacementStartedDirectory", "EventCreatedDirectory", "EventUpdatedDirectory",
      "ApplicationOfferedReminder", "ApplicationAcceptedReminder", "ApplicationDeclinedReminder",
      "ApplicationWithdrawnReminder", "ApplicationRejectedReminder", "ApplicationExpiredReminder",
      "PlacementSubmittedReminder", "PlacementCompletedReminder", "PlacementRevisionRequestedReminder",
      "PlacementCancelledReminder", "RegistrationConfirmedReminder", "RegistrationPromotedReminder",
      "RegistrationCancelledReminder",
      "ApplicationSubmitted", "ApplicationOffered", "ApplicationAccepted", "ApplicationDeclined", "ApplicationRejected",
      "ApplicationExpired", "PlacementSubmitted", "PlacementRevisionRequested", "PlacementCompleted", "PlacementSettled",
      "PlacementSettlementDisputable", "PlacementSettlementEscalated",
      "PlacementCancelled", "FeedbackRevealed", "ReflectionAdded", "CredentialRevoked", "PayoutOnHold", "PayoutPaid", "PayoutFailed",
      "PayoutReturned", "PayoutFlagged", "FundChanged", "RegistrationConfirmed", "RegistrationWaitlisted",
      "RegistrationPromoted", "CourseRequestMade", "CourseRequestAnswered", "CourseListingLinked", "ListingClosed",
      "OrganizationMemberAdded", "OrganizationMemberRemoved", "ContactEmailRequested", "ReplayRequested"],
    // Stream/NotificationFeed.cs (Notifications:ListenConnectionString, apps/notifications.yaml).
    listen: "Notifications__ListenConnectionString",
  },
  {
    // The events its read model is built from (services/Insights/Consumers) join this list and its Permission
    // (infrastructure/rabbitmq-users.yaml) together, as they join its code.
    name: "insights", contracts: "Insights",
    publishes: [],
    consumes: ["Listings:OrganizationCreated", "Listings:OrganizationUpdated", "Listings:CourseCreated",
      "Listings:CourseUpdated", "Listings:ListingDrafted", "Listings:ListingUpdated", "Listings:ListingPublished",
      "Listings:ListingClosed", "Listings:ListingCancelled", "Placements:ApplicationSubmitted",
      "Placements:ApplicationOffered", "Placements:ApplicationAccepted", "Placements:ApplicationRejected",
      "Placements:ApplicationDeclined", "Placements:ApplicationWithdrawn", "Placements:ApplicationExpired",
      "Placements:PlacementStarted", "Placements:PlacementSubmitted", "Placements:PlacementRevisionRequested",
      "Placements:PlacementCompleted", "Placements:PlacementCancelled", "Placements:PlacementSettled",
      "Placements:PlacementSettlementDisputable", "Placements:PlacementSettlementEscalated",
      "Placements:TimeEntryLogged", "Placements:FeedbackRevealed", "Payments:PayoutOpened", "Payments:PayoutOnHold",
      "Payments:PayoutFunded", "Payments:PayoutSubmitted", "Payments:PayoutRetried", "Payments:PayoutFlagged",
      "Payments:PayoutPaid", "Payments:PayoutFailed", "Payments:PayoutReturned", "Payments:FundChanged",
      "Events:EventCreated", "Events:EventUpdated", "Events:RegistrationConfirmed", "Events:RegistrationWaitlisted",
      "Events:RegistrationPromoted", "Events:RegistrationCancelled", "Events:RegistrationCheckedIn",
      "Events:SlotOffered", "Events:SlotBooked", "Events:SlotReleased", "Events:SlotWithdrawn",
      "Listings:OrganizationMemberAdded", "Listings:OrganizationMemberRemoved",
      "Replay:ReplayRequested"],
    // services/Insights/Extensions/InsightsServiceExtensions.cs: one <Event>Fact per event, each also taking replays.
    consumers: [
      "OrganizationCreatedFact", "OrganizationUpdatedFact", "CourseCreatedFact", "CourseUpdatedFact",
      "ListingDraftedFact", "ListingUpdatedFact", "ListingPublishedFact", "ListingClosedFact", "ListingCancelledFact",
      "ApplicationSubmittedFact", "ApplicationOfferedFact", "ApplicationAcceptedFact", "ApplicationRejectedFact",
      "ApplicationDeclinedFact", "ApplicationWithdrawnFact", "ApplicationExpiredFact", "PlacementStartedFact",
      "PlacementSubmittedFact", "PlacementRevisionRequestedFact", "PlacementCompletedFact", "PlacementCancelledFact",
      "PlacementSettledFact", "PlacementSettlementDisputableFact", "PlacementSettlementEscalatedFact",
      "TimeEntryLoggedFact", "FeedbackRevealedFact", "PayoutOpenedFact", "PayoutOnHoldFact", "PayoutFundedFact",
      "PayoutSubmittedFact", "PayoutRetriedFact", "PayoutFlaggedFact", "PayoutPaidFact", "PayoutFailedFact",
      "PayoutReturnedFact", "FundChangedFact", "EventCreatedFact", "EventUpdatedFact", "RegistrationConfirmedFact",
      "RegistrationWaitlistedFact", "RegistrationPromotedFact", "RegistrationCancelledFact",
      "RegistrationCheckedInFact", "SlotOfferedFact", "SlotBookedFact", "SlotReleasedFact", "SlotWithdrawnFact",
      "OrganizationMemberAddedFact", "OrganizationMemberRemovedFact", "ReplayRequested"],
  },
].map((s) => ({
  ...s,
  consumers: s.consumers ?? s.consumes.map((c) => c.split(":")[1]),
  deployment: `${s.name}-api`,
  role: s.name,
  database: `${s.name}db`,
  databaseSecret: `postgres-${s.name}`,
  rabbitUser: `messaging-${s.name}`,
  rabbitSecret: `messaging-${s.name}-user-credentials`,
}));

// Secrets no Deployment may read, and why.
const forbiddenSecrets = new Map([
  ["messaging-default-user", "the RabbitMQ administrator the operators use"],
  ["postgres-superuser", "CloudNativePG's superuser"],
  ["postgres-app", "the owner of CloudNativePG's bootstrap database"],
  ["postgres-replication", "CloudNativePG's replication client certificate"],
]);
const isCredentialSecret = (name) =>
  forbiddenSecrets.has(name) || /^(postgres|messaging)-/.test(name) || name.endsWith("-user-credentials");

const operatorNamespaces = new Set(["cnpg-system", "rabbitmq-system"]);
const reservedExchanges = ["amq.default", "amq.direct", "amq.fanout", "amq.topic", "amq.headers", "amq.match",
  "amq.rabbitmq.trace"];

const kebab = (name) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
const contract = (qualified) => `MicroInternships.Contracts.${qualified}`;
// Replays (libs/Messaging/Replay): any service asks for one, every service answers by sending its logged events to the
// asking service's own exchange, which only that service reads (bound to its {service}-replay queue).
const replayRequested = contract("Replay:ReplayRequested");
const replayExchange = (name) => `replay.${name}`;
const some = (names) => names.slice(0, 3).map((n) => (n === "" ? '""' : n)).join(", ") +
  (names.length > 3 ? ` and ${names.length - 3} more` : "");

// MassTransit's bus endpoint name: non-alphanumerics dropped from host and process name, the host (then the process)
// cut to 14 characters when the whole would pass 72 (DefaultEndpointNameFormatter.GetTemporaryQueueName), then a
// NewId in lower-case z-base-32.
function busEndpoint(host, process) {
  const machine = host.replace(/[^a-zA-Z0-9]/g, "");
  const proc = process.replace(/[^a-zA-Z0-9]/g, "");
  const spread = Math.floor((72 - 29) / 3);
  let overage = machine.length + proc.length + "bus".length + 29 - 72;
  let machineLength = machine.length;
  let processLength = proc.length;
  if (overage > 0 && machineLength > spread) {
    overage -= machineLength - spread;
    machineLength = spread;
  }
  if (overage > 0 && processLength > spread) processLength = spread;
  return `${machine.slice(0, machineLength)}_${proc.slice(0, processLength)}_bus_ybndrfg8ejkmcpqxot1uwisza3`;
}

// The names a service's RabbitMQ user works with, by what it does with them.
function brokerNames(s) {
  const queues = [`${s.name}-broker-ping`, `${s.name}-replay`, ...s.consumers.map((c) => `${s.name}-${kebab(c)}`)]
    .flatMap((q) => [q, `${q}_error`, `${q}_skipped`, `${q}_parked`]);
  const pod = `${s.deployment}-6f7c9d5b8d-x2k9p`;
  const bus = [busEndpoint(pod, `MicroInternships.${s.contracts}`), busEndpoint(pod, "dotnet")];
  const consumed = s.consumes.map(contract);
  return {
    own: [...queues, ...bus],
    published: [...s.publishes.map((e) => contract(`${s.contracts}:${e}`)), replayRequested],
    replayIn: replayExchange(s.name),
    consumed,
    faults: consumed.map((c) => `MassTransit:Fault--${c}--`),
    faultBase: consumed.length > 0 ? ["MassTransit:Fault"] : [],
  };
}

function selectorMatches(selector, labels) {
  if (!selector) return true;
  return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v) &&
    (selector.matchExpressions ?? []).every(({ key, operator, values }) => {
      const has = Object.hasOwn(labels, key);
      switch (operator) {
        case "In": return has && values.includes(labels[key]);
        case "NotIn": return !has || !values.includes(labels[key]);
        case "Exists": return has;
        case "DoesNotExist": return !has;
        default: return false;
      }
    });
}

// Npgsql's key=value pairs, keys without case or spaces ("SSL Mode" is "sslmode").
function npgsqlPairs(text) {
  const pairs = new Map();
  for (const part of text.split(";")) {
    const at = part.indexOf("=");
    if (at > 0) pairs.set(part.slice(0, at).replace(/\s+/g, "").toLowerCase(), part.slice(at + 1).trim());
  }
  return pairs;
}

// The first pg_hba line that matches a TCP connection of role to database, if any. CloudNativePG's own lines, before
// these, are for its own users; after these comes "host all all all scram-sha-256", which lets anyone in.
function hbaDecision(lines, role, database, ssl) {
  for (const line of lines) {
    const [type, databases, users, , method] = line.trim().split(/\s+/); // type database user address method
    if (type === "local" || type === "hostgssenc" || (type === "hostssl" && !ssl) || (type === "hostnossl" && ssl))
      continue;
    const dbOk = databases.split(",").some((d) => d === "all" || d === database || (d === "sameuser" && database === role));
    const userOk = users.split(",").some((u) => u === "all" || u === role || u === `+${role}`);
    if (dbOk && userOk) return { line, allowed: method !== "reject" };
  }
  return null;
}

export function checkAccess(label, docs, fail, { requireTls }) {
  const byKind = (kind, api) => docs.filter((d) => d?.kind === kind && (!api || d.apiVersion?.startsWith(api)));
  const problem = (doc, message) => fail(label, typeof doc === "string" ? doc : `${doc.kind}/${doc.metadata?.name}`,
    message);
  const pg = byKind("Cluster", "postgresql.cnpg.io/")[0];
  const rabbit = byKind("RabbitmqCluster", "rabbitmq.com/")[0];
  if (!pg) problem("rendering", "no CloudNativePG Cluster: the services' roles and pg_hba cannot be checked");
  if (!rabbit) problem("rendering", "no RabbitmqCluster: the services' users cannot be checked");
  const context = {
    label, docs, byKind, problem, requireTls, pg, rabbit,
    deployments: byKind("Deployment"),
    pgCa: pg && (pg.spec?.certificates?.serverCASecret || `${pg.metadata.name}-ca`),
    rabbitTls: rabbit?.spec?.tls?.secretName,
  };
  for (const s of services)
    if (!context.deployments.some((d) => d.metadata.name === s.deployment))
      problem("rendering", `no Deployment ${s.deployment}`);
  checkTable(problem);
  checkDeployments(context);
  if (pg) checkPostgres(context);
  if (rabbit) checkRabbit(context);
  checkPolicies(context);
}

// The table itself: every consumer is named after an event its service consumes (<Event> or <Event><Role>), and every
// consumed event has a consumer, so the queue names follow the consumed events.
function checkTable(problem) {
  for (const s of services) {
    const events = s.consumes.map((c) => c.split(":")[1]);
    const consumes = (consumer, event) => consumer === event ||
      (consumer.startsWith(event) && /^[A-Z]/.test(consumer.slice(event.length)));
    for (const consumer of s.consumers)
      if (!events.some((e) => consumes(consumer, e)))
        problem("access.mjs", `${s.name}'s consumer ${consumer} is not named after an event it consumes`);
    for (const event of events)
      if (!s.consumers.some((c) => consumes(c, event)))
        problem("access.mjs", `${s.name} consumes ${event} but lists no consumer for it`);
    const twice = s.consumers.filter((c, i) => s.consumers.indexOf(c) !== i);
    if (twice.length > 0) problem("access.mjs", `${s.name} lists the consumers ${twice.join(", ")} twice`);
  }
}

// The Secrets each Deployment reads and the connection strings it builds.
function checkDeployments({ byKind, problem, requireTls, pg, rabbit, deployments, pgCa, rabbitTls }) {
  const configMaps = new Map(byKind("ConfigMap").map((c) => [c.metadata.name, c]));
  const certificates = byKind("Certificate", "cert-manager.io/");
  const caSecrets = new Set([pgCa, rabbitTls].filter(Boolean));
  for (const d of deployments) {
    const s = services.find((x) => x.deployment === d.metadata.name);
    const own = new Set(s ? [s.databaseSecret, s.rabbitSecret] : []);
    const spec = d.spec?.template?.spec ?? {};
    const read = new Map();
    for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      for (const name of (container.envFrom ?? []).map((source) => source.secretRef?.name).filter(Boolean))
        if (isCredentialSecret(name)) problem(d, `envFrom reads every key of Secret ${name}: credentials are read by key`);
      for (const ref of (container.env ?? []).map((e) => e.valueFrom?.secretKeyRef).filter(Boolean))
        read.set(ref.name, [...(read.get(ref.name) ?? []), ref.key]);
    }
    for (const name of read.keys()) {
      if (forbiddenSecrets.has(name)) problem(d, `reads Secret ${name}, ${forbiddenSecrets.get(name)}`);
      else if (isCredentialSecret(name) && !own.has(name))
        problem(d, s ? `reads Secret ${name}, which is not ${s.name}'s (${[...own].join(", ")})`
          : `reads Secret ${name}: only the services read database or broker credentials`);
    }
    for (const volume of spec.volumes ?? []) {
      const sources = [volume.secret && { name: volume.secret.secretName, items: volume.secret.items },
        ...(volume.projected?.sources ?? []).map((p) => p.secret && { name: p.secret.name, items: p.secret.items })];
      for (const source of sources.filter((x) => x && isCredentialSecret(x.name))) {
        const caOnly = caSecrets.has(source.name) && source.items?.length === 1 && source.items[0].key === "ca.crt";
        if (!s) problem(d, `volume ${volume.name} mounts Secret ${source.name}: only the services need it`);
        else if (!caOnly)
          problem(d, `volume ${volume.name} mounts Secret ${source.name}` + (caSecrets.has(source.name)
            ? " with more than its ca.crt (a private key is next to it)" : ": credentials are read by key, not mounted"));
      }
    }
    if (!s) continue;
    for (const secret of own) {
      const keys = read.get(secret) ?? [];
      if (!keys.includes("username") || !keys.includes("password"))
        problem(d, `does not read username and password from its own Secret ${secret}`);
    }

    const container = (spec.containers ?? []).find((c) => c.name === s.deployment) ?? spec.containers?.[0];
    const env = container?.env ?? [];
    const mounts = new Map((container?.volumeMounts ?? []).map((m) => [m.name, m.mountPath]));
    // The directories where a Secret's ca.crt, and nothing else of it, is mounted.
    const caDirectories = (secretName) => (spec.volumes ?? [])
      .filter((v) => v.secret?.secretName === secretName && v.secret.items?.length === 1
        && v.secret.items[0].key === "ca.crt" && v.secret.items[0].path === "ca.crt")
      .map((v) => mounts.get(v.name)).filter(Boolean);
    // $(NAME) replaced by a literal, a ConfigMap's value, or <secret NAME KEY>.
    const resolve = (value, seen = new Set()) => value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, name) => {
      const entry = env.find((e) => e.name === name);
      const cm = entry?.valueFrom?.configMapKeyRef;
      const secret = entry?.valueFrom?.secretKeyRef;
      if (!entry || seen.has(name)) return whole;
      if (entry.value !== undefined) return resolve(entry.value, new Set([...seen, name]));
      if (cm) return configMaps.get(cm.name)?.data?.[cm.key] ?? whole;
      return secret ? `<secret ${secret.name} ${secret.key}>` : whole;
    });
    const secretValue = (secret, key) => `<secret ${secret} ${key}>`;

    // Anything named like a connection string is one of the service's own: its database, the broker, its LISTEN.
    const known = [`ConnectionStrings__${s.database}`, "ConnectionStrings__messaging", ...(s.listen ? [s.listen] : [])];
    for (const e of env.filter((x) => /connectionstring/i.test(x.name) && !known.includes(x.name)))
      problem(d, `defines ${e.name}: a service connects to its own database (${s.database}) and the broker only`);

    // primaryOnly: a connection that LISTENs must reach the primary's own Service, never PgBouncer.
    const checkDatabase = (dbName, primaryOnly) => {
      const db = env.find((e) => e.name === dbName)?.value;
      if (!db) return problem(d, `has no ${dbName}`);
      const pairs = npgsqlPairs(resolve(db));
      const sslMode = (pairs.get("sslmode") ?? "").toLowerCase();
      if (pairs.get("database") !== s.database) problem(d, `${dbName} names database ${pairs.get("database")}`);
      for (const key of ["username", "password"])
        if (pairs.get(key) !== secretValue(s.databaseSecret, key))
          problem(d, `${dbName} takes its ${key} from ${pairs.get(key)}, not ${s.databaseSecret}/${key}`);
      if (!["require", "verifyca", "verifyfull"].includes(sslMode))
        problem(d, `${dbName} allows a connection without TLS (SSL Mode=${pairs.get("sslmode") ?? "Prefer, the default"})`);
      if (/^true$/i.test(pairs.get("trustservercertificate") ?? "")) problem(d, `${dbName} trusts any server certificate`);
      if (!pg) return;
      const { name, namespace } = pg.metadata;
      const withNamespace = (n) => (n.includes(".") ? [n] : [n, `${n}.${namespace}`, `${n}.${namespace}.svc`]);
      if (primaryOnly && !withNamespace(`${name}-rw`).includes(pairs.get("host")))
        problem(d, `${dbName}: host ${pairs.get("host")} is not ${name}-rw: LISTEN needs a session of its own, which ` +
          "PgBouncer's transaction mode does not keep");
      if (requireTls) {
        const root = pairs.get("rootcertificate");
        const serverNames = [`${name}-rw`, `${name}-ro`, `${name}-r`, ...(pg.spec?.certificates?.serverAltDNSNames ?? [])]
          .flatMap(withNamespace);
        if (sslMode !== "verifyfull") problem(d, `${dbName}: SSL Mode=${pairs.get("sslmode")}, not VerifyFull`);
        if (!root || !caDirectories(pgCa).some((dir) => root === `${dir}/ca.crt`))
          problem(d, `${dbName}: Root Certificate ${root ?? "(none)"} is not the ca.crt of Secret ${pgCa} mounted here`);
        if (!serverNames.includes(pairs.get("host")))
          problem(d, `${dbName}: host ${pairs.get("host")} is not a name in ${name}'s server certificate`);
      }
    };
    checkDatabase(`ConnectionStrings__${s.database}`, false);
    if (s.listen) checkDatabase(s.listen, true);

    const amqp = env.find((e) => e.name === "ConnectionStrings__messaging")?.value;
    const uri = amqp && /^(amqps?):\/\/([^:@/]*):([^@/]*)@([^:/?]+)(?::(\d+))?/.exec(resolve(amqp));
    if (!amqp) problem(d, "has no ConnectionStrings__messaging");
    else if (!uri) problem(d, "ConnectionStrings__messaging is not an amqp:// or amqps:// URI with user and password");
    else {
      const [, scheme, user, password, host, port] = uri;
      if (user !== secretValue(s.rabbitSecret, "username") || password !== secretValue(s.rabbitSecret, "password"))
        problem(d, `ConnectionStrings__messaging logs in with ${user}:${password}, not ${s.rabbitSecret}'s`);
      if (requireTls) {
        // MassTransit turns TLS on for port 5671, whatever the scheme (RabbitMqHostConfigurator).
        const certificate = certificates.find((c) => c.spec?.secretName === rabbitTls);
        const trusted = (env.find((e) => e.name === "SSL_CERT_DIR")?.value ?? "").split(":");
        if (scheme !== "amqps" || port !== "5671")
          problem(d, `ConnectionStrings__messaging: ${scheme} on port ${port ?? "(default)"}, not amqps on 5671`);
        if (!rabbitTls) problem(d, `ConnectionStrings__messaging: RabbitmqCluster ${rabbit?.metadata?.name} has no TLS`);
        else {
          if (!certificate?.spec?.dnsNames?.includes(host))
            problem(d, `ConnectionStrings__messaging: host ${host} is not a name in the certificate of ${rabbitTls}`);
          if (!caDirectories(rabbitTls).some((dir) => trusted.includes(dir)))
            problem(d, `ConnectionStrings__messaging: the ca.crt of ${rabbitTls} is in no directory of SSL_CERT_DIR`);
        }
      }
    }
  }
  if (requireTls && rabbit && rabbit.spec?.tls?.disableNonTLSListeners !== true)
    problem(rabbit, "the broker keeps its plain listeners (spec.tls.disableNonTLSListeners is not true)");
}

// Roles, database ownership and pg_hba.
function checkPostgres({ byKind, problem, pg }) {
  const databases = byKind("Database", "postgresql.cnpg.io/");
  const roles = pg.spec?.managed?.roles ?? [];
  const hba = pg.spec?.postgresql?.pg_hba ?? [];
  const databaseNames = [...new Set([...databases.map((x) => x.spec?.name), "postgres", "app", "template1"])];
  for (const s of services) {
    const role = roles.find((r) => r.name === s.role);
    if (!role) {
      problem(pg, `no managed role ${s.role}`);
      continue;
    }
    if (role.ensure === "absent" || role.login !== true) problem(pg, `role ${s.role} is not present with login`);
    if (role.passwordSecret?.name !== s.databaseSecret)
      problem(pg, `role ${s.role} takes its password from ${role.passwordSecret?.name}, not ${s.databaseSecret}`);
    for (const attribute of ["superuser", "createdb", "createrole", "replication", "bypassrls"])
      if (role[attribute] === true) problem(pg, `role ${s.role} has ${attribute}`);
    if ((role.inRoles ?? []).length > 0) problem(pg, `role ${s.role} is a member of ${role.inRoles.join(", ")}`);
    const owned = databases.filter((x) => x.spec?.owner === s.role).map((x) => x.spec?.name);
    if (owned.length !== 1 || owned[0] !== s.database)
      problem(pg, `role ${s.role} owns ${owned.join(", ") || "no database"}, not ${s.database} alone`);
    const wrong = { lets: [], refuses: [] };
    for (const database of databaseNames) {
      for (const ssl of [true, false]) {
        const allowed = hbaDecision(hba, s.role, database, ssl)?.allowed ?? true;
        if (allowed !== (database === s.database && ssl))
          wrong[allowed ? "lets" : "refuses"].push(`${database} (${ssl ? "TLS" : "plain"})`);
      }
    }
    if (wrong.lets.length > 0)
      problem(pg, `pg_hba lets role ${s.role} into ${wrong.lets.join(", ")}: only ${s.database} over TLS`);
    if (wrong.refuses.length > 0) problem(pg, `pg_hba refuses role ${s.role} ${wrong.refuses.join(", ")}`);
  }
  for (const role of roles) {
    const s = services.find((x) => x.databaseSecret === role.passwordSecret?.name);
    if (s && s.role !== role.name) problem(pg, `role ${role.name} takes its password from ${s.name}'s Secret`);
  }
}

// A user per service, with no management tag, and one Permission over its own names only. The regexes are tried the
// way RabbitMQ tries them: anywhere in the name (RegExp.test), on the names of every service.
function checkRabbit({ byKind, problem, rabbit }) {
  const users = byKind("User", "rabbitmq.com/");
  const permissions = byKind("Permission", "rabbitmq.com/");
  const names = new Map(services.map((s) => [s.name, brokerNames(s)]));
  for (const user of users) {
    const s = services.find((x) => x.rabbitUser === user.metadata.name);
    const imported = user.spec?.importCredentialsSecret?.name;
    if (!s) problem(user, "is not one of the services' users (deploy/validate/access.mjs)");
    else if (imported && isCredentialSecret(imported) && imported !== s.rabbitSecret)
      problem(user, `imports its credentials from ${imported}`);
    if (user.spec?.rabbitmqClusterReference?.name !== rabbit.metadata.name) problem(user, `is not on ${rabbit.metadata.name}`);
    if ((user.spec?.tags ?? []).length > 0) problem(user, `has the tags ${user.spec.tags.join(", ")}: a service needs none`);
  }
  for (const permission of permissions)
    if (!services.some((s) => s.rabbitUser === permission.spec?.userReference?.name))
      problem(permission, `is for ${permission.spec?.userReference?.name ?? `user ${permission.spec?.user}`}, ` +
        "not a service's User");

  for (const s of services) {
    const granted = permissions.filter((p) => p.spec?.userReference?.name === s.rabbitUser);
    if (!users.some((u) => u.metadata.name === s.rabbitUser)) problem("rendering", `no RabbitMQ User ${s.rabbitUser}`);
    if (granted.length !== 1) {
      problem("rendering", `${granted.length} Permissions for User ${s.rabbitUser}, not one`);
      continue;
    }
    const permission = granted[0];
    const mine = names.get(s.name);
    const others = services.filter((o) => o !== s).map((o) => names.get(o.name));
    const foreignEvents = others.flatMap((o) => o.published).filter((e) => !mine.published.includes(e));
    const replaysOut = services.map((o) => replayExchange(o.name));
    const othersReplaysIn = others.map((o) => o.replayIn);
    const unconsumed = foreignEvents.filter((e) => !mine.consumed.includes(e));
    const nowhere = [...others.flatMap((o) => o.own), ...reservedExchanges,
      ...unconsumed.map((e) => `MassTransit:Fault--${e}--`), contract("Notifications:NotificationSent"), s.name,
      "MicroInternships.Contracts.Listings", ""];
    const expected = {
      configure: { must: [...mine.own, ...mine.published, ...mine.consumed, ...mine.faults, ...mine.faultBase, ...replaysOut],
        mustNot: [...nowhere, ...unconsumed] },
      write: { must: [...mine.own, ...mine.published, ...mine.faults, ...mine.faultBase, ...othersReplaysIn],
        mustNot: [...nowhere, ...foreignEvents] },
      read: { must: [...mine.own, ...mine.consumed, ...mine.faults, mine.replayIn],
        mustNot: [...nowhere, ...unconsumed, ...mine.published.filter((e) => e !== replayRequested), ...othersReplaysIn] },
    };
    if (permission.spec?.vhost !== "/") problem(permission, `vhost ${permission.spec?.vhost}, not /`);
    for (const [verb, { must, mustNot }] of Object.entries(expected)) {
      const source = permission.spec?.permissions?.[verb] ?? "";
      let regex;
      try {
        regex = new RegExp(source);
      } catch (error) {
        problem(permission, `${verb}: not a regular expression: ${error.message}`);
        continue;
      }
      // An empty regex grants nothing in RabbitMQ (and would match everything here).
      const missing = source === "" ? must : must.filter((n) => !regex.test(n));
      const extra = source === "" ? [] : mustNot.filter((n) => regex.test(n));
      if (missing.length > 0) problem(permission, `${verb} does not cover ${some(missing)}`);
      if (extra.length > 0) problem(permission, `${verb} also matches ${some(extra)}, not ${s.name}'s`);
    }
  }
}

// The services from the gateway only; PostgreSQL and RabbitMQ from the services and the operators only.
function checkPolicies({ byKind, problem, pg, rabbit, deployments }) {
  const policies = byKind("NetworkPolicy").filter((p) => (p.spec?.policyTypes ?? ["Ingress"]).includes("Ingress"));
  const podsOf = (d) => d?.spec?.template?.metadata?.labels ?? {};
  const isService = (d) => services.some((s) => s.deployment === d.metadata.name);
  const targets = [
    ...services.map((s) => ({ what: s.deployment, service: true,
      labels: podsOf(deployments.find((d) => d.metadata.name === s.deployment)) })),
    ...(pg ? ["instance", "pooler"].map((role) => ({ what: `PostgreSQL ${role}s (${pg.metadata.name})`,
      labels: { "cnpg.io/cluster": pg.metadata.name, "cnpg.io/podRole": role } })) : []),
    ...(rabbit ? [{ what: `RabbitMQ (${rabbit.metadata.name})`,
      labels: { "app.kubernetes.io/name": rabbit.metadata.name, "app.kubernetes.io/component": "rabbitmq" } }] : []),
  ];
  for (const target of targets) {
    const applying = policies.filter((p) => selectorMatches(p.spec?.podSelector, target.labels));
    if (applying.length === 0) problem("rendering", `no NetworkPolicy restricts who reaches ${target.what}`);
    for (const policy of applying) {
      for (const [i, rule] of (policy.spec?.ingress ?? []).entries()) {
        if (!rule.from || rule.from.length === 0) problem(policy, `ingress[${i}] lets anyone reach ${target.what}`);
        for (const peer of rule.from ?? []) {
          if (peer.ipBlock) problem(policy, `ingress[${i}] lets an address block reach ${target.what}`);
          else if (peer.namespaceSelector) {
            // Another namespace: an operator's pods only, and only to PostgreSQL and RabbitMQ.
            const namespace = peer.namespaceSelector.matchLabels?.["kubernetes.io/metadata.name"];
            if (target.service || !operatorNamespaces.has(namespace) || !peer.podSelector)
              problem(policy, `ingress[${i}] lets ${peer.podSelector ? "pods" : "every pod"} of ` +
                `${namespace ? `namespace ${namespace}` : "other namespaces"} reach ${target.what}`);
          } else {
            // This namespace: the gateway alone to a service; the services alone (of the processes) to the rest.
            const intruders = deployments.filter((d) => selectorMatches(peer.podSelector, podsOf(d)))
              .filter((d) => (target.service ? d.metadata.name !== "gateway" : !isService(d)));
            if (intruders.length > 0)
              problem(policy, `ingress[${i}] lets ${intruders.map((d) => d.metadata.name).join(", ")} reach ${target.what}`);
          }
        }
      }
    }
  }
}
