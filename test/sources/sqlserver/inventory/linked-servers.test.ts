import assert from "node:assert/strict";
import { test } from "node:test";

import { SqlServerError } from "../../../../src/sources/sqlserver/errors.js";
import { linkedServersPart } from "../../../../src/sources/sqlserver/inventory/linked-servers.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { assertNoSecrets, runPart } from "./part-runner.js";

test("linked-servers lists linked servers only, with login mapping counts", async () => {
  const { items } = await runPart(linkedServersPart);

  assert.deepEqual(items, [
    {
      name: "CARRIERHUB",
      provider: "MSOLEDBSQL",
      product: "",
      dataSource: "carrierhub.partners.kestrel-coldchain.example,14330",
      catalog: "CarrierHub",
      rpcOut: true,
      dataAccess: true,
      remoteProcTransactionPromotion: false,
      loginMappings: 2,
      defaultMappings: 1,
      selfMappings: 1,
      remoteLoginMappings: 1,
      modifyDate: "2024-03-12T10:12:00.000Z",
    },
    {
      name: "FINANCE_ERP",
      provider: "MSDASQL",
      product: "Oracle",
      dataSource: "KestrelErpDsn",
      catalog: null,
      rpcOut: false,
      dataAccess: true,
      remoteProcTransactionPromotion: true,
      loginMappings: 1,
      defaultMappings: 1,
      selfMappings: 0,
      remoteLoginMappings: 1,
      modifyDate: "2024-03-12T10:14:00.000Z",
    },
  ]);
});

test("linked-servers keeps remote login names and provider strings out", async () => {
  const { items } = await runPart(linkedServersPart);

  assertNoSecrets(items, ["kestrel_reader", "KCC_LEDGER", "Encrypt=Mandatory"]);
});

test("linked-servers rejects when sys.linked_logins is denied", async () => {
  const fixture = { ...kestrelServer(), faults: { deniedViews: ["sys.linked_logins"] } };

  await assert.rejects(
    runPart(linkedServersPart, { fixture }),
    (error: unknown) =>
      error instanceof SqlServerError &&
      error.kind === "permission-denied" &&
      error.queryId === "inventory.linked-server-logins",
  );
});
