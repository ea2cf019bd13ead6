#!/usr/bin/env node
// Validates rendered overlays (kubectl kustomize output):
//   node validate.mjs --secrets secrets.yaml dev=dev.yaml production=production.yaml
// Each check of each overlay is one result line, "ok" or "FAIL" with its problems; the last line counts them
// ("N passed, N failed") and the exit status is 1 when any failed.
import { readFileSync } from "node:fs";
import { loadDocs, idOf } from "./lib/docs.mjs";
import { schemaProblems } from "./lib/schema.mjs";
import { databaseProblems } from "./lib/cnpg.mjs";
import { deploymentProblems, secretProblems, referenceProblems } from "./lib/policy.mjs";
import { networkProblems } from "./lib/network.mjs";
import { shapeProblems } from "./lib/shape.mjs";

/** The checks of one render: [name, problems]. */
export async function checkRender(objs, profile, secretTemplates) {
  const results = [];
  const schema = [];
  for (const o of objs) schema.push(...(await schemaProblems(o)));
  results.push([`API schema and known fields (${objs.length} objects)`, schema]);
  results.push(["CloudNativePG and Barman Cloud resources", databaseProblems(objs)]);
  const deployments = objs.filter((o) => o.kind === "Deployment");
  results.push([`Deployments: probes, limits, non-root security context (${deployments.length})`,
    deployments.length === 0 ? ["no Deployment rendered"] : deployments.flatMap(deploymentProblems)]);
  const secrets = objs.filter((o) => o.kind === "Secret");
  results.push([`Secrets hold placeholders only (${secrets.length})`, secrets.flatMap(secretProblems)]);
  results.push(["references between objects resolve", referenceProblems(objs, secretTemplates)]);
  results.push(["network policies: who reaches whom", networkProblems(objs)]);
  results.push([`${profile} overlay shape`, shapeProblems(objs, profile)]);
  return results;
}

export async function checkSecretTemplates(templates) {
  const results = [];
  const schema = [];
  for (const o of templates) schema.push(...(await schemaProblems(o)));
  results.push([`API schema and known fields (${templates.length} objects)`, schema]);
  const notSecrets = templates.filter((o) => o.kind !== "Secret").map((o) => `${idOf(o)}: only Secrets belong here`);
  results.push([`Secrets hold placeholders only (${templates.length})`, [...notSecrets, ...templates.flatMap(secretProblems)]]);
  return results;
}

async function main(argv) {
  let secretsFile = null;
  const renders = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--secrets") secretsFile = argv[++i];
    else {
      const [profile, file] = argv[i].split("=");
      renders.push({ profile, file });
    }
  }
  if (!secretsFile || renders.length === 0) {
    console.error("usage: validate.mjs --secrets <secrets.yaml> <dev|production>=<render.yaml> ...");
    return 2;
  }
  const templates = loadDocs(readFileSync(secretsFile, "utf8"), secretsFile);
  let passed = 0;
  let failed = 0;
  const report = (label, results) => {
    for (const [name, problems] of results) {
      if (problems.length === 0) {
        passed++;
        console.log(`ok   ${label}: ${name}`);
      } else {
        failed++;
        console.log(`FAIL ${label}: ${name}`);
        for (const problem of problems) console.log(`       ${problem}`);
      }
    }
  };
  report("secrets", await checkSecretTemplates(templates));
  for (const { profile, file } of renders) {
    report(profile, await checkRender(loadDocs(readFileSync(file, "utf8"), file), profile, templates));
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
