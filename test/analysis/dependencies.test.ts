/** The references the dependency detector records for the graph, case by case. */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { analyzeBatches } from "../../src/analysis/analyze.js";
import type { ObjectReference } from "../../src/analysis/dependencies.js";
import { parse } from "../../src/tsql/parse.js";

function references(code: string): string[] {
  const parsed = parse(code, {});
  return analyzeBatches(parsed.batches, code).dependencies.references.map(format);
}

/** `from -> [server.]database.schema.name kind`, with `?` for an empty or unwritten schema. */
function format(r: ObjectReference): string {
  const from = r.from === undefined ? "(batch)" : `${r.from.schema ?? "?"}.${r.from.name}`;
  if (r.kind === "linkedServer") {
    return `${from} -> ${r.server} linkedServer`;
  }
  const parts = [r.server, r.database === undefined ? undefined : (r.database ?? ""), r.schema ?? "?", r.name]
    .filter((part) => part !== undefined)
    .join(".");
  const flags = `${r.useDatabase === undefined ? "" : ` use=${r.useDatabase}`}${r.dynamic === true ? " dynamic" : ""}`;
  return `${from} -> ${parts} ${r.kind}${flags}`;
}

describe("dependency references", () => {
  const cases: [string, string, string[]][] = [
    ["reads in FROM, JOIN and APPLY", "CREATE VIEW dbo.v AS SELECT * FROM dbo.a JOIN b ON 1 = 1 CROSS APPLY dbo.f(a.x) AS t", [
      "dbo.v -> dbo.a read",
      "dbo.v -> ?.b read",
      "dbo.v -> dbo.f function",
    ]],
    ["DML targets", "CREATE PROCEDURE dbo.p AS BEGIN INSERT INTO dbo.t (a) VALUES (1); DELETE FROM s.u; MERGE dbo.m AS x USING dbo.src AS y ON 1 = 1 WHEN MATCHED THEN DELETE; END", [
      "dbo.p -> dbo.t write",
      "dbo.p -> s.u write",
      "dbo.p -> dbo.m write",
      "dbo.p -> dbo.src read",
    ]],
    ["UPDATE through an alias", "UPDATE x SET a = 1 FROM dbo.t AS x", ["(batch) -> dbo.t write", "(batch) -> dbo.t read"]],
    ["SELECT INTO and OUTPUT INTO", "SELECT a INTO dbo.copy FROM dbo.t; DELETE FROM dbo.t OUTPUT deleted.a INTO dbo.log (a)", [
      "(batch) -> dbo.copy write",
      "(batch) -> dbo.t read",
      "(batch) -> dbo.t write",
      "(batch) -> dbo.log write",
    ]],
    ["EXEC, sequences and types", "CREATE PROCEDURE dbo.p @v dbo.Money READONLY AS BEGIN DECLARE @n bigint = NEXT VALUE FOR dbo.seq; EXEC dbo.q @n; END", [
      "dbo.p -> dbo.Money type",
      "dbo.p -> dbo.seq sequence",
      "dbo.p -> dbo.q execute",
    ]],
    ["cross-database and linked-server names", "SELECT * FROM Archive..Old; SELECT * FROM SRV.Db.dbo.T; EXEC SRV.Db.dbo.p", [
      "(batch) -> Archive.?.Old read",
      "(batch) -> SRV.Db.dbo.T read",
      "(batch) -> SRV.Db.dbo.p execute",
    ]],
    ["OPENQUERY and EXEC AT", "SELECT * FROM OPENQUERY(Remote1, 'SELECT 1'); EXEC ('SELECT 1') AT Remote2", [
      "(batch) -> Remote1 linkedServer",
      "(batch) -> Remote2 linkedServer",
    ]],
    ["synonyms, triggers and foreign keys", "CREATE SYNONYM dbo.s FOR Db.dbo.t;\nGO\nCREATE TRIGGER dbo.tr ON dbo.t AFTER INSERT AS SELECT * FROM inserted;\nGO\nCREATE TABLE dbo.c (id int REFERENCES dbo.t (id));\nALTER TABLE dbo.t ADD CONSTRAINT fk FOREIGN KEY (cid) REFERENCES dbo.c (id);", [
      "dbo.s -> Db.dbo.t synonym",
      "dbo.tr -> dbo.t trigger",
      "dbo.c -> dbo.t foreignKey",
      "dbo.t -> dbo.c foreignKey",
    ]],
    ["dynamic SQL in the object that runs it", "CREATE PROCEDURE dbo.p AS EXEC (N'UPDATE dbo.t SET a = 1')", [
      "dbo.p -> dbo.t write dynamic",
    ]],
    ["USE for later batches", "USE Sales;\nGO\nEXEC dbo.p", ["(batch) -> dbo.p execute use=Sales"]],
    ["nothing for CTEs, temporary tables, system objects and built-ins", "WITH c AS (SELECT 1 AS x) SELECT * FROM c JOIN #t ON 1 = 1 JOIN sys.objects AS o ON 1 = 1 CROSS APPLY STRING_SPLIT('a', ',') AS s; EXEC sp_executesql N'SELECT 1'; DECLARE @x int, @y nvarchar(10), @z sysname", []],
    ["nothing for a CTE as DML target", "WITH n AS (SELECT TOP (1) * FROM dbo.q) UPDATE n SET a = 1", ["(batch) -> dbo.q read"]],
    ["nothing for $PARTITION", "SELECT $PARTITION.pf(a) FROM dbo.t", ["(batch) -> dbo.t read"]],
    ["nothing for xml and spatial methods", "SELECT t.c.value('.', 'int'), g.STDistance(h) FROM dbo.t CROSS APPLY t.x.nodes('/r') AS n(c)", [
      "(batch) -> dbo.t read",
    ]],
  ];

  for (const [name, code, expected] of cases) {
    it(name, () => {
      assert.deepEqual(references(code), expected);
    });
  }

  it("records a repeated reference once, whatever its case", () => {
    assert.deepEqual(references("CREATE PROCEDURE dbo.p AS BEGIN SELECT * FROM dbo.T; SELECT * FROM DBO.t; END"), [
      "dbo.p -> dbo.T read",
    ]);
  });

  it("keeps the line of the first reference", () => {
    const parsed = parse("SELECT 1;\nSELECT * FROM dbo.t;\nSELECT * FROM dbo.t;", {});
    const [reference] = analyzeBatches(parsed.batches, "").dependencies.references;
    assert.equal(reference?.line, 2);
  });

  it("records the definitions with the database of USE", () => {
    const code = "USE Shop;\nGO\nCREATE TABLE dbo.t (a int);\nGO\nCREATE SEQUENCE s;";
    const parsed = parse(code, {});
    assert.deepEqual(analyzeBatches(parsed.batches, code).dependencies.definitions, [
      { type: "table", schema: "dbo", name: "t", useDatabase: "Shop" },
      { type: "sequence", name: "s", useDatabase: "Shop" },
    ]);
  });
});
