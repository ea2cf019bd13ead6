// Each check passes on the real overlays and fails on an object broken in the way it guards against: a check
// that cannot fail would prove nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { render, find, container } from "./render.mjs";
import { schemaProblems } from "../lib/schema.mjs";
import { databaseProblems } from "../lib/cnpg.mjs";
import { deploymentProblems, secretProblems, referenceProblems } from "../lib/policy.mjs";
import { networkProblems } from "../lib/network.mjs";
import { shapeProblems } from "../lib/shape.mjs";

const prod = () => render("overlays/production");
const dev = () => render("overlays/dev");
const templates = () => render("secrets");

const expectProblem = (problems, pattern) => assert.ok(problems.some((p) => pattern.test(p)),
  `expected a problem matching ${pattern}, got:\n  ${problems.join("\n  ") || "(none)"}`);

// One test per way of breaking the render: each must make `check` report a problem matching its pattern.
function breaking(title, cases, check, objects = prod) {
  for (const [name, breakIt, pattern] of cases) {
    test(`${title} fails: ${name}`, () => {
      const objs = objects();
      breakIt(objs);
      expectProblem(check(objs), pattern);
    });
  }
}

async function allSchemaProblems(objs) {
  const out = [];
  for (const o of objs) out.push(...(await schemaProblems(o)));
  return out;
}

test("the real overlays and Secret templates pass every check", async () => {
  for (const [objs, profile] of [[dev(), "dev"], [prod(), "production"]]) {
    assert.deepEqual(await allSchemaProblems(objs), []);
    assert.deepEqual(databaseProblems(objs), []);
    assert.deepEqual(objs.filter((o) => o.kind === "Deployment").flatMap(deploymentProblems), []);
    assert.deepEqual(referenceProblems(objs, templates()), []);
    assert.deepEqual(networkProblems(objs), []);
    assert.deepEqual(shapeProblems(objs, profile), []);
  }
  assert.deepEqual(templates().flatMap(secretProblems), []);
  assert.deepEqual(await allSchemaProblems(templates()), []);
});

test("schema: a wrong type, a misspelt field and an unknown kind fail", async () => {
  const objs = prod();
  const d = find(objs, "Deployment", "beian-registry");
  d.spec.template.spec.containers[0].ports[0].containerPort = "8081";
  expectProblem(await schemaProblems(d), /containerPort must be integer/);
  const c = container(objs, "beian-gateway");
  c.readinesProbe = c.readinessProbe;
  expectProblem(await schemaProblems(find(objs, "Deployment", "beian-gateway")), /unknown field .*containers\[0\]\.readinesProbe/);
  const sm = find(objs, "ServiceMonitor", "beian");
  sm.spec.endpoints[0].pth = "/q/metrics";
  expectProblem(await schemaProblems(sm), /unknown field spec\.endpoints\[0\]\.pth/);
  expectProblem(await schemaProblems({ apiVersion: "apps/v1", kind: "Deploymnet", metadata: { name: "x" } }), /no schema/);
});

const deploymentBreaks = [
  ["no readiness probe", (c) => delete c.readinessProbe, /readinessProbe is missing/],
  ["no liveness probe", (c) => delete c.livenessProbe, /livenessProbe is missing/],
  ["no startup probe", (c) => delete c.startupProbe, /startupProbe is missing/],
  ["liveness on the readiness path", (c) => { c.livenessProbe.httpGet.path = "/q/health/ready"; }, /livenessProbe should ask \/q\/health\/live/],
  ["no memory limit", (c) => delete c.resources.limits.memory, /resources\.limits\.memory is missing/],
  ["no CPU limit", (c) => delete c.resources.limits.cpu, /resources\.limits\.cpu is missing/],
  ["no requests", (c) => delete c.resources.requests, /resources\.requests\.cpu is missing/],
  ["runs as root", (c, pod) => { c.securityContext.runAsUser = 0; pod.securityContext.runAsUser = 0; }, /runAsUser must be a non-zero UID/],
  ["runAsNonRoot off", (c, pod) => { delete c.securityContext.runAsNonRoot; pod.securityContext.runAsNonRoot = false; }, /runAsNonRoot must be true/],
  ["privilege escalation", (c) => { c.securityContext.allowPrivilegeEscalation = true; }, /allowPrivilegeEscalation must be false/],
  ["capabilities kept", (c) => { c.securityContext.capabilities.drop = ["NET_RAW"]; }, /capabilities\.drop must include ALL/],
  ["writable root", (c) => { c.securityContext.readOnlyRootFilesystem = false; }, /readOnlyRootFilesystem must be true/],
  ["no seccomp", (c, pod) => { delete c.securityContext.seccompProfile; delete pod.securityContext.seccompProfile; }, /seccompProfile/],
  ["latest image", (c) => { c.image = "beian/gateway:latest"; }, /tag other than latest/],
  ["untagged image", (c) => { c.image = "beian/gateway"; }, /tag other than latest/],
  ["no /tmp", (c) => { c.volumeMounts = []; }, /writable \/tmp/],
  ["short grace", (c, pod) => { pod.terminationGracePeriodSeconds = 30; }, /terminationGracePeriodSeconds 30 must exceed/],
];
const gatewayOf = (objs) => find(objs, "Deployment", "beian-gateway");
breaking("Deployment policy", deploymentBreaks.map(([name, breakIt, pattern]) => [name, (objs) => {
  const pod = gatewayOf(objs).spec.template.spec;
  breakIt(pod.containers[0], pod);
}, pattern]), (objs) => deploymentProblems(gatewayOf(objs)));

