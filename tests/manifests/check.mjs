// Offline checks of rendered Kubernetes manifests (the output of `kubectl kustomize`).
//
//   node check.mjs --name NAME --settings FILE [--context FILE]... [--examples] FILE...
//
// FILE...      the YAML documents to check (a rendered kustomization, or a fixture)
// --settings   the overlay's settings.env: REGISTRY and VERSION, which every image must use
// --context    further rendered YAML whose objects are looked up but not checked themselves (the
//              platform a migrations kustomization belongs to: its namespace and network policies)
// --examples   only the checks that apply to example files applied by hand (schema, labels)
//
//   node check.mjs --batch FILE
//
// runs several checks in one process (loading the models once): FILE is a JSON array of argument
// lists as above.
//
// Prints one line per check, "ok   NAME  CHECK: ..." or "FAIL NAME  CHECK: ..." followed by the
// problems, and exits 1 when a check failed.
import fs from "node:fs";
import yaml from "js-yaml";

const CHECKS = ["schema", "pod-security", "selectors", "workloads", "images", "network-policy", "labels", "ingress", "telemetry"];
const EXAMPLE_CHECKS = ["schema", "labels"];
const REQUIRED_LABELS = ["name", "instance", "version", "component", "part-of", "managed-by"].map((l) => `app.kubernetes.io/${l}`);
// Placeholders of the base (deploy/k8s/base) that an overlay must replace.
const PLACEHOLDERS = /\b(REGISTRY|VERSION|ASPIRE_DASHBOARD_TAG|HOST|INGRESS_CLASS|CLUSTER_ISSUER|INGRESS_NAMESPACE|BACKUP_DESTINATION_PATH|BACKUP_ENDPOINT_URL|SMTP_HOST|SMTP_PORT|SMTP_SECURITY|MAIL_FROM_ADDRESS|MAIL_FROM_NAME)\b/;

// ---------------------------------------------------------------------------------------------
// Arguments and input (set anew for every run)

let options, objects, all, settings;

function parseArguments(args) {
  const parsed = { name: "manifests", settings: null, context: [], examples: false, files: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--name") parsed.name = args[++i];
    else if (arg === "--settings") parsed.settings = args[++i];
    else if (arg === "--context") parsed.context.push(args[++i]);
    else if (arg === "--examples") parsed.examples = true;
    else parsed.files.push(arg);
  }
  return parsed;
}

function readDocuments(files) {
  const documents = [];
  for (const file of files) {
    for (const document of yaml.loadAll(fs.readFileSync(file, "utf8"))) {
      if (document && typeof document === "object") documents.push(document);
    }
  }
  return documents;
}

const key = (o) => `${o.kind}/${o.metadata?.namespace ?? ""}/${o.metadata?.name ?? ""}`;
const show = (o) => `${o.kind}/${o.metadata?.name ?? "?"}`;

function readSettings(file) {
  const values = {};
  if (!file) return values;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) values[match[1]] = match[2];
  }
  return values;
}

function load(args) {
  options = parseArguments(args);
  objects = readDocuments(options.files);
  const contextObjects = readDocuments(options.context);
  all = [...objects, ...contextObjects.filter((c) => !objects.some((o) => key(o) === key(c)))];
  settings = readSettings(options.settings);
}

// ---------------------------------------------------------------------------------------------
// Helpers: pod templates, label selectors

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"]);

/** Every pod template of the given objects: { owner, metadata, spec, namespace }. */
function podTemplates(list) {
  const templates = [];
  for (const o of list) {
    const namespace = o.metadata?.namespace ?? "";
    if (o.kind === "Pod") templates.push({ owner: o, metadata: o.metadata ?? {}, spec: o.spec ?? {}, namespace });
    else if (o.kind === "CronJob") {
      const t = o.spec?.jobTemplate?.spec?.template;
      if (t) templates.push({ owner: o, metadata: t.metadata ?? {}, spec: t.spec ?? {}, namespace });
    } else if (WORKLOAD_KINDS.has(o.kind)) {
      const t = o.spec?.template;
      if (t) templates.push({ owner: o, metadata: t.metadata ?? {}, spec: t.spec ?? {}, namespace });
    }
  }
  return templates;
}

/** Pods the operators create for their custom resources, with the labels they are known to carry. */
function operatorPods(list) {
  const pods = [];
  for (const o of list) {
    const namespace = o.metadata?.namespace ?? "";
    if (o.apiVersion === "postgresql.cnpg.io/v1" && o.kind === "Cluster") {
      pods.push({ owner: o, namespace, labels: { ...(o.spec?.inheritedMetadata?.labels ?? {}), "cnpg.io/cluster": o.metadata.name } });
    }
    if (o.apiVersion === "rabbitmq.com/v1beta1" && o.kind === "RabbitmqCluster") {
      pods.push({
        owner: o,
        namespace,
        labels: {
          ...(o.metadata?.labels ?? {}),
          ...(o.spec?.override?.statefulSet?.spec?.template?.metadata?.labels ?? {}),
          "app.kubernetes.io/name": o.metadata.name,
          "app.kubernetes.io/component": "rabbitmq",
          "app.kubernetes.io/part-of": "rabbitmq",
        },
      });
    }
  }
  return pods;
}

