// Checks each object against the Kubernetes API schema with the kubernetes-models classes (types, required
// fields, enums, formats), and then for fields the API does not know. The OpenAPI schema allows unknown
// fields, so the models' validate() accepts a misspelt optional field such as "readinesProbe"; the API server
// rejects it only under strict field validation, and otherwise drops it silently. The field names come from
// the models' own type declarations (.d.ts), which list every field of every type.
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { idOf } from "./docs.mjs";

const require = createRequire(import.meta.url);
const modelsRoot = path.dirname(require.resolve("kubernetes-models/package.json"));
const nodeModules = path.dirname(modelsRoot);

// apiVersion -> [package, module path inside it]; CRDs without a models package are checked in cnpg.mjs.
function modulePathFor(apiVersion) {
  if (apiVersion === "monitoring.coreos.com/v1") {
    return "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";
  }
  if (!apiVersion || apiVersion.includes(".cnpg.io/")) return null;
  return `kubernetes-models/${apiVersion}`;
}

const moduleCache = new Map();
async function modelClass(apiVersion, kind) {
  const spec = modulePathFor(apiVersion);
  if (spec === null) return null;
  if (!moduleCache.has(spec)) {
    let mod = null;
    try {
      mod = await import(spec);
    } catch {
      mod = null;
    }
    moduleCache.set(spec, mod);
  }
  const mod = moduleCache.get(spec);
  return mod && typeof mod[kind] === "function" ? { cls: mod[kind], spec } : undefined;
}

export function hasSchema(obj) {
  return modulePathFor(obj?.apiVersion) !== null;
}

/** Problems of one object against the API schema: [] when it is valid. */
export async function schemaProblems(obj) {
  const found = await modelClass(obj.apiVersion, obj.kind);
  if (found === null) return [];
  if (found === undefined) return [`${idOf(obj)}: no schema for ${obj.apiVersion} ${obj.kind}`];
  const problems = [];
  try {
    new found.cls(obj).validate();
  } catch (e) {
    problems.push(`${idOf(obj)}: ${e.message}`);
  }
  const declFile = path.join(nodeModules, found.spec, `${obj.kind}.d.ts`);
  for (const p of unknownFields(obj, declFile, "")) problems.push(`${idOf(obj)}: unknown field ${p}`);
  return problems;
}

// --- the type declarations, read as far as needed: each interface's fields and what type each one has.
// A field's type is another interface (imported), an array of one, a map ({ [key: string]: ... }, any key), an
// inline object type (CRD models declare whole specs inline), or a leaf (string, number, union of literals).
const declCache = new Map();
function readDecl(file) {
  if (declCache.has(file)) return declCache.get(file);
  let result = null;
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8");
    const imports = new Map();
    for (const m of text.matchAll(/import \{ ([^}]+) \} from "([^"]+)";/g)) {
      for (const name of m[1].split(",").map((s) => s.trim())) imports.set(name, resolveImport(file, m[2]));
    }
    const start = text.search(/^export interface \w+(?: extends [^{]+)? \{$/m);
    if (start >= 0) {
      const body = text.slice(text.indexOf("\n", start) + 1, text.indexOf("\n}", start));
      result = { type: { object: parseFields(body.split("\n"), 4) }, imports };
    }
  }
  declCache.set(file, result);
  return result;
}

// Fields declared at exactly `indent` spaces; a type may continue over the lines indented deeper.
function parseFields(lines, indent) {
  const pad = " ".repeat(indent);
  const fields = new Map();
  let name = null;
  let typeLines = [];
  const finish = () => {
    if (name !== null) fields.set(name, parseType(typeLines.join("\n").trim().replace(/;$/, ""), indent));
  };
  for (const line of lines) {
    const m = line.startsWith(pad) && !line.startsWith(pad + " ") ? /^\s*"([^"]+)"\??: (.*)$/.exec(line) : null;
    if (m) {
      finish();
      name = m[1];
      typeLines = [m[2]];
    } else if (name !== null && line.startsWith(pad + "}")) {
      typeLines.push(line.slice(indent)); // the closing brace of an inline type
    } else if (line.startsWith(pad) && !line.startsWith(pad + " ")) {
      finish(); // a comment at this level ends the field before it
      name = null;
      typeLines = [];
    } else if (name !== null) {
      typeLines.push(line);
    }
  }
  finish();
  return fields;
}

function parseType(text, indent) {
  const t = text.trim();
  if (/^\{\s*\[key: string\]/.test(t)) return { leaf: true };
  let m = /^Array<(\w+)>$/.exec(t);
  if (m) return { arrayOf: { ref: m[1] } };
  m = /^(\w+)$/.exec(t);
  if (m) return { ref: m[1] };
  if (t.startsWith("Array<{") && t.endsWith("}>")) {
    return { arrayOf: { object: parseFields(t.slice(t.indexOf("\n") + 1).split("\n").slice(0, -1), indent + 4) } };
  }
  if (t.startsWith("{") && t.endsWith("}")) {
    return { object: parseFields(t.slice(t.indexOf("\n") + 1).split("\n").slice(0, -1), indent + 4) };
  }
  return { leaf: true };
}

function resolveImport(fromFile, spec) {
  const base = spec.startsWith(".") ? path.resolve(path.dirname(fromFile), spec) : path.join(nodeModules, spec);
  return `${base}.d.ts`;
}

function unknownFields(value, declFile, where) {
  const decl = readDecl(declFile);
  return decl ? walk(value, decl.type, decl.imports, where) : [];
}

function walk(value, type, imports, where) {
  if (value === null || typeof value !== "object") return [];
  if (type.ref) return imports.has(type.ref) ? unknownFields(value, imports.get(type.ref), where) : [];
  if (type.arrayOf) {
    return Array.isArray(value) ? value.flatMap((item, i) => walk(item, type.arrayOf, imports, `${where}[${i}]`)) : [];
  }
  if (!type.object || Array.isArray(value) || type.object.size === 0) return [];
  const problems = [];
  for (const [key, child] of Object.entries(value)) {
    const at = where ? `${where}.${key}` : key;
    const childType = type.object.get(key);
    if (childType === undefined) problems.push(at);
    else problems.push(...walk(child, childType, imports, at));
  }
  return problems;
}
