/**
 * Prints a SHA-256 of every finding (feature id, detail, line, column,
 * object and message) and every object that the analysis gives for three
 * inputs: the files of `examples/`, the parser's fixtures
 * (`test/fixtures/parser/`) and the generated benchmark corpus. It also
 * prints one of their syntax trees and one of the findings' statuses.
 * Changes that should only make the parser or the analysis faster must
 * leave the findings and tree hashes as they were. The hashes cover the
 * order in which findings are reported, because the pipeline keeps it for
 * findings at the same position. They also cover the order of each node's
 * keys, which sets the order of the walk, and keys whose value is
 * undefined.
 *
 * Usage: node dist/bench/findings-hash.js [--lines N]
 *   --lines  lines of generated corpus to include (default 100,000)
 */

import { createHash, type Hash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import { assessUnit } from "../src/assessment/assess-unit.js";
import { decode } from "../src/tsql/decode/decode.js";
import { parse } from "../src/tsql/parse.js";
import { parseTarget } from "../src/catalog/targets.js";
import { generateCorpus } from "./corpus.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

const parsedTarget = parseTarget("babelfish@5.5");
if (!parsedTarget.ok) {
  throw new Error("cannot parse the target babelfish@5.5");
}
const target = parsedTarget.target;

interface Totals {
  files: number;
  findings: number;
  objects: number;
}

/** Files under `folder` ending in `.sql`, in a stable order. */
function sqlFiles(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      found.push(...sqlFiles(path));
    } else if (name.toLowerCase().endsWith(".sql")) {
      found.push(path);
    }
  }
  return found;
}

/** Hash of the syntax trees, fed alongside the findings' hash. */
const treeHash = createHash("sha256");

/**
 * Hash of the findings' statuses for babelfish@5.5, apart from the rest,
 * because a change to the catalog changes statuses without touching the
 * analysis.
 */
const statusHash = createHash("sha256");

function keepUndefined(_key: string, value: unknown): unknown {
  return value === undefined ? "(undefined)" : value;
}

function addUnit(hash: Hash, totals: Totals, file: string, bytes: Uint8Array): void {
  const { text } = decode(bytes, { file });
  treeHash.update(JSON.stringify(parse(text, { file }).batches, keepUndefined));

  const result = assessUnit({ file, bytes }, { target });
  totals.files++;
  hash.update(`file ${file}\n`);
  for (const f of result.findings) {
    totals.findings++;
    const row = [f.featureId, f.detail ?? "", f.line, f.column, f.object, f.message];
    hash.update(JSON.stringify(row));
    hash.update("\n");
    statusHash.update(`${f.status}\n`);
  }
  for (const o of result.objects) {
    totals.objects++;
    hash.update(JSON.stringify([o.name, o.type, o.line, o.lines]));
    hash.update("\n");
  }
}

function hashFiles(paths: readonly string[]): string {
  const hash = createHash("sha256");
  const totals: Totals = { files: 0, findings: 0, objects: 0 };
  for (const path of paths) {
    addUnit(hash, totals, relative(root, path), readFileSync(path));
  }
  return summary(hash, totals);
}

function hashCorpus(lines: number): string {
  const hash = createHash("sha256");
  const totals: Totals = { files: 0, findings: 0, objects: 0 };
  for (const file of generateCorpus(lines)) {
    addUnit(hash, totals, file.name, Buffer.from(file.text, "utf8"));
  }
  return summary(hash, totals);
}

function summary(hash: Hash, totals: Totals): string {
  const digest = hash.digest("hex").slice(0, 16);
  return `${digest}  ${totals.files} files, ${totals.findings} findings, ${totals.objects} objects`;
}

function linesOption(): number {
  const at = process.argv.indexOf("--lines");
  const value = at < 0 ? 100_000 : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`invalid --lines '${process.argv[at + 1]}'; pass a positive whole number`);
  }
  return value;
}

console.log(`examples  ${hashFiles(sqlFiles(join(root, "examples")))}`);
console.log(`fixtures  ${hashFiles(sqlFiles(join(root, "test/fixtures/parser")))}`);
console.log(`corpus    ${hashCorpus(linesOption())}`);
console.log(`trees     ${treeHash.digest("hex").slice(0, 16)}`);
console.log(`statuses  ${statusHash.digest("hex").slice(0, 16)}`);