test("Secret policy: a real value fails, in stringData or base64 data; placeholders and roles pass", () => {
  const s = structuredClone(find(templates(), "Secret", "registry-db-credentials"));
  s.stringData.password = "hunter2-really";
  expectProblem(secretProblems(s), /password holds a value/);
  const d = { kind: "Secret", metadata: { name: "x" }, data: { ACCESS_KEY_ID: Buffer.from("AKIAREALKEY").toString("base64") } };
  expectProblem(secretProblems(d), /ACCESS_KEY_ID holds a value/);
  const k = structuredClone(find(templates(), "Secret", "beian-gateway-api-keys"));
  k.stringData.BEIAN_GATEWAY_API_KEYS_ADMIN_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  expectProblem(secretProblems(k), /SHA256 holds a value/);
  k.stringData.BEIAN_GATEWAY_API_KEYS_ADMIN_ROLE = "root";
  expectProblem(secretProblems(k), /must be reader, editor or admin/);
  expectProblem(secretProblems({ kind: "Secret", metadata: { name: "e" } }), /holds no keys/);
  assert.deepEqual(secretProblems({ kind: "Secret", metadata: { name: "p" }, stringData: { token: "<a token>" } }), []);
});

test("Secrets in a render are checked too: an overlay must not ship a credential", async () => {
  const objs = prod();
  objs.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "leak", namespace: "beian" }, stringData: { password: "s3cr3t" } });
  const { checkRender } = await import("../validate.mjs");
  const results = await checkRender(objs, "production", templates());
  expectProblem(results.find(([n]) => n.startsWith("Secrets hold")).at(1), /leak: password holds a value/);
});

const databaseBreaks = [
  ["C collation", (o) => { find(o, "Cluster", "registry-db").spec.bootstrap.initdb.localeCollate = "C"; }, /localeCollate must be C\.UTF-8/],
  ["no ctype", (o) => { delete find(o, "Cluster", "insights-db").spec.bootstrap.initdb.localeCType; }, /localeCType must be C\.UTF-8/],
  ["no owner secret", (o) => { delete find(o, "Cluster", "registry-db").spec.bootstrap.initdb.secret; }, /initdb\.secret\.name is required/],
  ["synchronous_commit off", (o) => { find(o, "Cluster", "registry-db").spec.postgresql.parameters.synchronous_commit = "off"; }, /synchronous_commit must be "on"/],
  ["no max_wal_size", (o) => { delete find(o, "Cluster", "registry-db").spec.postgresql.parameters.max_wal_size; }, /max_wal_size is required/],
  ["numeric parameter", (o) => { find(o, "Cluster", "registry-db").spec.postgresql.parameters.max_connections = 200; }, /max_connections must be a string/],
  ["no storage", (o) => { delete find(o, "Cluster", "registry-db").spec.storage; }, /storage\.size .* is required/],
  ["misspelt spec field", (o) => { find(o, "Cluster", "registry-db").spec.instance = 3; }, /unknown field spec\.instance$/],
  ["sync number too high", (o) => { find(o, "Cluster", "registry-db").spec.postgresql.synchronous.number = 3; }, /number must be below spec\.instances/],
  ["five-field schedule", (o) => { find(o, "ScheduledBackup", "registry-db-nightly").spec.schedule = "0 2 * * *"; }, /six fields/],
  ["backup of no cluster", (o) => { find(o, "ScheduledBackup", "insights-db-nightly").spec.cluster.name = "insight-db"; }, /insight-db is no Cluster/],
  ["plugin not enabled", (o) => { find(o, "Cluster", "insights-db").spec.plugins = []; }, /does not enable the plugin/],
  ["object store missing", (o) => { find(o, "Cluster", "registry-db").spec.plugins[0].parameters.barmanObjectName = "nope"; }, /nope is no ObjectStore/],
  ["no destination", (o) => { delete find(o, "ObjectStore", "registry-db-backups").spec.configuration.destinationPath; }, /destinationPath must be/],
  ["in-tree backup", (o) => { find(o, "Cluster", "registry-db").spec.backup = { barmanObjectStore: {} }; }, /deprecated in-tree/],
];
breaking("CloudNativePG check", databaseBreaks, databaseProblems);

