import assert from "node:assert/strict";
import { test } from "node:test";

import { SqlServerError } from "../../../../src/sources/sqlserver/errors.js";
import { loginsPart } from "../../../../src/sources/sqlserver/inventory/logins.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { FIXTURE_PASSWORD_HASH, LOGIN_IDS } from "../../../helpers/sqlserver-fixture/kestrel/security-server.js";
import { assertNoSecrets, itemNamed, runPart, withView } from "./part-runner.js";

test("logins lists logins and user-defined server roles by name", async () => {
  const { items } = await runPart(loginsPart);

  assert.deepEqual(
    items.map((item) => item["name"]),
    [
      "infio_reader",
      "KESTREL\\DBAs",
      "KESTREL\\SQL-Finance",
      "KESTREL\\SQL-Operations",
      "KESTREL\\svc-sqlagent",
      "KESTREL\\svc-sqlengine",
      "kestrel_app",
      "kestrel_gateway",
      "kestrel_monitoring",
      "kestrel_reporting",
      "KestrelLogonAuditor",
      "NT AUTHORITY\\SYSTEM",
      "NT SERVICE\\SQLSERVERAGENT",
      "sa",
    ],
  );
});

test("logins leaves out fixed roles, public and ## principals", async () => {
  const { items } = await runPart(loginsPart);
  const names = items.map((item) => String(item["name"]));

  assert.ok(!names.includes("sysadmin"));
  assert.ok(!names.includes("public"));
  assert.ok(!names.some((name) => name.startsWith("##")));
});

test("logins item of sa: disabled sysadmin SQL login", async () => {
  const { items } = await runPart(loginsPart);

  assert.deepEqual(itemNamed(items, "sa"), {
    type: "login",
    name: "sa",
    principalType: "SQL_LOGIN",
    isDisabled: true,
    isSysadmin: true,
    serverRoles: ["sysadmin"],
    defaultDatabase: "master",
    defaultLanguage: "us_english",
    passwordPolicyChecked: true,
    passwordExpirationChecked: false,
    credential: null,
    createDate: "2023-11-02T10:00:00.000Z",
    modifyDate: "2023-11-02T10:00:00.000Z",
  });
});

test("logins item of the application login", async () => {
  const { items } = await runPart(loginsPart);
  const app = itemNamed(items, "kestrel_app");

  assert.equal(app["principalType"], "SQL_LOGIN");
  assert.equal(app["isDisabled"], false);
  assert.equal(app["isSysadmin"], false);
  assert.equal(app["defaultDatabase"], "KestrelColdChain");
  assert.equal(app["passwordPolicyChecked"], true);
  assert.equal(app["passwordExpirationChecked"], true);
});

test("logins marks the DBA Windows group as sysadmin", async () => {
  const { items } = await runPart(loginsPart);
  const group = itemNamed(items, "KESTREL\\DBAs");

  assert.equal(group["principalType"], "WINDOWS_GROUP");
  assert.equal(group["isSysadmin"], true);
  assert.equal(group["passwordPolicyChecked"], null);
});

test("logins gives roles their members and logins their roles", async () => {
  const { items } = await runPart(loginsPart);

  const role = itemNamed(items, "kestrel_monitoring");
  assert.equal(role["type"], "server-role");
  assert.deepEqual(role["members"], ["KESTREL\\SQL-Operations"]);

  const operations = itemNamed(items, "KESTREL\\SQL-Operations");
  assert.deepEqual(operations["serverRoles"], ["dbcreator", "kestrel_monitoring"]);
  assert.equal(operations["isSysadmin"], false);
  assert.equal("members" in operations, false);
});

test("logins follows sysadmin through a user-defined role", async () => {
  const fixture = kestrelServer();
  const members = [
    ...fixture.views["sys.server_role_members"]!,
    { role_principal_id: LOGIN_IDS["sysadmin"]!, member_principal_id: LOGIN_IDS["kestrel_monitoring"]! },
  ];
  const { items } = await runPart(loginsPart, { fixture: withView(fixture, "sys.server_role_members", members) });

  assert.equal(itemNamed(items, "kestrel_monitoring")["isSysadmin"], true);
  assert.equal(itemNamed(items, "KESTREL\\SQL-Operations")["isSysadmin"], true);
  assert.equal(itemNamed(items, "KESTREL\\SQL-Finance")["isSysadmin"], false);
});

test("logins never carries the password hash", async () => {
  const { items } = await runPart(loginsPart);
  const json = JSON.stringify(items);

  assertNoSecrets(items);
  assert.ok(!json.includes(FIXTURE_PASSWORD_HASH.toString("hex")));
  assert.ok(!json.toLowerCase().includes(FIXTURE_PASSWORD_HASH.toString("hex").slice(0, 16)));
  assert.ok(!json.includes(FIXTURE_PASSWORD_HASH.toString("base64")));
});

test("logins rejects when sys.server_principals is denied", async () => {
  const fixture = { ...kestrelServer(), faults: { deniedViews: ["sys.server_principals"] } };

  await assert.rejects(runPart(loginsPart, { fixture }), (error: unknown) => {
    assert.ok(error instanceof SqlServerError);
    assert.equal(error.kind, "permission-denied");
    assert.equal(error.queryId, "inventory.logins");
    assert.match(error.message, /sys\.server_principals/);
    return true;
  });
});
