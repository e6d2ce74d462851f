import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { offsetMapper, toOriginalOffset } from "../../../src/tsql/batches/assemble.js";
import { splitBatches } from "../../../src/tsql/batches/split.js";

function fixture(name: string): string {
  return readFileSync(
    new URL(`../../../../test/fixtures/batches/${name}`, import.meta.url),
    "utf8",
  );
}

test("template file is detected and replaced", () => {
  const result = splitBatches(fixture("procedure-template.sql"));
  const texts = result.batches.map((b) => b.text);

  assert.equal(result.batches.length, 3);
  assert.match(texts[0] ?? "", /-- Author: {2}Your Name\n-- Created: \nUSE Inventory\n$/);
  assert.match(texts[1] ?? "", /OBJECT_ID\(N'dbo\.usp_Audit'\)/);
  assert.match(texts[1] ?? "", /DROP PROCEDURE dbo\.usp_Audit;/);
  assert.match(texts[2] ?? "", /CREATE PROCEDURE dbo\.usp_Audit\n {4}@since datetime2\(0\) = NULL\n/);
  assert.match(texts[2] ?? "", /SELECT TOP \(100\) \*/);
  assert.match(texts[2] ?? "", /FROM \[dbo\]\.\[AuditLog\]/);
  assert.match(texts[2] ?? "", /WHERE LoggedAt >= @since;/);
  assert.ok(result.batches.every((b) => b.substituted));
});

test("template parameters reported with positions", () => {
  const result = splitBatches(fixture("procedure-template.sql"), { file: "t.sql" });
  const [author, created, database] = result.templateParameters;

  assert.equal(result.templateParameters.length, 15);
  assert.deepEqual(
    [author?.name, author?.type, author?.value, author?.line, author?.column],
    ["Author", "", "Your Name", 2, 13],
  );
  assert.equal(author?.text, "<Author,,Your Name>");
  assert.deepEqual([created?.name, created?.value], ["Create Date", ""]);
  assert.deepEqual(
    [database?.name, database?.type, database?.value, database?.line, database?.column],
    ["Database_Name", "sysname", "Inventory", 4, 5],
  );
});

test("template diagnostics one per name", () => {
  const result = splitBatches(fixture("procedure-template.sql"), { file: "t.sql" });
  const notes = result.diagnostics.filter((d) => d.code === "batches.template-parameter");

  assert.equal(notes.length, 9);
  assert.ok(notes.every((d) => d.severity === "info" && d.file === "t.sql"));
  const schema = notes.find((d) => d.message.includes("Schema_Name"));
  assert.match(schema?.message ?? "", /replaced by its default 'dbo' in 4 places/);
  assert.equal(schema?.line, 6);
});

test("comparisons are not template parameters", () => {
  const inputs = [
    "SELECT * FROM t WHERE a<b, c>d",
    "SELECT IIF(a<b, c, IIF(d>e, 1, 2)) FROM t",
    "SELECT CASE WHEN a<b THEN 1 END, c, d>e FROM t",
    "SELECT a <> b, c, d > e FROM t",
    "SELECT a <= b, c, d > e FROM t",
    "SELECT x FROM t WHERE y<z, w, v>u",
  ];

  for (const input of inputs) {
    const result = splitBatches(input);

    assert.equal(result.batches[0]?.text, input, input);
    assert.deepEqual(result.templateParameters, [], input);
    assert.deepEqual(result.diagnostics, [], input);
  }
});

test("ambiguous parameter replaced in a template", () => {
  // Alone, "a<b, c, d>e" reads as comparisons; the empty field elsewhere
  // shows that the file is a template.
  const input = "-- <Description,,>\nSELECT a<b, c, d>e";
  const result = splitBatches(input);

  assert.equal(result.batches[0]?.text, "-- \nSELECT ade");
  assert.equal(result.templateParameters.length, 2);
});

test("parameter in string is not evidence", () => {
  const input = "SELECT '<a, b, c>' AS t";

  assert.equal(splitBatches(input).batches[0]?.text, input);
  assert.equal(
    splitBatches(input, { templateParameters: "replace" }).batches[0]?.text,
    "SELECT 'c' AS t",
  );
});

test("template mode keep", () => {
  const input = "USE <Database_Name, sysname, AdventureWorks>\n";
  const kept = splitBatches(input, { templateParameters: "keep" });
  const auto = splitBatches(input);

  assert.equal(kept.batches[0]?.text, input);
  assert.deepEqual(kept.templateParameters, []);
  assert.equal(auto.batches[0]?.text, "USE AdventureWorks\n");
});

test("template replacement maps columns back", () => {
  const input = "USE <Database_Name, sysname, Db>; SELECT 1";
  const [batch] = splitBatches(input).batches;

  assert.equal(batch?.text, "USE Db; SELECT 1");
  assert.deepEqual(batch?.replacements, [
    { start: 4, end: 6, originalStart: 4, originalEnd: 32 },
  ]);
});

test("template default containing a variable", () => {
  const input = ":setvar Db Sales\nUSE <Database_Name, sysname, $(Db)>\n";
  const result = splitBatches(input);

  assert.match(result.batches[0]?.text ?? "", /\nUSE Sales\n$/);
  assert.equal(result.templateParameters[0]?.value, "Sales");
});

