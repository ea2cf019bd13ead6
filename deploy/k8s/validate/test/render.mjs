// Renders an overlay with kubectl kustomize ($KUBECTL, else kubectl on PATH) for the tests, once per overlay.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { loadDocs } from "../lib/docs.mjs";

const k8sDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cache = new Map();

export function render(dir) {
  if (!cache.has(dir)) {
    const text = execFileSync(process.env.KUBECTL || "kubectl", ["kustomize", path.join(k8sDir, dir)], {
      encoding: "utf8", stdio: ["ignore", "pipe", "ignore"],
    });
    cache.set(dir, text);
  }
  return loadDocs(cache.get(dir), dir);
}

export const find = (objs, kind, name) => objs.find((o) => o.kind === kind && o.metadata?.name === name);
export const container = (objs, name) => find(objs, "Deployment", name).spec.template.spec.containers[0];
