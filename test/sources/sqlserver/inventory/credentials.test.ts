import assert from "node:assert/strict";
import { test } from "node:test";

import { SqlServerError } from "../../../../src/sources/sqlserver/errors.js";
import { credentialsPart } from "../../../../src/sources/sqlserver/inventory/credentials.js";
import { databaseScopedCredentialsPart } from "../../../../src/sources/sqlserver/inventory/database-scoped-credentials.js";
import { CREDENTIAL_IDENTITIES } from "../../../helpers/sqlserver-fixture/kestrel/credentials.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { assertNoSecrets, runPart } from "./part-runner.js";

test("credentials lists names and identity kinds only", async () => {
  const { items } = await runPart(credentialsPart);

  assert.deepEqual(
    items.map((item) => [item["name"], item["identityKind"], item["logins"]]),
    [
      ["##xp_cmdshell_proxy_account##", "account", 0],
      ["https://kestrelbackups.blob.core.windows.net/sql", "shared access signature", 0],
      ["KestrelFileShare", "account", 0],
    ],
  );
  assert.deepEqual(Object.keys(items[0]!), ["name", "identityKind", "targetType", "logins", "createDate", "modifyDate"]);
  assertNoSecrets(items, CREDENTIAL_IDENTITIES);
});

test("credentials rejects when sys.credentials is denied", async () => {
  const fixture = { ...kestrelServer(), faults: { deniedViews: ["sys.credentials"] } };

  await assert.rejects(
    runPart(credentialsPart, { fixture }),
    (error: unknown) => error instanceof SqlServerError && error.kind === "permission-denied",
  );
});

test("database-scoped-credentials lists names per database", async () => {
  const archive = await runPart(databaseScopedCredentialsPart, { database: "Archive" });
  const kestrel = await runPart(databaseScopedCredentialsPart);

  assert.deepEqual(archive.items, [
    {
      database: "Archive",
      name: "ArchiveColdStorage",
      identityKind: "account",
      createDate: "2024-09-02T10:00:00.000Z",
      modifyDate: "2024-09-02T10:00:00.000Z",
    },
  ]);
  assert.deepEqual(kestrel.items, []);
  assertNoSecrets(archive.items, CREDENTIAL_IDENTITIES);
});
