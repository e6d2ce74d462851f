import { test } from "node:test";
import assert from "node:assert/strict";
import { decode } from "../../../src/tsql/decode/decode.js";

function utf16le(text: string): Buffer {
  return Buffer.from(text, "utf16le");
}

function utf16be(text: string): Buffer {
  return Buffer.from(text, "utf16le").swap16();
}

function bytes(...parts: (string | number[] | Buffer)[]): Buffer {
  return Buffer.concat(parts.map((part) => Buffer.from(part as string)));
}

const SCRIPT = "-- Café\r\nSELECT N'€' AS x;\nGO\rPRINT 1\r\n";

interface Case {
  readonly name: string;
  readonly input: Buffer;
  readonly encoding: string;
  readonly bom: boolean;
  readonly text: string;
  readonly codes: string[];
}

const cases: Case[] = [
  {
    name: "UTF-8 without BOM",
    input: Buffer.from(SCRIPT, "utf8"),
    encoding: "utf-8",
    bom: false,
    text: SCRIPT,
    codes: [],
  },
  {
    name: "UTF-8 with BOM",
    input: bytes([0xef, 0xbb, 0xbf], Buffer.from(SCRIPT, "utf8")),
    encoding: "utf-8",
    bom: true,
    text: SCRIPT,
    codes: [],
  },
  {
    name: "UTF-8 keeps a second BOM",
    input: bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], "GO"),
    encoding: "utf-8",
    bom: true,
    text: "\ufeffGO",
    codes: [],
  },
  {
    name: "UTF-16LE with BOM",
    input: bytes([0xff, 0xfe], utf16le(SCRIPT)),
    encoding: "utf-16le",
    bom: true,
    text: SCRIPT,
    codes: [],
  },
  {
    name: "UTF-16BE with BOM",
    input: bytes([0xfe, 0xff], utf16be(SCRIPT)),
    encoding: "utf-16be",
    bom: true,
    text: SCRIPT,
    codes: [],
  },
  {
    name: "UTF-16LE without BOM",
    input: utf16le(SCRIPT),
    encoding: "utf-16le",
    bom: false,
    text: SCRIPT,
    codes: ["decode.detected-utf16"],
  },
  {
    name: "UTF-16BE without BOM",
    input: utf16be(SCRIPT),
    encoding: "utf-16be",
    bom: false,
    text: SCRIPT,
    codes: ["decode.detected-utf16"],
  },
  {
    name: "UTF-16LE without BOM, Cyrillic",
    input: utf16le("SELECT N'Привет, мир' AS greeting;\r\n"),
    encoding: "utf-16le",
    bom: false,
    text: "SELECT N'Привет, мир' AS greeting;\r\n",
    codes: ["decode.detected-utf16"],
  },
  {
    name: "Windows-1252 fallback",
    input: bytes("SELECT '", [0x93], "x", [0x94], " ", [0x80], "5 caf", [0xe9], "'"),
    encoding: "windows-1252",
    bom: false,
    text: "SELECT '\u201cx\u201d \u20ac5 café'",
    codes: ["decode.fallback"],
  },
  {
    name: "UTF-32LE with BOM",
    input: bytes([0xff, 0xfe, 0, 0], [0x41, 0, 0, 0], [0x1e, 0xd1, 0x01, 0]),
    encoding: "utf-32le",
    bom: true,
    text: "A\u{1d11e}",
    codes: [],
  },
  {
    name: "UTF-32BE with BOM",
    input: bytes([0, 0, 0xfe, 0xff], [0, 0, 0, 0x41]),
    encoding: "utf-32be",
    bom: true,
    text: "A",
    codes: [],
  },
  {
    name: "empty input",
    input: Buffer.alloc(0),
    encoding: "utf-8",
    bom: false,
    text: "",
    codes: [],
  },
];

for (const c of cases) {
  test(`decode ${c.name}`, () => {
    const result = decode(c.input);

    assert.equal(result.text, c.text);
    assert.equal(result.encoding, c.encoding);
    assert.equal(result.bom, c.bom);
    assert.deepEqual(
      result.diagnostics.map((d) => d.code),
      c.codes,
    );
  });
}

test("decode keeps every line ending", () => {
  const text = "a\r\nb\nc\rd\r\n\r\n";

  assert.equal(decode(Buffer.from(text)).text, text);
  assert.equal(decode(bytes([0xff, 0xfe], utf16le(text))).text, text);
});

test("fallback warning names encoding and override", () => {
  const result = decode(bytes("SELECT 1\nSELECT '", [0xe9], "'"), { file: "a.sql" });
  const [warning] = result.diagnostics;

  assert.equal(warning?.severity, "warning");
  assert.equal(warning?.file, "a.sql");
  assert.equal(warning?.line, 2);
  assert.equal(warning?.column, 9);
  assert.match(warning?.message ?? "", /windows-1252/);
  assert.match(warning?.message ?? "", /--encoding/);
  assert.match(warning?.message ?? "", /byte at 17/);
});