const referenceBreaks = [
  ["wrong database name", (o) => { find(o, "ConfigMap", find(o, "Deployment", "beian-registry").spec.template.spec.containers[0].envFrom[0].configMapRef.name).data.QUARKUS_DATASOURCE_JDBC_URL = "jdbc:postgresql://registry-db-rw:5432/app"; }, /connects to database app/],
  ["another service's database", (o) => { find(o, "ConfigMap", find(o, "Deployment", "beian-insights").spec.template.spec.containers[0].envFrom[0].configMapRef.name).data.QUARKUS_DATASOURCE_JDBC_URL = "jdbc:postgresql://registry-db-rw:5432/registry"; }, /credentials come from insights-db-credentials, Cluster registry-db owns registry-db-credentials/],
  ["not the -rw service", (o) => { find(o, "ConfigMap", find(o, "Deployment", "beian-registry").spec.template.spec.containers[0].envFrom[0].configMapRef.name).data.QUARKUS_DATASOURCE_JDBC_URL = "jdbc:postgresql://registry-db-ro:5432/registry"; }, /not a CloudNativePG -rw Service URL/],
  ["secret key not in template", (o) => { container(o, "beian-registry").env[1].valueFrom.secretKeyRef.key = "pass"; }, /has no key pass/],
  ["missing ConfigMap", (o) => { container(o, "beian-gateway").envFrom[0].configMapRef.name = "gateway-config"; }, /ConfigMap gateway-config is not in the render/],
  ["backend URL to no service", (o) => { find(o, "ConfigMap", container(o, "beian-gateway").envFrom[0].configMapRef.name).data.BEIAN_GATEWAY_REGISTRY_URL = "http://registry:8081"; }, /Service registry is not in the render/],
  ["service port name", (o) => { find(o, "Service", "beian-insights").spec.ports[0].targetPort = "web"; }, /targetPort web is no named container port/],
  ["ServiceMonitor port", (o) => { find(o, "ServiceMonitor", "beian").spec.endpoints[0].port = "metrics"; }, /no port named metrics/],
  ["Ingress to a backend", (o) => { const b = find(o, "Ingress", "beian").spec.rules[0].http.paths[0].backend.service; b.name = "beian-registry"; }, /only the gateway may be exposed/],
  ["PDB selects nothing", (o) => { find(o, "PodDisruptionBudget", "beian-insights").spec.selector.matchLabels["app.kubernetes.io/name"] = "insights"; }, /selects no Deployment/],
];
breaking("reference check", referenceBreaks, (objs) => referenceProblems(objs, templates()));

test("reference check fails: a database Secret whose user is not the owner", () => {
  const t = templates();
  find(t, "Secret", "insights-db-credentials").stringData.username = "app";
  expectProblem(referenceProblems(prod(), t), /username must be the owner insights/);
});

