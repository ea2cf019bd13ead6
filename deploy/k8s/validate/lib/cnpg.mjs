// CloudNativePG and Barman Cloud plugin resources have no models package, so their documented required fields
// and the settings Beian depends on are checked here (postgresql.cnpg.io/v1 Cluster, ScheduledBackup, Backup;
// barmancloud.cnpg.io/v1 ObjectStore), together with how the services connect to them.
import { idOf } from "./docs.mjs";

const PLUGIN = "barman-cloud.cloudnative-pg.io";
// deploy/README.md's server settings: names that every database must set, and the value where it is fixed.
const REQUIRED_PARAMETERS = { shared_buffers: null, max_wal_size: null, checkpoint_timeout: null, synchronous_commit: "on" };
const CLUSTER_SPEC_FIELDS = new Set([
  "instances", "imageName", "imageCatalogRef", "primaryUpdateStrategy", "primaryUpdateMethod", "enableSuperuserAccess",
  "superuserSecret", "bootstrap", "postgresql", "storage", "walStorage", "tablespaces", "resources", "affinity",
  "topologySpreadConstraints", "plugins", "backup", "externalClusters", "monitoring", "managed", "inheritedMetadata",
  "description", "logLevel", "startDelay", "stopDelay", "smartShutdownTimeout", "switchoverDelay", "failoverDelay",
  "priorityClassName", "schedulerName", "serviceAccountTemplate", "enablePDB", "replica", "certificates",
  "postgresUID", "postgresGID", "minSyncReplicas", "maxSyncReplicas", "env", "envFrom", "ephemeralVolumeSource",
  "ephemeralVolumesSizeLimit", "projectedVolumeTemplate", "seccompProfile", "probes", "livenessProbeTimeout",
  "imagePullPolicy", "imagePullSecrets", "nodeMaintenanceWindow", "replicationSlots", "podSecurityContext",
  "securityContext",
]);
const QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|m)?$/;
const PG_MEMORY = /^[0-9]+(kB|MB|GB|TB)$/;

const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

export function clusterProblems(c) {
  const p = [];
  const id = idOf(c);
  if (c.apiVersion !== "postgresql.cnpg.io/v1") p.push(`${id}: apiVersion must be postgresql.cnpg.io/v1`);
  const s = c.spec;
  if (!isObj(s)) return [...p, `${id}: spec is required`];
  for (const key of Object.keys(s)) if (!CLUSTER_SPEC_FIELDS.has(key)) p.push(`${id}: unknown field spec.${key}`);
  if (!Number.isInteger(s.instances) || s.instances < 1) p.push(`${id}: spec.instances must be an integer >= 1`);
  if (!isObj(s.storage) || (!s.storage.size && !s.storage.pvcTemplate)) {
    p.push(`${id}: spec.storage.size (or pvcTemplate) is required`);
  } else if (s.storage.size && !QUANTITY.test(String(s.storage.size))) {
    p.push(`${id}: spec.storage.size ${s.storage.size} is not a quantity`);
  }
  const init = s.bootstrap?.initdb;
  const recovery = s.bootstrap?.recovery;
  if (!init && !recovery) p.push(`${id}: spec.bootstrap.initdb (or recovery) is required`);
  if (init) {
    for (const f of ["database", "owner"]) if (typeof init[f] !== "string" || !init[f]) p.push(`${id}: bootstrap.initdb.${f} is required`);
    if (typeof init.secret?.name !== "string") p.push(`${id}: bootstrap.initdb.secret.name is required (the owner's credentials)`);
    for (const f of ["localeCollate", "localeCType"]) {
      if (init[f] !== "C.UTF-8") p.push(`${id}: bootstrap.initdb.${f} must be C.UTF-8 (one-character Chinese search needs it), is ${init[f]}`);
    }
    if (init.encoding !== undefined && init.encoding !== "UTF8") p.push(`${id}: bootstrap.initdb.encoding must be UTF8`);
  }
  const params = s.postgresql?.parameters;
  if (!isObj(params)) {
    p.push(`${id}: spec.postgresql.parameters is required (deploy/README.md's settings)`);
  } else {
    for (const [name, fixed] of Object.entries(REQUIRED_PARAMETERS)) {
      const v = params[name];
      if (v === undefined) p.push(`${id}: postgresql.parameters.${name} is required`);
      else if (typeof v !== "string") p.push(`${id}: postgresql.parameters.${name} must be a string, is ${typeof v}`);
      else if (fixed !== null && v !== fixed) p.push(`${id}: postgresql.parameters.${name} must be "${fixed}", is "${v}"`);
    }
    for (const name of ["shared_buffers", "max_wal_size"]) {
      if (typeof params[name] === "string" && !PG_MEMORY.test(params[name])) p.push(`${id}: ${name} ${params[name]} is not a PostgreSQL size`);
    }
    for (const [name, v] of Object.entries(params)) {
      if (typeof v !== "string") p.push(`${id}: postgresql.parameters.${name} must be a string`);
    }
  }
  const sync = s.postgresql?.synchronous;
  if (sync !== undefined) {
    if (!["any", "first"].includes(sync.method)) p.push(`${id}: postgresql.synchronous.method must be any or first`);
    if (!Number.isInteger(sync.number) || sync.number < 1) p.push(`${id}: postgresql.synchronous.number must be >= 1`);
    else if (sync.number >= (s.instances ?? 1)) p.push(`${id}: postgresql.synchronous.number must be below spec.instances`);
    if (sync.dataDurability !== undefined && !["required", "preferred"].includes(sync.dataDurability)) {
      p.push(`${id}: postgresql.synchronous.dataDurability must be required or preferred`);
    }
  }
  const limits = s.resources?.limits;
  if (!limits?.memory) p.push(`${id}: spec.resources.limits.memory is required`);
  for (const plugin of s.plugins ?? []) {
    if (typeof plugin.name !== "string") p.push(`${id}: spec.plugins[].name is required`);
    if (plugin.name === PLUGIN && typeof plugin.parameters?.barmanObjectName !== "string") {
      p.push(`${id}: the ${PLUGIN} plugin needs parameters.barmanObjectName`);
    }
  }
  if (s.backup?.barmanObjectStore) {
    p.push(`${id}: spec.backup.barmanObjectStore is the deprecated in-tree method; use the ${PLUGIN} plugin`);
  }
  return p;
}

