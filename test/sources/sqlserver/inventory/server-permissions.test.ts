import assert from "node:assert/strict";
import { test } from "node:test";

import { SqlServerError } from "../../../../src/sources/sqlserver/errors.js";
import { serverPermissionsPart } from "../../../../src/sources/sqlserver/inventory/server-permissions.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { assertNoSecrets, itemsWhere, runPart } from "./part-runner.js";

test("server-permissions counts grants per grantee, permission and class", async () => {
  const { items } = await runPart(serverPermissionsPart);
  const publicGrants = itemsWhere(items, "grantee", "public");

  assert.deepEqual(publicGrants, [
    { grantee: "public", granteeType: "SERVER_ROLE", permission: "CONNECT", state: "GRANT", class: "ENDPOINT", count: 4 },
    { grantee: "public", granteeType: "SERVER_ROLE", permission: "VIEW ANY DATABASE", state: "GRANT", class: "SERVER", count: 1 },
  ]);
});

test("server-permissions keeps a DENY apart from grants", async () => {
  const { items } = await runPart(serverPermissionsPart);
  const operations = itemsWhere(items, "grantee", "KESTREL\\SQL-Operations");

  assert.deepEqual(
    operations.map((item) => [item["permission"], item["state"]]),
    [
      ["ALTER ANY LOGIN", "DENY"],
      ["CONNECT SQL", "GRANT"],
    ],
  );
});

test("server-permissions lists a server role's permissions", async () => {
  const { items } = await runPart(serverPermissionsPart);

  assert.deepEqual(
    itemsWhere(items, "grantee", "kestrel_monitoring").map((item) => item["permission"]),
    ["ALTER TRACE", "VIEW ANY DEFINITION", "VIEW SERVER STATE"],
  );
});

test("server-permissions leaves out ## principals", async () => {
  const { items } = await runPart(serverPermissionsPart);

  assert.ok(items.every((item) => !String(item["grantee"]).startsWith("##")));
  assert.equal(items.length, 24);
  assertNoSecrets(items);
});

test("server-permissions rejects when sys.server_permissions is denied", async () => {
  const fixture = { ...kestrelServer(), faults: { deniedViews: ["sys.server_permissions"] } };

  await assert.rejects(
    runPart(serverPermissionsPart, { fixture }),
    (error: unknown) =>
      error instanceof SqlServerError && error.kind === "permission-denied" && /sys\.server_permissions/.test(error.message),
  );
});