test("mostly UTF-8 with one bad byte", () => {
  const input = bytes("-- café naïve\nSELECT '", [0x92], "';");
  const result = decode(input);
  const [error] = result.diagnostics;

  assert.equal(result.encoding, "utf-8");
  assert.equal(result.text, "-- café naïve\nSELECT '\ufffd';");
  assert.equal(error?.code, "decode.invalid-utf8");
  assert.equal(error?.severity, "error");
  assert.match(error?.message ?? "", /at byte 24 /);
  assert.equal(error?.line, 2);
  assert.equal(error?.column, 9);
});

test("explicit UTF-8 reports first byte and count", () => {
  const input = bytes("ab", [0xc3], "c", [0xff, 0xfe], "\n", [0xe2, 0x82]);
  const result = decode(input, { encoding: "utf8" });
  const [error] = result.diagnostics;

  assert.equal(result.encoding, "utf-8");
  assert.equal(result.text, "ab\ufffdc\ufffd\ufffd\n\ufffd");
  assert.equal(result.diagnostics.length, 1);
  assert.equal(error?.code, "decode.invalid-utf8");
  assert.match(error?.message ?? "", /at byte 2 \(4 invalid byte sequences replaced by U\+FFFD\)/);
  assert.equal(error?.start, 2);
  assert.equal(error?.column, 3);
});

