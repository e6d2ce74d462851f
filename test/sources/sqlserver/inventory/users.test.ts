import assert from "node:assert/strict";
import { test } from "node:test";

import { SqlServerError } from "../../../../src/sources/sqlserver/errors.js";
import { usersPart } from "../../../../src/sources/sqlserver/inventory/users.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { assertNoSecrets, itemNamed, runPart, withView } from "./part-runner.js";

test("users lists principals of KestrelColdChain without system ones", async () => {
  const { items } = await runPart(usersPart);

  assert.deepEqual(
    items.map((item) => item["name"]),
    [
      "db_billing",
      "db_integration",
      "db_operations",
      "db_reporting",
      "dbo",
      "dock_terminal",
      "guest",
      "kcc_legacy_batch",
      "KESTREL\\SQL-Finance",
      "KESTREL\\SQL-Operations",
      "kestrel_app",
      "kestrel_gateway",
      "kestrel_reporting",
      "kestrel_signer",
      "kestrel_signing_user",
      "KestrelLogonAuditor",
      "portal_depot_user",
    ],
  );
  assert.ok(items.every((item) => item["database"] === "KestrelColdChain"));
});

test("users finds the orphaned user", async () => {
  const { items } = await runPart(usersPart);

  assert.deepEqual(itemNamed(items, "kcc_legacy_batch"), {
    database: "KestrelColdChain",
    type: "user",
    name: "kcc_legacy_batch",
    principalType: "SQL_USER",
    authentication: "INSTANCE",
    login: null,
    isOrphaned: true,
    defaultSchema: "legacy",
    roles: ["db_datareader", "db_datawriter"],
    createDate: "2024-03-11T08:20:00.000Z",
    modifyDate: "2025-02-27T16:45:00.000Z",
  });
  assert.deepEqual(
    items.filter((item) => item["isOrphaned"] === true).map((item) => item["name"]),
    ["kcc_legacy_batch"],
  );
});

test("users maps users to their logins by SID", async () => {
  const { items } = await runPart(usersPart);

  assert.equal(itemNamed(items, "dbo")["login"], "sa");
  assert.deepEqual(itemNamed(items, "dbo")["roles"], ["db_owner"]);
  assert.equal(itemNamed(items, "kestrel_app")["login"], "kestrel_app");
  assert.equal(itemNamed(items, "KESTREL\\SQL-Operations")["authentication"], "WINDOWS");
  assert.equal(itemNamed(items, "KESTREL\\SQL-Operations")["login"], "KESTREL\\SQL-Operations");
});

test("users without login are not orphaned", async () => {
  const { items } = await runPart(usersPart);

  for (const name of ["kestrel_signer", "portal_depot_user", "guest"]) {
    const user = itemNamed(items, name);
    assert.equal(user["authentication"], "NONE", name);
    assert.equal(user["login"], null, name);
    assert.equal(user["isOrphaned"], false, name);
  }
  assert.equal(itemNamed(items, "kestrel_signing_user")["principalType"], "CERTIFICATE_MAPPED_USER");
});

test("users reports the application role", async () => {
  const { items } = await runPart(usersPart);
  const role = itemNamed(items, "dock_terminal");

  assert.equal(role["type"], "application-role");
  assert.equal(role["principalType"], "APPLICATION_ROLE");
  assert.equal(role["defaultSchema"], "ops");
  assert.equal("members" in role, false);
});

test("users gives database roles their members", async () => {
  const { items } = await runPart(usersPart);
  const role = itemNamed(items, "db_reporting");

  assert.equal(role["type"], "role");
  assert.deepEqual(role["members"], ["KESTREL\\SQL-Finance", "kestrel_reporting", "portal_depot_user"]);
});

test("users reports a contained user with a password", async () => {
  const fixture = kestrelServer();
  const principals = [
    ...fixture.databases.find((d) => d.name === "Archive")!.views["sys.database_principals"]!,
    {
      name: "archive_auditor",
      principal_id: 6,
      type: "S",
      type_desc: "SQL_USER",
      default_schema_name: "dbo",
      create_date: new Date("2025-01-10T09:00:00Z"),
      modify_date: new Date("2025-01-10T09:00:00Z"),
      owning_principal_id: null,
      sid: Buffer.from("0105000000000009030000004f1c2b3a", "hex"),
      is_fixed_role: false,
      authentication_type: 2,
      authentication_type_desc: "DATABASE",
      default_language_name: "us_english",
      default_language_lcid: 1033,
      allow_encrypted_value_modifications: false,
    },
  ];
  const { items } = await runPart(usersPart, {
    fixture: withView(fixture, "sys.database_principals", principals, "Archive"),
    database: "Archive",
  });
  const user = itemNamed(items, "archive_auditor");

  assert.equal(user["database"], "Archive");
  assert.equal(user["authentication"], "DATABASE");
  assert.equal(user["login"], null);
  assert.equal(user["isOrphaned"], false);
  assertNoSecrets(items);
});

test("users of Archive", async () => {
  const { items } = await runPart(usersPart, { database: "Archive" });

  assert.deepEqual(
    items.map((item) => [item["name"], item["roles"]]),
    [
      ["dbo", ["db_owner"]],
      ["guest", []],
      ["kestrel_reporting", ["db_datareader"]],
    ],
  );
});

test("users rejects when sys.database_principals is denied in the database", async () => {
  const fixture = {
    ...kestrelServer(),
    faults: { deniedViewsByDatabase: { KestrelColdChain: ["sys.database_principals"] } },
  };

  await assert.rejects(runPart(usersPart, { fixture }), (error: unknown) => {
    assert.ok(error instanceof SqlServerError);
    assert.equal(error.kind, "permission-denied");
    assert.equal(error.database, "KestrelColdChain");
    assert.match(error.message, /sys\.database_principals/);
    return true;
  });
});
