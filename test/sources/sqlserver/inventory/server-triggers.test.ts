import assert from "node:assert/strict";
import { test } from "node:test";

import { serverTriggersPart } from "../../../../src/sources/sqlserver/inventory/server-triggers.js";
import { assertNoSecrets, runPart } from "./part-runner.js";

test("server-triggers lists triggers with their events or event groups", async () => {
  const { items, modules } = await runPart(serverTriggersPart);

  assert.deepEqual(items, [
    {
      name: "trg_KestrelDatabaseDdlAudit",
      triggerType: "SQL_TRIGGER",
      isDisabled: false,
      events: ["DDL_DATABASE_EVENTS"],
      createDate: "2024-05-06T07:55:00.000Z",
      modifyDate: "2024-05-06T07:55:00.000Z",
    },
    {
      name: "trg_KestrelLogonLimits",
      triggerType: "SQL_TRIGGER",
      isDisabled: false,
      events: ["LOGON"],
      createDate: "2024-03-12T13:40:00.000Z",
      modifyDate: "2024-03-12T13:40:00.000Z",
    },
  ]);
  assert.equal(modules, undefined);
  assertNoSecrets(items);
});
