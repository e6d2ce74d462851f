/**
 * Statements found in the fixture source files: where each starts in the
 * source file, the call it is given to, its scope, its dynamic parts and
 * the text as assessed. Strings in comments, JSX text, prose and JPQL
 * must not be found.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { extractStatements, languageOf } from "../../../src/sources/app-code/index.js";
import { readShop } from "./fixtures.js";

type Expected = [line: number, column: number, call: string, scope: string, dynamic: number, parameters: number, text: string];

function found(relative: string): Expected[] {
  const rule = languageOf(relative);
  assert.ok(rule, `no language for ${relative}`);
  return extractStatements(readShop(relative), rule).statements.map((s) => [
    s.line,
    s.column,
    s.call ?? "",
    s.scope,
    s.dynamicParts,
    s.parameters,
    s.text.text,
  ]);
}

describe("extractStatements", () => {
  it("reads C# string forms", () => {
    assert.deepEqual(found("src/Orders/OrderRepository.cs"), [
      [15, 27, "", "OrderRepository.Find", 0, 0, 'SELECT Name FROM dbo.Orders WITH (NOLOCK) WHERE Note = "x" AND Id = @id'],
      [21, 42, "SqlCommand", "OrderRepository.Archive", 0, 0, 'UPDATE dbo.Orders\nSET Note = "archived"\nWHERE Created < GETDATE()'],
      [30, 35, "CommandText", "OrderRepository.Count", 1, 0, "SELECT COUNT(*) FROM @__dynamic1 WHERE Status = 'open'"],
      [36, 39, "", "OrderRepository.Raw", 1, 0, "SELECT TOP (@__dynamic1) Name\nFROM dbo.Orders\nORDER BY Name"],
      [42, 41, "", "OrderRepository.Braces", 1, 0, "SELECT '{literal}' AS x, Id FROM dbo.Orders WHERE Id = @__dynamic1"],
      [44, 48, "", "OrderRepository.Verbatim", 1, 0, `DELETE FROM dbo.Orders WHERE Name = '@__dynamic1' AND Note = "x"`],
      [47, 34, "FromSqlRaw", "OrderRepository.Ef", 0, 0, "dbo.GetOrders"],
    ]);
  });

  it("reads Java strings and text blocks", () => {
    assert.deepEqual(found("java/com/shop/OrderDao.java"), [
      [9, 20, "@Query(nativeQuery = true)", "OrderDao", 0, 1, "SELECT o.* FROM orders o WITH (NOLOCK) WHERE o.id = @id"],
      [16, 51, "prepareStatement", "OrderDao.load", 1, 1, 'SELECT id, name FROM orders WHERE region = @__param1 AND note = "x" AND status = @__dynamic1'],
      [19, 24, "", "OrderDao.load", 0, 1, "UPDATE orders\n   SET note = 'text \"block\"'\n WHERE id = @__param1\n"],
    ]);
  });

  it("reads Python prefixes and joins adjacent literals", () => {
    assert.deepEqual(found("py/reports.py"), [
      [11, 13, "execute", "Report.totals", 0, 1, "SELECT region, SUM(amount) FROM dbo.Sales WITH (NOLOCK) WHERE region = @__param1 AND path LIKE 'C:\\temp\\%'"],
      [16, 15, "", "Report.totals", 1, 0, "\nSELECT TOP 5 name\nFROM dbo.Customers\nWHERE region = '@__dynamic1'\n"],
      [24, 24, "execute", "Report.named", 0, 1, "DELETE FROM dbo.Sales WHERE id = @id"],
      [29, 25, "execute", "plain", 1, 0, "SELECT id FROM @__dynamic1 WHERE x = {1}"],
    ]);
  });

  it("reads TypeScript templates around regular expressions", () => {
    assert.deepEqual(found("web/orders.ts"), [
      [5, 36, "", "other", 0, 0, "SELECT id FROM dbo.Ratios WITH (NOLOCK)"],
      [9, 45, "query", "list", 3, 0, "SELECT TOP (@__dynamic1) id, name\nFROM dbo.Orders WITH (NOLOCK)\nWHERE status = @__dynamic2 AND note = '@__dynamic3'"],
      [15, 40, "sql``", "byId", 1, 0, "SELECT id FROM dbo.Orders WHERE id = @__dynamic1"],
      [18, 19, "raw", "raw", 0, 0, "SELECT COUNT(*) AS n FROM dbo.Orders WHERE note = 'it''s'"],
    ]);
  });

  it("skips JSX text with quotes", () => {
    assert.deepEqual(found("web/OrderList.jsx"), [
      [10, 22, "", "query", 0, 0, "SELECT name FROM dbo.Orders WHERE id = @id"],
    ]);
  });
});

describe("statement positions", () => {
  it("maps escapes and joins to the source", () => {
    const rule = languageOf("x.cs")!;
    const source = [
      "class A {",
      '  string q = "SELECT \\"a\\" " +',
      '      "FROM t";',
      "}",
    ].join("\n");
    const [statement] = extractStatements(source, rule).statements;
    assert.ok(statement);
    const text = statement.text;
    assert.equal(text.text, 'SELECT "a" FROM t');
    // The `"` of `\"` is at the backslash, line 2 column 22.
    assert.deepEqual(text.positionAt(7), { line: 2, column: 22 });
    // The `a` after the escape is at column 24.
    assert.deepEqual(text.positionAt(8), { line: 2, column: 24 });
    // `F` of the second literal is on line 3, column 8.
    assert.deepEqual(text.positionAt(11), { line: 3, column: 8 });
  });

  it("rejects prose and comments", () => {
    const cases: [string, string][] = [
      ["x.cs", 'var a = "Select an order from the list"; // "SELECT * FROM t"'],
      ["x.cs", 'var b = "Update available"; /* "DELETE FROM t WHERE 1 = 1" */'],
      ["x.py", '# cursor.execute("SELECT * FROM t")\nlabel = "Delete this file?"'],
      ["x.ts", 'const s = "Set the value"; // const q = "SELECT * FROM t"'],
      ["x.java", 'String s = "Begin here";'],
      ["x.js", '"use strict";\nconst a = 1;'],
      ["x.js", 'log("Begin Transaction: name=" + name);'],
      ["x.ts", 'const code = `if (${v} === null) { json += "null" }`;'],
      ["x.cs", 'var s = "If (you) must, SELECT it";'],
    ];
    for (const [name, source] of cases) {
      const result = extractStatements(source, languageOf(name)!);
      assert.deepEqual(result.statements, [], `${name}: ${source}`);
    }
  });

  it("ends on unterminated input", () => {
    const inputs = ['"', "'", "`${", '@"', '$"{', '"""', '$$"""{{', "/*", "f'{", "r'''", "<div", "/[", '"\\'];
    for (const name of ["x.cs", "x.java", "x.py", "x.js", "x.tsx"]) {
      for (const input of inputs) {
        const result = extractStatements(`x = ${input}SELECT a FROM t`, languageOf(name)!);
        assert.ok(result.statements.length <= 1, `${name}: ${input}`);
      }
    }
  });

  it("counts unterminated SQL strings", () => {
    const result = extractStatements("x = \"SELECT 'a FROM t\"\n", languageOf("x.py")!);
    assert.equal(result.statements.length, 0);
    assert.equal(result.unterminated, 1);
  });
});