function containersOf(spec) {
  return [
    ...(spec.initContainers ?? []).map((c) => ({ ...c, kind: "initContainer" })),
    ...(spec.containers ?? []).map((c) => ({ ...c, kind: "container" })),
    ...(spec.ephemeralContainers ?? []).map((c) => ({ ...c, kind: "ephemeralContainer" })),
  ];
}

/** A LabelSelector ({matchLabels, matchExpressions}) or a Service's plain map. */
function selects(selector, labels) {
  if (!selector) return false;
  const isPlainMap = !("matchLabels" in selector) && !("matchExpressions" in selector);
  const matchLabels = isPlainMap ? selector : selector.matchLabels ?? {};
  const expressions = isPlainMap ? [] : selector.matchExpressions ?? [];
  for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== v) return false;
  for (const e of expressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    switch (e.operator) {
      case "In": if (!has || !e.values.includes(labels[e.key])) return false; break;
      case "NotIn": if (has && e.values.includes(labels[e.key])) return false; break;
      case "Exists": if (!has) return false; break;
      case "DoesNotExist": if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

const isEmptySelector = (s) => !s || (Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0);

// ---------------------------------------------------------------------------------------------
// 1. schema: kubernetes-models validation plus a strict unknown-field check

// Model packages by API group; built-in kinds come from kubernetes-models.
const MODEL_PACKAGES = ["kubernetes-models", "@kubernetes-models/external-secrets", "@kubernetes-models/cert-manager"];

// Custom resources without a model package: required fields and the fields their CRDs define at the
// top of spec (taken from the CRDs of CloudNativePG, RabbitMQ Cluster Operator, Argo CD and Flux).
const HAND_CHECKED = {
  "postgresql.cnpg.io/v1/Cluster": {
    required: ["spec.instances"],
    spec: ["affinity", "backup", "bootstrap", "certificates", "description", "enablePDB", "enableSuperuserAccess", "env", "envFrom", "ephemeralVolumeSource", "ephemeralVolumesSizeLimit", "externalClusters", "failoverDelay", "imageCatalogRef", "imageName", "imagePullPolicy", "imagePullSecrets", "inheritedMetadata", "instances", "livenessProbeTimeout", "logLevel", "managed", "maxSyncReplicas", "minSyncReplicas", "monitoring", "nodeMaintenanceWindow", "plugins", "podSecurityContext", "postgresGID", "postgresUID", "postgresql", "primaryUpdateMethod", "primaryUpdateStrategy", "priorityClassName", "probes", "projectedVolumeTemplate", "replica", "replicationSlots", "resources", "schedulerName", "seccompProfile", "securityContext", "serviceAccountName", "serviceAccountTemplate", "smartShutdownTimeout", "startDelay", "stopDelay", "storage", "superuserSecret", "switchoverDelay", "tablespaces", "topologySpreadConstraints", "walStorage"],
    nested: {
      "spec.backup": ["barmanObjectStore", "retentionPolicy", "target", "volumeSnapshot"],
      "spec.backup.barmanObjectStore": ["azureCredentials", "data", "destinationPath", "endpointCA", "endpointURL", "googleCredentials", "historyTags", "s3Credentials", "serverName", "tags", "wal"],
      "spec.affinity": ["additionalPodAffinity", "additionalPodAntiAffinity", "enablePodAntiAffinity", "nodeAffinity", "nodeSelector", "podAntiAffinityType", "tolerations", "topologyKey"],
      "spec.inheritedMetadata": ["annotations", "labels"],
      "spec.managed": ["roles", "services"],
    },
    listItems: {
      "spec.managed.roles": ["bypassrls", "comment", "connectionLimit", "createdb", "createrole", "disablePassword", "ensure", "inRoles", "inherit", "login", "name", "passwordSecret", "replication", "superuser", "validUntil"],
    },
  },
  "postgresql.cnpg.io/v1/ScheduledBackup": {
    required: ["spec.cluster.name", "spec.schedule"],
    spec: ["backupOwnerReference", "cluster", "immediate", "method", "online", "onlineConfiguration", "pluginConfiguration", "schedule", "suspend", "target"],
  },
  "postgresql.cnpg.io/v1/Database": {
    required: ["spec.cluster.name", "spec.name", "spec.owner"],
    spec: ["allowConnections", "builtinLocale", "cluster", "collationVersion", "connectionLimit", "databaseReclaimPolicy", "encoding", "ensure", "extensions", "fdws", "icuLocale", "icuRules", "isTemplate", "locale", "localeCType", "localeCollate", "localeProvider", "name", "owner", "schemas", "servers", "tablespace", "template"],
  },
  "rabbitmq.com/v1beta1/RabbitmqCluster": {
    required: [],
    spec: ["affinity", "autoEnableAllFeatureFlags", "delayStartSeconds", "image", "imagePullSecrets", "override", "persistence", "rabbitmq", "replicas", "resources", "secretBackend", "service", "skipPostDeploySteps", "terminationGracePeriodSeconds", "tls", "tolerations"],
    nested: {
      "spec.rabbitmq": ["additionalConfig", "additionalPlugins", "advancedConfig", "envConfig", "erlangInetConfig"],
      "spec.override": ["service", "statefulSet"],
    },
  },
  "argoproj.io/v1alpha1/Application": {
    required: ["spec.destination", "spec.project"],
    spec: ["destination", "ignoreDifferences", "info", "project", "revisionHistoryLimit", "source", "sourceHydrator", "sources", "syncPolicy"],
  },
  "source.toolkit.fluxcd.io/v1/GitRepository": {
    required: ["spec.interval", "spec.url"],
    spec: ["ignore", "include", "interval", "provider", "proxySecretRef", "recurseSubmodules", "ref", "secretRef", "sparseCheckout", "suspend", "timeout", "url", "verify"],
  },
  "kustomize.toolkit.fluxcd.io/v1/Kustomization": {
    required: ["spec.interval", "spec.prune", "spec.sourceRef"],
    spec: ["commonMetadata", "components", "decryption", "deletionPolicy", "dependsOn", "force", "healthCheckExprs", "healthChecks", "images", "interval", "kubeConfig", "namePrefix", "nameSuffix", "patches", "path", "postBuild", "prune", "retryInterval", "serviceAccountName", "sourceRef", "suspend", "targetNamespace", "timeout", "wait"],
  },
};

const modelCache = new Map();
async function findModel(apiVersion, kind) {
  for (const pkg of MODEL_PACKAGES) {
    const specifier = `${pkg}/${apiVersion}`;
    if (!modelCache.has(specifier)) {
      modelCache.set(specifier, await import(specifier).catch(() => null));
    }
    const module = modelCache.get(specifier);
    if (module && typeof module[kind] === "function" && module[kind].kind === kind) return module[kind];
  }
  return null;
}

/**
 * Wraps the object so that the model's compiled JSON-schema validator records which properties it
 * reads: it reads every property its schema declares (and enumerates maps), so a property it never
 * read is not in the schema, e.g. a misspelt field that validate() alone lets through.
 */
function tracked(value, path, records) {
  if (Array.isArray(value)) return value.map((v, i) => tracked(v, `${path}[${i}]`, records));
  if (value === null || typeof value !== "object") return value;
  const target = {};
  for (const [k, v] of Object.entries(value)) target[k] = tracked(v, path ? `${path}.${k}` : k, records);
  const record = { path, target, read: new Set(), enumerated: false };
  records.push(record);
  return new Proxy(target, {
    get(t, k, r) { if (typeof k === "string") record.read.add(k); return Reflect.get(t, k, r); },
    has(t, k) { if (typeof k === "string") record.read.add(k); return Reflect.has(t, k); },
    ownKeys(t) { record.enumerated = true; return Reflect.ownKeys(t); },
  });
}

function get(o, path) {
  return path.split(".").reduce((v, k) => (v == null ? undefined : v[k]), o);
}

function placeholdersIn(value, path, problems, o) {
  if (typeof value === "string") {
    if (PLACEHOLDERS.test(value)) {
      // Words such as HOST also occur in environment variable names (DATABASE_HOST): only a value
      // that is, or is a path segment equal to, a placeholder counts.
      const segments = value.split(/[/:=;,\s]/);
      if (segments.some((s) => PLACEHOLDERS.test(s) && new RegExp(`^(${PLACEHOLDERS.source})$`).test(s))) {
        problems.push(`${show(o)} ${path}: placeholder left: ${value}`);
      }
    }
  } else if (Array.isArray(value)) value.forEach((v, i) => placeholdersIn(v, `${path}[${i}]`, problems, o));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) placeholdersIn(v, path ? `${path}.${k}` : k, problems, o);
  }
}

