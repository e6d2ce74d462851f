import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { assessUnit } from "../../../../src/assessment/assess-unit.js";
import { parseTarget } from "../../../../src/catalog/targets.js";
import { queryIdOf } from "../../../../src/sources/sqlserver/catalog-query.js";
import type { CollectedItem, CollectedModule } from "../../../../src/sources/sqlserver/collected.js";
import { moduleUnitName } from "../../../../src/sources/sqlserver/collected.js";
import type { ServerSession } from "../../../../src/sources/sqlserver/reader.js";
import { parse } from "../../../../src/tsql/parse.js";
import type { FixtureServer } from "../../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { memorySession } from "../../../helpers/sqlserver-fixture/memory-session.js";
import { collectItems, NO_PARTS } from "./helpers.js";
import { plantServer, plantViews } from "./plant-fixture.js";

const parsed = parseTarget("babelfish");
assert.ok(parsed.ok);
const target = parsed.target;

function tables(items: readonly CollectedItem[]): CollectedModule[] {
  return items.flatMap((item) => (item.kind === "module" && item.module.origin === "rebuilt-table" ? [item.module] : []));
}

function featuresOf(module: CollectedModule): { features: Set<string>; errors: string[] } {
  const result = assessUnit(
    { file: moduleUnitName(module), bytes: new TextEncoder().encode(module.definition ?? "") },
    { target },
  );
  return {
    features: new Set(result.findings.map((finding) => finding.featureId)),
    errors: result.parseErrors.map((e) => `${e.line}:${e.column} ${e.message}`),
  };
}

async function plantTables(server: FixtureServer = plantServer(), pageSize?: number): Promise<CollectedModule[]> {
  const items = await collectItems(memorySession(server, "plant"), {
    parts: NO_PARTS,
    ...(pageSize === undefined ? {} : { tablePageSize: pageSize }),
  });
  return tables(items);
}

