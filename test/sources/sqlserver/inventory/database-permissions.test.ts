import assert from "node:assert/strict";
import { test } from "node:test";

import { databasePermissionsPart } from "../../../../src/sources/sqlserver/inventory/database-permissions.js";
import { assertNoSecrets, itemsWhere, runPart } from "./part-runner.js";

test("database-permissions counts a column DENY once per column", async () => {
  const { items } = await runPart(databasePermissionsPart);
  const denied = itemsWhere(items, "grantee", "db_operations").filter((item) => item["state"] === "DENY");

  assert.deepEqual(denied, [
    {
      database: "KestrelColdChain",
      grantee: "db_operations",
      granteeType: "DATABASE_ROLE",
      permission: "SELECT",
      state: "DENY",
      class: "OBJECT_OR_COLUMN",
      count: 3,
    },
    {
      database: "KestrelColdChain",
      grantee: "db_operations",
      granteeType: "DATABASE_ROLE",
      permission: "SELECT",
      state: "DENY",
      class: "SCHEMA",
      count: 1,
    },
  ]);
});

test("database-permissions leaves out grants on system objects", async () => {
  const { items } = await runPart(databasePermissionsPart);

  assert.deepEqual(itemsWhere(items, "grantee", "public"), []);
});

test("database-permissions separates securable classes", async () => {
  const { items } = await runPart(databasePermissionsPart);
  const integration = itemsWhere(items, "grantee", "db_integration");

  assert.deepEqual(
    integration.map((item) => [item["permission"], item["state"], item["class"], item["count"]]),
    [
      ["EXECUTE", "GRANT", "OBJECT_OR_COLUMN", 3],
      ["EXECUTE", "GRANT", "TYPE", 2],
      ["INSERT", "GRANT", "OBJECT_OR_COLUMN", 1],
      ["RECEIVE", "GRANT", "OBJECT_OR_COLUMN", 1],
      ["SELECT", "DENY", "SCHEMA", 1],
      ["SELECT", "GRANT", "OBJECT_OR_COLUMN", 4],
      ["SEND", "GRANT", "SERVICE", 1],
    ],
  );
});

test("database-permissions shows impersonation of a user", async () => {
  const { items } = await runPart(databasePermissionsPart);
  const reporting = itemsWhere(items, "grantee", "kestrel_reporting");

  assert.ok(
    reporting.some((item) => item["permission"] === "IMPERSONATE" && item["class"] === "DATABASE_PRINCIPAL"),
  );
  assertNoSecrets(items);
});

test("database-permissions of Archive", async () => {
  const { items } = await runPart(databasePermissionsPart, { database: "Archive" });

  assert.deepEqual(
    items.map((item) => [item["database"], item["grantee"], item["permission"]]),
    [
      ["Archive", "dbo", "CONNECT"],
      ["Archive", "kestrel_reporting", "CONNECT"],
    ],
  );
});
