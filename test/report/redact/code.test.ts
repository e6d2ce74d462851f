import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { redactCode, type RedactedCode } from "../../../src/report/redact/code.js";
import type { NameKind } from "../../../src/report/redact/kinds.js";
import { twoPass } from "./harness.js";

const KNOWN: readonly (readonly [string, NameKind])[] = [
  ["Sales", "schema"],
  ["Orders", "table"],
  ["Order Details", "table"],
  ["Order", "table"],
  ["Status", "column"],
];

function redact(text: string, known = KNOWN): RedactedCode {
  return twoPass(known, (context) => redactCode(text, context));
}

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

describe("redactCode", () => {
  it("replaces names and keeps keywords and layout", () => {
    const { text } = redact("SELECT o.OrderId, o.Total\nFROM Sales.Orders AS o;");

    // Code-only names are numbered in the order of their lower-case
    // spelling: o, orderid, total.
    assert.equal(text, "SELECT name1.name2, name1.name3\nFROM schema1.table3 AS name1;");
  });

  it("gives names that differ only in case one pseudonym", () => {
    const { text } = redact("SELECT * FROM sales.ORDERS; SELECT * FROM SALES.orders;");

    assert.equal(text, "SELECT * FROM schema1.table3; SELECT * FROM schema1.table3;");
  });

  it("replaces bracketed names with spaces and keyword names", () => {
    const { text } = redact("SELECT [Status] FROM [Sales].[Order Details] JOIN Sales.[Order] ON 1 = 1 ORDER BY 1;");

    assert.equal(
      text,
      "SELECT [column1] FROM [schema1].[table2] JOIN schema1.[table1] ON 0 = 0 ORDER BY 0;",
    );
  });

  it("replaces T-SQL words in the places of names", () => {
    const { text } = redact(
      "SELECT o.Total, SUM(x) AS Amount, CAST(y AS int), @d.value('.', 'int') FROM msdb.dbo.sysjobs AS o;",
    );

    // TOTAL is a T-SQL word, but after a dot it is a column; `value` is
    // the xml method and sysjobs a system table.
    assert.equal(
      text,
      "SELECT name2.name3, SUM(name4) AS name1, CAST(name5 AS int), @var1.value('str', 'str') FROM msdb.dbo.sysjobs AS name2;",
    );
  });

  it("replaces an unquoted word that a structured part uses as a name", () => {
    // STATUS is a T-SQL word, but here a column is named so.
    const { text } = redact("SELECT Status, Name FROM t;");

    assert.equal(text, "SELECT column1, Name FROM name1;");
  });

  it("does not replace a known name inside a longer word", () => {
    const { text } = redact("SELECT SalesOrders FROM Sales.Orders;");

    assert.equal(text, "SELECT name1 FROM schema1.table3;");
  });

  it("empties comments and keeps their lines", () => {
    const source = "SELECT 1; -- owner: Alice\n/* Alice's\nnotes */ SELECT 2;";
    const { text } = redact(source);

    assert.equal(text, "SELECT 0; --\n/*\n*/ SELECT 0;");
    assert.equal(lineCount(text), lineCount(source));
  });

  it("replaces strings and numbers with placeholders", () => {
    const { text } = redact("SELECT 'alice@example.com', N'x', '', 42, 4.5, 1E3, $12.50, 0xDEADBEEF;");

    assert.equal(text, "SELECT 'str', N'str', '', 0, 0.0, 0E0, $0, 0x00;");
  });

  it("keeps catalog values such as a HASHBYTES algorithm", () => {
    const { text } = redact("SELECT HASHBYTES('MD5', @secret), DATEADD(day, 1, GETDATE());");

    assert.equal(text, "SELECT HASHBYTES('MD5', @var1), DATEADD(day, 0, GETDATE());");
  });

  it("keeps the lines of a multi-line string", () => {
    const source = "SELECT 'first\r\nsecond\nthird' AS note;\nSELECT 1;";
    const { text } = redact(source);

    assert.equal(text, "SELECT 'str\r\n\n' AS name1;\nSELECT 0;");
    assert.equal(lineCount(text), lineCount(source));
  });

  it("redacts dynamic SQL as code with its quotes paired", () => {
    const { text } = redact("EXEC ('SELECT Wyvern FROM Sales.Orders WHERE Shade = ''umber''');");

    assert.equal(text, "EXEC ('SELECT name3 FROM schema1.table3 WHERE name1 = ''name2''');");
  });

  it("redacts a string made of a known name", () => {
    const { text } = redact("SELECT OBJECT_ID('Sales.Orders'), OBJECT_ID('dbo.Customers');");

    assert.equal(text, "SELECT OBJECT_ID('schema1.table3'), OBJECT_ID('str');");
  });

  it("replaces variables, temporary tables and sqlcmd variables", () => {
    const { text } = redact("DECLARE @CustomerKey int; SELECT * INTO #Staging FROM ##Shared; USE $(TargetDb);");

    // `$(targetdb)` sorts before `@customerkey`, so it is number 1.
    assert.equal(text, "DECLARE @var2 int; SELECT * INTO #temp2 FROM ##temp1; USE $(var1);");
  });

  it("keeps built-in names and system variables", () => {
    const { text } = redact("SELECT name FROM master.sys.objects WHERE @@ROWCOUNT > 0 AND SCHEMA_NAME() = 'dbo';");

    assert.equal(text, "SELECT name FROM master.sys.objects WHERE @@ROWCOUNT > 0 AND SCHEMA_NAME() = 'str';");
  });

  it("keeps the lines of unterminated strings and comments", () => {
    for (const source of ["SELECT 'hidden\nstring", "SELECT 1 /* hidden\ncomment", "SELECT [hidden\nname"]) {
      const { text } = redact(source);
      assert.equal(lineCount(text), lineCount(source), source);
      assert.ok(!text.includes("hidden"), text);
    }
  });

  it("maps columns to the same token", () => {
    const source = "\tSELECT o.OrderId FROM Sales.Orders AS o WHERE o.Total > 100;";
    const { text, columns } = redact(source);

    for (const word of ["SELECT", "FROM", "AS", "WHERE", ">"]) {
      const column = source.indexOf(word) + 1;
      const mapped = columns.map(1, column);
      assert.equal(text.slice(mapped - 1, mapped - 1 + word.length), word, word);
    }
    const orders = columns.map(1, source.indexOf("Orders") + 1);
    assert.equal(text.slice(orders - 1, orders - 1 + "table3".length), "table3");
  });

  it("maps columns inside dynamic SQL", () => {
    const source = "EXEC ('SELECT TOP 5 * FROM Sales.Orders');";
    const { text, columns } = redact(source);

    const top = columns.map(1, source.indexOf("TOP") + 1);
    assert.equal(text.slice(top - 1, top + 2), "TOP");
  });
});
