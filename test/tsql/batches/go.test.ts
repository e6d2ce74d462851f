import { test } from "node:test";
import assert from "node:assert/strict";
import { splitBatches } from "../../../src/tsql/batches/split.js";

interface Expected {
  readonly text: string;
  readonly line: number;
  readonly column?: number;
  readonly repeat?: number;
}

const cases: [string, string, Expected[], string[]?][] = [
  ["no GO", "SELECT 1", [{ text: "SELECT 1", line: 1 }]],
  [
    "two batches with LF",
    "SELECT 1\nGO\nSELECT 2\n",
    [
      { text: "SELECT 1\n", line: 1 },
      { text: "SELECT 2\n", line: 3 },
    ],
  ],
  [
    "CRLF",
    "SELECT 1\r\nGO\r\nSELECT 2\r\nGO\r\n",
    [
      { text: "SELECT 1\r\n", line: 1 },
      { text: "SELECT 2\r\n", line: 3 },
    ],
  ],
  [
    "lone CR",
    "SELECT 1\rgo\rSELECT 2",
    [
      { text: "SELECT 1\r", line: 1 },
      { text: "SELECT 2", line: 3 },
    ],
  ],
  [
    "mixed line endings",
    "A\r\nB\nGO\rC\r\n\nGo\nD",
    [
      { text: "A\r\nB\n", line: 1 },
      { text: "C\r\n\n", line: 4 },
      { text: "D", line: 7 },
    ],
  ],
  [
    "GO with count",
    "INSERT t DEFAULT VALUES\nGO 10\nSELECT 1\n",
    [
      { text: "INSERT t DEFAULT VALUES\n", line: 1, repeat: 10 },
      { text: "SELECT 1\n", line: 3, repeat: 1 },
    ],
  ],
  [
    "indented GO with blanks and comment",
    "SELECT 1\n  \tgO  3 -- run thrice\nSELECT 2",
    [
      { text: "SELECT 1\n", line: 1, repeat: 3 },
      { text: "SELECT 2", line: 3 },
    ],
  ],
  [
    "GO with closed block comment",
    "SELECT 1\nGO /* end of part 1 */\nSELECT 2",
    [
      { text: "SELECT 1\n", line: 1 },
      { text: "SELECT 2", line: 3 },
    ],
  ],
  [
    "GO inside multi-line string",
    "SELECT 'a\nGO\nb'\nGO\nSELECT 2",
    [
      { text: "SELECT 'a\nGO\nb'\n", line: 1 },
      { text: "SELECT 2", line: 5 },
    ],
  ],
  [
    "GO inside N string with doubled quotes",
    "PRINT N'it''s\nGO\n'''\nGO\nSELECT 2",
    [
      { text: "PRINT N'it''s\nGO\n'''\n", line: 1 },
      { text: "SELECT 2", line: 5 },
    ],
  ],
  [
    "GO inside bracket identifier",
    "CREATE TABLE [a\nGO\n]]b] (x int)\nGO\nSELECT 2",
    [
      { text: "CREATE TABLE [a\nGO\n]]b] (x int)\n", line: 1 },
      { text: "SELECT 2", line: 5 },
    ],
  ],
  [
    "GO inside double-quoted identifier",
    'SELECT 1 AS "a\nGO\n"\nGO\nSELECT 2',
    [
      { text: 'SELECT 1 AS "a\nGO\n"\n', line: 1 },
      { text: "SELECT 2", line: 5 },
    ],
  ],
  [
    "GO inside nested block comment",
    "/* outer /* inner */\nGO\n*/\nSELECT 1\nGO\nSELECT 2",
    [
      { text: "/* outer /* inner */\nGO\n*/\nSELECT 1\n", line: 1 },
      { text: "SELECT 2", line: 6 },
    ],
    ["batches.go-in-comment"],
  ],
  [
    "GO after closed block comment",
    "/* a */ SELECT 1 /* b\n */\nGO\nSELECT 2",
    [
      { text: "/* a */ SELECT 1 /* b\n */\n", line: 1 },
      { text: "SELECT 2", line: 4 },
    ],
  ],
  [
    "line comment quote does not open string",
    "-- don't\nGO\nSELECT 2",
    [
      { text: "-- don't\n", line: 1 },
      { text: "SELECT 2", line: 3 },
    ],
  ],
  [
    "quote in block comment does not open string",
    "/* it's */\nGO\nSELECT 2",
    [
      { text: "/* it's */\n", line: 1 },
      { text: "SELECT 2", line: 3 },
    ],
  ],
  [
    "words starting with GO",
    "GOTO done\ngo_table\nGO$x\nGO#t\nSELECT 1 GO\ndone:\n",
    [{ text: "GOTO done\ngo_table\nGO$x\nGO#t\nSELECT 1 GO\ndone:\n", line: 1 }],
  ],
  [
    "empty batches dropped, lines kept",
    "GO\n\nGO\n  \nGO\nSELECT 1\nGO\nGO",
    [{ text: "SELECT 1\n", line: 6 }],
  ],
  [
    "comment-only batch kept",
    "-- header\nGO\nSELECT 1",
    [
      { text: "-- header\n", line: 1 },
      { text: "SELECT 1", line: 3 },
    ],
  ],
  [
    "GO at end without line break",
    "SELECT 1\nGO",
    [{ text: "SELECT 1\n", line: 1 }],
  ],
];

