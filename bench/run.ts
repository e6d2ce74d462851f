/**
 * `npm run bench`: measures the front end (decode, lex, parse) on a
 * generated corpus and prints lines/s, MB/s and peak RSS. The corpus is
 * generated and encoded before timing starts, standing in for files on
 * disk, so the garbage of generating it is not collected while parsing.
 * Files are parsed one at a time and their trees dropped, as the
 * assessment pipeline does, so the parser's memory follows the largest
 * file. The encoded corpus (about 33 bytes a line) is part of the RSS.
 *
 * A first pass over `--warmup` lines is reported on its own: it runs while
 * V8 still compiles the parser's functions, as the first files of an
 * assessment do. The main pass then measures the steady state.
 *
 * Then it runs the end-to-end benchmark of `infio assess` (bench/assess.ts)
 * in a child process, so that the peak RSS it prints is that of the
 * assessment alone.
 *
 * Usage: node dist/bench/run.js [--lines N] [--warmup N]
 *   [--assess-lines N] [--jobs N] [--formats LIST] [--no-assess]
 */

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import { decode } from "../src/tsql/decode/decode.js";
import { parse } from "../src/tsql/parse.js";
import { countLines, generateCorpus } from "./corpus.js";

interface Totals {
  files: number;
  bytes: number;
  lines: number;
  statements: number;
  errorDiagnostics: number;
  batches: number;
  batchesWithErrors: number;
  seconds: number;
  cpuMicroseconds: number;
}

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at < 0) {
    return fallback;
  }
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`invalid ${name} ${process.argv[at + 1]}; pass a positive number`);
  }
  return value;
}

interface EncodedFile {
  readonly name: string;
  readonly encoded: Buffer;
}

function encodeCorpus(totalLines: number): EncodedFile[] {
  const files: EncodedFile[] = [];
  for (const generated of generateCorpus(totalLines)) {
    files.push({ name: generated.name, encoded: Buffer.from(generated.text, "utf8") });
  }
  return files;
}

/** Decodes and parses each file, timing only the front end. */
function measure(files: readonly EncodedFile[]): Totals {
  const totals: Totals = {
    files: 0,
    bytes: 0,
    lines: 0,
    statements: 0,
    errorDiagnostics: 0,
    batches: 0,
    batchesWithErrors: 0,
    seconds: 0,
    cpuMicroseconds: 0,
  };

  for (const { name, encoded } of files) {
    const started = process.hrtime.bigint();
    const cpuStarted = process.cpuUsage();
    totals.files++;
    totals.bytes += encoded.length;
    const { text } = decode(encoded, { file: name });
    totals.lines += countLines(text);
    const result = parse(text, { file: name });
    totals.batches += result.batches.length;
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    totals.errorDiagnostics += errors.length;
    const errorStarts = errors.map((d) => d.start);
    for (const b of result.batches) {
      totals.statements += b.statements.length;
      if (errorStarts.some((s) => s >= b.start && s <= b.end)) {
        totals.batchesWithErrors++;
      }
    }
    totals.seconds += Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuStarted);
    totals.cpuMicroseconds += cpu.user + cpu.system;
  }
  return totals;
}

function frontEnd(totalLines: number, warmupLines: number): void {
  const warmup = measure(encodeCorpus(warmupLines));
  const totals = measure(encodeCorpus(totalLines));
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const cpuSeconds = totals.cpuMicroseconds / 1e6;

  console.log("front end: decode + lex + batches + parse, one core");
  console.log(`  warm-up lines    ${warmup.lines}`);
  console.log(`  warm-up lines/s  ${Math.round(warmup.lines / warmup.seconds)}`);
  console.log(`  files            ${totals.files}`);
  console.log(`  lines            ${totals.lines}`);
  console.log(`  MB               ${(totals.bytes / 1e6).toFixed(1)}`);
  console.log(`  batches          ${totals.batches} (${totals.batchesWithErrors} with errors)`);
  console.log(`  statements       ${totals.statements}`);
  console.log(`  error diagnostics ${totals.errorDiagnostics + warmup.errorDiagnostics}`);
  console.log(`  seconds          ${totals.seconds.toFixed(2)}`);
  console.log(`  lines/s          ${Math.round(totals.lines / totals.seconds)}`);
  console.log(`  MB/s             ${(totals.bytes / 1e6 / totals.seconds).toFixed(1)}`);
  // CPU time includes the garbage collector's and compiler's helper
  // threads, so it can exceed wall time. Run node with --single-threaded
  // to keep all work on one core.
  console.log(`  CPU seconds      ${cpuSeconds.toFixed(2)}`);
  console.log(`  lines/CPU-s      ${Math.round(totals.lines / cpuSeconds)}`);
  console.log(`  peak RSS MB      ${rssMb.toFixed(0)}`);
}

/** Runs bench/assess.ts in a child process with the options meant for it. */
function assess(): void {
  const forwarded: string[] = [];
  const pass = (from: string, to: string): void => {
    const at = process.argv.indexOf(from);
    if (at >= 0 && process.argv[at + 1] !== undefined) {
      forwarded.push(to, process.argv[at + 1]!);
    }
  };
  pass("--assess-lines", "--lines");
  pass("--jobs", "--jobs");
  pass("--formats", "--formats");

  const script = fileURLToPath(new URL("./assess.js", import.meta.url));
  console.log("");
  const child = spawnSync(process.execPath, [script, ...forwarded], {
    stdio: "inherit",
  });
  if (child.status !== 0) {
    process.exitCode = 1;
  }
}

frontEnd(argument("--lines", 200_000), argument("--warmup", 50_000));
if (!process.argv.includes("--no-assess")) {
  assess();
}