test("sqlcmd fixture", () => {
  const result = splitBatches(fixture("deploy-sqlcmd.sql"), {
    variables: { DatabaseName: "Ignored", SQLCMDSERVER: "srv01" },
  });

  assert.deepEqual(
    result.batches.map((b) => [b.line, b.repeat, b.text.trim()]),
    [
      [1, 1, "USE [Inventory];"],
      [6, 1, "PRINT N'Deploying to Inventory on srv01';"],
      [
        8,
        2,
        "CREATE VIEW [dbo].[ItemCount] AS\nSELECT COUNT(*) AS n FROM [dbo].[Item];",
      ],
    ],
  );
  assert.deepEqual(
    result.commands.map((c) => c.name),
    ["on error", "setvar", "setvar", "r"],
  );
  assert.deepEqual(result.diagnostics, []);
});

test("parameter in name position is evidence", () => {
  const cases = [
    [
      "CREATE PROCEDURE <Procedure_Name, sysname, ProcedureName> AS SELECT 1",
      "CREATE PROCEDURE ProcedureName AS SELECT 1",
    ],
    [
      "DROP TRIGGER <trigger_name, sysname, t> ON DATABASE",
      "DROP TRIGGER t ON DATABASE",
    ],
    [
      "create or alter proc <name, sysname, p> as select 1",
      "create or alter proc p as select 1",
    ],
    [
      "CREATE UNIQUE NONCLUSTERED INDEX <ix, sysname, ix1> ON t (a)",
      "CREATE UNIQUE NONCLUSTERED INDEX ix1 ON t (a)",
    ],
    [
      "DROP TABLE IF EXISTS <table_name, sysname, t> ;",
      "DROP TABLE IF EXISTS t ;",
    ],
    [
      "CREATE INDEX ix ON <table_name, sysname, t> (a)",
      "CREATE INDEX ix ON t (a)",
    ],
    [
      "SELECT 1 AS <column_name, sysname, c> FROM t",
      "SELECT 1 AS c FROM t",
    ],
    [
      "ALTER TABLE t ADD CONSTRAINT <pk, sysname, pk_t> PRIMARY KEY (a)",
      "ALTER TABLE t ADD CONSTRAINT pk_t PRIMARY KEY (a)",
    ],
  ];

  for (const [input, expected] of cases) {
    const result = splitBatches(input!);

    assert.equal(result.batches[0]?.text, expected, input);
    assert.equal(result.templateParameters.length, 1, input);
  }
});

test("keywords near comparisons are not evidence", () => {
  const inputs = [
    "SELECT * FROM t WHERE a<b, c, d>e",
    "SELECT * FROM t WHERE view_a<b, c, d>on_x",
    "SELECT * FROM t WHERE USER<b, c, d>e",
    "SELECT * FROM t WHERE [table]<b, c, d>e",
    "SELECT * FROM t WHERE created<b, c, d>e",
    "SELECT * FROM t WHERE x.drop_table<b, c, d>e",
    "SELECT * FROM t WHERE @on<b, c, d>@as",
  ];

  for (const input of inputs) {
    const result = splitBatches(input);

    assert.equal(result.batches[0]?.text, input, input);
    assert.deepEqual(result.templateParameters, [], input);
  }
});

test("parameter name with hyphens", () => {
  const input = "CREATE QUEUE <queue-name, sysname, q>\n";
  const result = splitBatches(input);

  assert.equal(result.batches[0]?.text, "CREATE QUEUE q\n");
  assert.equal(result.templateParameters[0]?.name, "queue-name");
});

test("many parameters map offsets back", () => {
  const line = "SELECT <a,int,1> + <b,,22>\n";
  const input = line.repeat(50);
  const [batch] = splitBatches(input).batches;
  const text = batch!.text;

  assert.equal(batch!.replacements.length, 100);
  // Every character outside a replaced value maps to the same character.
  let checked = 0;
  for (let offset = 0; offset < text.length; offset++) {
    const inValue = batch!.replacements.some((r) => offset >= r.start && offset < r.end);
    if (inValue) {
      continue;
    }
    assert.equal(input[toOriginalOffset(batch!, offset)], text[offset], `offset ${offset}`);
    checked++;
  }
  assert.equal(checked, 50 * "SELECT  + \n".length);

  // A character of a value maps to the start of its parameter.
  const value = text.indexOf("22", 60);
  assert.equal(input.slice(toOriginalOffset(batch!, value)).startsWith("<b,,22>"), true);
  assert.equal(toOriginalOffset(batch!, text.length), input.length);
});

test("offsetMapper matches toOriginalOffset", () => {
  const input = ":setvar V abc\nSELECT <a,int,1>, $(V), <b,,>\n".repeat(20);
  const [batch] = splitBatches(input).batches;
  const length = batch!.text.length;
  const map = offsetMapper(batch!);

  assert.ok(batch!.replacements.length >= 60);
  for (let offset = 0; offset <= length; offset++) {
    assert.equal(map(offset), toOriginalOffset(batch!, offset), `offset ${offset}`);
  }
  // Going back falls back to the binary search.
  assert.equal(map(5), toOriginalOffset(batch!, 5));
  assert.equal(map(length), toOriginalOffset(batch!, length));
});
