// Policies a platform team enforces at admission, checked before anything reaches a cluster: every Deployment
// has probes, requests and limits and a non-root, locked-down security context; Secrets in git hold nothing but
// placeholders; every reference between objects resolves.
import { idOf } from "./docs.mjs";

const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

// The service's own shutdown grace (readiness DOWN, then in-flight requests drain).
export const SERVICE_SHUTDOWN_GRACE_SECONDS = 30;

export function deploymentProblems(d) {
  const id = idOf(d);
  const pod = d.spec?.template?.spec;
  if (!isObj(pod)) return [`${id}: spec.template.spec is required`];
  const p = [];
  const podSc = pod.securityContext ?? {};
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) p.push(`${id}: host namespaces are not allowed`);
  if (podSc.runAsUser === 0) p.push(`${id}: pod securityContext.runAsUser must not be 0`);
  const grace = pod.terminationGracePeriodSeconds ?? 30;
  if (grace <= SERVICE_SHUTDOWN_GRACE_SECONDS) {
    p.push(`${id}: terminationGracePeriodSeconds ${grace} must exceed the services' shutdown grace (${SERVICE_SHUTDOWN_GRACE_SECONDS} s)`);
  }
  const containers = [...(pod.initContainers ?? []), ...(pod.containers ?? [])];
  if ((pod.containers ?? []).length === 0) p.push(`${id}: no containers`);
  for (const c of containers) {
    const where = `${id} container ${c.name}`;
    const isInit = (pod.initContainers ?? []).includes(c);
    if (!isInit) {
      for (const [probe, path] of [["startupProbe", "/q/health/started"], ["livenessProbe", "/q/health/live"], ["readinessProbe", "/q/health/ready"]]) {
        if (!isObj(c[probe])) p.push(`${where}: ${probe} is missing`);
        else if (c[probe].httpGet && c[probe].httpGet.path !== path) p.push(`${where}: ${probe} should ask ${path}, asks ${c[probe].httpGet.path}`);
      }
    }
    for (const kind of ["requests", "limits"]) {
      for (const r of ["cpu", "memory"]) {
        if (c.resources?.[kind]?.[r] === undefined) p.push(`${where}: resources.${kind}.${r} is missing`);
      }
    }
    const sc = c.securityContext ?? {};
    const runAsNonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
    const runAsUser = sc.runAsUser ?? podSc.runAsUser;
    if (runAsNonRoot !== true) p.push(`${where}: runAsNonRoot must be true`);
    if (runAsUser === undefined || runAsUser === 0) p.push(`${where}: runAsUser must be a non-zero UID`);
    if (sc.privileged === true) p.push(`${where}: privileged is not allowed`);
    if (sc.allowPrivilegeEscalation !== false) p.push(`${where}: allowPrivilegeEscalation must be false`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) p.push(`${where}: capabilities.drop must include ALL`);
    if ((sc.capabilities?.add ?? []).length > 0) p.push(`${where}: capabilities.add must be empty`);
    if (sc.readOnlyRootFilesystem !== true) p.push(`${where}: readOnlyRootFilesystem must be true`);
    const seccomp = sc.seccompProfile?.type ?? podSc.seccompProfile?.type;
    if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") p.push(`${where}: seccompProfile must be RuntimeDefault`);
    const image = String(c.image ?? "");
    const tag = image.includes("@") ? "digest" : image.split("/").pop().split(":")[1];
    if (!tag || tag === "latest") p.push(`${where}: image ${image} needs a tag other than latest`);
    if (sc.readOnlyRootFilesystem === true && !(c.volumeMounts ?? []).some((m) => m.mountPath === "/tmp")) {
      p.push(`${where}: a read-only root filesystem needs a writable /tmp (emptyDir)`);
    }
  }
  return p;
}

// A value in a Secret committed to git is a placeholder: <what to put here>. Only keys that name, rather
// than prove, may hold a plain value: a database user name and an API key's role.
const PLACEHOLDER = /^<[^<>]+>$/;
const PLAIN_KEYS = [/^username$/, /^BEIAN_GATEWAY_API_KEYS_[A-Z0-9_]+_ROLE$/];

export function secretProblems(s) {
  const id = idOf(s);
  const p = [];
  const values = { ...(s.stringData ?? {}) };
  for (const [k, v] of Object.entries(s.data ?? {})) values[k] = Buffer.from(String(v), "base64").toString("utf8");
  if (Object.keys(values).length === 0) p.push(`${id}: holds no keys (describe each key with a placeholder)`);
  for (const [k, v] of Object.entries(values)) {
    if (PLAIN_KEYS.some((re) => re.test(k))) {
      if (/^BEIAN_GATEWAY_API_KEYS_.*_ROLE$/.test(k) && !["reader", "editor", "admin"].includes(v)) {
        p.push(`${id}: ${k} must be reader, editor or admin`);
      }
      continue;
    }
    if (!PLACEHOLDER.test(String(v))) p.push(`${id}: ${k} holds a value, not a placeholder like <what goes here>`);
  }
  return p;
}

