import assert from "node:assert/strict";
import { test } from "node:test";

import { SqlServerError } from "../../../../src/sources/sqlserver/errors.js";
import { clrAssembliesPart } from "../../../../src/sources/sqlserver/inventory/clr-assemblies.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { assertNoSecrets, runPart, withView } from "./part-runner.js";

const ROUTING = {
  database: "KestrelColdChain",
  name: "Kestrel.Routing",
  permissionSet: "EXTERNAL_ACCESS",
  modules: 3,
  types: 0,
  isTrusted: true,
  isVisible: true,
  clrName: "kestrel.routing, version=2.3.0.0, culture=neutral, publickeytoken=null, processorarchitecture=msil",
  createDate: "2024-03-12T11:20:00.000Z",
  modifyDate: "2024-03-12T11:20:00.000Z",
};

test("clr-assemblies lists user assemblies with their module counts", async () => {
  const { items } = await runPart(clrAssembliesPart);

  assert.deepEqual(items, [ROUTING]);
  assertNoSecrets(items);
});

test("clr-assemblies reads the trusted list on SQL Server 2017 and later", async () => {
  const denied = { ...kestrelServer(), faults: { deniedViews: ["sys.trusted_assemblies"] } };

  await assert.rejects(
    runPart(clrAssembliesPart, { fixture: denied, majorVersion: 14 }),
    (error: unknown) => error instanceof SqlServerError && error.queryId === "inventory.clr-trusted-assemblies",
  );
});

test("clr-assemblies skips the trusted list on SQL Server 2016", async () => {
  const denied = { ...kestrelServer(), faults: { deniedViews: ["sys.trusted_assemblies"] } };
  const { items } = await runPart(clrAssembliesPart, { fixture: denied, majorVersion: 13 });

  assert.deepEqual(items, [{ ...ROUTING, isTrusted: null }]);
});

test("clr-assemblies marks an assembly whose hash is not trusted", async () => {
  const fixture = withView(kestrelServer(), "sys.trusted_assemblies", []);
  const { items } = await runPart(clrAssembliesPart, { fixture });

  assert.equal(items[0]?.["isTrusted"], false);
});

test("clr-assemblies has no items in a database without assemblies", async () => {
  const { items } = await runPart(clrAssembliesPart, { database: "Archive" });

  assert.deepEqual(items, []);
});
