/**
 * `npm run bench:live`: measures `infio assess --server` end to end on a
 * fixture server with 10,000 modules. This process serves the fixture
 * with the project's TDS test server over TLS on 127.0.0.1. A child
 * process (bench/live-server-run.ts) connects with mssql and tedious,
 * collects the BenchCode database, assesses its modules in worker threads
 * and writes the assessment into the embedded store. This process prints
 * modules, lines, time, lines/s and the child's peak RSS.
 *
 * Peak RSS is `process.resourceUsage().maxRSS` of the child: its main
 * thread, workers and PGlite together, without the fixture server. As in
 * bench/assess.ts, the embedded store is created first in another child,
 * so the figure is that of a run against an existing store.
 *
 * Usage: node dist/bench/live-server.js [--modules N] [--jobs N]
 */

import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";

import { FIXTURE_LOGIN, startFixtureServer } from "../test/helpers/sqlserver-fixture/index.js";
import { benchServer } from "./live-fixture.js";

interface Figures {
  readonly modules: number;
  readonly skipped: number;
  readonly lines: number;
  readonly bytes: number;
  readonly findings: number;
  readonly problems: number;
  readonly inventoryParts: number;
  readonly elapsedMs: number;
  readonly storeMs: number;
  readonly cpuSeconds: number;
  readonly peakRssMiB: number;
}

function positive(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at < 0 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`invalid ${name} '${process.argv[at + 1]}'; pass a positive whole number`);
  }
  return value;
}

function createStore(dataDir: string): void {
  const storeModule = new URL("../src/store/index.js", import.meta.url).href;
  const script =
    `const { openStore } = await import(${JSON.stringify(storeModule)});` +
    `const r = await openStore("embedded", { dataDir: ${JSON.stringify(dataDir)} });` +
    `if (!r.ok) { console.error(r.error.message); process.exit(1); }` +
    `await r.store.close();`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { stdio: "inherit" });
  if (child.status !== 0) {
    throw new Error("cannot create the embedded store for the benchmark");
  }
}

/** Runs the measured child; resolves with the figures it prints. */
function runChild(args: readonly string[]): Promise<Figures> {
  const script = new URL("./live-server-run.js", import.meta.url).pathname;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, INFIO_BENCH_PASSWORD: FIXTURE_LOGIN.password },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) {
        reject(new Error(`the measured child exited with ${code}`));
        return;
      }
      resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Figures);
    });
  });
}

async function main(): Promise<void> {
  const modules = positive("--modules", 10_000);
  const jobs = positive("--jobs", availableParallelism());
  const work = mkdtempSync(join(tmpdir(), "infio-bench-live-"));
  const dataDir = join(work, "home");
  const caFile = join(work, "ca.pem");

  const fixtureStarted = performance.now();
  const server = await startFixtureServer(benchServer(modules));
  const fixtureMs = performance.now() - fixtureStarted;
  try {
    writeFileSync(caFile, server.certificates.ca);
    createStore(dataDir);

    const f = await runChild([
      "--server", `${server.tds.host},${server.tds.port}`,
      "--ca", caFile,
      "--data-dir", dataDir,
      "--jobs", String(jobs),
    ]);

    const seconds = f.elapsedMs / 1000;
    const count = (n: number) => n.toLocaleString("en-US");
    console.log(`infio live-server benchmark (Node ${process.version}, ${jobs} worker(s), ${availableParallelism()} cores)`);
    console.log(`  fixture       ${count(modules)} generated modules in BenchCode, built and served in ${(fixtureMs / 1000).toFixed(2)} s`);
    console.log(`  assessed      ${count(f.modules)} modules (${f.skipped} skipped), ${count(f.lines)} lines, ${(f.bytes / 1e6).toFixed(1)} MB as nvarchar`);
    console.log(`  results       ${count(f.findings)} findings, ${f.inventoryParts} inventory parts, ${f.problems} collection problems`);
    console.log(`  collect+assess ${seconds.toFixed(2)} s, ${count(Math.round(f.lines / seconds))} lines/s, ${count(Math.round(f.modules / seconds))} modules/s (TLS, store included)`);
    console.log(`  store wait    ${(f.storeMs / 1000).toFixed(2)} s of it, commit included`);
    console.log(`  CPU           ${f.cpuSeconds.toFixed(2)} s of the child's threads (${(f.cpuSeconds / seconds).toFixed(2)} cores busy on average)`);
    console.log(`  peak RSS      ${f.peakRssMiB.toFixed(0)} MiB (child: main thread, workers and PGlite; fixture server excluded)`);
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