test("explicit UTF-8 rejects overlong and surrogate forms", () => {
  // C0 AF is an overlong '/', ED A0 80 an encoded surrogate: both invalid.
  const result = decode(Buffer.from([0x41, 0xc0, 0xaf, 0xed, 0xa0, 0x80]), { encoding: "utf-8" });

  assert.equal(result.text, "A" + "\ufffd".repeat(5));
  assert.match(result.diagnostics[0]?.message ?? "", /at byte 1 \(5 invalid/);
});

test("UTF-16 unpaired surrogate reports byte offset", () => {
  const units = utf16le("SELECT 1\nX");
  const input = bytes([0xff, 0xfe], units, [0x3d, 0xd8], utf16le("Y"), [0x00, 0xdc]);
  const result = decode(input);
  const [error] = result.diagnostics;

  assert.equal(result.text, "SELECT 1\nX\ufffdY\ufffd");
  assert.equal(error?.code, "decode.invalid-utf16");
  assert.equal(
    error?.message,
    "invalid UTF-16 sequence at byte 22 (unpaired surrogate, 2 in all); pass --encoding to override",
  );
  assert.equal(error?.line, 2);
  assert.equal(error?.column, 2);
});

test("UTF-16 keeps valid surrogate pairs", () => {
  const result = decode(bytes([0xfe, 0xff], utf16be("N'\u{1f600}'")));

  assert.equal(result.text, "N'\u{1f600}'");
  assert.deepEqual(result.diagnostics, []);
});

test("UTF-16 odd byte count", () => {
  const input = bytes([0xff, 0xfe], utf16le("GO"), [0x41]);
  const result = decode(input);
  const [error] = result.diagnostics;

  assert.equal(result.text, "GO\ufffd");
  assert.equal(error?.code, "decode.odd-length");
  assert.match(error?.message ?? "", /odd number of bytes \(7\)/);
  assert.match(error?.message ?? "", /byte at 6/);
});

test("UTF-32 invalid code point", () => {
  const input = bytes([0xff, 0xfe, 0, 0], [0x41, 0, 0, 0], [0, 0, 0x11, 0], [0x42, 0, 0]);
  const result = decode(input);

  assert.equal(result.text, "A\ufffd\ufffd");
  assert.deepEqual(
    result.diagnostics.map((d) => d.code),
    ["decode.invalid-utf32", "decode.odd-length"],
  );
  assert.match(result.diagnostics[0]?.message ?? "", /at byte 8/);
});

test("explicit code pages", () => {
  const cases: [string, number[], string, string][] = [
    ["cp1252", [0x80, 0x93, 0x94, 0xe9], "windows-1252", "\u20ac\u201c\u201dé"],
    ["latin1", [0x80, 0xe9], "windows-1252", "\u20acé"],
    ["1250", [0x8a, 0xe8], "windows-1250", "Šč"],
    ["windows-1251", [0xcf, 0xf0, 0xe8], "windows-1251", "При"],
    ["koi8-r", [0xf0, 0xd2, 0xc9], "koi8-r", "При"],
    ["ISO-8859-2", [0xa9], "iso-8859-2", "Š"],
    ["cp932", [0x82, 0xa0], "shift_jis", "あ"],
    ["big5", [0xa4, 0x40], "big5", "一"],
    ["euc-kr", [0xb0, 0xa1], "euc-kr", "가"],
    ["gb18030", [0xc4, 0xe3], "gb18030", "你"],
  ];

  for (const [label, input, encoding, text] of cases) {
    const result = decode(Buffer.from(input), { encoding: label });

    assert.equal(result.encoding, encoding, label);
    assert.equal(result.text, text, label);
    assert.deepEqual(result.diagnostics, [], label);
  }
});

test("explicit UTF-16 aliases take byte order from BOM", () => {
  const le = decode(bytes([0xff, 0xfe], utf16le("GO")), { encoding: "ucs-2" });
  const be = decode(bytes([0xfe, 0xff], utf16be("GO")), { encoding: "utf16" });
  const bare = decode(utf16le("GO"), { encoding: "unicode" });

  assert.deepEqual([le.encoding, le.bom, le.text], ["utf-16le", true, "GO"]);
  assert.deepEqual([be.encoding, be.bom, be.text], ["utf-16be", true, "GO"]);
  assert.deepEqual([bare.encoding, bare.bom, bare.text], ["utf-16le", false, "GO"]);
  assert.deepEqual(bare.diagnostics, []);
});

test("explicit encoding mismatch advice", () => {
  // ASCII text read as UTF-32LE: every 4 bytes form a code point far above
  // U+10FFFF.
  const result = decode(Buffer.from("SELECT 1;\r\n"), { encoding: "utf-32le" });
  const messages = result.diagnostics.map((d) => d.message);

  assert.deepEqual(
    result.diagnostics.map((d) => d.code),
    ["decode.invalid-utf32", "decode.odd-length"],
  );
  for (const message of messages) {
    assert.match(message, /the file may not be in UTF-32LE, the encoding given with --encoding$/);
    assert.doesNotMatch(message, /pass --encoding/);
  }
});

test("explicit code page mismatch advice", () => {
  const result = decode(Buffer.from([0x41, 0xd2]), { encoding: "windows-1253" });

  assert.match(result.diagnostics[0]?.message ?? "", /the file may not be in windows-1253, the encoding given with --encoding$/);
});

test("explicit encoding overrides detection", () => {
  // Valid UTF-8 for "é", read as Windows-1252 because the user asked.
  const result = decode(Buffer.from([0xc3, 0xa9]), { encoding: "windows-1252" });

  assert.equal(result.text, "Ã©");
  assert.deepEqual(result.diagnostics, []);
});

test("explicit encoding conflicting with BOM", () => {
  const result = decode(bytes([0xef, 0xbb, 0xbf], "GO"), { encoding: "cp1252" });
  const [warning] = result.diagnostics;

  assert.equal(result.text, "ï»¿GO");
  assert.equal(result.bom, false);
  assert.equal(warning?.code, "decode.bom-mismatch");
  assert.match(warning?.message ?? "", /UTF-8 byte order mark/);
  assert.match(warning?.message ?? "", /'cp1252'/);
});

test("explicit multi-byte code page with invalid byte", () => {
  const result = decode(Buffer.from([0x82, 0xa0, 0x0d, 0x0a, 0xff, 0x41]), { encoding: "sjis" });
  const [error] = result.diagnostics;

  assert.equal(result.encoding, "shift_jis");
  assert.equal(result.text, "あ\r\n\ufffdA");
  assert.match(error?.message ?? "", /invalid shift_jis sequence at byte 4 \(1 character/);
  assert.equal(error?.line, 2);
  assert.equal(error?.column, 1);
});

test("explicit code page with undefined byte", () => {
  // 0xD2 is not defined in Windows-1253 (Greek).
  const result = decode(Buffer.from([0x41, 0x0a, 0x42, 0xd2, 0x43]), { encoding: "windows-1253" });
  const [error] = result.diagnostics;

  assert.equal(result.text, "A\nB\ufffdC");
  assert.equal(error?.code, "decode.invalid-bytes");
  assert.match(error?.message ?? "", /invalid windows-1253 sequence at byte 3/);
  assert.equal(error?.line, 2);
  assert.equal(error?.column, 2);
});

test("unknown encoding is an error, not a throw", () => {
  const result = decode(Buffer.from("SELECT 1"), { encoding: "ebcdic-42", file: "x.sql" });
  const [error] = result.diagnostics;

  assert.equal(result.text, "SELECT 1");
  assert.equal(result.encoding, "utf-8");
  assert.equal(error?.code, "decode.unknown-encoding");
  assert.equal(error?.severity, "error");
  assert.equal(error?.file, "x.sql");
  assert.match(error?.message ?? "", /unknown encoding 'ebcdic-42'/);
  assert.match(error?.message ?? "", /windows-1252/);
  assert.match(error?.message ?? "", /utf-16le/);
});

test("browser-only encodings are rejected", () => {
  for (const label of ["replacement", "x-user-defined", "iso-2022-kr"]) {
    const result = decode(Buffer.from("A"), { encoding: label });

    assert.equal(result.diagnostics[0]?.code, "decode.unknown-encoding", label);
  }
});