function podLabelsOf(d) {
  return d.spec?.template?.metadata?.labels ?? {};
}

export function selectorMatches(selector, labels) {
  if (!isObj(selector)) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    if (e.operator === "In" && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

function envRefs(d) {
  const pod = d.spec?.template?.spec ?? {};
  const refs = [];
  for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
    for (const f of c.envFrom ?? []) {
      if (f.configMapRef) refs.push({ kind: "ConfigMap", name: f.configMapRef.name, container: c.name });
      if (f.secretRef) refs.push({ kind: "Secret", name: f.secretRef.name, container: c.name });
    }
    for (const e of c.env ?? []) {
      const cm = e.valueFrom?.configMapKeyRef;
      const sk = e.valueFrom?.secretKeyRef;
      if (cm) refs.push({ kind: "ConfigMap", name: cm.name, key: cm.key, container: c.name, env: e.name });
      if (sk) refs.push({ kind: "Secret", name: sk.name, key: sk.key, container: c.name, env: e.name });
    }
  }
  return refs;
}

/** Environment of a Deployment's first container as far as the render tells it (ConfigMaps and literals). */
export function envOf(d, objs) {
  const env = {};
  const c = d.spec?.template?.spec?.containers?.[0] ?? {};
  for (const f of c.envFrom ?? []) {
    const cm = f.configMapRef && objs.find((o) => o.kind === "ConfigMap" && o.metadata.name === f.configMapRef.name);
    if (cm) Object.assign(env, cm.data ?? {});
  }
  for (const e of c.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  return env;
}

/**
 * Every name one object uses for another resolves: ConfigMaps and Services in the render, Secrets in the
 * Secret templates (with the keys used), database URLs at a CloudNativePG Cluster's -rw Service.
 */
export function referenceProblems(objs, secretTemplates) {
  const p = [];
  const find = (kind, name) => objs.find((o) => o.kind === kind && o.metadata?.name === name);
  const template = (name) => secretTemplates.find((s) => s.metadata?.name === name);
  const templateKeys = (s) => new Set([...Object.keys(s.stringData ?? {}), ...Object.keys(s.data ?? {})]);
  const deployments = objs.filter((o) => o.kind === "Deployment");
  const clusters = objs.filter((o) => o.kind === "Cluster");
  for (const d of deployments) {
    const id = idOf(d);
    if (!selectorMatches(d.spec?.selector, podLabelsOf(d))) p.push(`${id}: selector does not match its pod labels`);
    const sa = d.spec?.template?.spec?.serviceAccountName;
    if (sa && !find("ServiceAccount", sa)) p.push(`${id}: ServiceAccount ${sa} is not in the render`);
    for (const r of envRefs(d)) {
      if (r.kind === "ConfigMap") {
        const cm = find("ConfigMap", r.name);
        if (!cm) p.push(`${id}: ConfigMap ${r.name} is not in the render`);
        else if (r.key && !(r.key in (cm.data ?? {}))) p.push(`${id}: ConfigMap ${r.name} has no key ${r.key}`);
      } else {
        const s = template(r.name);
        if (!s) p.push(`${id}: Secret ${r.name} is not described in the Secret templates`);
        else if (r.key && !templateKeys(s).has(r.key)) p.push(`${id}: Secret ${r.name} has no key ${r.key} in its template`);
      }
    }
    const env = envOf(d, objs);
    const url = env.QUARKUS_DATASOURCE_JDBC_URL;
    if (url !== undefined) {
      const m = /^jdbc:postgresql:\/\/([a-z0-9-]+)-rw(?:\.[a-z0-9.-]+)?:5432\/([A-Za-z0-9_]+)$/.exec(url);
      const cluster = m && clusters.find((c) => c.metadata.name === m[1]);
      if (!m) p.push(`${id}: QUARKUS_DATASOURCE_JDBC_URL ${url} is not a CloudNativePG -rw Service URL`);
      else if (!cluster) p.push(`${id}: database ${m[1]} is no Cluster in the render`);
      else {
        const init = cluster.spec?.bootstrap?.initdb ?? {};
        if (init.database !== m[2]) p.push(`${id}: connects to database ${m[2]}, Cluster ${m[1]} creates ${init.database}`);
        const userRef = envRefs(d).find((r) => r.env === "QUARKUS_DATASOURCE_USERNAME");
        const passRef = envRefs(d).find((r) => r.env === "QUARKUS_DATASOURCE_PASSWORD");
        if (!userRef || !passRef) p.push(`${id}: database user and password must come from a Secret`);
        else if (userRef.name !== init.secret?.name || passRef.name !== init.secret?.name) {
          p.push(`${id}: database credentials come from ${passRef.name}, Cluster ${m[1]} owns ${init.secret?.name}`);
        }
      }
    }
  }
  for (const c of clusters) {
    const init = c.spec?.bootstrap?.initdb;
    if (!init?.secret?.name) continue;
    const s = template(init.secret.name);
    if (!s) p.push(`${idOf(c)}: Secret ${init.secret.name} is not described in the Secret templates`);
    else {
      if (s.type !== "kubernetes.io/basic-auth") p.push(`${idOf(c)}: Secret ${init.secret.name} must be of type kubernetes.io/basic-auth`);
      if (!templateKeys(s).has("username") || !templateKeys(s).has("password")) p.push(`${idOf(c)}: Secret ${init.secret.name} needs username and password`);
      else if ((s.stringData ?? {}).username !== init.owner) p.push(`${idOf(c)}: Secret ${init.secret.name}'s username must be the owner ${init.owner}`);
    }
  }
  for (const o of objs.filter((x) => x.kind === "ObjectStore")) {
    const s3 = o.spec?.configuration?.s3Credentials ?? {};
    for (const ref of [s3.accessKeyId, s3.secretAccessKey].filter(Boolean)) {
      const s = template(ref.name);
      if (!s) p.push(`${idOf(o)}: Secret ${ref.name} is not described in the Secret templates`);
      else if (!templateKeys(s).has(ref.key)) p.push(`${idOf(o)}: Secret ${ref.name} has no key ${ref.key} in its template`);
    }
  }
  for (const svc of objs.filter((o) => o.kind === "Service")) {
    const targets = deployments.filter((d) => svc.spec?.selector && Object.entries(svc.spec.selector).every(([k, v]) => podLabelsOf(d)[k] === v));
    if (targets.length === 0) p.push(`${idOf(svc)}: selects no Deployment's pods`);
    for (const port of svc.spec?.ports ?? []) {
      if (typeof port.targetPort === "string" && !targets.every((d) => d.spec.template.spec.containers.some((c) => (c.ports ?? []).some((cp) => cp.name === port.targetPort)))) {
        p.push(`${idOf(svc)}: targetPort ${port.targetPort} is no named container port`);
      }
    }
  }
  const servicePort = (name, port) => {
    const svc = find("Service", name);
    if (!svc) return `Service ${name} is not in the render`;
    const ok = (svc.spec?.ports ?? []).some((sp) => (port.name !== undefined ? sp.name === port.name : sp.port === port.number));
    return ok ? null : `Service ${name} has no port ${port.name ?? port.number}`;
  };
  for (const ing of objs.filter((o) => o.kind === "Ingress")) {
    for (const rule of ing.spec?.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const b = path.backend?.service;
        const err = b ? servicePort(b.name, b.port ?? {}) : "backend.service is missing";
        if (err) p.push(`${idOf(ing)}: ${err}`);
        else if (b.name !== "beian-gateway") p.push(`${idOf(ing)}: only the gateway may be exposed, not ${b.name}`);
      }
    }
  }
  for (const u of deployments.flatMap((d) => Object.entries(envOf(d, objs)).map(([k, v]) => [d, k, v]))) {
    const [d, k, v] = u;
    const m = /^http:\/\/([a-z0-9-]+):(\d+)$/.exec(v);
    if (/_URL$/.test(k) && m) {
      const err = servicePort(m[1], { number: Number(m[2]) });
      if (err) p.push(`${idOf(d)}: ${k}: ${err}`);
    }
  }
  for (const o of objs.filter((x) => x.kind === "HorizontalPodAutoscaler")) {
    const t = o.spec?.scaleTargetRef;
    if (!t || t.kind !== "Deployment" || !find("Deployment", t.name)) p.push(`${idOf(o)}: scaleTargetRef is no Deployment in the render`);
    else if (!find("Deployment", t.name).spec.template.spec.containers.every((c) => c.resources?.requests?.cpu)) {
      p.push(`${idOf(o)}: scales on CPU, so ${t.name} needs CPU requests`);
    }
  }
  for (const o of objs.filter((x) => x.kind === "PodDisruptionBudget")) {
    if (!deployments.some((d) => selectorMatches(o.spec?.selector, podLabelsOf(d)))) p.push(`${idOf(o)}: selects no Deployment's pods`);
  }
  for (const sm of objs.filter((x) => x.kind === "ServiceMonitor")) {
    const svcs = objs.filter((o) => o.kind === "Service" && selectorMatches(sm.spec?.selector, o.metadata?.labels ?? {}));
    if (svcs.length === 0) p.push(`${idOf(sm)}: selects no Service`);
    for (const ep of sm.spec?.endpoints ?? []) {
      for (const svc of svcs) {
        if (!(svc.spec?.ports ?? []).some((sp) => sp.name === ep.port)) p.push(`${idOf(sm)}: Service ${svc.metadata.name} has no port named ${ep.port}`);
      }
      if (ep.path !== "/q/metrics") p.push(`${idOf(sm)}: the services serve metrics at /q/metrics, not ${ep.path}`);
    }
  }
  return p;
}
