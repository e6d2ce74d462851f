import { test } from "node:test";
import assert from "node:assert/strict";
import { looksBinary } from "../../../src/tsql/decode/binary.js";

test("looksBinary on text", () => {
  const texts: [string, Buffer][] = [
    ["empty", Buffer.alloc(0)],
    ["ASCII with tabs and CRLF", Buffer.from("SELECT\t1;\r\nGO\r\n\f")],
    ["Windows-1252", Buffer.from([0x53, 0x93, 0x80, 0x94, 0xe9, 0x0a])],
    ["UTF-16LE without BOM", Buffer.from("SELECT 1;\r\nGO\r\n", "utf16le")],
    ["UTF-16BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("GO", "utf16le").swap16()])],
    ["one Ctrl-Z at the end", Buffer.from("SELECT 1;\r\nGO\r\n\x1a")],
    ["UTF-16LE Cyrillic without BOM", Buffer.from("SELECT N'АБВГД Привет' AS [Имя];\r\n", "utf16le")],
    ["UTF-16BE without BOM", Buffer.from("SELECT 1;\n", "utf16le").swap16()],
    ["UTF-16LE with BOM and odd length", Buffer.from([0xff, 0xfe, 0x47, 0x00, 0x4f, 0x00, 0x41])],
  ];

  for (const [name, bytes] of texts) {
    assert.equal(looksBinary(bytes), false, name);
  }
});

test("looksBinary on binary", () => {
  const binaries: [string, Buffer][] = [
    ["NUL in 8-bit text", Buffer.from("SELECT 1;\x00 more text here and here")],
    ["control characters", Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 0x41, 0x42, 0x43])],
    ["all zero bytes", Buffer.alloc(64)],
    ["5 bytes with one zero", Buffer.from([1, 2, 0, 3, 4])],
    ["UTF-16 pattern with odd length", Buffer.concat([Buffer.from("SELECT 1;", "utf16le"), Buffer.from([0x41])])],
    ["UTF-16 pattern of control units", Buffer.from("\x01\x02\x03SELECT\x04\x05", "utf16le")],
  ];

  for (const [name, bytes] of binaries) {
    assert.equal(looksBinary(bytes), true, name);
  }
});
