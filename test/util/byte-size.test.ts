import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { checkScriptBytes } from "../../src/sources/scripts/read.js";
import { formatByteSize, formatOverLimit } from "../../src/util/byte-size.js";

describe("formatByteSize", () => {
  const cases: [bytes: number, text: string][] = [
    [0, "0 bytes"],
    [1, "1 byte"],
    [1023, "1,023 bytes"],
    [1024, "1 KiB"],
    [1536, "1.5 KiB"],
    [16 * 1024 * 1024, "16 MiB"],
    [16 * 1024 * 1024 + 1, "16 MiB"],
    [20_971_520 + 314_573, "20.3 MiB"],
    [1024 ** 3, "1 GiB"],
    [5 * 1024 ** 4, "5,120 GiB"],
  ];
  for (const [bytes, text] of cases) {
    it(`formats ${bytes} as '${text}'`, () => {
      assert.equal(formatByteSize(bytes), text);
    });
  }
});

describe("formatOverLimit", () => {
  it("gives rounded sizes when they differ", () => {
    assert.equal(formatOverLimit(17 * 1024 * 1024, 16 * 1024 * 1024), "17 MiB, over the limit of 16 MiB");
  });

  it("adds exact bytes when the rounded sizes are equal", () => {
    assert.equal(
      formatOverLimit(16 * 1024 * 1024 + 1, 16 * 1024 * 1024),
      "16 MiB (16,777,217 bytes), over the limit of 16 MiB (16,777,216 bytes)",
    );
  });
});

describe("size in the too-large message", () => {
  it("names both sizes in binary units", () => {
    const bytes = new Uint8Array(17 * 1024 * 1024);
    const result = checkScriptBytes("big.sql", "big.sql", bytes, 16 * 1024 * 1024);
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.skipped.reason, "too-large");
    assert.match(result.skipped.message, /'big\.sql' is 17 MiB, over the limit of 16 MiB/);
    assert.doesNotMatch(result.skipped.message, /\d{5,}/);
  });
});
