/**
 * Inputs that once made the front end throw or grow without bound: long
 * runs of errors, very long flat lists and sqlcmd variables that double.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { parse } from "../../src/tsql/parse.js";

describe("front end limits", () => {
  it("caps diagnostics of a long error run", () => {
    const result = parse("END\n".repeat(150_000));
    assert.equal(result.diagnostics.length, 1001);
    assert.equal(result.diagnostics.at(-1)!.code, "parse.too-many-diagnostics");
    assert.match(result.diagnostics.at(-1)!.message, /149000 more diagnostics/);
  });

  it("keeps exact batch error counts", () => {
    const result = parse("END\n".repeat(5000));
    assert.equal(result.batches[0]!.errorCount, 5000);
  });

  it("reads a flat list of 200,000 items", () => {
    const names = Array.from({ length: 200_000 }, (_, i) => `@v${i}`).join(", ");
    const result = parse(`FETCH NEXT FROM c INTO ${names}`);
    assert.deepEqual(result.diagnostics, []);
  });

  it("rejects a sqlcmd variable that doubles past the limit", () => {
    let script = ":setvar a xxxxxxxxxx\n:setvar v1 $(a)$(a)\n";
    for (let i = 2; i <= 30; i++) {
      script += `:setvar v${i} $(v${i - 1})$(v${i - 1})\n`;
    }
    script += "SELECT '$(v30)'\n";
    const result = parse(script);
    const tooLong = result.diagnostics.filter((d) => d.code === "batches.variable-too-long");
    assert.equal(tooLong.length, 1);
    assert.match(tooLong[0]!.message, /':setvar v17'/);
  });
});
