#!/usr/bin/env node
// Lists what scripts/k8s-run-rendered.sh asks of the running services, from the render and the README:
//   node probes.mjs probes <render.yaml>     "<deployment> <probe> <containerPort> <path>" per probe
//   node probes.mjs metrics <README.md>      each metric name in the README's metrics table
import { readFileSync } from "node:fs";
import { loadDocs } from "./lib/docs.mjs";

export function probes(objs) {
  const out = [];
  for (const d of objs.filter((o) => o.kind === "Deployment")) {
    const c = d.spec.template.spec.containers[0];
    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      const get = c[probe]?.httpGet;
      if (!get) continue;
      const port = (c.ports ?? []).find((p) => p.name === get.port || p.containerPort === get.port)?.containerPort ?? get.port;
      out.push([d.metadata.name, probe, port, get.path]);
    }
  }
  return out;
}

// First cells of the table under "## 12. Metrics": `a`, `b` lists names; `_max` after `x_sum` means `x_max`.
export function metricNames(readme) {
  const section = readme.split(/^## /m).find((s) => s.startsWith("12. Metrics")) ?? "";
  const names = [];
  for (const row of section.split("\n").filter((l) => l.startsWith("| `"))) {
    let previous = null;
    for (const m of row.split("|")[1].matchAll(/`([a-z_]+)[^`]*`/g)) {
      const name = m[1].startsWith("_") && previous ? previous.replace(/_[a-z]+$/, m[1]) : m[1];
      names.push(name);
      previous = name;
    }
  }
  return [...new Set(names)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [what, file] = process.argv.slice(2);
  const text = readFileSync(file, "utf8");
  if (what === "probes") for (const p of probes(loadDocs(text, file))) console.log(p.join(" "));
  else if (what === "metrics") for (const n of metricNames(text)) console.log(n);
  else process.exitCode = 2;
}
