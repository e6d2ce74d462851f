import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { assessUnit } from "../../src/assessment/assess-unit.js";
import { parseTarget } from "../../src/catalog/targets.js";

const parsed = parseTarget("babelfish");
assert.ok(parsed.ok);
const target = parsed.target;

describe("assessUnit", () => {
  it("counts lines as editors do", () => {
    const cases: [string, number][] = [
      ["", 0],
      ["SELECT 1", 1],
      ["SELECT 1\n", 1],
      ["SELECT 1\r\nSELECT 2\r\n", 2],
      ["a\rb\rc", 3],
      ["a\n\n", 2],
      ["a\r\n\rb\r", 3],
    ];
    for (const [text, lines] of cases) {
      const result = assessUnit({ file: "a.sql", bytes: Buffer.from(text, "utf8") }, { target });
      assert.equal(result.unit.lines, lines, JSON.stringify(text));
    }
  });

  it("lists a code page fallback with the parse errors", () => {
    const bytes = Buffer.concat([Buffer.from("SELECT N'caf", "utf8"), Buffer.from([0xe9]), Buffer.from("'", "utf8")]);
    const result = assessUnit({ file: "a.sql", bytes }, { target });
    assert.equal(result.unit.encoding, "windows-1252");
    assert.equal(result.parseErrors.length, 1);
    assert.equal(result.parseErrors[0]!.code, "decode.fallback");
  });

  it("counts batches with errors", () => {
    const text = "SELECT (\nGO\nSELECT 1\nGO\nSELECT )\n";
    const result = assessUnit({ file: "a.sql", bytes: Buffer.from(text, "utf8") }, { target });
    assert.equal(result.unit.batches, 3);
    assert.equal(result.unit.batchesWithErrors, 2);
  });
});
