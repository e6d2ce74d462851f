import { test } from "node:test";
import assert from "node:assert/strict";
import { splitBatches } from "../../../src/tsql/batches/split.js";
import { toOriginalOffset } from "../../../src/tsql/batches/assemble.js";

test("setvar value substituted everywhere", () => {
  const input = ":setvar Db Sales\nUSE [$(Db)]; PRINT N'db: $(DB)' -- in $(db)\n/* $(Db) */";
  const [batch] = splitBatches(input).batches;

  assert.equal(
    batch?.text,
    `${" ".repeat(16)}\nUSE [Sales]; PRINT N'db: Sales' -- in Sales\n/* Sales */`,
  );
  assert.equal(batch?.substituted, true);
  assert.equal(batch?.replacements.length, 4);
});

test("setvar overrides command line from its line on", () => {
  const input = "SELECT '$(Env)'\nGO\n:setvar Env test\nSELECT '$(Env)'";
  const result = splitBatches(input, { variables: { ENV: "prod" } });

  assert.deepEqual(
    result.batches.map((b) => b.text.trim()),
    ["SELECT 'prod'", "SELECT 'test'"],
  );
});

test("setvar without value removes variable", () => {
  const input = ":setvar A 1\nSELECT $(A)\n:setvar A\nSELECT $(A)";
  const result = splitBatches(input);

  assert.match(result.batches[0]?.text ?? "", /SELECT 1\n.*\nSELECT \$\(A\)$/s);
  assert.equal(result.diagnostics[0]?.code, "batches.undefined-variable");
  assert.equal(result.diagnostics[0]?.line, 4);
});

test("undefined variable warned once per name", () => {
  const input = "SELECT $(Missing)\nSELECT $(MISSING), $(Other)";
  const result = splitBatches(input, { file: "v.sql" });

  assert.equal(result.batches[0]?.text, input);
  assert.equal(result.batches[0]?.substituted, false);
  assert.deepEqual(
    result.diagnostics.map((d) => [d.code, d.severity, d.line, d.column]),
    [
      ["batches.undefined-variable", "warning", 1, 8],
      ["batches.undefined-variable", "warning", 2, 20],
    ],
  );
  assert.match(result.diagnostics[0]?.message ?? "", /'Missing' is not defined/);
  assert.match(result.diagnostics[0]?.message ?? "", /--var Missing=VALUE/);
  assert.equal(result.diagnostics[0]?.file, "v.sql");
});

test("invalid variable references left alone", () => {
  const input = "SELECT '$(a b)', '$(', $5, '$()'";
  const result = splitBatches(input);

  assert.equal(result.batches[0]?.text, input);
  assert.deepEqual(result.diagnostics, []);
});

test("variables in command arguments", () => {
  const input = ':setvar Root "C:\\scripts"\n:r $(Root)\\a.sql\n:setvar Path "$(Root)\\b"';
  const result = splitBatches(input);

  assert.deepEqual(result.commands[1]?.arguments, ["C:\\scripts\\a.sql"]);
  assert.deepEqual(result.commands[2]?.arguments, ["Path", "C:\\scripts\\b"]);
});

test("multi-line value shifts later lines", () => {
  const input = "SELECT $(Cols)\nFROM t WHERE x = 1";
  const [batch] = splitBatches(input, { variables: { Cols: "a,\n  b" } }).batches;

  assert.equal(batch?.text, "SELECT a,\n  b\nFROM t WHERE x = 1");
  assert.deepEqual(batch?.replacements, [
    { start: 7, end: 13, originalStart: 7, originalEnd: 14 },
  ]);

  // "x" is at offset 27 of the batch text and offset 28 of the original.
  assert.equal(batch?.text[27], "x");
  assert.equal(toOriginalOffset(batch!, 27), 28);
  assert.equal(input[28], "x");
  assert.equal(toOriginalOffset(batch!, 9), 7);
  assert.equal(toOriginalOffset(batch!, 3), 3);
});

test("toOriginalOffset in later batch", () => {
  const input = "GO\n:setvar Long abcdefgh\nSELECT $(Long), $(Long) + 1";
  const [batch] = splitBatches(input).batches;
  const plus = batch!.text.indexOf("+");

  assert.equal(input[toOriginalOffset(batch!, plus)], "+");
  assert.equal(batch?.line, 2);
});

test("sqlcmd built-in variables need no definition", () => {
  const result = splitBatches("USE $(SQLCMDDBNAME)\nPRINT '$(SqlCmdServer)'\nSELECT '$(Other)'");
  const codes = result.diagnostics.map((d) => `${d.code} ${d.line}`);
  assert.deepEqual(codes, ["batches.undefined-variable 3"]);
});
