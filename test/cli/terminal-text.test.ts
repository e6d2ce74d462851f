/**
 * Names from the assessed code on the terminal: tables, error messages and
 * log lines show control and bidirectional characters as visible escapes,
 * and a secret stays masked after its characters were escaped.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { createLogger } from "../../src/cli/log.js";
import { guardContext, RunSecrets } from "../../src/cli/run-secrets.js";
import { formatTable, safeCell, safeLines } from "../../src/cli/table.js";
import { captureContext } from "./capture.js";

describe("terminal cells", () => {
  const cases: [input: string, expected: string][] = [
    ["dbo.\u001b[2Jclear", "dbo.\\x1b[2Jclear"],
    ["evil\u202egpj.sql", "evil\\u202egpj.sql"],
    ["two\nlines.sql", "two\\nlines.sql"],
    ["tab\there", "tab\\there"],
  ];
  for (const [input, expected] of cases) {
    it(`shows ${JSON.stringify(input)} as ${expected}`, () => {
      assert.equal(safeCell(input), expected);
    });
  }

  it("keeps a table row on one line", () => {
    const table = formatTable(["FILE", "OBJECT"], [["a\nb.sql", "dbo.\u202ep"]]);
    assert.equal(table.split("\n").length, 3, JSON.stringify(table));
    assert.ok(table.includes("a\\nb.sql"), table);
    assert.ok(table.includes("dbo.\\u202ep"), table);
  });

  it("keeps the line breaks of a multi-line error but escapes the rest", () => {
    assert.equal(safeLines("2 problems:\n  bad \u001b name"), "2 problems:\n  bad \\x1b name");
  });
});

describe("secrets with control characters", () => {
  it("stay masked in a log line after escaping", () => {
    const secrets = new RunSecrets();
    secrets.add("pa\u001bss\nword");
    const ctx = captureContext();
    const guarded = guardContext(ctx, secrets);
    createLogger(guarded.stderr, { now: () => new Date(0) }).warn("login with pa\u001bss\nword failed");
    const line = ctx.err.join("");
    assert.ok(!line.includes("pa\\x1bss\\nword"), line);
    assert.ok(line.includes("[redacted]"), line);
  });
});
