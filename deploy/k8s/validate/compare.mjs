#!/usr/bin/env node
// Compares two renders of one overlay by different kubectl (kustomize) versions: the same objects with the
// same content. Generated ConfigMap names carry a content hash whose algorithm differs between versions, and
// old versions write empty labels and annotations; both are set aside.
//   node compare.mjs a.yaml b.yaml       exit 0 when equal, 1 with the differences
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { loadDocs, idOf } from "./lib/docs.mjs";

export function normalize(objs) {
  const generated = new Map();
  for (const o of objs) {
    const m = o.kind === "ConfigMap" || o.kind === "Secret" ? /^(.*)-[a-z0-9]{10}$/.exec(o.metadata?.name ?? "") : null;
    if (m) generated.set(o.metadata.name, m[1]);
  }
  const clean = (v) => {
    if (Array.isArray(v)) return v.map(clean);
    if (v !== null && typeof v === "object") {
      const out = {};
      for (const [k, x] of Object.entries(v)) {
        if ((k === "labels" || k === "annotations") && x !== null && typeof x === "object" && Object.keys(x).length === 0) continue;
        out[k] = clean(x);
      }
      return out;
    }
    return typeof v === "string" && generated.has(v) ? generated.get(v) : v;
  };
  return new Map(objs.map((o) => [idOf(clean(o)), clean(o)]));
}

export function differences(a, b) {
  const na = normalize(a);
  const nb = normalize(b);
  const out = [];
  for (const id of new Set([...na.keys(), ...nb.keys()])) {
    if (!na.has(id)) out.push(`${id}: only in the second render`);
    else if (!nb.has(id)) out.push(`${id}: only in the first render`);
    else if (!isDeepStrictEqual(na.get(id), nb.get(id))) out.push(`${id}: differs`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [fa, fb] = process.argv.slice(2);
  const diff = differences(loadDocs(readFileSync(fa, "utf8"), fa), loadDocs(readFileSync(fb, "utf8"), fb));
  for (const d of diff) console.log(`  ${d}`);
  process.exitCode = diff.length === 0 ? 0 : 1;
}
