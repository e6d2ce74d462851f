import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { dependenciesPart } from "../../../../src/sources/sqlserver/inventory/dependencies.js";
import { splitMultipartName } from "../../../../src/sources/sqlserver/inventory/multipart-name.js";
import { itemWhere, runPart } from "./harness.js";

describe("splitMultipartName", () => {
  const cases: [string, ReturnType<typeof splitMultipartName>][] = [
    ["[dbo].[t]", { server: null, database: null, schema: "dbo", name: "t" }],
    ["t", { server: null, database: null, schema: null, name: "t" }],
    ["[SRV].[Db].[dbo].[T]", { server: "SRV", database: "Db", schema: "dbo", name: "T" }],
    ["[Db]..[T]", { server: null, database: "Db", schema: null, name: "T" }],
    ["[a.b].[c]]d]", { server: null, database: null, schema: "a.b", name: "c]d" }],
    ['"q".x', { server: null, database: null, schema: "q", name: "x" }],
    ["a.b.c.d.e", undefined],
    ["[open", undefined],
    ["dbo.", undefined],
  ];
  for (const [text, expected] of cases) {
    it(`splits ${text}`, () => {
      assert.deepEqual(splitMultipartName(text), expected);
    });
  }
});

describe("dependencies part", () => {
  it("reads each query once, in order", async () => {
    const run = await runPart(dependenciesPart, { database: "KestrelColdChain" });
    assert.deepEqual(run.queryIds, [
      "inventory.dependency-objects",
      "inventory.expression-dependencies",
      "inventory.synonym-targets",
      "inventory.trigger-parents",
    ]);
  });

  it("lists objects and user-defined types", async () => {
    const { items } = await runPart(dependenciesPart, { database: "KestrelColdChain" });
    assert.equal(itemWhere(items, { source: "object", schema: "ops", name: "Shipment" })["type"], "U");
    assert.equal(itemWhere(items, { source: "object", schema: "ops", name: "vShipmentSummary" })["type"], "V");
    assert.ok(items.some((item) => item["source"] === "object" && item["type"] === "TY"), "a user-defined type");
  });

  it("keeps expression dependencies with their flags", async () => {
    const { items } = await runPart(dependenciesPart, { database: "KestrelColdChain" });
    const bound = itemWhere(items, {
      source: "expression",
      name: "vInvoiceTotalsByCustomer",
      referencedName: "InvoiceLine",
    });
    assert.equal(bound["schema"], "report");
    assert.equal(bound["referencedSchema"], "billing");
    assert.equal(bound["referencedType"], "U");
    assert.equal(bound["referencedClass"], 1);
    assert.equal(bound["isSchemaBound"], true);
    assert.equal(bound["isAmbiguous"], false);
  });

  it("splits a synonym's base object", async () => {
    const { items } = await runPart(dependenciesPart, { database: "KestrelColdChain" });
    const remote = itemWhere(items, { source: "synonym", name: "RemoteCarrier" });
    assert.equal(remote["referencedServer"], "CARRIERHUB");
    assert.equal(remote["referencedDatabase"], "CarrierHub");
    assert.equal(remote["referencedSchema"], "dbo");
    assert.equal(remote["referencedName"], "Carrier");
    assert.equal(remote["baseObjectName"], "[CARRIERHUB].[CarrierHub].[dbo].[Carrier]");
  });

  it("names the table or view of each DML trigger", async () => {
    const { items } = await runPart(dependenciesPart, { database: "KestrelColdChain" });
    const insteadOf = itemWhere(items, { source: "trigger", name: "trg_vDepotContact_Insert" });
    assert.equal(insteadOf["referencedName"], "vDepotContact");
    assert.equal(insteadOf["referencedType"], "V");
  });

  it("reads the Archive database's own rows", async () => {
    const { items } = await runPart(dependenciesPart, { database: "Archive" });
    const view = itemWhere(items, { source: "expression", name: "vArchivedShipment" });
    assert.equal(view.database, "Archive");
    assert.equal(view["referencedName"], "ShipmentArchive");
  });
});