/** Feature ids each rebuilt table must give, by table name. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  Site: [
    "ddl.column.identity",
    "ddl.column.masked",
    "ddl.column.collate",
    "ddl.column.sparse",
    "ddl.column.computed_persisted",
    "ddl.column.rowguidcol",
    "ddl.constraint.default_named",
    "ddl.constraint.default",
    "ddl.constraint.primary_key",
    "ddl.constraint.unique",
    "ddl.constraint.check",
    "ddl.index.clustered",
    "ddl.index.ignore_dup_key",
    "ddl.index.include",
    "ddl.index.filtered",
    "ddl.index.xml",
    "ddl.index.spatial",
    "ddl.table.filegroup",
    "ddl.table.lock_escalation",
    "datatype.geography",
    "datatype.xml.schema_collection",
  ],
  Reading: ["ddl.constraint.foreign_key", "ddl.constraint.cascade", "ddl.table.partitioned", "ddl.index.columnstore"],
  Document: ["ddl.table.filestream", "ddl.column.rowguidcol", "ddl.constraint.unique"],
  Cache: ["ddl.table.memory_optimized", "ddl.index.inline", "ddl.constraint.primary_key"],
  Price: ["ddl.table.temporal", "ddl.constraint.primary_key"],
  Person: ["ddl.table.graph_node", "ddl.index.unique"],
  Knows: ["ddl.table.graph_edge", "ddl.index.nonclustered"],
  Drawings: ["ddl.table.filetable"],
};

describe("rebuilt table definitions", () => {
  it("rebuilds every user table as a table module", async () => {
    const rebuilt = await plantTables();

    assert.deepEqual(
      rebuilt.map((module) => module.name),
      ["Site", "Reading", "Document", "Cache", "Price", "PriceHistory", "Person", "Knows", "Drawings"],
    );
    for (const module of rebuilt) {
      assert.equal(module.database, "Plant");
      assert.equal(module.schema, "plant");
      assert.equal(module.type, "table");
      assert.equal(module.typeCode, "U");
      assert.equal(module.usesQuotedIdentifier, undefined);
    }
  });

  for (const [table, expected] of Object.entries(EXPECTED)) {
    it(`${table} parses and gives its table features`, async () => {
      const module = (await plantTables()).find((m) => m.name === table);
      assert.ok(module !== undefined, `no rebuilt table ${table}`);
      const { features, errors } = featuresOf(module);

      assert.deepEqual(errors, [], `the rebuilt ${table} does not parse:\n${module.definition}`);
      const missing = expected.filter((id) => !features.has(id));
      assert.deepEqual(missing, [], `missing from ${table}:\n${module.definition}`);
    });
  }

  it("rebuilds every Kestrel table so that it parses", async () => {
    const items = await collectItems(memorySession(kestrelServer(), "kestrel"), { parts: NO_PARTS });
    const rebuilt = tables(items);
    const features = new Set<string>();

    assert.ok(rebuilt.length >= 40, `only ${rebuilt.length} tables`);
    for (const module of rebuilt) {
      const result = featuresOf(module);
      assert.deepEqual(result.errors, [], `${moduleUnitName(module)} does not parse:\n${module.definition}`);
      result.features.forEach((id) => features.add(id));
    }
    const expected = [
      "ddl.table.temporal",
      "ddl.table.partitioned",
      "ddl.table.memory_optimized",
      "ddl.table.filestream",
      "ddl.index.columnstore",
      "ddl.index.xml",
      "ddl.index.spatial",
      "ddl.column.sparse",
      "ddl.column.computed_persisted",
      "ddl.constraint.cascade",
    ];
    assert.deepEqual(expected.filter((id) => !features.has(id)), []);
  });

  it("writes the history table as a plain table", async () => {
    const history = (await plantTables()).find((m) => m.name === "PriceHistory");
    const { features, errors } = featuresOf(history!);

    assert.deepEqual(errors, []);
    assert.ok(!features.has("ddl.table.temporal"));
  });

  it("gives the same tables whatever the page size", async () => {
    const whole = await plantTables();
    const paged = await plantTables(plantServer(), 2);
    const single = await plantTables(plantServer(), 1);

    assert.deepEqual(paged, whole);
    assert.deepEqual(single, whole);
  });

  it("reads pages by object_id with typed parameters", async () => {
    const base = memorySession(plantServer(), "plant");
    const calls: { id: string; parameters: unknown }[] = [];
    const session: ServerSession = {
      ...base,
      async reader(database) {
        const reader = await base.reader(database);
        return {
          ...reader,
          all: (query, parameters) => {
            calls.push({ id: queryIdOf(query.text) ?? "", parameters });
            return reader.all(query, parameters);
          },
        };
      },
    };
    await collectItems(session, { parts: NO_PARTS, tablePageSize: 4 });
    const pages = calls.filter((call) => call.id === "collector.tables");

    assert.equal(pages.length, 3, "9 tables in pages of 4");
    assert.deepEqual(pages[0]?.parameters, {
      page_size: { type: "int", value: 4 },
      after_object_id: { type: "int", value: -2_147_483_648 },
    });
    const columnCalls = calls.filter((call) => call.id === "collector.table-columns");
    assert.equal(columnCalls.length, 3);
  });

  it("uses the queries without graph columns before SQL Server 2017", async () => {
    const base = memorySession(plantServer("13.0.6300.2"), "plant");
    const ids: string[] = [];
    const session: ServerSession = {
      ...base,
      async reader(database) {
        const reader = await base.reader(database);
        return {
          ...reader,
          all: (query, parameters) => {
            ids.push(queryIdOf(query.text) ?? "");
            return reader.all(query, parameters);
          },
        };
      },
    };
    const items = await collectItems(session, { parts: NO_PARTS });
    const person = tables(items).find((m) => m.name === "Person");

    assert.ok(ids.includes("collector.tables-2016"));
    assert.ok(ids.includes("collector.table-columns-2016"));
    assert.ok(!ids.includes("collector.tables"));
    assert.doesNotMatch(person?.definition ?? "", /AS NODE/);
  });

  it("quotes hostile names", async () => {
    const views = plantViews() as Record<string, Record<string, unknown>[]>;
    const site = views["sys.tables"]!.find((t) => t["name"] === "Site")!;
    site["name"] = "Site]; DROP TABLE x; --";
    const column = views["sys.columns"]!.find((c) => c["object_id"] === site["object_id"] && c["name"] === "Notes")!;
    column["name"] = "it's [odd]";
    const server: FixtureServer = { ...plantServer(), databases: [{ name: "master", views: {} }, { name: "Plant", views: views as never }] };
    const module = (await plantTables(server)).find((m) => m.name === "Site]; DROP TABLE x; --")!;

    assert.match(module.definition ?? "", /^CREATE TABLE \[plant\]\.\[Site\]\]; DROP TABLE x; --\]/);
    assert.match(module.definition ?? "", /\[it's \[odd\]\]\] nvarchar\(max\) NULL/);
    const result = parse(module.definition ?? "");
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === "error"), []);
    const kinds: string[] = result.batches.flatMap((batch) => batch.statements.map((statement) => statement.kind));
    assert.ok(!kinds.includes("DropStatement"), "the name stays one identifier");
  });

  it("reports a table whose columns the login cannot see", async () => {
    const views = plantViews() as Record<string, Record<string, unknown>[]>;
    const price = views["sys.tables"]!.find((t) => t["name"] === "PriceHistory")!;
    views["sys.columns"] = views["sys.columns"]!.filter((c) => c["object_id"] !== price["object_id"]);
    const server: FixtureServer = { ...plantServer(), databases: [{ name: "master", views: {} }, { name: "Plant", views: views as never }] };
    const items = await collectItems(memorySession(server, "plant"), { parts: NO_PARTS });
    const problem = items.find((item) => item.kind === "problem");

    assert.ok(problem?.kind === "problem");
    assert.equal(problem.problem.reason, "permission-denied");
    assert.equal(problem.problem.part, "table-definitions");
    assert.match(problem.problem.message, /table \[Plant\]\.\[plant\]\.\[PriceHistory\] shows no columns/);
    assert.ok(!tables(items).some((m) => m.name === "PriceHistory"));
  });
});
