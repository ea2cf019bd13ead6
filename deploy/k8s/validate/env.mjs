#!/usr/bin/env node
// Prints the environment a rendered Deployment's container gets, one NAME=value a line: its ConfigMaps
// (envFrom), literal env, and Secret values given on the command line (as a cluster would inject them), with
// cluster addresses mapped to local ones, so that the packaged service can be started outside a cluster with
// exactly the overlay's configuration.
//   node env.mjs <render.yaml> <deployment> [--secret <secret>.<key>=<value>]... [--map <host:port>=<host:port>]...
// A Secret key the Deployment reads but the command line does not give is an error.
import { readFileSync } from "node:fs";
import { loadDocs } from "./lib/docs.mjs";

export function containerEnv(objs, deployment, secrets, maps) {
  const d = objs.find((o) => o.kind === "Deployment" && o.metadata.name === deployment);
  if (!d) throw new Error(`no Deployment ${deployment} in the render`);
  const c = d.spec.template.spec.containers[0];
  const env = {};
  const secretValue = (name, key) => {
    const v = secrets[`${name}.${key}`];
    if (v === undefined) throw new Error(`${deployment} reads Secret ${name} key ${key}: give --secret ${name}.${key}=...`);
    return v;
  };
  for (const f of c.envFrom ?? []) {
    if (f.configMapRef) {
      const cm = objs.find((o) => o.kind === "ConfigMap" && o.metadata.name === f.configMapRef.name);
      if (!cm) throw new Error(`no ConfigMap ${f.configMapRef.name}`);
      Object.assign(env, cm.data ?? {});
    }
    if (f.secretRef) {
      const prefix = `${f.secretRef.name}.`;
      const keys = Object.keys(secrets).filter((k) => k.startsWith(prefix));
      if (keys.length === 0) throw new Error(`${deployment} reads all of Secret ${f.secretRef.name}: give its keys`);
      for (const k of keys) env[k.slice(prefix.length)] = secrets[k];
    }
  }
  for (const e of c.env ?? []) {
    if (e.value !== undefined) env[e.name] = e.value;
    else if (e.valueFrom?.secretKeyRef) env[e.name] = secretValue(e.valueFrom.secretKeyRef.name, e.valueFrom.secretKeyRef.key);
    else if (e.valueFrom?.configMapKeyRef) {
      const cm = objs.find((o) => o.kind === "ConfigMap" && o.metadata.name === e.valueFrom.configMapKeyRef.name);
      env[e.name] = cm?.data?.[e.valueFrom.configMapKeyRef.key];
    }
  }
  for (const [name, value] of Object.entries(env)) {
    let v = String(value);
    for (const [from, to] of Object.entries(maps)) {
      v = v.split(`//${from}`).join(`//${to}`); // URLs
      const [, fromPort] = from.split(":");
      const [, toPort] = to.split(":");
      if (/_PORT$/.test(name) && v === fromPort && c.ports.some((p) => String(p.containerPort) === fromPort)) v = toPort;
    }
    env[name] = v;
  }
  return env;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, deployment, ...rest] = process.argv.slice(2);
  const secrets = {};
  const maps = {};
  for (let i = 0; i < rest.length; i += 2) {
    const [k, ...v] = rest[i + 1].split("=");
    if (rest[i] === "--secret") secrets[k] = v.join("=");
    else if (rest[i] === "--map") maps[k] = v.join("=");
    else throw new Error(`unknown option ${rest[i]}`);
  }
  const env = containerEnv(loadDocs(readFileSync(file, "utf8"), file), deployment, secrets, maps);
  for (const [k, v] of Object.entries(env)) {
    if (v.includes("\n")) throw new Error(`${k} holds a line break`);
    console.log(`${k}=${v}`);
  }
}