export function objectStoreProblems(o) {
  const p = [];
  const id = idOf(o);
  const conf = o.spec?.configuration;
  if (!isObj(conf)) return [`${id}: spec.configuration is required`];
  if (typeof conf.destinationPath !== "string" || !/^(s3|gs|https?):\/\//.test(conf.destinationPath)) {
    p.push(`${id}: spec.configuration.destinationPath must be an s3://, gs:// or https:// URL`);
  }
  if (conf.serverName !== undefined) p.push(`${id}: spec.configuration.serverName must stay empty (set it in the Cluster's plugin parameters)`);
  const creds = ["s3Credentials", "azureCredentials", "googleCredentials"].filter((k) => conf[k] !== undefined);
  if (creds.length !== 1) p.push(`${id}: exactly one of s3Credentials, azureCredentials, googleCredentials is required`);
  const s3 = conf.s3Credentials;
  if (s3 && !s3.inheritFromIAMRole) {
    for (const k of ["accessKeyId", "secretAccessKey"]) {
      if (typeof s3[k]?.name !== "string" || typeof s3[k]?.key !== "string") p.push(`${id}: s3Credentials.${k} needs name and key`);
    }
  }
  if (o.spec.retentionPolicy !== undefined && !/^[1-9][0-9]*[dwm]$/.test(o.spec.retentionPolicy)) {
    p.push(`${id}: spec.retentionPolicy must look like 30d, 4w or 3m`);
  }
  return p;
}

export function scheduledBackupProblems(b, clusters) {
  const p = [];
  const id = idOf(b);
  const s = b.spec ?? {};
  if (typeof s.schedule !== "string") {
    p.push(`${id}: spec.schedule is required`);
  } else if (s.schedule.trim().split(/\s+/).length !== 6) {
    p.push(`${id}: spec.schedule needs six fields, seconds first (CloudNativePG's cron format), got "${s.schedule}"`);
  }
  const name = s.cluster?.name;
  const cluster = clusters.find((c) => c.metadata?.name === name);
  if (typeof name !== "string") p.push(`${id}: spec.cluster.name is required`);
  else if (!cluster) p.push(`${id}: spec.cluster.name ${name} is no Cluster in this render`);
  const method = s.method ?? "barmanObjectStore";
  if (!["barmanObjectStore", "volumeSnapshot", "plugin"].includes(method)) p.push(`${id}: spec.method ${method} is unknown`);
  if (method === "barmanObjectStore") p.push(`${id}: method barmanObjectStore is deprecated; use plugin`);
  if (method === "plugin") {
    const plugin = s.pluginConfiguration?.name;
    if (typeof plugin !== "string") p.push(`${id}: method plugin needs spec.pluginConfiguration.name`);
    else if (cluster && !(cluster.spec?.plugins ?? []).some((pl) => pl.name === plugin)) {
      p.push(`${id}: Cluster ${name} does not enable the plugin ${plugin}`);
    }
  }
  if (s.backupOwnerReference !== undefined && !["none", "self", "cluster"].includes(s.backupOwnerReference)) {
    p.push(`${id}: spec.backupOwnerReference must be none, self or cluster`);
  }
  return p;
}

/** Every CNPG-related object in one render, checked on its own and against the others. */
export function databaseProblems(objs) {
  const clusters = objs.filter((o) => o.kind === "Cluster");
  const stores = objs.filter((o) => o.kind === "ObjectStore");
  const p = [];
  for (const c of clusters) p.push(...clusterProblems(c));
  for (const o of stores) {
    if (o.apiVersion !== "barmancloud.cnpg.io/v1") p.push(`${idOf(o)}: apiVersion must be barmancloud.cnpg.io/v1`);
    p.push(...objectStoreProblems(o));
  }
  for (const b of objs.filter((o) => o.kind === "ScheduledBackup" || o.kind === "Backup")) {
    p.push(...scheduledBackupProblems(b.kind === "Backup" ? { ...b, spec: { schedule: "0 0 0 * * *", ...b.spec } } : b, clusters));
  }
  for (const c of clusters) {
    for (const plugin of c.spec?.plugins ?? []) {
      const store = plugin.parameters?.barmanObjectName;
      if (store && !stores.some((o) => o.metadata?.name === store)) {
        p.push(`${idOf(c)}: plugin object store ${store} is no ObjectStore in this render`);
      }
    }
  }
  return p;
}
