/**
 * Store benchmark: streams generated findings into a store through an
 * assessment writer, commits, then reads them back in chunks.
 *
 *   node dist/bench/store.js [FINDINGS] [STORE]
 *
 * STORE is `embedded` (default, in a temporary data directory) or a
 * postgres:// URL. Prints one JSON line of results.
 *
 * The embedded store is created in a child process first. Creating a PGlite
 * database runs initdb, which peaks far above the steady state (about 800 MiB
 * RSS with PGlite 0.5.17), and that one-time peak would hide the writer's
 * memory use. `createMs` reports the time it takes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import type { AssessmentSummary, Finding } from "../src/assessment/model.js";
import { openStore } from "../src/store/open-store.js";
import { createStoreInChild } from "./create-store.js";

export interface StoreBenchmarkOptions {
  readonly findings: number;
  /** `embedded` or a postgres:// URL. */
  readonly store?: string;
  /** Findings per addFindings call, as the runner would send per unit. */
  readonly batch?: number;
}

export interface StoreBenchmarkResult {
  readonly store: string;
  readonly findings: number;
  /** Time to create the empty embedded store; 0 for a server. */
  readonly createMs: number;
  readonly writeMs: number;
  /** CPU time of all threads while writing, V8's background compilation included. */
  readonly writeCpuMs: number;
  readonly readMs: number;
  readonly readCpuMs: number;
  readonly writtenPerSecond: number;
  readonly readPerSecond: number;
  /** Peak resident set size of this process so far, in MiB. */
  readonly peakRssMiB: number;
}

/** Writes and reads back `findings` generated findings; returns timings. */
export async function benchmarkStore(
  options: StoreBenchmarkOptions,
): Promise<StoreBenchmarkResult> {
  const spec = options.store ?? "embedded";
  const batch = options.batch ?? 200;
  const dataDir = mkdtempSync(join(tmpdir(), "infio-bench-store-"));

  try {
    const createStart = performance.now();
    if (spec === "embedded") {
      createStoreInChild(dataDir);
    }
    const createMs = spec === "embedded" ? performance.now() - createStart : 0;

    const opened = await openStore(spec, { dataDir });
    if (!opened.ok) {
      throw opened.error;
    }
    const store = opened.store;
    const id = `bench-${Date.now()}`;

    const writeStart = performance.now();
    const writeCpuStart = process.cpuUsage();
    const writer = await store.beginAssessment({
      id,
      startedAt: new Date().toISOString(),
      infioVersion: "bench",
      target: "babelfish@5.5",
      sources: ["generated"],
    });
    for (let from = 0; from < options.findings; from += batch) {
      const count = Math.min(batch, options.findings - from);
      await writer.addFindings(generateFindings(from, count));
    }
    await writer.commit(summary(options.findings));
    const writeMs = performance.now() - writeStart;
    const writeCpuMs = cpuMsSince(writeCpuStart);

    const readStart = performance.now();
    const readCpuStart = process.cpuUsage();
    let read = 0;
    for await (const chunk of store.iterateFindings(id)) {
      read += chunk.length;
    }
    const readMs = performance.now() - readStart;
    const readCpuMs = cpuMsSince(readCpuStart);
    if (read !== options.findings) {
      throw new Error(`read ${read} findings back, expected ${options.findings}`);
    }

    await store.deleteAssessment(id);
    await store.close();
    return {
      store: store.location === "none" ? "none" : store.kind,
      findings: options.findings,
      createMs: Math.round(createMs),
      writeMs: Math.round(writeMs),
      writeCpuMs: Math.round(writeCpuMs),
      readMs: Math.round(readMs),
      readCpuMs: Math.round(readCpuMs),
      writtenPerSecond: Math.round(options.findings / (writeMs / 1000)),
      readPerSecond: Math.round(options.findings / (readMs / 1000)),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Opens and closes the embedded store in `dataDir` in a child process. */
/** Findings shaped like real ones: repeated feature ids, paths and objects. */
function generateFindings(from: number, count: number): Finding[] {
  const findings: Finding[] = [];
  for (let i = from; i < from + count; i++) {
    const object = `dbo.usp_Procedure_${Math.floor(i / 40)}`;
    findings.push({
      featureId: FEATURES[i % FEATURES.length],
      status: i % 5 === 0 ? "notSupported" : "reviewSemantics",
      file: `procedures/${object}.sql`,
      line: (i % 400) + 1,
      column: (i % 60) + 1,
      object,
      message: `${FEATURES[i % FEATURES.length]} is used in ${object}`,
      ...(i % 3 === 0 ? { detail: "SHA1", complexity: "medium" as const } : {}),
    });
  }
  return findings;
}

const FEATURES = [
  "cursor.option.scroll",
  "builtin.function.hashbytes",
  "dml.merge.output",
  "xml.method.nodes",
  "ddl.table.filestream",
];

function summary(findings: number): AssessmentSummary {
  return {
    files: 0,
    lines: 0,
    bytes: 0,
    batches: 0,
    batchesWithErrors: 0,
    statements: 0,
    findingsByStatus: {
      supported: 0,
      notSupported: Math.ceil(findings / 5),
      reviewSemantics: findings - Math.ceil(findings / 5),
      reviewPerformance: 0,
      reviewManually: 0,
      ignored: 0,
      unknown: 0,
    },
    objectsByType: {},
    effort: { low: 0, high: 0 },
    elapsedMs: 0,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const findings = Number(process.argv[2] ?? 1_000_000);
  const result = await benchmarkStore({ findings, store: process.argv[3] });
  process.stdout.write(JSON.stringify(result) + "\n");
}