const networkBreaks = [
  ["insights loses the change feed", (o) => { find(o, "NetworkPolicy", "beian-insights").spec.egress.shift(); }, /beian-insights cannot reach beian-registry:8081/],
  ["registry database open to all", (o) => { find(o, "NetworkPolicy", "registry-db").spec.ingress.push({}); }, /some pod elsewhere reaches registry-db:5432/],
  ["registry reaches the other database", (o) => { find(o, "NetworkPolicy", "beian-registry").spec.egress[0].to[0].podSelector.matchLabels["cnpg.io/cluster"] = "insights-db"; find(o, "NetworkPolicy", "insights-db").spec.ingress[0].from.push({ podSelector: { matchLabels: { "app.kubernetes.io/name": "beian-registry" } } }); }, /beian-registry reaches insights-db:5432/],
  ["no default deny", (o) => { o.splice(o.indexOf(find(o, "NetworkPolicy", "beian-insights")), 1); o.splice(o.indexOf(find(o, "NetworkPolicy", "default-deny-ingress")), 1); }, /some pod elsewhere reaches beian-insights:8082/],
  ["no DNS", (o) => { find(o, "NetworkPolicy", "beian-gateway").spec.egress.pop(); }, /beian-gateway cannot reach DNS/],
  ["gateway closed", (o) => { find(o, "NetworkPolicy", "beian-gateway").spec.ingress[0].from = [{ podSelector: {} }]; }, /some pod elsewhere cannot reach beian-gateway:8080/],
];
breaking("network check", networkBreaks, networkProblems);

const shapeBreaks = [
  ["production", "rate-limit divisor not the replica count", (o) => { find(o, "HorizontalPodAutoscaler", "beian-gateway").spec.minReplicas = 4; }, /BEIAN_GATEWAY_RATE_LIMIT_REPLICAS \(3\) must equal the gateway's replica count \(4\)/],
  ["production", "one insights replica", (o) => { find(o, "Deployment", "beian-insights").spec.replicas = 1; }, /at least 2 replicas, runs 1/],
  ["production", "no anti-affinity", (o) => { delete find(o, "Deployment", "beian-registry").spec.template.spec.affinity; }, /beian-registry: needs pod anti-affinity/],
  ["production", "no PDB", (o) => { o.splice(o.indexOf(find(o, "PodDisruptionBudget", "beian-gateway")), 1); }, /beian-gateway: needs a PodDisruptionBudget/],
  ["production", "no HPA", (o) => { o.splice(o.indexOf(find(o, "HorizontalPodAutoscaler", "beian-registry")), 1); }, /beian-registry: needs a HorizontalPodAutoscaler/],
  ["production", "replicas beside an HPA", (o) => { find(o, "Deployment", "beian-gateway").spec.replicas = 3; }, /HPA owns the replica count/],
  ["production", "no backup", (o) => { o.splice(o.indexOf(find(o, "ScheduledBackup", "insights-db-nightly")), 1); }, /insights-db: needs a ScheduledBackup/],
  ["production", "asynchronous replication", (o) => { delete find(o, "Cluster", "registry-db").spec.postgresql.synchronous; }, /replicates synchronously/],
  ["production", "object in another namespace", (o) => { find(o, "Service", "beian-gateway").metadata.namespace = "default"; }, /namespace default is not the overlay's beian/],
  ["dev", "two gateways", (o) => { find(o, "Deployment", "beian-gateway").spec.replicas = 2; }, /dev runs one replica/],
];
for (const profile of ["production", "dev"]) {
  breaking(`${profile} shape check`, shapeBreaks.filter(([p]) => p === profile).map((c) => c.slice(1)),
    (objs) => shapeProblems(objs, profile), profile === "dev" ? dev : prod);
}

test("the command line exits 1 and counts the failure for a bad render", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "beian-k8s-"));
  const objs = prod();
  delete container(objs, "beian-registry").livenessProbe;
  const bad = path.join(dir, "bad.yaml");
  const secrets = path.join(dir, "secrets.yaml");
  writeFileSync(bad, objs.map((o) => stringify(o)).join("---\n"));
  writeFileSync(secrets, templates().map((o) => stringify(o)).join("---\n"));
  const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../validate.mjs");
  const run = spawnSync(process.execPath, [script, "--secrets", secrets, `production=${bad}`], { encoding: "utf8" });
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.match(run.stdout, /FAIL production: Deployments: probes, limits, non-root security context \(3\)\n\s+Deployment\/beian-registry container registry: livenessProbe is missing/);
  assert.match(run.stdout, /^8 passed, 1 failed$/m);
});
