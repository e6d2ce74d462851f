/**
 * Catalog edges of the Kestrel fixture server: the dependencies and
 * constraints parts read through the in-memory session, alone and merged
 * with the edges of the modules' code by a whole live assessment.
 */

import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { buildDependencyGraph } from "../../../src/assessment/dependencies/build.js";
import type { DependencyGraph } from "../../../src/assessment/dependencies/model.js";
import { runAssessment } from "../../../src/assessment/run.js";
import { defaultCatalog } from "../../../src/catalog/catalog.js";
import { parseTarget } from "../../../src/catalog/targets.js";
import { collectServer } from "../../../src/sources/sqlserver/collect.js";
import type { InventoryItem } from "../../../src/sources/sqlserver/collected.js";
import { constraintsPart } from "../../../src/sources/sqlserver/inventory/constraints.js";
import { dependenciesPart } from "../../../src/sources/sqlserver/inventory/dependencies.js";
import { NullStore } from "../../../src/store/null-store.js";
import { kestrelServer } from "../../helpers/sqlserver-fixture/kestrel/index.js";
import { memorySession } from "../../helpers/sqlserver-fixture/memory-session.js";
import { runPart } from "../../sources/sqlserver/inventory/harness.js";

const K = "KestrelColdChain";

function edgeLines(graph: DependencyGraph): string[] {
  return graph.edges.map((e) => `${e.from} -> ${e.to} ${e.kind} [${e.origins.join(",")}]`);
}

describe("dependency graph from the catalog", () => {
  let graph: DependencyGraph;
  let foreignKeys: InventoryItem[];

  before(async () => {
    const inventory: Record<string, InventoryItem[]> = { dependencies: [], constraints: [] };
    for (const database of [K, "Archive"]) {
      inventory["dependencies"]!.push(...(await runPart(dependenciesPart, { database })).items);
      inventory["constraints"]!.push(...(await runPart(constraintsPart, { database })).items);
    }
    foreignKeys = inventory["constraints"]!.filter((item) => item["type"] === "FOREIGN KEY");
    graph = buildDependencyGraph([], inventory);
  });

  it("has expression dependencies as reference edges", () => {
    const lines = edgeLines(graph);
    for (const table of ["billing.Customer", "billing.CustomerSite", "ops.Depot", "ops.Route", "ops.Shipment"]) {
      assert.ok(lines.includes(`${K}.ops.vShipmentSummary -> ${K}.${table} reference [catalog]`), table);
    }
    assert.ok(lines.includes(`${K}.integration.usp_BookFromJson -> ${K}.ops.usp_CreateShipment reference [catalog]`));
    assert.ok(lines.includes("Archive.dbo.vArchivedShipment -> Archive.dbo.ShipmentArchive reference [catalog]"));
  });

  it("follows a synonym to a linked server", () => {
    const lines = edgeLines(graph);
    assert.ok(lines.includes(`${K}.integration.vCarrierPositions -> ${K}.integration.RemoteTrackingEvent reference [catalog]`));
    assert.ok(
      lines.includes(`${K}.integration.RemoteTrackingEvent -> CARRIERHUB.CarrierHub.dbo.TrackingEvent synonym [catalog]`),
    );
    const remote = graph.nodes.find((n) => n.id === "CARRIERHUB.CarrierHub.dbo.TrackingEvent");
    assert.equal(remote?.scope, "linkedServer");
    assert.equal(graph.nodes.find((n) => n.id === `${K}.report.Invoices`)?.type, "synonym");
  });

  it("links triggers to their table or view", () => {
    const lines = edgeLines(graph);
    assert.ok(lines.includes(`${K}.ops.trg_vDepotContact_Insert -> ${K}.ops.vDepotContact trigger [catalog]`));
    assert.ok(lines.includes(`${K}.billing.trg_Invoice_ProtectIssued -> ${K}.billing.Invoice trigger [catalog]`));
  });

  it("has an edge for every foreign key", () => {
    assert.ok(foreignKeys.length > 0);
    const fkEdges = graph.edges.filter((e) => e.kind === "foreignKey");
    const expected = new Set(
      foreignKeys.map((fk) => `${fk.database}.${fk["schema"]}.${fk["table"]} -> ${fk.database}.${fk["referencedSchema"]}.${fk["referencedTable"]}`),
    );
    assert.deepEqual(new Set(fkEdges.map((e) => `${e.from} -> ${e.to}`)), expected);
  });

  it("types nodes from the catalog objects", () => {
    const types = new Map(graph.nodes.map((n) => [n.id, n.type]));
    assert.equal(types.get(`${K}.ops.vShipmentSummary`), "view");
    assert.equal(types.get(`${K}.ops.Shipment`), "table");
    assert.equal(types.get(`${K}.ops.usp_CreateShipment`), "procedure");
    assert.equal(types.get(`${K}.ops.ShipmentNumberSeq`), "sequence");
    assert.ok(graph.nodes.every((n) => n.scope !== "unresolved"), "every catalog name resolves");
  });

  it("orders tables before the views over them", () => {
    const stepOf = new Map(graph.creationOrder.flatMap((s) => s.nodes.map((id) => [id, s.step] as const)));
    assert.ok(stepOf.get(`${K}.ops.Shipment`)! < stepOf.get(`${K}.ops.vShipmentSummary`)!);
    assert.ok(stepOf.get(`${K}.ops.usp_CreateShipment`)! < stepOf.get(`${K}.integration.usp_BookFromJson`)!);
  });
});

describe("dependency graph of a live assessment", () => {
  let graph: DependencyGraph | undefined;

  before(async () => {
    const target = parseTarget("babelfish");
    assert.ok(target.ok);
    const result = await runAssessment({
      id: "20250304-050607-abcdef",
      startedAt: new Date("2025-03-04T05:06:07.000Z"),
      infioVersion: "0.0.0-test",
      sources: ["kestrel-sql01"],
      collected: collectServer(memorySession(kestrelServer(), "kestrel-sql01")),
      target: target.target,
      catalog: defaultCatalog(),
      maxFileSize: 1024 * 1024,
      jobs: 1,
      store: new NullStore(),
    });
    assert.ok(result.ok, result.ok ? "" : result.error);
    graph = result.assessment.dependencies;
  });

  it("merges catalog rows into the code's edges", () => {
    assert.ok(graph !== undefined);
    const edge = graph.edges.find((e) => e.from === `${K}.ops.vShipmentSummary` && e.to === `${K}.ops.Shipment`);
    assert.equal(edge?.kind, "read");
    assert.deepEqual(edge?.origins, ["catalog", "code"]);
  });

  it("resolves a module's unqualified names in its own database", () => {
    assert.ok(graph !== undefined);
    const edge = graph.edges.find((e) => e.from === "Archive.dbo.usp_ArchiveSummary");
    assert.equal(edge?.to, "Archive.dbo.ShipmentArchive");
    assert.deepEqual(edge?.origins, ["code"]);
  });
});
