import { test } from "node:test";
import assert from "node:assert/strict";
import { listedEncodings, resolveEncoding } from "../../../src/tsql/decode/encodings.js";

test("resolveEncoding aliases", () => {
  const cases: [string, string | undefined][] = [
    ["UTF8", "utf-8"],
    [" utf-8 ", "utf-8"],
    ["cp65001", "utf-8"],
    ["utf16", "utf-16"],
    ["UCS-2", "utf-16"],
    ["utf-16le", "utf-16le"],
    ["UnicodeFFFE", "utf-16be"],
    ["cp1252", "windows-1252"],
    ["1252", "windows-1252"],
    ["win1251", "windows-1251"],
    ["latin1", "windows-1252"],
    ["iso-8859-1", "windows-1252"],
    ["cp28592", "iso-8859-2"],
    ["cp932", "shift_jis"],
    ["Shift_JIS", "shift_jis"],
    ["cp936", "gbk"],
    ["cp949", "euc-kr"],
    ["cp950", "big5"],
    ["KOI8-R", "koi8-r"],
    ["utf-32", "utf-32"],
    ["cp99999", undefined],
    ["ebcdic", undefined],
    ["", undefined],
  ];

  for (const [label, name] of cases) {
    assert.equal(resolveEncoding(label), name, label);
  }
});

test("listedEncodings all resolve to themselves", () => {
  const names = listedEncodings();

  assert.ok(names.includes("windows-1252"));
  for (const name of names) {
    assert.equal(resolveEncoding(name), name);
  }
});
