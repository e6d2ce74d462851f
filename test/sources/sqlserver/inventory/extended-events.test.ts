import assert from "node:assert/strict";
import { test } from "node:test";

import { SqlServerError } from "../../../../src/sources/sqlserver/errors.js";
import { extendedEventsPart } from "../../../../src/sources/sqlserver/inventory/extended-events.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { assertNoSecrets, itemNamed, runPart } from "./part-runner.js";

test("extended-events lists sessions with running state and targets", async () => {
  const { items } = await runPart(extendedEventsPart);

  assert.deepEqual(
    items.map((item) => [item["name"], item["startsWithServer"], item["isRunning"], item["events"], item["targets"]]),
    [
      ["AlwaysOn_health", true, true, 3, ["event_file"]],
      ["kestrel_long_queries", false, false, 2, ["event_file"]],
      ["system_health", true, true, 4, ["event_file", "ring_buffer"]],
      ["telemetry_xevents", true, true, 2, ["ring_buffer"]],
    ],
  );
  assert.equal(itemNamed(items, "system_health")["retentionMode"], "ALLOW_SINGLE_EVENT_LOSS");
  assertNoSecrets(items);
});

test("extended-events rejects without VIEW SERVER STATE on the DMV", async () => {
  const fixture = { ...kestrelServer(), faults: { deniedViews: ["sys.dm_xe_sessions"] } };

  await assert.rejects(
    runPart(extendedEventsPart, { fixture }),
    (error: unknown) =>
      error instanceof SqlServerError && error.queryId === "inventory.xe-sessions" && /sys\.dm_xe_sessions/.test(error.message),
  );
});
