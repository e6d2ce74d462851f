/**
 * Readiness of the Kestrel fixture server, collected through the
 * in-memory session: every item the rules give, by severity and id, and
 * the biggest tables with their load strategy.
 */

import assert from "node:assert/strict";
import { test } from "node:test";

import { assessReadiness } from "../../../src/assessment/readiness/assess-readiness.js";
import { KESTREL_READINESS, kestrelLiveSource } from "./kestrel-expected.js";

test("Kestrel readiness items", async () => {
  const readiness = assessReadiness(await kestrelLiveSource(), { target: "babelfish@5.5" });

  assert.deepEqual(
    readiness.items.map((item) => `${item.severity} ${item.id}`),
    KESTREL_READINESS,
  );
  assert.deepEqual(readiness.missingParts, []);
});

test("Kestrel readiness evidence", async () => {
  const readiness = assessReadiness(await kestrelLiveSource(), { target: "babelfish@5.5" });
  const item = (id: string) => readiness.items.find((i) => i.id === id);

  assert.equal(item("readiness.table.no-key:Archive.dbo.ShipmentArchive")?.evidence, "no primary key and no unique index (5,400,000 rows)");
  assert.equal(item("readiness.column.sql-variant:Archive.dbo.ArchiveSetting.SettingValue")?.evidence, "column of type sql_variant");
  assert.equal(item("readiness.column.clr-type:KestrelColdChain.hr.Employee.OrgNode")?.evidence, "column of type hierarchyid");
  assert.equal(item("readiness.database.recovery-model:Archive")?.evidence, "recovery model SIMPLE");
  assert.match(item("readiness.database.recovery-model:Archive")?.action ?? "", /ALTER DATABASE \[Archive\] SET RECOVERY FULL/);
  assert.equal(item("readiness.database.change-capture.cdc:KestrelColdChain")?.evidence, "change data capture is enabled");
  assert.equal(
    item("readiness.table.load-strategy.parallel:KestrelColdChain.telemetry.SensorReading")?.evidence,
    "735,000,000 rows, 30.0 GB reserved, 19 partitions",
  );
});

test("Kestrel biggest tables", async () => {
  const readiness = assessReadiness(await kestrelLiveSource(), { target: "postgresql@17" });

  assert.deepEqual(
    readiness.biggestTables.slice(0, 4).map((t) => [t.database, t.table, t.strategy, t.lobMode]),
    [
      ["KestrelColdChain", "telemetry.SensorReading", "parallel-full-load-partitions", false],
      ["KestrelColdChain", "audit.ChangeLog", "full-load", true],
      ["KestrelColdChain", "integration.CarrierTracking", "parallel-full-load-ranges", true],
      ["Archive", "dbo.ShipmentArchive", "full-load", true],
    ],
  );
  assert.equal(readiness.biggestTables.length, 10);
  assert.deepEqual(readiness.strategyCounts, {
    "full-load": 45,
    "parallel-full-load-partitions": 1,
    "parallel-full-load-ranges": 2,
  });
});
