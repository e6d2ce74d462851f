/**
 * `npm run bench:assess`: measures `infio assess` end to end on a generated
 * corpus: walking the folder, reading, decoding, parsing, analysing and
 * classifying in worker threads, and writing to the embedded store, then
 * rendering the reports. Prints lines/s, the time spent waiting for the
 * store, the CPU time of all threads against wall time, the time of each
 * report format and peak RSS. `npm run bench` runs it in a child process
 * after the front-end benchmark, so that its peak RSS is its own.
 *
 * Peak RSS is `process.resourceUsage().maxRSS` of this process. Worker
 * threads share the process, so the figure covers the main thread, every
 * worker and PGlite together; there is nothing to add up.
 *
 * The embedded store is created first in a child process (PGlite's initdb
 * peaks near 800 MiB once), so that the figure is that of a run against an
 * existing store, the usual case.
 *
 * On Linux it also prints the CPU time of the main thread, of each worker
 * thread and of the rest (thread-times.ts), and the load average, because
 * other work on the machine inflates wall times.
 *
 * `--no-keep-source` stores no source text, as `infio assess
 * --no-keep-source` does, to measure what keeping the texts costs.
 *
 * Usage: node dist/bench/assess.js [--lines N] [--jobs N] [--formats LIST] [--no-keep-source]
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";

import { newAssessmentId } from "../src/assessment/id.js";
import { runAssessment } from "../src/assessment/run.js";
import { defaultCatalog } from "../src/catalog/catalog.js";
import { parseTarget } from "../src/catalog/targets.js";
import { featureLookup } from "../src/cli/feature-lookup.js";
import { SourceTexts, originsOf } from "../src/cli/source-texts.js";
import { parseFormats } from "../src/cli/values.js";
import { writeReports } from "../src/cli/write-reports.js";
import { DEFAULT_MAX_FILE_SIZE } from "../src/sources/scripts/read.js";
import { openStore } from "../src/store/index.js";
import { generateCorpus } from "./corpus.js";
import { createStoreInChild } from "./create-store.js";
import { ThreadSampler, type ThreadTimes } from "./thread-times.js";

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : (process.argv[at + 1] ?? fallback);
}

function positive(name: string, fallback: number): number {
  const value = Number(option(name, String(fallback)));
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`invalid ${name} '${option(name, "")}'; pass a positive whole number`);
  }
  return value;
}

async function main(): Promise<void> {
  const lines = positive("--lines", 1_000_000);
  const jobs = positive("--jobs", availableParallelism());
  const formats = parseFormats(option("--formats", "json,html,csv,sarif"));
  const keepSource = !process.argv.includes("--no-keep-source");
  const target = parseTarget("babelfish");
  if (!target.ok) {
    throw new Error(target.error);
  }

  const work = mkdtempSync(join(tmpdir(), "infio-bench-"));
  const corpus = join(work, "corpus");
  const dataDir = join(work, "home");
  try {
    mkdirSync(corpus);
    let files = 0;
    for (const file of generateCorpus(lines)) {
      writeFileSync(join(corpus, file.name), file.text);
      files++;
    }
    createStoreInChild(dataDir);

    const opened = await openStore("embedded", { dataDir });
    if (!opened.ok) {
      throw new Error(opened.error.message);
    }
    const store = opened.store;
    const loadBefore = loadavg()[0]!;
    const startedAt = new Date();
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const sampler = new ThreadSampler();
    const result = await runAssessment({
      id: newAssessmentId(startedAt),
      startedAt,
      infioVersion: "bench",
      sources: [corpus],
      target: target.target,
      catalog: defaultCatalog(),
      maxFileSize: DEFAULT_MAX_FILE_SIZE,
      jobs,
      store,
      keepSource,
    });
    const assessedMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    const threads = sampler.stop();
    const loadAfter = loadavg()[0]!;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const assessRssMiB = process.resourceUsage().maxRSS / 1024;
    if (!result.ok) {
      throw new Error(result.error);
    }

    const a = result.assessment;
    // One format at a time, in the order writeReports uses, to time each.
    const reportTimes: string[] = [];
    let reportMs = 0;
    const sources = new SourceTexts(a.units, originsOf(a.sources, process.cwd()), process.cwd());
    for (const format of ["json", "csv", "sarif", "html"] as const) {
      if (!formats.includes(format)) {
        continue;
      }
      const reportStarted = performance.now();
      await writeReports(a, {
        dir: join(work, "report"),
        formats: [format],
        features: featureLookup(defaultCatalog()),
        sources,
      });
      const ms = performance.now() - reportStarted;
      reportMs += ms;
      reportTimes.push(`${format} ${(ms / 1000).toFixed(2)}`);
    }
    await store.close();

    const s = a.summary;
    const findings = Object.values(s.findingsByStatus).reduce((x, y) => x + y, 0);
    const rssMiB = process.resourceUsage().maxRSS / 1024;
    const seconds = (ms: number) => (ms / 1000).toFixed(2);
    console.log(`infio assess benchmark (Node ${process.version}, ${jobs} worker(s), ${availableParallelism()} cores)`);
    console.log(`  corpus        ${files} files, ${s.lines.toLocaleString("en-US")} lines, ${(s.bytes / 1e6).toFixed(1)} MB`);
    console.log(`  results       ${findings.toLocaleString("en-US")} findings, ${a.objects.length.toLocaleString("en-US")} objects, ${s.batchesWithErrors} batches with errors`);
    console.log(`  assess        ${seconds(assessedMs)} s, ${Math.round(s.lines / (assessedMs / 1000)).toLocaleString("en-US")} lines/s (store included)`);
    console.log(`  store wait    ${seconds(result.storeMs)} s of it, commit included (source texts ${keepSource ? "kept" : "not kept"})`);
    console.log(`  CPU           ${cpuSeconds.toFixed(2)} s of all threads while assessing (${(cpuSeconds / (assessedMs / 1000)).toFixed(2)} cores busy on average)`);
    if (threads !== undefined) {
      console.log(`  threads       ${describeThreads(threads)}`);
    }
    console.log(`  load average  ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after assessing (1 minute)`);
    console.log(`  reports       ${seconds(reportMs)} s (${reportTimes.join(", ")})`);
    console.log(`  end to end    ${seconds(assessedMs + reportMs)} s, ${Math.round(s.lines / ((assessedMs + reportMs) / 1000)).toLocaleString("en-US")} lines/s`);
    console.log(`  peak RSS      ${assessRssMiB.toFixed(0)} MiB after assess, ${rssMiB.toFixed(0)} MiB after the reports (process: main thread, workers and PGlite)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** CPU seconds per thread kind, for the report line. */
function describeThreads(times: ThreadTimes): string {
  const workers = times.workers.map((w) => w.toFixed(2)).join(" + ");
  return (
    `CPU s: main ${times.main.toFixed(2)}, workers ${workers || "none"}, ` +
    `other ${times.other.toFixed(2)} (V8 helpers: GC, compiler)`
  );
}

await main();
