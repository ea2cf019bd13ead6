// What each overlay promises: dev runs one of everything; production runs several replicas spread over nodes,
// autoscales the gateway and the registry, protects every service with a disruption budget, replicates and
// backs up its databases and is scraped by Prometheus.
import { idOf } from "./docs.mjs";
import { envOf, selectorMatches } from "./policy.mjs";

function hpaFor(objs, name) {
  return objs.find((o) => o.kind === "HorizontalPodAutoscaler" && o.spec?.scaleTargetRef?.name === name);
}

export function shapeProblems(objs, profile) {
  const p = [];
  const deployments = objs.filter((o) => o.kind === "Deployment");
  const clusters = objs.filter((o) => o.kind === "Cluster");
  const namespaces = objs.filter((o) => o.kind === "Namespace");
  if (namespaces.length !== 1) p.push(`the overlay must create exactly one Namespace, creates ${namespaces.length}`);
  const ns = namespaces[0]?.metadata?.name;
  for (const o of objs.filter((x) => x.kind !== "Namespace")) {
    if (o.metadata?.namespace !== ns) p.push(`${idOf(o)}: namespace ${o.metadata?.namespace} is not the overlay's ${ns}`);
  }
  const gateway = deployments.find((d) => d.metadata.name === "beian-gateway");
  const divisor = gateway ? Number(envOf(gateway, objs).BEIAN_GATEWAY_RATE_LIMIT_REPLICAS) : NaN;
  if (profile === "dev") {
    for (const d of deployments) if ((d.spec.replicas ?? 1) !== 1 || hpaFor(objs, d.metadata.name)) p.push(`${idOf(d)}: dev runs one replica`);
    for (const c of clusters) if (c.spec?.instances !== 1) p.push(`${idOf(c)}: dev runs one database instance`);
    if (divisor !== 1) p.push(`BEIAN_GATEWAY_RATE_LIMIT_REPLICAS must be 1 with one gateway, is ${divisor}`);
    return p;
  }
  for (const d of deployments) {
    const hpa = hpaFor(objs, d.metadata.name);
    const least = hpa ? hpa.spec.minReplicas ?? 1 : d.spec.replicas ?? 1;
    if (least < 2) p.push(`${idOf(d)}: production runs at least 2 replicas, runs ${least}`);
    if (hpa && d.spec.replicas !== undefined) p.push(`${idOf(d)}: its HPA owns the replica count; remove spec.replicas`);
    const pod = d.spec.template.spec;
    const anti = pod.affinity?.podAntiAffinity;
    const terms = [...(anti?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
      ...(anti?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => t.podAffinityTerm)];
    if (!terms.some((t) => t.topologyKey === "kubernetes.io/hostname" && selectorMatches(t.labelSelector, pod.metadata?.labels ?? d.spec.template.metadata.labels))) {
      p.push(`${idOf(d)}: needs pod anti-affinity on kubernetes.io/hostname against its own pods`);
    }
    const pdb = objs.find((o) => o.kind === "PodDisruptionBudget" && selectorMatches(o.spec?.selector, d.spec.template.metadata.labels));
    if (!pdb) p.push(`${idOf(d)}: needs a PodDisruptionBudget`);
    else if (pdb.spec.minAvailable !== undefined && pdb.spec.minAvailable >= least) {
      p.push(`${idOf(pdb)}: minAvailable ${pdb.spec.minAvailable} would block every drain at ${least} replicas`);
    }
  }
  for (const name of ["beian-gateway", "beian-registry"]) if (!hpaFor(objs, name)) p.push(`Deployment/${name}: needs a HorizontalPodAutoscaler`);
  const gatewayHpa = hpaFor(objs, "beian-gateway");
  const gatewayReplicas = gatewayHpa ? gatewayHpa.spec.minReplicas : gateway?.spec?.replicas;
  if (divisor !== gatewayReplicas) {
    p.push(`BEIAN_GATEWAY_RATE_LIMIT_REPLICAS (${divisor}) must equal the gateway's replica count (${gatewayReplicas})`);
  }
  for (const c of clusters) {
    if ((c.spec?.instances ?? 1) < 3) p.push(`${idOf(c)}: production runs 3 database instances`);
    if (!c.spec?.postgresql?.synchronous) p.push(`${idOf(c)}: production replicates synchronously (a failover must not lose acknowledged writes)`);
    if (!objs.some((o) => o.kind === "ScheduledBackup" && o.spec?.cluster?.name === c.metadata.name)) p.push(`${idOf(c)}: needs a ScheduledBackup`);
    if (!(c.spec?.plugins ?? []).some((pl) => pl.isWALArchiver)) p.push(`${idOf(c)}: needs WAL archiving (a plugin with isWALArchiver)`);
  }
  if (!objs.some((o) => o.kind === "ServiceMonitor")) p.push("production needs a ServiceMonitor");
  if (!objs.some((o) => o.kind === "Ingress" && (o.spec?.tls ?? []).length > 0)) p.push("production's Ingress needs TLS");
  return p;
}
