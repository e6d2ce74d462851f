import { test } from "node:test";
import assert from "node:assert/strict";

import { columnTypesPart } from "../../../../src/sources/sqlserver/inventory/column-types.js";
import { objectsPart } from "../../../../src/sources/sqlserver/inventory/objects.js";
import type { FixtureServer } from "../../../helpers/sqlserver-fixture/fixture.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { itemWhere, runPart } from "./harness.js";

function object(objectId: number, name: string, type: string, typeDesc: string) {
  return {
    object_id: objectId,
    name,
    schema_id: 1,
    parent_object_id: 0,
    type,
    type_desc: typeDesc,
    is_ms_shipped: false,
  };
}

/** A database with two procedures (one encrypted), a view, a table, a shipped object and a DDL trigger. */
const SMALL: FixtureServer = {
  name: "SMALL",
  views: {},
  databases: [
    {
      name: "Small",
      views: {
        "sys.objects": [
          object(10, "usp_Load", "P", "SQL_STORED_PROCEDURE"),
          object(11, "usp_Secret", "P", "SQL_STORED_PROCEDURE"),
          object(12, "vOrders", "V", "VIEW"),
          object(13, "Orders", "U", "USER_TABLE"),
          { ...object(14, "sp_shipped", "P", "SQL_STORED_PROCEDURE"), is_ms_shipped: true },
        ],
        "sys.sql_modules": [
          // Three lines, CRLF line ends, none after the last line.
          { object_id: 10, definition: "CREATE PROCEDURE dbo.usp_Load\r\nAS\r\nSELECT 1;" },
          { object_id: 11, definition: null },
          // Two lines, the last ending with a line feed; trailing spaces count as text.
          { object_id: 12, definition: "CREATE VIEW dbo.vOrders AS   \nSELECT 1 AS x;\n" },
          { object_id: 14, definition: "CREATE PROCEDURE sp_shipped AS SELECT 1;" },
          { object_id: 20, definition: "CREATE TRIGGER trg_Ddl ON DATABASE\nFOR CREATE_TABLE\nAS\nPRINT 1;" },
        ],
        "sys.triggers": [
          { object_id: 20, name: "trg_Ddl", parent_class: 0, parent_id: 0, type: "TR", is_ms_shipped: false },
        ],
      },
    },
  ],
};

test("objects part counts modules and lines", async () => {
  const { items, queryIds } = await runPart(objectsPart, { fixture: SMALL, database: "Small" });

  assert.deepEqual(queryIds, ["inventory.objects-by-type", "inventory.objects-ddl-triggers"]);
  assert.deepEqual(items, [
    {
      database: "Small",
      type: "P",
      typeDesc: "SQL_STORED_PROCEDURE",
      kind: "stored procedure",
      count: 2,
      modules: 2,
      encrypted: 1,
      lines: 3,
    },
    { database: "Small", type: "U", typeDesc: "USER_TABLE", kind: "table", count: 1, modules: 0, encrypted: 0, lines: 0 },
    { database: "Small", type: "V", typeDesc: "VIEW", kind: "view", count: 1, modules: 1, encrypted: 0, lines: 2 },
    {
      database: "Small",
      type: "TR",
      typeDesc: "SQL_TRIGGER",
      kind: "database DDL trigger",
      count: 1,
      modules: 1,
      encrypted: 0,
      lines: 4,
    },
  ]);
});

test("objects part without DDL triggers", async () => {
  const fixture: FixtureServer = {
    ...SMALL,
    databases: SMALL.databases.map((database) => ({ ...database, views: { ...database.views, "sys.triggers": [] } })),
  };
  const { items } = await runPart(objectsPart, { fixture, database: "Small" });

  assert.equal(
    items.some((item) => item["kind"] === "database DDL trigger"),
    false,
  );
});

test("objects part counts KestrelColdChain schema objects", async () => {
  const { items } = await runPart(objectsPart, { database: "KestrelColdChain" });

  const types = ["U", "PK", "UQ", "F", "C", "D", "SO", "SN", "TT"];
  const counts = Object.fromEntries(types.map((type) => [type, itemWhere(items, { type })["count"]]));
  assert.deepEqual(counts, { U: 45, PK: 42, UQ: 12, F: 48, C: 36, D: 79, SO: 3, SN: 4, TT: 3 });
  assert.equal(itemWhere(items, { type: "U" })["kind"], "table");
  assert.equal(itemWhere(items, { type: "U" })["lines"], 0);
});

test("objects part counts every KestrelColdChain procedure", async () => {
  const server = kestrelServer();
  const views = server.databases.find((database) => database.name === "KestrelColdChain")!.views;
  const procedures = (views["sys.objects"] ?? []).filter((o) => o["type"] === "P" && o["is_ms_shipped"] !== true);
  const { items } = await runPart(objectsPart, { database: "KestrelColdChain" });

  const item = itemWhere(items, { type: "P" });
  assert.equal(item["count"], procedures.length);
  assert.equal(item["modules"], procedures.length);
  assert.ok((item["lines"] as number) > procedures.length, "procedures have more than one line each");
});

test("column types part counts base types", async () => {
  const { items, queryIds } = await runPart(columnTypesPart, { database: "KestrelColdChain" });

  assert.deepEqual(queryIds, ["inventory.column-types"]);
  assert.equal(items.length, 27);
  assert.deepEqual(itemWhere(items, { type: "char" }), { database: "KestrelColdChain", type: "char", columns: 24, tables: 18 });
  // Alias types count as their base type; CLR types keep their name.
  assert.equal(items.some((item) => item["type"] === "CountryCode"), false);
  assert.deepEqual(itemWhere(items, { type: "geography" }), {
    database: "KestrelColdChain",
    type: "geography",
    columns: 3,
    tables: 3,
  });
  assert.deepEqual(
    ["text", "ntext", "image", "timestamp", "hierarchyid", "xml"].map((type) => itemWhere(items, { type })["columns"]),
    [1, 1, 1, 4, 1, 7],
  );
});