async function checkSchema(list) {
  const problems = [];
  for (const o of list) {
    if (typeof o.apiVersion !== "string" || typeof o.kind !== "string") {
      problems.push(`document without apiVersion/kind: ${JSON.stringify(o).slice(0, 80)}`);
      continue;
    }
    if (typeof o.metadata?.name !== "string" || o.metadata.name === "") problems.push(`${o.kind}: metadata.name missing`);
    placeholdersIn(o, "", problems, o);
    const handChecked = HAND_CHECKED[`${o.apiVersion}/${o.kind}`];
    if (handChecked) {
      for (const path of handChecked.required) if (get(o, path) === undefined) problems.push(`${show(o)}: ${path} is required`);
      for (const k of Object.keys(o)) if (!["apiVersion", "kind", "metadata", "spec"].includes(k)) problems.push(`${show(o)}: unknown field ${k}`);
      for (const k of Object.keys(o.spec ?? {})) if (!handChecked.spec.includes(k)) problems.push(`${show(o)}: unknown field spec.${k}`);
      for (const [path, allowed] of Object.entries(handChecked.nested ?? {})) {
        for (const k of Object.keys(get(o, path) ?? {})) if (!allowed.includes(k)) problems.push(`${show(o)}: unknown field ${path}.${k}`);
      }
      for (const [path, allowed] of Object.entries(handChecked.listItems ?? {})) {
        for (const [i, item] of (get(o, path) ?? []).entries()) {
          for (const k of Object.keys(item)) if (!allowed.includes(k)) problems.push(`${show(o)}: unknown field ${path}[${i}].${k}`);
        }
      }
      continue;
    }
    const Model = await findModel(o.apiVersion, o.kind);
    if (!Model) {
      problems.push(`${show(o)}: no schema known for ${o.apiVersion} ${o.kind}`);
      continue;
    }
    const records = [];
    const proxy = tracked(o, "", records);
    try {
      Model.prototype.validate.call(proxy);
    } catch (error) {
      problems.push(`${show(o)}: ${error.message}`);
    }
    const unknown = [];
    for (const record of records) {
      if (record.enumerated) continue;
      for (const k of Object.keys(record.target)) {
        if (!record.read.has(k)) unknown.push(`${record.path ? `${record.path}.` : ""}${k}`);
      }
    }
    // Report an unknown field once, not again for everything beneath it.
    for (const path of unknown) {
      if (!unknown.some((other) => other !== path && (path.startsWith(`${other}.`) || path.startsWith(`${other}[`)))) {
        problems.push(`${show(o)}: unknown field ${path}`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// 2. pod-security: the "restricted" Pod Security Standard on every pod template

const ALLOWED_VOLUMES = new Set(["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"]);
const SAFE_SYSCTLS = new Set(["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"]);

function checkPodSecurity(list) {
  const problems = [];
  for (const { owner, spec } of podTemplates(list)) {
    const where = show(owner);
    const pod = spec.securityContext ?? {};
    for (const host of ["hostNetwork", "hostPID", "hostIPC"]) {
      if (spec[host] === true) problems.push(`${where}: ${host} must not be true`);
    }
    for (const volume of spec.volumes ?? []) {
      const type = Object.keys(volume).find((k) => k !== "name");
      if (!ALLOWED_VOLUMES.has(type)) problems.push(`${where}: volume ${volume.name} of type ${type} is not allowed`);
    }
    for (const sysctl of pod.sysctls ?? []) if (!SAFE_SYSCTLS.has(sysctl.name)) problems.push(`${where}: sysctl ${sysctl.name} is not allowed`);
    if (pod.runAsUser === 0) problems.push(`${where}: runAsUser 0`);
    if (pod.seccompProfile && !["RuntimeDefault", "Localhost"].includes(pod.seccompProfile.type)) problems.push(`${where}: seccompProfile ${pod.seccompProfile.type}`);
    if (pod.windowsOptions?.hostProcess) problems.push(`${where}: hostProcess`);
    for (const c of containersOf(spec)) {
      const at = `${where} ${c.kind} ${c.name}`;
      const sc = c.securityContext ?? {};
      if (sc.privileged === true) problems.push(`${at}: privileged`);
      if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation must be false`);
      const runAsNonRoot = sc.runAsNonRoot ?? pod.runAsNonRoot;
      if (runAsNonRoot !== true) problems.push(`${at}: runAsNonRoot must be true (pod or container)`);
      if (sc.runAsUser === 0) problems.push(`${at}: runAsUser 0`);
      const seccomp = sc.seccompProfile?.type ?? pod.seccompProfile?.type;
      if (!["RuntimeDefault", "Localhost"].includes(seccomp)) problems.push(`${at}: seccompProfile must be RuntimeDefault or Localhost (pod or container)`);
      if (!(sc.capabilities?.drop ?? []).includes("ALL")) problems.push(`${at}: capabilities must drop ALL`);
      for (const added of sc.capabilities?.add ?? []) if (added !== "NET_BIND_SERVICE") problems.push(`${at}: capability ${added} added`);
      if (sc.procMount && sc.procMount !== "Default") problems.push(`${at}: procMount ${sc.procMount}`);
      if (sc.windowsOptions?.hostProcess) problems.push(`${at}: hostProcess`);
      for (const port of c.ports ?? []) if (port.hostPort) problems.push(`${at}: hostPort ${port.hostPort}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// 3. selectors: no PodDisruptionBudget or Service selects a Job's pods; each one selects some pod

function checkSelectors(list) {
  const problems = [];
  const templates = podTemplates(all);
  const jobTemplates = templates.filter((t) => t.owner.kind === "Job" || t.owner.kind === "CronJob");
  const otherPods = [...templates.filter((t) => !jobTemplates.includes(t)).map((t) => ({ namespace: t.namespace, labels: t.metadata.labels ?? {} })), ...operatorPods(all)];
  for (const o of list) {
    let selector = null;
    if (o.kind === "PodDisruptionBudget") selector = o.spec?.selector;
    else if (o.kind === "Service" && o.spec?.selector && Object.keys(o.spec.selector).length > 0) selector = o.spec.selector;
    else continue;
    const namespace = o.metadata?.namespace ?? "";
    if (o.kind === "PodDisruptionBudget" && isEmptySelector(selector)) {
      problems.push(`${show(o)}: an empty selector selects every pod, the Jobs' too`);
      continue;
    }
    for (const t of jobTemplates) {
      if (t.namespace === namespace && selects(selector, t.metadata.labels ?? {})) {
        problems.push(`${show(o)}: its selector matches the pods of ${show(t.owner)}`);
      }
    }
    if (!otherPods.some((p) => p.namespace === namespace && selects(selector, p.labels))) {
      problems.push(`${show(o)}: its selector matches no pod`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// 4. workloads: probes, resources, spreading, autoscaling

const isPlatformImage = (image) => typeof image === "string" && image.includes("/quartier/");

function checkWorkloads(list) {
  const problems = [];
  const hpas = all.filter((o) => o.kind === "HorizontalPodAutoscaler");
  for (const { owner, spec, namespace } of podTemplates(list)) {
    const where = show(owner);
    const longRunning = owner.kind === "Deployment" || owner.kind === "StatefulSet";
    for (const c of containersOf(spec)) {
      const at = `${where} ${c.kind} ${c.name}`;
      if (longRunning && c.kind === "container") {
        if (!c.readinessProbe) problems.push(`${at}: no readinessProbe`);
        if (!c.livenessProbe) problems.push(`${at}: no livenessProbe`);
      }
      if (c.kind === "ephemeralContainer") continue;
      if (!c.resources?.requests?.cpu) problems.push(`${at}: no cpu request`);
      if (!c.resources?.requests?.memory) problems.push(`${at}: no memory request`);
      if (!c.resources?.limits?.memory) problems.push(`${at}: no memory limit`);
    }
    if (longRunning && !(spec.topologySpreadConstraints ?? []).length) problems.push(`${where}: no topologySpreadConstraints`);
    if (owner.kind === "Deployment" && containersOf(spec).some((c) => isPlatformImage(c.image))) {
      const hpa = hpas.find((h) => (h.metadata?.namespace ?? "") === namespace && h.spec?.scaleTargetRef?.kind === "Deployment" && h.spec.scaleTargetRef.name === owner.metadata.name);
      if (!hpa) problems.push(`${where}: no HorizontalPodAutoscaler`);
      else if (owner.spec?.replicas !== undefined) problems.push(`${where}: sets replicas, which its HorizontalPodAutoscaler owns`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// 5. images: from the configured registry, the platform's at the configured version

function checkImages(list) {
  const problems = [];
  const registry = settings.REGISTRY;
  if (!registry) return [`no REGISTRY in the settings (${options.settings ?? "none given"})`];
  const images = [];
  for (const { owner, spec } of podTemplates(list)) {
    for (const c of containersOf(spec)) images.push({ at: `${show(owner)} ${c.kind} ${c.name}`, image: c.image });
  }
  for (const o of list) {
    if (o.apiVersion === "postgresql.cnpg.io/v1" && o.kind === "Cluster") images.push({ at: `${show(o)} spec.imageName`, image: o.spec?.imageName });
    if (o.apiVersion === "rabbitmq.com/v1beta1" && o.kind === "RabbitmqCluster") images.push({ at: `${show(o)} spec.image`, image: o.spec?.image });
  }
  for (const { at, image } of images) {
    if (typeof image !== "string" || image === "") {
      problems.push(`${at}: no image`);
      continue;
    }
    if (!image.startsWith(`${registry}/`)) problems.push(`${at}: ${image} is not from ${registry}`);
    const lastPart = image.slice(image.lastIndexOf("/") + 1);
    if (!lastPart.includes(":") && !image.includes("@")) problems.push(`${at}: ${image} has no tag`);
    if (lastPart.endsWith(":latest")) problems.push(`${at}: ${image} uses the tag latest`);
    if (image.startsWith(`${registry}/quartier/`) && settings.VERSION && !image.endsWith(`:${settings.VERSION}`)) {
      problems.push(`${at}: ${image} is not the release ${settings.VERSION}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// 6. network-policy: default deny, and a policy of its own for every pod

function checkNetworkPolicies(list) {
  const problems = [];
  const policies = all.filter((o) => o.kind === "NetworkPolicy");
  const pods = [
    ...podTemplates(list).map((t) => ({ at: show(t.owner), namespace: t.namespace, labels: t.metadata.labels ?? {} })),
    ...operatorPods(list).map((p) => ({ at: `pods of ${show(p.owner)}`, namespace: p.namespace, labels: p.labels })),
  ];
  const everyPod = [
    ...podTemplates(all).map((t) => ({ namespace: t.namespace, labels: t.metadata.labels ?? {} })),
    ...operatorPods(all),
  ];
  const namespaces = new Set(pods.map((p) => p.namespace));
  for (const namespace of namespaces) {
    const denies = policies.some((p) => (p.metadata?.namespace ?? "") === namespace && isEmptySelector(p.spec?.podSelector)
      && ["Ingress", "Egress"].every((t) => (p.spec?.policyTypes ?? []).includes(t))
      && !(p.spec?.ingress ?? []).length && !(p.spec?.egress ?? []).length);
    if (!denies) problems.push(`namespace ${namespace || "(none)"}: no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)`);
  }
  for (const pod of pods) {
    const own = policies.filter((p) => (p.metadata?.namespace ?? "") === pod.namespace && !isEmptySelector(p.spec?.podSelector) && selects(p.spec.podSelector, pod.labels));
    if (own.length === 0) problems.push(`${pod.at}: no NetworkPolicy selects its pods (besides the namespace-wide ones)`);
  }
  // Every peer in the same namespace must be some pod: a mistyped label would silently cut a path.
  for (const p of policies.filter((p) => list.includes(p))) {
    const namespace = p.metadata?.namespace ?? "";
    const peers = [...(p.spec?.ingress ?? []).flatMap((r) => r.from ?? []), ...(p.spec?.egress ?? []).flatMap((r) => r.to ?? [])];
    for (const peer of peers) {
      if (peer.podSelector && !peer.namespaceSelector && !isEmptySelector(peer.podSelector)
        && !everyPod.some((pod) => pod.namespace === namespace && selects(peer.podSelector, pod.labels))) {
        problems.push(`${show(p)}: peer ${JSON.stringify(peer.podSelector)} selects no pod in the namespace`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// 7. labels: the Namespace's Pod Security labels, app.kubernetes.io labels on everything

function checkLabels(list) {
  const problems = [];
  for (const o of list) {
    const labels = o.metadata?.labels ?? {};
    const missing = REQUIRED_LABELS.filter((l) => typeof labels[l] !== "string" || labels[l] === "");
    if (missing.length) problems.push(`${show(o)}: missing ${missing.join(", ")}`);
    if (o.kind === "Namespace") {
      if (labels["pod-security.kubernetes.io/enforce"] !== "restricted") problems.push(`${show(o)}: pod-security.kubernetes.io/enforce is not restricted`);
    }
  }
  if (!options.examples) {
    for (const { owner, metadata } of podTemplates(list)) {
      const labels = metadata.labels ?? {};
      const missing = REQUIRED_LABELS.filter((l) => typeof labels[l] !== "string" || labels[l] === "");
      if (missing.length) problems.push(`${show(owner)} pod template: missing ${missing.join(", ")}`);
    }
    const used = new Set(list.map((o) => o.metadata?.namespace).filter(Boolean));
    for (const namespace of used) {
      if (!all.some((o) => o.kind === "Namespace" && o.metadata?.name === namespace)) problems.push(`namespace ${namespace}: no Namespace object (with its Pod Security labels)`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// 8. ingress: class, host, TLS; the cluster-only paths are not published

const PRIVATE_PATHS = ["/health", "/HEALTH", "/health/", "/Health/ready", "/alive", "/ALIVE", "/alive/", "/openapi/v1.json", "/OpenAPI/v1.json"];
const PUBLIC_PATHS = ["/", "/api/offices/offices", "/api/bookings/slots"];

/** Which path of which Ingress ingress-nginx would use for a request path on a host. */
function route(ingresses, host, requestPath) {
  const candidates = [];
  for (const ing of ingresses) {
    for (const rule of ing.spec?.rules ?? []) {
      if ((rule.host ?? "") !== host) continue;
      for (const p of rule.http?.paths ?? []) candidates.push({ ing, path: p.path ?? "/", type: p.pathType });
    }
  }
  const regex = ingresses.some((ing) => ing.metadata?.annotations?.["nginx.ingress.kubernetes.io/use-regex"] === "true"
    && (ing.spec?.rules ?? []).some((r) => (r.host ?? "") === host));
  if (regex) {
    // With use-regex, every path of the host is a case-insensitive regular expression anchored at the
    // start; the longest path is tried first.
    const matching = candidates.filter((c) => new RegExp(`^${c.path}`, "i").test(requestPath));
    matching.sort((a, b) => b.path.length - a.path.length);
    return matching[0] ?? null;
  }
  const exact = candidates.find((c) => c.type === "Exact" && c.path === requestPath);
  if (exact) return exact;
  const prefixes = candidates.filter((c) => {
    if (c.type === "Exact") return false;
    const p = c.path.replace(/\/+$/, "");
    return p === "" || requestPath === p || requestPath.startsWith(`${p}/`);
  });
  prefixes.sort((a, b) => b.path.length - a.path.length);
  return prefixes[0] ?? null;
}

const deniesEveryone = (ing) => {
  const deny = (ing.metadata?.annotations?.["nginx.ingress.kubernetes.io/denylist-source-range"] ?? "").split(",").map((s) => s.trim());
  return deny.includes("0.0.0.0/0") && deny.includes("::/0");
};

function checkIngress(list) {
  const problems = [];
  const ingresses = list.filter((o) => o.kind === "Ingress");
  const hosts = new Set();
  for (const ing of ingresses) {
    if (!ing.spec?.ingressClassName) problems.push(`${show(ing)}: no ingressClassName`);
    for (const rule of ing.spec?.rules ?? []) {
      if (!rule.host) problems.push(`${show(ing)}: a rule without host`);
      else hosts.add(rule.host);
    }
    if (ing.spec?.defaultBackend) problems.push(`${show(ing)}: a defaultBackend publishes everything`);
  }
  for (const host of hosts) {
    const same = ingresses.filter((ing) => (ing.spec?.rules ?? []).some((r) => r.host === host));
    const tls = same.find((ing) => (ing.spec?.tls ?? []).some((t) => (t.hosts ?? []).includes(host)));
    if (!tls) problems.push(`host ${host}: no TLS`);
    else {
      if (!tls.metadata?.annotations?.["cert-manager.io/cluster-issuer"]) problems.push(`${show(tls)}: no cert-manager.io/cluster-issuer for its certificate`);
    }
    for (const path of PRIVATE_PATHS) {
      const hit = route(same, host, path);
      if (hit && !deniesEveryone(hit.ing)) problems.push(`host ${host}: ${path} is published (${show(hit.ing)} path ${hit.path})`);
    }
    for (const path of PUBLIC_PATHS) {
      const hit = route(same, host, path);
      if (!hit || deniesEveryone(hit.ing)) problems.push(`host ${host}: ${path} is not routed`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// 9. telemetry: every .NET process of the platform exports to the dashboard with its API key

function environment(container, namespace) {
  const env = new Map();
  for (const from of container.envFrom ?? []) {
    const name = from.configMapRef?.name;
    const configMap = name && all.find((o) => o.kind === "ConfigMap" && o.metadata?.name === name && (o.metadata?.namespace ?? "") === namespace);
    if (configMap) for (const [k, v] of Object.entries(configMap.data ?? {})) env.set((from.prefix ?? "") + k, { value: v });
    else if (from.configMapRef || from.secretRef) env.set(`<missing ${name ?? from.secretRef?.name}>`, {});
  }
  for (const e of container.env ?? []) env.set(e.name, e.valueFrom ? { from: e.valueFrom } : { value: e.value ?? "" });
  return env;
}

function checkTelemetry(list) {
  const problems = [];
  for (const { owner, spec, namespace } of podTemplates(list)) {
    for (const c of containersOf(spec)) {
      if (!isPlatformImage(c.image)) continue;
      const at = `${show(owner)} ${c.kind} ${c.name}`;
      const env = environment(c, namespace);
      for (const [k] of env) if (k.startsWith("<missing")) problems.push(`${at}: envFrom ${k.slice(9, -1)} is not among the manifests`);
      const endpoint = env.get("OTEL_EXPORTER_OTLP_ENDPOINT")?.value;
      if (!endpoint) {
        problems.push(`${at}: no OTEL_EXPORTER_OTLP_ENDPOINT`);
        continue;
      }
      if (env.get("OTEL_EXPORTER_OTLP_PROTOCOL")?.value !== "grpc") problems.push(`${at}: OTEL_EXPORTER_OTLP_PROTOCOL is not grpc`);
      const headers = env.get("OTEL_EXPORTER_OTLP_HEADERS")?.value ?? "";
      const keyVariable = /x-otlp-api-key=\$\(([A-Za-z_][A-Za-z0-9_]*)\)/.exec(headers)?.[1];
      const keySource = keyVariable && env.get(keyVariable)?.from?.secretKeyRef;
      if (!keySource) {
        problems.push(`${at}: OTEL_EXPORTER_OTLP_HEADERS does not send x-otlp-api-key from a Secret`);
        continue;
      }
      // The endpoint is a Service of the namespace whose pods accept that very key.
      const url = /^https?:\/\/([^:/]+)(?::(\d+))?/.exec(endpoint);
      if (!url || url[1].includes(".")) continue; // elsewhere: not checked here
      const service = all.find((o) => o.kind === "Service" && o.metadata?.name === url[1] && (o.metadata?.namespace ?? "") === namespace);
      if (!service) {
        problems.push(`${at}: the endpoint ${endpoint} is no Service here`);
        continue;
      }
      if (!(service.spec?.ports ?? []).some((p) => String(p.port) === (url[2] ?? "80"))) problems.push(`${at}: Service ${url[1]} has no port ${url[2]}`);
      const receivers = podTemplates(all).filter((t) => t.namespace === namespace && selects(service.spec?.selector, t.metadata.labels ?? {}));
      for (const receiver of receivers) {
        for (const rc of containersOf(receiver.spec)) {
          const renv = environment(rc, namespace);
          if (renv.get("Dashboard__Otlp__AuthMode")?.value !== "ApiKey") problems.push(`${show(receiver.owner)}: Dashboard__Otlp__AuthMode is not ApiKey`);
          const primary = renv.get("Dashboard__Otlp__PrimaryApiKey")?.from?.secretKeyRef;
          if (!primary || primary.name !== keySource.name || primary.key !== keySource.key) {
            problems.push(`${at}: sends the key of ${keySource.name}/${keySource.key}, ${show(receiver.owner)} expects ${primary ? `${primary.name}/${primary.key}` : "none"}`);
          }
          const frontend = renv.get("Dashboard__Frontend__AuthMode")?.value;
          if (!["BrowserToken", "OpenIdConnect"].includes(frontend)) problems.push(`${show(receiver.owner)}: Dashboard__Frontend__AuthMode ${frontend ?? "unset"} leaves the UI open`);
        }
      }
    }
  }
  return [...new Set(problems)];
}

// ---------------------------------------------------------------------------------------------

const implementations = {
  schema: checkSchema,
  "pod-security": checkPodSecurity,
  selectors: checkSelectors,
  workloads: checkWorkloads,
  images: checkImages,
  "network-policy": checkNetworkPolicies,
  labels: checkLabels,
  ingress: checkIngress,
  telemetry: checkTelemetry,
};

function summary(check) {
  const count = (kinds) => objects.filter((o) => kinds.includes(o.kind)).length;
  switch (check) {
    case "schema": return `${objects.length} objects`;
    case "pod-security": case "workloads": case "telemetry": return `${podTemplates(objects).length} pod templates`;
    case "selectors": return `${count(["PodDisruptionBudget", "Service"])} PodDisruptionBudgets and Services`;
    case "images": return `registry ${settings.REGISTRY}, release ${settings.VERSION}`;
    case "network-policy": return `${count(["NetworkPolicy"])} here, ${podTemplates(objects).length + operatorPods(objects).length} kinds of pods covered`;
    case "labels": return `${objects.length} objects`;
    case "ingress": return count(["Ingress"]) ? `${count(["Ingress"])} Ingresses` : "no Ingress here";
    default: return "";
  }
}

async function run(args) {
  load(args);
  let failed = 0;
  for (const check of options.examples ? EXAMPLE_CHECKS : CHECKS) {
    let problems;
    try {
      problems = await implementations[check](objects);
    } catch (error) {
      problems = [`the check itself failed: ${error.stack}`];
    }
    if (problems.length === 0) {
      console.log(`ok   ${options.name}  ${check}: ${summary(check)}`);
    } else {
      failed++;
      console.log(`FAIL ${options.name}  ${check}: ${problems.length} problem(s)`);
      for (const problem of problems.slice(0, 20)) console.log(`       ${problem}`);
      if (problems.length > 20) console.log(`       ... and ${problems.length - 20} more`);
    }
  }
  return failed;
}

const argv = process.argv.slice(2);
let failedRuns = 0;
if (argv[0] === "--batch") {
  for (const args of JSON.parse(fs.readFileSync(argv[1], "utf8"))) {
    try {
      if (await run(args)) failedRuns++;
    } catch (error) {
      console.log(`FAIL ${args[args.indexOf("--name") + 1] ?? "?"}  input: ${error.message}`);
      failedRuns++;
    }
  }
} else if (await run(argv)) failedRuns++;
process.exit(failedRuns ? 1 : 0);
