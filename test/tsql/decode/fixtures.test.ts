import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { decode } from "../../../src/tsql/decode/decode.js";
import { looksBinary } from "../../../src/tsql/decode/binary.js";

// Fixtures are written by test/fixtures/decode/generate.mjs.
function fixture(name: string): Buffer {
  return readFileSync(new URL(`../../../../test/fixtures/decode/${name}`, import.meta.url));
}

const expected: [string, string, boolean, string][] = [
  ["utf16le-bom.sql", "utf-16le", true, "-- Café €\r\nSELECT N'naïve' AS [ü];\r\nGO\r\n"],
  ["utf16be-no-bom.sql", "utf-16be", false, "SELECT 1;\nGO\n"],
  ["windows-1252.sql", "windows-1252", false, "SELECT '\u201cquoted\u201d costs \u20ac5, café';\r\n"],
  ["utf8-bom-cr.sql", "utf-8", true, "SELECT N'日本';\rGO\r"],
  ["utf32le-bom.sql", "utf-32le", true, "SELECT N'\u{1d11e}';\n"],
];

for (const [name, encoding, bom, text] of expected) {
  test(`fixture ${name}`, () => {
    const bytes = fixture(name);
    const result = decode(bytes);

    assert.equal(result.text, text);
    assert.equal(result.encoding, encoding);
    assert.equal(result.bom, bom);
    assert.equal(looksBinary(bytes), false);
  });
}

test("fixture image.bin is binary", () => {
  assert.equal(looksBinary(fixture("image.bin")), true);
});
