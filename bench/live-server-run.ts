/**
 * The measured half of `npm run bench:live`. bench/live-server.ts runs it
 * in a child process, so that its peak RSS is infio's alone. It connects
 * to the fixture server with the real connector (mssql and tedious over
 * TLS), collects BenchCode and assesses it into the embedded store, as
 * `infio assess --server HOST --database BenchCode` does, then prints one
 * line of JSON.
 *
 * Usage: node dist/bench/live-server-run.js --server HOST,PORT --ca FILE
 *          --data-dir DIR --jobs N
 *   The password is read from INFIO_BENCH_PASSWORD.
 */

import { newAssessmentId } from "../src/assessment/id.js";
import { runAssessment } from "../src/assessment/run.js";
import { defaultCatalog } from "../src/catalog/catalog.js";
import { parseTarget } from "../src/catalog/targets.js";
import { DEFAULT_MAX_FILE_SIZE } from "../src/sources/scripts/read.js";
import { collectServer } from "../src/sources/sqlserver/collect.js";
import { openServer, resolveConnectionSettings } from "../src/sources/sqlserver/connection/index.js";
import { openStore } from "../src/store/index.js";
import { FIXTURE_LOGIN } from "../test/helpers/sqlserver-fixture/index.js";
import { BENCH_DATABASE } from "./live-fixture.js";

function option(name: string): string {
  const at = process.argv.indexOf(name);
  const value = at < 0 ? undefined : process.argv[at + 1];
  if (value === undefined) {
    throw new Error(`missing ${name}; bench/live-server.ts passes it`);
  }
  return value;
}

async function main(): Promise<void> {
  const target = parseTarget("babelfish");
  if (!target.ok) {
    throw new Error(target.error);
  }
  const opened = await openStore("embedded", { dataDir: option("--data-dir") });
  if (!opened.ok) {
    throw new Error(opened.error.message);
  }
  const store = opened.store;

  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const settings = await resolveConnectionSettings(
    {
      server: option("--server"),
      user: FIXTURE_LOGIN.userName,
      passwordEnv: "INFIO_BENCH_PASSWORD",
      tlsCa: option("--ca"),
      serverName: "localhost",
    },
    { env: process.env, cwd: process.cwd(), interactive: false },
  );
  const session = await openServer(settings);
  const collection = collectServer(session, { databases: [BENCH_DATABASE] });

  const startedAt = new Date();
  const result = await runAssessment({
    id: newAssessmentId(startedAt),
    startedAt,
    infioVersion: "bench",
    sources: [settings.server.text],
    collected: collection,
    target: target.target,
    catalog: defaultCatalog(),
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    jobs: Number(option("--jobs")),
    store,
  });
  await session.close();
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  await store.close();
  if (!result.ok) {
    throw new Error(result.error);
  }

  const a = result.assessment;
  const findings = Object.values(a.summary.findingsByStatus).reduce((x, y) => x + y, 0);
  console.log(
    JSON.stringify({
      modules: a.units.length,
      skipped: a.skipped.length,
      lines: a.summary.lines,
      bytes: a.summary.bytes,
      findings,
      problems: a.live?.problems.length ?? 0,
      inventoryParts: Object.keys(a.live?.inventory ?? {}).length,
      elapsedMs,
      storeMs: result.storeMs,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

await main();
