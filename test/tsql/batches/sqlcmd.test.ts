import { test } from "node:test";
import assert from "node:assert/strict";
import { splitBatches } from "../../../src/tsql/batches/split.js";

test("sqlcmd commands are listed and blanked", () => {
  const input = [
    ":setvar DatabaseName \"Sales DB\"",
    ":on error exit",
    "  :r .\\tables\\customer.sql",
    ":out stdout",
    ":error errors.txt",
    ":XML ON",
    "!!dir C:\\",
    ":listvar",
    ":perftrace stderr",
    "SELECT 1",
    "EXIT(SELECT 2)",
    "quit",
    ":help",
  ].join("\r\n");
  const result = splitBatches(input);

  assert.deepEqual(
    result.commands.map((c) => [c.name, c.arguments, c.line, c.column]),
    [
      ["setvar", ["DatabaseName", "Sales DB"], 1, 1],
      ["on error", ["exit"], 2, 1],
      ["r", [".\\tables\\customer.sql"], 3, 3],
      ["out", ["stdout"], 4, 1],
      ["error", ["errors.txt"], 5, 1],
      ["xml", ["ON"], 6, 1],
      ["!!", ["dir C:\\"], 7, 1],
      ["listvar", [], 8, 1],
      ["perftrace", ["stderr"], 9, 1],
      ["exit", ["(SELECT 2)"], 11, 1],
      ["quit", [], 12, 1],
      ["help", [], 13, 1],
    ],
  );
  assert.deepEqual(result.diagnostics, []);

  const [batch] = result.batches;
  assert.equal(batch?.text.length, input.length);
  assert.equal(batch?.text.split("\r\n")[9], "SELECT 1");
  assert.match(batch?.text.split("\r\n")[0] ?? "x", /^ +$/);
  assert.equal(batch?.substituted, false);
});

test("sqlcmd command offsets and text", () => {
  const input = "SELECT 1\n  :setvar X 1\nSELECT 2";
  const [command] = splitBatches(input).commands;

  assert.equal(command?.start, 11);
  assert.equal(command?.end, 22);
  assert.equal(input.slice(command!.start, command!.end), ":setvar X 1");
  assert.equal(command?.text, ":setvar X 1");
});

test("sqlcmd commands in strings and comments ignored", () => {
  const input = "SELECT '\n:setvar X 1\n'\n/*\n:r evil.sql\n*/\nSELECT 1";
  const result = splitBatches(input);

  assert.deepEqual(result.commands, []);
  assert.equal(result.batches[0]?.text, input);
});

test("sqlcmd off leaves commands in text", () => {
  const input = ":setvar X 1\nSELECT $(X)";
  const result = splitBatches(input, { sqlcmd: false });

  assert.deepEqual(result.commands, []);
  assert.equal(result.batches[0]?.text, input);
  assert.deepEqual(result.diagnostics, []);
});

test("connect password is masked everywhere", () => {
  const input = ":connect prod\\sql1 -l 30 -U sa -P S3cret!\nSELECT 1\n:CONNECT s2 -Phunter2";
  const result = splitBatches(input);
  const everything = JSON.stringify(result);

  assert.doesNotMatch(everything, /S3cret/);
  assert.doesNotMatch(everything, /hunter2/);
  assert.deepEqual(result.commands[0]?.arguments, [
    "prod\\sql1",
    "-l",
    "30",
    "-U",
    "sa",
    "-P",
    "********",
  ]);
  assert.equal(result.commands[0]?.text, ":connect prod\\sql1 -l 30 -U sa -P ********");
  assert.deepEqual(result.commands[1]?.arguments, ["s2", "-P********"]);
  assert.deepEqual(
    result.diagnostics.map((d) => [d.code, d.line]),
    [
      ["batches.password-in-script", 1],
      ["batches.password-in-script", 3],
    ],
  );
});

test("connect quoted password is masked", () => {
  const result = splitBatches(':connect srv -U sa -P "pa ss"');

  assert.doesNotMatch(JSON.stringify(result), /pa ss/);
  assert.equal(result.commands[0]?.text, ":connect srv -U sa -P ********");
});

test("connect without password is fine", () => {
  const result = splitBatches(":connect srv\\inst -U reader");

  assert.deepEqual(result.commands[0]?.arguments, ["srv\\inst", "-U", "reader"]);
  assert.deepEqual(result.diagnostics, []);
});

test("sqlcmd syntax errors", () => {
  const cases: [string, string, RegExp][] = [
    [":setvar", "batches.sqlcmd-syntax", /needs a variable name/],
    [":setvar A b c", "batches.sqlcmd-syntax", /more than one value/],
    [':setvar "A B" 1', "batches.sqlcmd-syntax", /invalid sqlcmd variable name 'A B'/],
    [":on error retry", "batches.sqlcmd-syntax", /exit or ignore, found 'retry'/],
    [":xml maybe", "batches.sqlcmd-syntax", /on or off/],
    [":r", "batches.sqlcmd-syntax", /':r' needs an argument/],
    [":r a.sql b.sql", "batches.sqlcmd-syntax", /takes one argument, found 2/],
    [":listvar now", "batches.sqlcmd-syntax", /takes no arguments/],
    [":exit now", "batches.sqlcmd-syntax", /query in parentheses/],
    [":frobnicate", "batches.unknown-sqlcmd-command", /unknown sqlcmd command ':frobnicate'/],
    [":setvarX 1", "batches.unknown-sqlcmd-command", /':setvarx'/],
  ];

  for (const [line, code, message] of cases) {
    const result = splitBatches(`SELECT 1\n${line}\nSELECT 2`);
    const [diagnostic] = result.diagnostics;

    assert.equal(diagnostic?.code, code, line);
    assert.equal(diagnostic?.severity, "error", line);
    assert.match(diagnostic?.message ?? "", message, line);
    assert.equal(diagnostic?.line, 2, line);
    assert.equal(result.batches[0]?.text, `SELECT 1\n${" ".repeat(line.length)}\nSELECT 2`, line);
  }
});

test("lines that only look like commands", () => {
  const input = [
    "SELECT * FROM",
    "::fn_helpcollations()",
    "SELECT 1 AS exit",
    "exit_code = 1",
    "EXIT now",
    "RESET_ALL",
    "ed",
    ": 1",
  ].join("\n");
  const result = splitBatches(input);

  assert.deepEqual(result.commands, []);
  assert.deepEqual(result.diagnostics, []);
  assert.equal(result.batches[0]?.text, input);
});

test("setvar value with doubled quotes", () => {
  const result = splitBatches(':setvar Msg "say ""hi"""\nPRINT \'$(Msg)\'');

  assert.deepEqual(result.commands[0]?.arguments, ["Msg", 'say "hi"']);
  assert.match(result.batches[0]?.text ?? "", /PRINT 'say "hi"'$/);
});
