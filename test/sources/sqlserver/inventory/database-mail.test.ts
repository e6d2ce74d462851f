import assert from "node:assert/strict";
import { test } from "node:test";

import { SqlServerError } from "../../../../src/sources/sqlserver/errors.js";
import { databaseMailPart } from "../../../../src/sources/sqlserver/inventory/database-mail.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { assertNoSecrets, runPart } from "./part-runner.js";

test("database-mail lists profiles and accounts", async () => {
  const { items } = await runPart(databaseMailPart);

  assert.deepEqual(items, [
    {
      type: "profile",
      name: "Kestrel Alerts",
      access: "public (default)",
      accounts: 2,
      description: "Agent job and alert notifications",
    },
    {
      type: "account",
      name: "Kestrel SMTP fallback",
      emailAddress: "sql-alerts@kestrel-coldchain.example",
      displayName: "KESTREL-SQL01 alerts",
      serverType: "SMTP",
      server: "mail.kestrel.internal",
      port: 25,
      ssl: false,
      authentication: "anonymous",
    },
    {
      type: "account",
      name: "Kestrel SMTP relay",
      emailAddress: "sql-alerts@kestrel-coldchain.example",
      displayName: "KESTREL-SQL01 alerts",
      serverType: "SMTP",
      server: "smtp-relay.kestrel.internal",
      port: 587,
      ssl: true,
      authentication: "basic",
    },
  ]);
});

test("database-mail keeps the SMTP user name out", async () => {
  const fixture = kestrelServer();
  const servers = fixture.views["msdb.dbo.sysmail_server"]!.map((s) => ({
    ...s,
    username: s["username"] === null ? null : "smtp-user-7f3a",
  }));
  const { items } = await runPart(databaseMailPart, {
    fixture: { ...fixture, views: { ...fixture.views, "msdb.dbo.sysmail_server": servers } },
  });

  assertNoSecrets(items, ["smtp-user-7f3a"]);
});

test("database-mail rejects when msdb.dbo.sysmail_profile is denied", async () => {
  const fixture = { ...kestrelServer(), faults: { deniedViews: ["msdb.dbo.sysmail_profile"] } };

  await assert.rejects(
    runPart(databaseMailPart, { fixture }),
    (error: unknown) =>
      error instanceof SqlServerError && error.kind === "permission-denied" && /sysmail_profile/.test(error.message),
  );
});
