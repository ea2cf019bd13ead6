// deploy/k8s/create-secrets.sh against a stand-in kubectl that keeps Secrets as files: it creates every Secret
// the overlays need, with the template's types and keys, random values, an admin key whose SHA-256 is what the
// gateway gets, and never replaces a Secret that exists.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { render, find } from "./render.mjs";

const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../create-secrets.sh");

// Enough of kubectl for the script: get/create namespace, get/create/label secret; Secrets as JSON files.
const STUB = `#!/usr/bin/env node
const fs = require("node:fs"), path = require("node:path");
const dir = process.env.STUB_DIR;
let args = process.argv.slice(2), ns = "default";
if (args[0] === "-n") { ns = args[1]; args = args.slice(2); }
const file = (kind, name) => path.join(dir, kind + "." + ns + "." + name + ".json");
const [verb, kind, name] = args;
if (verb === "get" && kind === "namespace") process.exit(fs.existsSync(path.join(dir, "ns." + name)) ? 0 : 1);
if (verb === "create" && kind === "namespace") { fs.writeFileSync(path.join(dir, "ns." + name), ""); process.exit(0); }
if (verb === "get" && kind === "secret") process.exit(fs.existsSync(file("secret", name)) ? 0 : 1);
if (verb === "label") process.exit(fs.existsSync(file("secret", name)) ? 0 : 1);
if (verb === "create" && kind === "secret" && name === "generic") {
  const secretName = args[3], data = {}; let type = "Opaque";
  if (fs.existsSync(file("secret", secretName))) { console.error("AlreadyExists"); process.exit(1); }
  for (const a of args.slice(4)) {
    if (a.startsWith("--type=")) type = a.slice(7);
    else if (a.startsWith("--from-literal=")) { const kv = a.slice(15), i = kv.indexOf("="); data[kv.slice(0, i)] = kv.slice(i + 1); }
  }
  fs.writeFileSync(file("secret", secretName), JSON.stringify({ type, data }));
  process.exit(0);
}
console.error("stub kubectl: unexpected " + process.argv.slice(2).join(" ")); process.exit(2);
`;

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), "beian-secrets-"));
  const kubectl = path.join(dir, "kubectl");
  writeFileSync(kubectl, STUB);
  chmodSync(kubectl, 0o755);
  const run = (env = {}) => spawnSync("bash", [script, "beian"], { encoding: "utf8", env: { ...process.env, KUBECTL: kubectl, STUB_DIR: dir, ...env } });
  const secret = (name) => JSON.parse(readFileSync(path.join(dir, `secret.beian.${name}.json`), "utf8"));
  return { dir, run, secret };
}

test("creates every Secret the templates describe, with their types and keys and fresh values", () => {
  const { run, secret } = setup();
  const r = run({ BACKUP_ACCESS_KEY_ID: "id", BACKUP_SECRET_ACCESS_KEY: "secret" });
  assert.equal(r.status, 0, r.stderr);
  for (const t of render("secrets")) {
    const s = secret(t.metadata.name);
    assert.equal(s.type, t.type ?? "Opaque", t.metadata.name);
    assert.deepEqual(Object.keys(s.data).sort(), Object.keys(t.stringData).sort(), t.metadata.name);
    for (const v of Object.values(s.data)) assert.doesNotMatch(v, /^</, "no placeholder reaches the cluster");
  }
  const registry = secret("registry-db-credentials").data;
  assert.equal(registry.username, find(render("overlays/production"), "Cluster", "registry-db").spec.bootstrap.initdb.owner);
  assert.match(registry.password, /^[0-9a-f]{48}$/);
  assert.notEqual(registry.password, secret("insights-db-credentials").data.password);
  const key = /admin API key .*: (\S+)$/m.exec(r.stdout)[1];
  const keys = secret("beian-gateway-api-keys").data;
  assert.equal(keys.BEIAN_GATEWAY_API_KEYS_ADMIN_SHA256, createHash("sha256").update(key).digest("hex"));
  assert.equal(keys.BEIAN_GATEWAY_API_KEYS_ADMIN_ROLE, "admin");
});

test("a second run keeps every existing Secret and prints no new key", () => {
  const { dir, run } = setup();
  assert.equal(run().status, 0);
  const before = readdirSync(dir).filter((f) => f.startsWith("secret.")).map((f) => readFileSync(path.join(dir, f), "utf8"));
  const again = run();
  assert.equal(again.status, 0, again.stderr);
  assert.doesNotMatch(again.stdout, /admin API key/);
  assert.match(again.stdout, /secret registry-db-credentials exists: kept/);
  const after = readdirSync(dir).filter((f) => f.startsWith("secret.")).map((f) => readFileSync(path.join(dir, f), "utf8"));
  assert.deepEqual(after, before);
});
