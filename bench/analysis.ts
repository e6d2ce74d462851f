/**
 * The CPU cost of a worker's per-file work, phase
 * by phase, in one thread: decode, parse, analyse, classify and encode the
 * findings for the store, on the generated corpus. Prints CPU milliseconds
 * per million lines for each phase, best and median over `--runs` passes.
 *
 * Run it as `node --single-threaded dist/bench/analysis.js` so that garbage
 * collection and compilation run on the measured thread too. Without that
 * flag V8's helper threads do part of the work and the process's CPU time,
 * which is what `process.cpuUsage()` returns, is counted against whichever
 * phase was running. CPU time, unlike wall time, does not count the time
 * the thread waited for a core, so the figures hold up better than wall
 * time on a loaded machine. Collection of one phase's garbage can still
 * fall into the next phase, so the time spent collecting garbage, which is
 * part of the phases' figures, is also printed on its own line.
 *
 * Usage: node --single-threaded dist/bench/analysis.js [--lines N]
 *   [--warmup N] [--runs N]
 */

import { PerformanceObserver } from "node:perf_hooks";

import { analyzeBatches } from "../src/analysis/analyze.js";
import { classifyOccurrences } from "../src/assessment/classify.js";
import { defaultCatalog } from "../src/catalog/catalog.js";
import { parseTarget } from "../src/catalog/targets.js";
import { encodeFindings } from "../src/store/finding-chunks.js";
import { decode } from "../src/tsql/decode/decode.js";
import { parse } from "../src/tsql/parse.js";
import { countLines, generateCorpus } from "./corpus.js";

const PHASES = ["decode", "parse", "analyse", "classify", "encode"] as const;
type Phase = (typeof PHASES)[number];

interface EncodedFile {
  readonly name: string;
  readonly encoded: Buffer;
}

interface Pass {
  lines: number;
  findings: number;
  /** CPU microseconds by phase. */
  cpu: Record<Phase, number>;
  /** Milliseconds of garbage collection pauses, within the phases. */
  gcMilliseconds: number;
  wallSeconds: number;
}

/** Milliseconds of garbage collection pauses since the process started. */
let gcMilliseconds = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMilliseconds += entry.duration;
  }
}).observe({ entryTypes: ["gc"] });

/**
 * Lets the observer's callback run, so the pauses of a pass are counted.
 * Node 20 delivers the entries after the next turns of the event loop,
 * not at the next setImmediate.
 */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at < 0) {
    return fallback;
  }
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`invalid ${name} '${process.argv[at + 1]}'; pass a positive whole number`);
  }
  return value;
}

function encodeCorpus(totalLines: number): EncodedFile[] {
  const files: EncodedFile[] = [];
  for (const generated of generateCorpus(totalLines)) {
    files.push({ name: generated.name, encoded: Buffer.from(generated.text, "utf8") });
  }
  return files;
}

const parsedTarget = parseTarget("babelfish@5.5");
if (!parsedTarget.ok) {
  throw new Error("cannot parse the target babelfish@5.5");
}
const target = parsedTarget.target;
const catalog = defaultCatalog();

function cpuSince(started: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(started);
  return used.user + used.system;
}

/** Runs every phase on every file and adds up the CPU time of each. */
function measure(files: readonly EncodedFile[]): Pass {
  const pass: Pass = {
    lines: 0,
    findings: 0,
    cpu: { decode: 0, parse: 0, analyse: 0, classify: 0, encode: 0 },
    gcMilliseconds: 0,
    wallSeconds: 0,
  };
  const wallStarted = process.hrtime.bigint();

  for (const { name, encoded } of files) {
    let started = process.cpuUsage();
    const { text } = decode(encoded, { file: name });
    pass.cpu.decode += cpuSince(started);

    started = process.cpuUsage();
    const parsed = parse(text, { file: name });
    pass.cpu.parse += cpuSince(started);

    started = process.cpuUsage();
    const analysis = analyzeBatches(parsed.batches, text, { file: name });
    pass.cpu.analyse += cpuSince(started);

    started = process.cpuUsage();
    const findings = classifyOccurrences(analysis.occurrences, name, target, catalog);
    pass.cpu.classify += cpuSince(started);

    started = process.cpuUsage();
    findings.sort((a, b) => a.line - b.line || a.column - b.column);
    encodeFindings(findings);
    pass.cpu.encode += cpuSince(started);

    pass.lines += countLines(text);
    pass.findings += findings.length;
  }

  pass.wallSeconds = Number(process.hrtime.bigint() - wallStarted) / 1e9;
  return pass;
}

/** CPU milliseconds per million lines. */
function perMillion(microseconds: number, lines: number): number {
  return microseconds / 1000 / (lines / 1e6);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function total(pass: Pass): number {
  return PHASES.reduce((sum, phase) => sum + pass.cpu[phase], 0);
}

function row(label: string, values: readonly number[]): string {
  const best = Math.round(Math.min(...values));
  const middle = Math.round(median(values));
  return `  ${label.padEnd(10)} ${String(best).padStart(8)} ${String(middle).padStart(8)}`;
}

async function main(): Promise<void> {
  const lines = argument("--lines", 300_000);
  const runs = argument("--runs", 3);
  measure(encodeCorpus(argument("--warmup", 50_000)));

  const files = encodeCorpus(lines);
  const passes: Pass[] = [];
  for (let i = 0; i < runs; i++) {
    await settle();
    const gcBefore = gcMilliseconds;
    const pass = measure(files);
    await settle();
    pass.gcMilliseconds = gcMilliseconds - gcBefore;
    passes.push(pass);
  }

  const first = passes[0]!;
  console.log("worker phases, one thread: CPU ms per million lines");
  console.log(`  files ${files.length}, lines ${first.lines}, findings ${first.findings}, runs ${runs}`);
  console.log(`  ${"phase".padEnd(10)} ${"best".padStart(8)} ${"median".padStart(8)}`);
  for (const phase of PHASES) {
    console.log(row(phase, passes.map((p) => perMillion(p.cpu[phase], p.lines))));
  }
  console.log(row("total", passes.map((p) => perMillion(total(p), p.lines))));
  console.log(row("of it GC", passes.map((p) => perMillion(p.gcMilliseconds * 1000, p.lines))));
  console.log(row("wall", passes.map((p) => (p.wallSeconds * 1e9) / p.lines)));
  console.log(`  peak RSS MB ${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`);
}

await main();