for (const [name, input, expected, codes = []] of cases) {
  test(`GO split: ${name}`, () => {
    const result = splitBatches(input);

    assert.deepEqual(
      result.batches.map((b) => ({
        text: b.text,
        line: b.line,
        column: b.column,
        repeat: b.repeat,
      })),
      expected.map((e) => ({
        text: e.text,
        line: e.line,
        column: e.column ?? 1,
        repeat: e.repeat ?? 1,
      })),
    );
    for (const batch of result.batches) {
      assert.equal(input.slice(batch.start, batch.end), batch.text);
    }
    assert.deepEqual(
      result.diagnostics.map((d) => d.code),
      codes,
    );
  });
}

test("GO split offsets exclude GO line", () => {
  const input = "SELECT 1\r\nGO 2\r\nSELECT 2";
  const [first, second] = splitBatches(input).batches;

  assert.equal(first?.start, 0);
  assert.equal(first?.end, 10);
  assert.equal(second?.start, 16);
  assert.equal(second?.end, input.length);
});

test("GO followed by semicolon", () => {
  const result = splitBatches("SELECT 1\nGO;\nSELECT 2");
  const [error] = result.diagnostics;

  assert.equal(result.batches.length, 2);
  assert.equal(error?.code, "batches.invalid-go");
  assert.equal(error?.severity, "error");
  assert.equal(error?.line, 2);
  assert.equal(error?.column, 1);
  assert.match(error?.message ?? "", /remove the ';'/);
});

test("GO followed by a statement", () => {
  const result = splitBatches("SELECT 1\nGO SELECT 2\nSELECT 3", { file: "x.sql" });
  const [error] = result.diagnostics;

  assert.deepEqual(
    result.batches.map((b) => b.text),
    ["SELECT 1\n", "SELECT 3"],
  );
  assert.equal(error?.code, "batches.invalid-go");
  assert.equal(error?.file, "x.sql");
  assert.match(error?.message ?? "", /unexpected 'SELECT 2' after GO/);
});

test("GO with invalid counts", () => {
  for (const count of ["0", "99999999999"]) {
    const result = splitBatches(`SELECT 1\nGO ${count}\n`);

    assert.equal(result.batches[0]?.repeat, 1, count);
    assert.match(result.diagnostics[0]?.message ?? "", new RegExp(`invalid GO count '${count}'`));
  }
});

test("GO count reasons", () => {
  const cases = [
    ["0", /'0': the count is not a positive integer; use a count from 1 to 2147483647/],
    ["2147483648", /'2147483648': the count exceeds the maximum 2147483647/],
    ["1".repeat(60), /'1{40}\.\.\.': the count exceeds the maximum 2147483647/],
  ] as const;

  for (const [count, message] of cases) {
    const result = splitBatches(`SELECT 1\nGO ${count}\n`);

    assert.equal(result.diagnostics.length, 1, count);
    assert.match(result.diagnostics[0]?.message ?? "", message);
  }
  assert.equal(splitBatches("SELECT 1\nGO 2147483647\n").batches[0]?.repeat, 2147483647);
});

test("GO line opening a block comment", () => {
  const result = splitBatches("SELECT 1\nGO /* start\nGO\nend */\nSELECT 2");

  assert.deepEqual(
    result.batches.map((b) => b.text),
    ["SELECT 1\n", "GO\nend */\nSELECT 2"],
  );
});

test("GO inside block comment warns", () => {
  const result = splitBatches("SELECT 1\n/*\n  GO\n*/\nSELECT 2");
  const [warning] = result.diagnostics;

  assert.equal(result.batches.length, 1);
  assert.equal(warning?.code, "batches.go-in-comment");
  assert.equal(warning?.severity, "warning");
  assert.equal(warning?.line, 3);
  assert.equal(warning?.column, 3);
});

test("unterminated string keeps rest in batch", () => {
  const result = splitBatches("SELECT 'oops\nGO\nSELECT 2\nGO\n");

  assert.equal(result.batches.length, 1);
  assert.equal(result.batches[0]?.text, "SELECT 'oops\nGO\nSELECT 2\nGO\n");
});
