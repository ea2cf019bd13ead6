// Evaluates the rendered NetworkPolicies the way the API defines them (a pod selected by no policy of a
// direction is open in that direction; otherwise a connection needs a rule that allows it, on the egress side of
// the source and the ingress side of the destination) for Beian's pods, and compares who reaches whom with the
// intended matrix: only the gateway reaches the services, insights also reaches the registry, each service
// reaches only its own database, everyone reaches DNS.
import { selectorMatches } from "./policy.mjs";

function peerMatches(peer, policyNs, pod) {
  if (peer.ipBlock) return false; // no pod of ours is addressed by IP range
  if (peer.namespaceSelector) {
    if (!selectorMatches(peer.namespaceSelector, pod.nsLabels)) return false;
  } else if (pod.namespace !== policyNs) {
    return false;
  }
  return peer.podSelector ? selectorMatches(peer.podSelector, pod.labels) : true;
}

function portMatches(ports, port, protocol) {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => (p.protocol ?? "TCP") === protocol && (p.port === undefined || p.port === port || (p.endPort !== undefined && port >= p.port && port <= p.endPort)));
}

function allowed(policies, pod, direction, peer, port, protocol) {
  const type = direction === "ingress" ? "Ingress" : "Egress";
  const selecting = policies.filter((np) => (np.metadata.namespace ?? pod.namespace) === pod.namespace
    && selectorMatches(np.spec.podSelector ?? {}, pod.labels)
    && (np.spec.policyTypes ?? (direction === "ingress" ? ["Ingress"] : [])).includes(type));
  if (selecting.length === 0) return true;
  const key = direction === "ingress" ? "from" : "to";
  return selecting.some((np) => (np.spec[direction] ?? []).some((rule) => portMatches(rule.ports, port, protocol)
    && (!rule[key] || rule[key].length === 0 || rule[key].some((p) => peerMatches(p, np.metadata.namespace ?? pod.namespace, peer)))));
}

export function canConnect(policies, from, to, port, protocol = "TCP") {
  return allowed(policies, from, "egress", to, port, protocol) && allowed(policies, to, "ingress", from, port, protocol);
}

/** Pods of the render (one per Deployment and per database Cluster) plus the outsiders the policies name. */
export function podsOf(objs) {
  const ns = objs.find((o) => o.kind === "Namespace")?.metadata?.name
    ?? objs.find((o) => o.metadata?.namespace)?.metadata?.namespace ?? "default";
  const nsLabels = (name) => ({ "kubernetes.io/metadata.name": name });
  const pods = {};
  for (const d of objs.filter((o) => o.kind === "Deployment")) {
    pods[d.metadata.name] = {
      namespace: ns, nsLabels: nsLabels(ns), labels: d.spec.template.metadata?.labels ?? {},
      ports: d.spec.template.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.containerPort)),
    };
  }
  for (const c of objs.filter((o) => o.kind === "Cluster")) {
    pods[c.metadata.name] = { namespace: ns, nsLabels: nsLabels(ns), labels: { "cnpg.io/cluster": c.metadata.name, "cnpg.io/podRole": "instance" }, ports: [5432] };
  }
  pods["some pod elsewhere"] = { namespace: "elsewhere", nsLabels: nsLabels("elsewhere"), labels: { app: "other" }, ports: [] };
  pods["kube-dns"] = { namespace: "kube-system", nsLabels: nsLabels("kube-system"), labels: { "k8s-app": "kube-dns" }, ports: [] };
  return pods;
}

// Who may open a connection to whom (destination port), everything else must be refused. "*": the destination
// admits any pod, in any namespace (the gateway is the front door, and the ingress controller's namespace
// varies by cluster); whether a source may go there is then up to the source's own egress policy.
export const INTENDED = [
  ["*", "beian-gateway", 8080],
  ["beian-gateway", "beian-registry", 8081],
  ["beian-gateway", "beian-insights", 8082],
  ["beian-insights", "beian-registry", 8081],
  ["beian-registry", "registry-db", 5432],
  ["beian-insights", "insights-db", 5432],
  ["registry-db", "registry-db", 5432],
  ["insights-db", "insights-db", 5432],
];

export function networkProblems(objs) {
  const policies = objs.filter((o) => o.kind === "NetworkPolicy");
  const pods = podsOf(objs);
  const p = [];
  const names = Object.keys(pods).filter((n) => n !== "kube-dns");
  for (const from of names) {
    for (const to of names) {
      for (const port of pods[to].ports) {
        const open = INTENDED.some(([f, t, pt]) => f === "*" && t === to && pt === port);
        const want = open ? from === "some pod elsewhere" || null : INTENDED.some(([f, t, pt]) => f === from && t === to && pt === port);
        if (want === null) continue;
        const got = canConnect(policies, pods[from], pods[to], port);
        if (want && !got) p.push(`${from} cannot reach ${to}:${port}, and must`);
        if (!want && got) p.push(`${from} reaches ${to}:${port}, and must not`);
      }
    }
  }
  for (const name of Object.keys(pods).filter((n) => n.startsWith("beian-"))) {
    if (!canConnect(policies, pods[name], pods["kube-dns"], 53, "UDP")) p.push(`${name} cannot reach DNS (kube-dns:53/UDP)`);
  }
  for (const d of objs.filter((o) => o.kind === "Deployment")) {
    const pod = pods[d.metadata.name];
    for (const type of ["Ingress", "Egress"]) {
      if (!policies.some((np) => selectorMatches(np.spec.podSelector ?? {}, pod.labels) && (np.spec.policyTypes ?? []).includes(type) && Object.keys(np.spec.podSelector ?? {}).length > 0)) {
        p.push(`${d.metadata.name}: no NetworkPolicy of its own limits its ${type.toLowerCase()}`);
      }
    }
  }
  return p;
}
