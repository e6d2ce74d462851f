/**
 * The dependency graph of the scripts in test/fixtures/dependencies: a
 * foreign-key cycle, two procedures that call each other, a cross-database
 * view, a synonym and OPENQUERY for a linked server, dynamic SQL and
 * batch-level code, assessed unit by unit as the workers do.
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";

import { assessUnit } from "../../../src/assessment/assess-unit.js";
import { buildDependencyGraph } from "../../../src/assessment/dependencies/build.js";
import type { DependencyGraph } from "../../../src/assessment/dependencies/model.js";
import { parseTarget } from "../../../src/catalog/targets.js";

const FIXTURES = fileURLToPath(new URL("../../../../test/fixtures/dependencies/", import.meta.url));
const FILES = ["01-schema.sql", "02-code.sql"];

function fixtureGraph(): DependencyGraph {
  const parsed = parseTarget("babelfish");
  assert.ok(parsed.ok);
  const units = FILES.map((file) => {
    const result = assessUnit({ file, bytes: readFileSync(FIXTURES + file) }, { target: parsed.target });
    assert.deepEqual(result.parseErrors, [], `${file} must parse`);
    return { file, ...result.dependencies };
  });
  return buildDependencyGraph(units);
}

describe("dependency graph of scripts", () => {
  const graph = fixtureGraph();

  it("has a node for every object and external name", () => {
    assert.deepEqual(
      graph.nodes.map((n) => [n.id, n.type, n.scope]),
      [
        ["Archive.dbo.OrderHistory", "object", "otherDatabase"],
        ["Sales.dbo.Amount", "type", "assessed"],
        ["Sales.dbo.AuditLog", "table", "assessed"],
        ["Sales.dbo.Customer", "table", "assessed"],
        ["Sales.dbo.CustomerHistory", "view", "assessed"],
        ["Sales.dbo.Order", "table", "assessed"],
        ["Sales.dbo.OrderNumbers", "sequence", "assessed"],
        ["Sales.dbo.OrderTotal", "function", "assessed"],
        ["Sales.dbo.PlaceOrder", "procedure", "assessed"],
        ["Sales.dbo.RecalculateCustomer", "procedure", "assessed"],
        ["Sales.dbo.RemoteStock", "synonym", "assessed"],
        ["Sales.dbo.trg_Order_Audit", "trigger", "assessed"],
        ["WAREHOUSE01.Stock.dbo.Item", "object", "linkedServer"],
        ["code:02-code.sql", "code", "code"],
        ["server:WAREHOUSE01", "server", "linkedServer"],
      ],
    );
  });

  it("has an edge for every reference", () => {
    assert.deepEqual(
      graph.edges.map((e) => `${e.from} -> ${e.to} ${e.kind}${e.dynamic === true ? " dynamic" : ""}`),
      [
        "Sales.dbo.Customer -> Sales.dbo.Order foreignKey",
        "Sales.dbo.CustomerHistory -> Archive.dbo.OrderHistory read",
        "Sales.dbo.CustomerHistory -> Sales.dbo.Customer read",
        "Sales.dbo.Order -> Sales.dbo.Amount type",
        "Sales.dbo.Order -> Sales.dbo.Customer foreignKey",
        "Sales.dbo.OrderTotal -> Sales.dbo.Amount type",
        "Sales.dbo.OrderTotal -> Sales.dbo.Order read",
        "Sales.dbo.PlaceOrder -> Sales.dbo.Order write",
        "Sales.dbo.PlaceOrder -> Sales.dbo.OrderNumbers sequence",
        "Sales.dbo.PlaceOrder -> Sales.dbo.RecalculateCustomer execute",
        "Sales.dbo.RecalculateCustomer -> Sales.dbo.AuditLog write dynamic",
        // UPDATE alias ... FROM table AS alias: the FROM reads it, the UPDATE writes it.
        "Sales.dbo.RecalculateCustomer -> Sales.dbo.Customer read",
        "Sales.dbo.RecalculateCustomer -> Sales.dbo.Customer write",
        "Sales.dbo.RecalculateCustomer -> Sales.dbo.Order read",
        "Sales.dbo.RecalculateCustomer -> Sales.dbo.PlaceOrder execute",
        "Sales.dbo.RecalculateCustomer -> server:WAREHOUSE01 linkedServer",
        "Sales.dbo.RemoteStock -> WAREHOUSE01.Stock.dbo.Item synonym",
        "Sales.dbo.trg_Order_Audit -> Sales.dbo.AuditLog write",
        "Sales.dbo.trg_Order_Audit -> Sales.dbo.Order trigger",
        "code:02-code.sql -> Sales.dbo.PlaceOrder execute",
      ],
    );
  });

  it("keeps the file and line of the first reference", () => {
    const edge = graph.edges.find((e) => e.from === "Sales.dbo.Customer" && e.to === "Sales.dbo.Order");
    assert.equal(edge?.file, "01-schema.sql");
    assert.equal(edge?.line, 21);
    assert.deepEqual(edge?.origins, ["code"]);
  });

  it("lists unused objects without triggers", () => {
    assert.deepEqual(graph.unused, ["Sales.dbo.CustomerHistory", "Sales.dbo.OrderTotal", "Sales.dbo.RemoteStock"]);
  });

  it("ranks objects by their users", () => {
    assert.deepEqual(
      graph.mostUsed.map((u) => [u.id, u.usedBy]),
      [
        ["Sales.dbo.Order", 4],
        ["Sales.dbo.Customer", 3],
        ["Sales.dbo.Amount", 2],
        ["Sales.dbo.AuditLog", 2],
        ["Sales.dbo.PlaceOrder", 2],
      ],
    );
  });

  it("finds the foreign-key and the call cycle", () => {
    assert.equal(graph.cycles.length, 2);
    const [tables, procedures] = graph.cycles;
    assert.deepEqual(tables!.nodes, ["Sales.dbo.Customer", "Sales.dbo.Order"]);
    assert.deepEqual(tables!.deferred, [{ from: "Sales.dbo.Customer", to: "Sales.dbo.Order", kind: "foreignKey" }]);
    assert.match(tables!.advice, /ALTER TABLE \.\.\. ADD CONSTRAINT \.\.\. FOREIGN KEY/);
    assert.deepEqual(procedures!.nodes, ["Sales.dbo.PlaceOrder", "Sales.dbo.RecalculateCustomer"]);
    assert.deepEqual(procedures!.deferred, [
      { from: "Sales.dbo.PlaceOrder", to: "Sales.dbo.RecalculateCustomer", kind: "execute" },
    ]);
    assert.match(procedures!.advice, /Sales\.dbo\.PlaceOrder first as a stub/);
  });

  it("orders creation by type and dependencies", () => {
    assert.deepEqual(
      graph.creationOrder.map((s) => [s.step, s.level, s.nodes.join(" + "), s.cycle ?? null]),
      [
        [1, 0, "Sales.dbo.Amount", null],
        [2, 0, "Sales.dbo.OrderNumbers", null],
        [3, 0, "Sales.dbo.AuditLog", null],
        [4, 1, "Sales.dbo.Customer + Sales.dbo.Order", 0],
        [5, 0, "Sales.dbo.RemoteStock", null],
        [6, 2, "Sales.dbo.OrderTotal", null],
        [7, 2, "Sales.dbo.CustomerHistory", null],
        [8, 2, "Sales.dbo.PlaceOrder + Sales.dbo.RecalculateCustomer", 1],
        [9, 2, "Sales.dbo.trg_Order_Audit", null],
      ],
    );
  });
});

describe("dependency graph name resolution", () => {
  const unit = (file: string, database: string | undefined, text: string) => {
    const parsed = parseTarget("babelfish");
    assert.ok(parsed.ok);
    const result = assessUnit({ file, text }, { target: parsed.target });
    return { file, ...(database === undefined ? {} : { database }), ...result.dependencies };
  };

  it("resolves names without regard to case, with dbo by default", () => {
    const graph = buildDependencyGraph([
      unit("Shop.dbo.T", "Shop", "CREATE TABLE dbo.T (a int)"),
      unit("Shop.dbo.P", "Shop", "CREATE PROCEDURE dbo.P AS SELECT a FROM t; SELECT a FROM [DBO].[T]"),
    ]);
    assert.deepEqual(
      graph.edges.map((e) => `${e.from} -> ${e.to}`),
      ["Shop.dbo.P -> Shop.dbo.T"],
    );
    assert.deepEqual(graph.unused, ["Shop.dbo.P"]);
  });

  it("leaves temporary tables out", () => {
    const graph = buildDependencyGraph([
      unit("Shop.dbo.P", "Shop", "CREATE PROCEDURE dbo.P AS CREATE TABLE #work (a int); CREATE TABLE ##shared (a int); SELECT a FROM #work"),
    ]);
    assert.deepEqual(
      graph.nodes.map((n) => n.id),
      ["Shop.dbo.P"],
    );
    assert.deepEqual(graph.edges, []);
  });

  it("finds the database of a job step's names", () => {
    const graph = buildDependencyGraph([
      unit("Shop.dbo.T", "Shop", "CREATE TABLE dbo.T (a int)"),
      unit("Other.dbo.U", "Other", "CREATE TABLE dbo.U (a int)"),
      unit("agent.Nightly.step 1", undefined, "DELETE FROM dbo.T; DELETE FROM dbo.Gone"),
    ]);
    assert.deepEqual(
      graph.edges.map((e) => `${e.from} -> ${e.to}`),
      ["code:agent.Nightly.step 1 -> Shop.dbo.T", "code:agent.Nightly.step 1 -> dbo.Gone"],
    );
    assert.equal(graph.nodes.find((n) => n.id === "dbo.Gone")?.scope, "unresolved");
  });

  it("marks a self-reference as a cycle of one", () => {
    const graph = buildDependencyGraph([
      unit("a.sql", undefined, "CREATE PROCEDURE dbo.Walk @n int AS IF @n > 0 EXEC dbo.Walk @n - 1;"),
    ]);
    assert.equal(graph.cycles.length, 1);
    assert.deepEqual(graph.cycles[0]!.nodes, ["dbo.Walk"]);
    assert.deepEqual(graph.cycles[0]!.deferred, []);
    assert.match(graph.cycles[0]!.advice, /calls itself/);
  });

  it("keeps an edge static when static code has it too", () => {
    const graph = buildDependencyGraph([
      unit("a.sql", undefined, "CREATE PROCEDURE dbo.P AS BEGIN EXEC ('SELECT * FROM dbo.T'); SELECT * FROM dbo.T; END"),
    ]);
    const edge = graph.edges.find((e) => e.to === "dbo.T");
    assert.equal(edge?.dynamic, undefined);
    assert.equal(graph.nodes.find((n) => n.id === "dbo.T")?.scope, "unresolved");
  });
});
