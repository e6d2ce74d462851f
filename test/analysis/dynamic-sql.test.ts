import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { analyzeBatches } from "../../src/analysis/analyze.js";
import { parse } from "../../src/tsql/parse.js";
import { allFindings } from "./harness.js";

const PREFIXES = ["dynamic_sql.", "sysproc.sp_executesql", "statement.", "error.throw", "cursor.declare"];

const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ["CHECKPOINT on line 5 of a multi-line literal", "SELECT 1\nEXEC ('SELECT 1\nSELECT 2\n\n    CHECKPOINT')",
    ["dynamic_sql.exec_string 2:1", "statement.checkpoint 5:5"]],
  ["doubled quotes count as one character", "EXEC ('PRINT ''it''''s''; CHECKPOINT')",
    ["dynamic_sql.exec_string 1:1", "statement.checkpoint 1:27"]],
  ["sp_executesql with an N'' literal", "EXEC sp_executesql N'CHECKPOINT', N'@a int', @a = 1",
    ["sysproc.sp_executesql 1:6", "statement.checkpoint 1:22"]],
  ["sp_executesql with a named @stmt", "EXEC sp_executesql @params = N'', @stmt = N'THROW 50000, ''x'', 1'",
    ["sysproc.sp_executesql 1:6", "error.throw 1:45"]],
  ["variable built by concatenation maps to the EXEC",
    "DECLARE @t sysname = N'CHECK'\nDECLARE @s nvarchar(100) = @t\nSET @s += N'POINT'\nEXEC (@s)",
    ["dynamic_sql.exec_string 4:1", "statement.checkpoint 4:1"]],
  ["pieces joined in the EXEC itself", "DECLARE @c nvarchar(10) = N'CHECKPOINT'\nEXEC (N'SELECT 1; ' + @c)",
    ["dynamic_sql.exec_string 2:1", "statement.checkpoint 2:1"]],
  ["a parameter's value is unknown", "CREATE PROCEDURE p @sql nvarchar(max) AS\nEXEC (@sql)",
    ["dynamic_sql.exec_string 2:1", "dynamic_sql.unresolved 2:1"]],
  ["an assignment inside IF makes the value unknown after it",
    "DECLARE @s nvarchar(50) = N'SELECT 1'\nIF @@ROWCOUNT = 0 SET @s = N'CHECKPOINT'\nEXEC (@s)",
    ["dynamic_sql.exec_string 3:1", "dynamic_sql.unresolved 3:1"]],
  ["a value assigned before IF is known inside it", "DECLARE @s nvarchar(50) = N'CHECKPOINT'\nIF 1 = 1\n  EXEC (@s)",
    ["dynamic_sql.exec_string 3:3", "statement.checkpoint 3:3"]],
  ["a value assigned by SELECT is unknown", "DECLARE @s nvarchar(50) = N'x'\nSELECT @s = body FROM scripts\nEXEC sp_executesql @s",
    ["sysproc.sp_executesql 3:6", "dynamic_sql.unresolved 3:1"]],
  ["nested dynamic SQL maps through both literals", "EXEC ('EXEC (''CHECKPOINT'')')",
    ["dynamic_sql.exec_string 1:1", "dynamic_sql.exec_string 1:8", "statement.checkpoint 1:16"]],
  ["INSERT ... EXEC of a string", "INSERT INTO t EXEC (N'DECLARE c CURSOR FOR SELECT 1')",
    ["dynamic_sql.exec_string 1:15", "cursor.declare 1:33"]],
  ["a string that does not parse", "EXEC ('SELECT FROM WHERE')", ["dynamic_sql.exec_string 1:1", "dynamic_sql.unparsable 1:15"]],
];

describe("dynamic-sql detector", () => {
  for (const [name, sql, expected] of CASES) {
    it(name, () => {
      assert.deepEqual(allFindings(sql, PREFIXES), expected);
    });
  }

  it("treats a string doubled past the limit as unresolved", () => {
    const doublings = Array.from({ length: 21 }, () => "SET @s = @s + @s").join("\n");
    const sql = `DECLARE @s nvarchar(max) = N'CHECKPOINT;'\n${doublings}\nEXEC (@s)`;
    const findings = allFindings(sql, PREFIXES);
    assert.deepEqual(findings, ["dynamic_sql.exec_string 23:1", "dynamic_sql.unresolved 23:1"]);
  });

  it("treats += growth past the limit as unresolved", () => {
    const doublings = Array.from({ length: 21 }, () => "SET @s += @s").join("\n");
    const sql = `DECLARE @s nvarchar(max) = N'CHECKPOINT;'\n${doublings}\nEXEC (@s)`;
    assert.deepEqual(allFindings(sql, PREFIXES), ["dynamic_sql.exec_string 23:1", "dynamic_sql.unresolved 23:1"]);
  });

  it("keeps the enclosing procedure as the object of nested findings", () => {
    const sql = "CREATE PROCEDURE dbo.p AS\nEXEC ('CHECKPOINT')";
    const checkpoint = analyzeBatches(parse(sql).batches, sql).occurrences.filter((o) => o.featureId === "statement.checkpoint");
    assert.deepEqual(checkpoint.map((o) => [o.object, o.line, o.column]), [["dbo.p", 2, 8]]);
  });
});
