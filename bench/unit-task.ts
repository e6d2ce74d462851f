/**
 * The CPU cost of a worker's work per file as the pipeline runs it.
 * `runUnitTask` reads a file of the generated corpus from disk, decodes,
 * parses and analyses it batch by batch, classifies the findings and
 * encodes them for the store. bench/analysis.ts times each phase on its
 * own and so keeps every syntax tree until the analysis. This benchmark
 * runs the phases as a worker does, so the garbage collector has the same
 * work as in a worker.
 *
 * It prints, per pass of `--lines` lines (default 300,000), the CPU time
 * of the process (all threads, V8's helper threads included), the wall
 * time and the garbage collection pauses, each per million lines. The
 * first pass follows a warm-up of `--warmup` lines (default 50,000) and
 * still contains much of V8's compilation; later passes show the steady
 * state. `node --single-threaded dist/bench/unit-task.js` keeps garbage
 * collection and compilation on the measured thread.
 *
 * Usage: node dist/bench/unit-task.js [--lines N] [--warmup N] [--runs N]
 */

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PerformanceObserver } from "node:perf_hooks";

import { runUnitTask, type UnitTaskOptions } from "../src/assessment/unit-task.js";
import { defaultCatalog } from "../src/catalog/catalog.js";
import { parseTarget } from "../src/catalog/targets.js";
import { DEFAULT_MAX_FILE_SIZE } from "../src/sources/scripts/read.js";
import { generateCorpus } from "./corpus.js";

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

/** Milliseconds of garbage collection pauses since the process started. */
let gcMilliseconds = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMilliseconds += entry.duration;
  }
}).observe({ entryTypes: ["gc"] });

/** Lets the observer's callback run, so the pauses of a pass are counted. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}

/** Writes about `lines` lines of generated corpus into `folder`; returns the paths. */
function writeCorpus(folder: string, prefix: string, lines: number): string[] {
  const paths: string[] = [];
  for (const file of generateCorpus(lines)) {
    const path = join(folder, prefix + file.name);
    writeFileSync(path, file.text);
    paths.push(path);
  }
  return paths;
}

/** Runs every file through runUnitTask; returns the lines assessed. */
function assessAll(paths: readonly string[], options: UnitTaskOptions): number {
  let lines = 0;
  for (let seq = 0; seq < paths.length; seq++) {
    const path = paths[seq]!;
    const outcome = runUnitTask({ seq, name: path, path }, options);
    if (outcome.kind !== "unit") {
      throw new Error(`'${path}' was skipped: ${outcome.skipped.message}`);
    }
    lines += outcome.unit.lines;
  }
  return lines;
}

async function main(): Promise<void> {
  const lines = argument("--lines", 300_000);
  const runs = argument("--runs", 3);
  const target = parseTarget("babelfish");
  if (!target.ok) {
    throw new Error(target.error);
  }
  const options: UnitTaskOptions = {
    target: target.target,
    catalog: defaultCatalog(),
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
  };

  const folder = mkdtempSync(join(tmpdir(), "infio-bench-unit-"));
  try {
    const warmup = writeCorpus(folder, "warmup-", argument("--warmup", 50_000));
    const measured = writeCorpus(folder, "", lines);
    assessAll(warmup, options);

    console.log(`worker's work per file (runUnitTask), ms per million lines (Node ${process.version})`);
    for (let run = 0; run < runs; run++) {
      await settle();
      const gcBefore = gcMilliseconds;
      const cpuStarted = process.cpuUsage();
      const started = performance.now();
      const assessed = assessAll(measured, options);
      const wall = performance.now() - started;
      const cpu = process.cpuUsage(cpuStarted);
      await settle();

      const perMillion = (ms: number) => Math.round(ms / (assessed / 1e6));
      console.log(
        `  pass ${run + 1}: ${assessed} lines, CPU ${perMillion((cpu.user + cpu.system) / 1000)}, ` +
          `wall ${perMillion(wall)}, GC pauses ${perMillion(gcMilliseconds - gcBefore)}`,
      );
    }
    console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
