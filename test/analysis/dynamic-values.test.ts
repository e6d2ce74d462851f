import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { allFindings } from "./harness.js";

const PREFIXES = ["dynamic_sql.", "statement.checkpoint"];

/** Each case ends in EXEC of @s: known gives CHECKPOINT, unknown gives dynamic_sql.unresolved. */
const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ["a loop's assignment is unknown inside the loop, before it",
    "DECLARE @s nvarchar(50) = N'CHECKPOINT'\nWHILE 1 = 1\nBEGIN\n  EXEC (@s)\n  SET @s = N'SELECT 1'\nEND",
    ["dynamic_sql.exec_string 4:3", "dynamic_sql.unresolved 4:3"]],
  ["a loop's assignment is unknown after the loop",
    "DECLARE @s nvarchar(50) = N'CHECKPOINT'\nWHILE 1 = 0\n  SET @s = N'SELECT 1'\nEXEC (@s)",
    ["dynamic_sql.exec_string 4:1", "dynamic_sql.unresolved 4:1"]],
  ["a loop that assigns other variables keeps the value",
    "DECLARE @s nvarchar(50) = N'CHECKPOINT', @i int = 0\nWHILE @i < 3\n  SET @i += 1\nEXEC (@s)",
    ["dynamic_sql.exec_string 4:1", "statement.checkpoint 4:1"]],
  ["a value set inside IF is known later in the same branch",
    "DECLARE @s nvarchar(50)\nIF 1 = 1\nBEGIN\n  SET @s = N'CHECKPOINT'\n  EXEC (@s)\nEND",
    ["dynamic_sql.exec_string 5:3", "statement.checkpoint 5:3"]],
  ["an assignment in a nested branch is unknown after the outer one",
    "DECLARE @s nvarchar(50) = N'CHECKPOINT'\nIF 1 = 1\nBEGIN\n  IF 2 = 2 SET @s = N'x'\nEND\nEXEC (@s)",
    ["dynamic_sql.exec_string 6:1", "dynamic_sql.unresolved 6:1"]],
  ["an assignment inside TRY is unknown after it",
    "DECLARE @s nvarchar(50) = N'CHECKPOINT'\nBEGIN TRY\n  SET @s = N'x'\nEND TRY\nBEGIN CATCH\nEND CATCH\nEXEC (@s)",
    ["dynamic_sql.exec_string 7:1", "dynamic_sql.unresolved 7:1"]],
  ["FETCH INTO makes the value unknown",
    "DECLARE @s nvarchar(50) = N'CHECKPOINT'\nFETCH NEXT FROM c INTO @s\nEXEC (@s)",
    ["dynamic_sql.exec_string 3:1", "dynamic_sql.unresolved 3:1"]],
  ["an OUTPUT argument makes the value unknown",
    "DECLARE @s nvarchar(50) = N'CHECKPOINT'\nEXEC dbo.make @s OUTPUT\nEXEC (@s)",
    ["dynamic_sql.exec_string 3:1", "dynamic_sql.unresolved 3:1"]],
  ["a second EXEC sees assignments between the two",
    "DECLARE @s nvarchar(50) = N'SELECT 1'\nEXEC (@s)\nSET @s = N'CHECKPOINT'\nEXEC (@s)",
    ["dynamic_sql.exec_string 2:1", "dynamic_sql.exec_string 4:1", "statement.checkpoint 4:1"]],
  ["each batch starts with no values",
    "DECLARE @s nvarchar(50) = N'CHECKPOINT'\nGO\nEXEC (@s)",
    ["dynamic_sql.exec_string 3:1", "dynamic_sql.unresolved 3:1"]],
  ["an EXEC in a loop inside a procedure",
    "CREATE PROCEDURE p AS\nDECLARE @s nvarchar(50) = N'CHECKPOINT', @i int = 0\nWHILE @i < 2\nBEGIN\n  SET @i += 1\n  EXEC (@s)\nEND",
    ["dynamic_sql.exec_string 6:3", "statement.checkpoint 6:3"]],
];

describe("dynamic SQL variable tracking", () => {
  for (const [name, sql, expected] of CASES) {
    it(name, () => {
      assert.deepEqual(allFindings(sql, PREFIXES), expected);
    });
  }
});
