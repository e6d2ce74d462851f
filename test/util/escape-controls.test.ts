import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { escapeControls } from "../../src/util/escape-controls.js";

describe("escapeControls", () => {
  const cases: [input: string, expected: string][] = [
    ["plain name.sql", "plain name.sql"],
    ["a\nb", "a\\nb"],
    ["a\r\nb", "a\\r\\nb"],
    ["a\tb", "a\\tb"],
    ["\u001b[31mred", "\\x1b[31mred"],
    ["bell\u0007", "bell\\x07"],
    ["nul\u0000", "nul\\x00"],
    ["del\u007f", "del\\x7f"],
    ["csi\u009b", "csi\\x9b"],
    ["evil\u202egpj.sql", "evil\\u202egpj.sql"],
    ["\u2066isolate\u2069", "\\u2066isolate\\u2069"],
    ["mark\u200e\u200f\u061c", "mark\\u200e\\u200f\\u061c"],
    ["line\u2028sep", "line\\u2028sep"],
    ["C:\\sql\\procs", "C:\\sql\\procs"],
    ["Ünïcode straße ☃", "Ünïcode straße ☃"],
  ];
  for (const [input, expected] of cases) {
    it(`escapes ${JSON.stringify(input)}`, () => {
      assert.equal(escapeControls(input), expected);
    });
  }

  it("keeps the characters it is told to keep", () => {
    assert.equal(escapeControls("a\nb\u001bc\td", "\n\t"), "a\nb\\x1bc\td");
  });
});
