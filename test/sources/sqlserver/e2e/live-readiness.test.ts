/**
 * Readiness end to end: `infio assess --server` against the Kestrel
 * fixture server through the real connector, with thresholds from
 * --config, then `infio report` of the stored assessment. Both must give
 * the items the rules give on the same inventory in memory.
 */

import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import type { RunningFixtureServer } from "../../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { KESTREL_READINESS } from "../../../assessment/readiness/kestrel-expected.js";
import { assessmentIdOf, connectionArgs, LiveWorkspace, startServer } from "./live-harness.js";

interface ReadinessJson {
  readonly thresholds: Record<string, number>;
  readonly items: readonly { severity: string; id: string }[];
  readonly biggestTables: readonly { table: string; strategy: string }[];
}

function readinessOf(dir: string): ReadinessJson {
  const json = JSON.parse(readFileSync(join(dir, "assessment.json"), "utf8")) as { readiness?: ReadinessJson };
  assert.ok(json.readiness, "assessment.json has no readiness");
  return json.readiness;
}

describe("readiness of a live server, end to end", { concurrency: false }, () => {
  const workspace = new LiveWorkspace();
  let server: RunningFixtureServer;

  before(async () => {
    server = await startServer(kestrelServer());
    await workspace.prepare(server.certificates.ca);
  });
  after(async () => {
    await server?.close();
    workspace.remove();
  });

  it("stores the readiness and writes it again with infio report", async () => {
    const config = join(workspace.root, "infio.json");
    writeFileSync(config, JSON.stringify({ readiness: { biggestTables: 3 } }));
    const out = join(workspace.root, "live");
    const run = await workspace.infio([
      "assess", ...connectionArgs(server, workspace), "--out", out, "--jobs", "1",
      "--format", "json,csv,html", "--config", config,
    ]);
    assert.equal(run.code, 0, run.stderr);

    const live = readinessOf(out);
    assert.deepEqual(live.items.map((i) => `${i.severity} ${i.id}`), KESTREL_READINESS);
    assert.equal(live.thresholds["biggestTables"], 3);
    assert.deepEqual(
      live.biggestTables.map((t) => [t.table, t.strategy]),
      [
        ["telemetry.SensorReading", "parallel-full-load-partitions"],
        ["audit.ChangeLog", "full-load"],
        ["integration.CarrierTracking", "parallel-full-load-ranges"],
      ],
    );
    const csv = readFileSync(join(out, "readiness.csv"), "utf8");
    assert.equal(csv.trimEnd().split("\r\n").length, KESTREL_READINESS.length + 1);
    assert.match(readFileSync(join(out, "assessment.html"), "utf8"), /<section id="readiness">/);

    // Without --config, the report keeps the thresholds the assessment ran with.
    const again = join(workspace.root, "again");
    const report = await workspace.infio(["report", assessmentIdOf(run), "--out", again, "--format", "json"]);
    assert.equal(report.code, 0, report.stderr);
    assert.deepEqual(readinessOf(again), live);
  });
});
