import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { found, statusOf, target } from "./detector-cases.js";

const FAMILIES = ["module"];

const CASES: readonly { name: string; sql: string; expected: readonly string[] }[] = [
  {
    name: "CREATE PROCEDURE ... WITH EXECUTE AS OWNER gives the EXECUTE AS detail",
    sql: "CREATE PROCEDURE p WITH EXECUTE AS OWNER AS SELECT 1",
    expected: ["module.procedure 1:1", "module.option.execute_as [owner] 1:25"],
  },
  {
    name: "EXECUTE AS variants: caller, self and a user name",
    sql: "CREATE PROC a WITH EXECUTE AS CALLER AS SELECT 1\nGO\nCREATE PROC b WITH EXECUTE AS SELF AS SELECT 1\nGO\nCREATE PROC c WITH EXECUTE AS 'bob' AS SELECT 1",
    expected: [
      "module.procedure 1:1", "module.option.execute_as [caller] 1:20",
      "module.procedure 3:1", "module.option.execute_as [self] 3:20",
      "module.procedure 5:1", "module.option.execute_as [user] 5:20",
    ],
  },
  {
    name: "CREATE OR ALTER, numbered, with options and FOR REPLICATION",
    sql: "CREATE OR ALTER PROCEDURE dbo.p2;2 @a int WITH RECOMPILE, ENCRYPTION FOR REPLICATION AS SELECT 1",
    expected: [
      "module.procedure 1:1", "module.create_or_alter 1:8", "module.procedure.numbered 1:27",
      "module.option.recompile 1:48", "module.option.encryption 1:59", "module.procedure.for_replication 1:70",
    ],
  },
  {
    name: "ALTER PROCEDURE of a temporary procedure",
    sql: "ALTER PROCEDURE #tmp AS SELECT 1",
    expected: ["module.procedure 1:1", "module.procedure.alter 1:1", "module.procedure.temporary 1:17"],
  },
  {
    name: "functions by result kind, with options",
    sql: [
      "CREATE FUNCTION f (@a int) RETURNS int WITH SCHEMABINDING, RETURNS NULL ON NULL INPUT, INLINE = OFF",
      "AS BEGIN RETURN @a END",
      "GO",
      "CREATE FUNCTION f2 () RETURNS TABLE AS RETURN (SELECT 1 AS a)",
      "GO",
      "ALTER FUNCTION f3 () RETURNS @t TABLE (a int) AS BEGIN RETURN END",
    ].join("\n"),
    expected: [
      "module.function.scalar 1:1", "module.option.schemabinding 1:45",
      "module.option.null_input [returns_null_on_null_input] 1:60", "module.option.inline [off] 1:88",
      "module.function.inline_table 4:1", "module.function.alter 6:1", "module.function.multi_statement 6:1",
    ],
  },
  {
    name: "CLR procedures, functions and aggregates",
    sql: "CREATE PROCEDURE p @s nvarchar(10) AS EXTERNAL NAME asm.[Ns.C].M\nGO\nCREATE AGGREGATE ag (@x int) RETURNS int EXTERNAL NAME asm.Agg",
    expected: ["module.procedure 1:1", "module.clr 1:39", "module.aggregate.clr 3:1"],
  },
  {
    name: "views: ALTER, VIEW_METADATA and CHECK OPTION",
    sql: "CREATE VIEW v WITH VIEW_METADATA AS SELECT 1 AS a WITH CHECK OPTION\nGO\nALTER VIEW v AS SELECT 2 AS a",
    expected: ["module.view 1:1", "module.view.view_metadata 1:20", "module.view.check_option 1:56", "module.view.alter 3:1"],
  },
  {
    name: "more than 100 parameters, reported at the 101st",
    sql: `CREATE PROCEDURE p ${Array.from({ length: 101 }, (_, i) => `@p${i} int`).join(", ")} AS SELECT 1`,
    expected: ["module.procedure 1:1", "module.parameters.over_100 1:1010"],
  },
  {
    name: "a procedure created in dynamic SQL",
    sql: "EXEC ('CREATE PROCEDURE p WITH RECOMPILE AS SELECT 1')",
    expected: ["module.procedure 1:8", "module.option.recompile 1:32"],
  },
];

describe("modules detector", () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(found(c.sql, FAMILIES), c.expected);
    });
  }

  it("classifies EXECUTE AS CALLER and OWNER apart", () => {
    const on = target("babelfish@5.5");
    assert.equal(statusOf("CREATE PROC a WITH EXECUTE AS CALLER AS SELECT 1", "module.option.execute_as", on), "supported");
    assert.equal(statusOf("CREATE PROC a WITH EXECUTE AS OWNER AS SELECT 1", "module.option.execute_as", on), "notSupported");
  });

  it("classifies ALTER PROCEDURE by Babelfish version", () => {
    const sql = "ALTER PROCEDURE p AS SELECT 1";
    assert.equal(statusOf(sql, "module.procedure.alter", target("babelfish@4.1")), "notSupported");
  });
});
