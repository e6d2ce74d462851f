import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { XmlDecoder } from "../../../src/sources/workload/xml-decoder.js";
import { XmlCaptureError } from "../../../src/sources/workload/xml-error.js";
import { MAX_TAG_CHARS, XmlTokenizer, type XmlToken } from "../../../src/sources/workload/xml-tokenizer.js";

/** Tokenizes `bytes` fed `chunk` bytes at a time; text pieces are joined. */
function tokenize(bytes: Uint8Array, chunk = bytes.length || 1): { tokens: string[]; end: string | undefined } {
  const decoder = new XmlDecoder("test.xml");
  let tokenizer: XmlTokenizer | undefined;
  const tokens: string[] = [];
  const pump = (text: string, final: boolean) => {
    tokenizer ??= new XmlTokenizer("test.xml", (t) => decoder.byteLength(t), decoder.bomBytes);
    tokenizer.feed(text, final);
    for (let t = tokenizer.next(); t !== undefined; t = tokenizer.next()) {
      add(tokens, t);
    }
  };
  for (let i = 0; i < bytes.length; i += chunk) {
    const text = decoder.decode(bytes.subarray(i, i + chunk));
    if (text !== "") {
      pump(text, false);
    }
  }
  pump(decoder.decode(new Uint8Array(), true), true);
  return { tokens, end: tokenizer?.endProblem() };
}

function add(tokens: string[], token: XmlToken): void {
  if (token.kind === "text") {
    const last = tokens.length - 1;
    if (last >= 0 && tokens[last]!.startsWith("text:")) {
      tokens[last] += token.text;
    } else {
      tokens.push(`text:${token.text}`);
    }
  } else if (token.kind === "start") {
    const attributes = [...token.attributes].map(([k, v]) => ` ${k}=${v}`).join("");
    tokens.push(`<${token.name}${attributes}${token.selfClosing ? "/" : ""}>`);
  } else {
    tokens.push(`</${token.name}>`);
  }
}

function utf8(text: string): Uint8Array {
  return Buffer.from(text, "utf8");
}

function failure(text: string | Uint8Array): XmlCaptureError {
  try {
    tokenize(typeof text === "string" ? utf8(text) : text);
  } catch (error) {
    assert.ok(error instanceof XmlCaptureError, String(error));
    return error;
  }
  assert.fail("no error was raised");
}

describe("XmlTokenizer", () => {
  it("decodes entities, character references and CDATA", () => {
    const xml = `<v a="x &amp; &quot;y&quot;">1 &lt; 2 &#x26; &#233; <![CDATA[<raw> & ]]]]><![CDATA[>]]></v>`;
    const { tokens } = tokenize(utf8(xml));
    assert.deepEqual(tokens, ['<v a=x & "y">', "text:1 < 2 & é <raw> & ]]>", "</v>"]);
  });

  it("gives the same tokens at every chunk size", () => {
    const xml =
      `<?xml version="1.0"?><!-- c --><r><e n='1'>a&amp;b<![CDATA[x]]>\r\ny</e>` +
      `<e n="2"/><e n="3">N'Zoë 日本'</e></r>`;
    const whole = tokenize(utf8(xml)).tokens;
    for (const size of [1, 2, 3, 5, 7, 64]) {
      assert.deepEqual(tokenize(utf8(xml), size).tokens, whole, `chunk size ${size}`);
    }
    assert.deepEqual(whole.slice(0, 4), ["<r>", "<e n=1>", "text:a&bx\ny", "</e>"]);
  });

  it("turns CR LF and lone CR into LF in text", () => {
    const { tokens } = tokenize(utf8("<v>a\r\nb\rc&#xD;</v>"));
    assert.deepEqual(tokens, ["<v>", "text:a\nb\nc\r", "</v>"]);
  });

  it("reads UTF-16 with and without a byte order mark", () => {
    const xml = `<v>Zoë 日本</v>`;
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
    const bare = Buffer.from(xml, "utf16le");
    const big = Buffer.from(xml, "utf16le").swap16();
    const bigWithMark = Buffer.concat([Buffer.from([0xfe, 0xff]), big]);
    for (const [name, bytes] of [["LE with BOM", little], ["LE without BOM", bare], ["BE with BOM", bigWithMark]] as const) {
      assert.deepEqual(tokenize(bytes, 3).tokens, ["<v>", "text:Zoë 日本", "</v>"], name);
    }
  });

  it("reads a single-byte code page named by the declaration", () => {
    const bytes = Buffer.from([...Buffer.from(`<?xml version="1.0" encoding="windows-1252"?><v>`), 0xe9, ...Buffer.from("</v>")]);
    assert.deepEqual(tokenize(bytes).tokens, ["<v>", "text:é", "</v>"]);
  });

  it("rejects an encoding it cannot measure", () => {
    const error = failure(`<?xml version="1.0" encoding="shift_jis"?><v/>`);
    assert.match(error.message, /unsupported encoding 'shift_jis'.*save the capture as UTF-8 or UTF-16/);
  });

  it("gives line, column and byte offset of invalid XML", () => {
    const xml = "<r>\n  <é>x</é>\n  <v>1</w>\n</r>";
    const error = failure(xml);
    const byte = Buffer.byteLength("<r>\n  <é>x</é>\n  <v>1", "utf8");
    assert.equal(byte, 23);
    assert.deepEqual(error.position, { line: 3, column: 7, byte });
    assert.match(error.message, /end tag <\/w> where <\/v> was expected at line 3, column 7 \(byte 23\)/);
  });

  it("counts byte offsets in UTF-16 after the byte order mark", () => {
    const xml = "<r>\n<v>&bogus;</v></r>";
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
    const error = failure(bytes);
    assert.deepEqual(error.position, { line: 2, column: 4, byte: 2 + 2 * "<r>\n<v>".length });
    assert.match(error.message, /unknown entity '&bogus;'/);
  });

  const invalid: [name: string, xml: string, message: RegExp][] = [
    ["a bare ampersand", "<v>a & b</v>", /'&' that starts no reference/],
    ["a reference to NUL", "<v>&#0;</v>", /character reference '&#0;' to no valid character/],
    ["a document type declaration", "<!DOCTYPE r [<!ENTITY x 'y'>]><r/>", /document type declarations/],
    ["a duplicate attribute", `<v a="1" a="2"/>`, /attribute 'a' given twice/],
    ["'<' in an attribute", `<v a="<"/>`, /'<' in the value of attribute 'a'/],
    ["an end tag with nothing open", "</v>", /end tag <\/v> with no element open/],
    ["text outside any element", "hello <v/>", /text outside any element/],
    ["an invalid element name", "<1v/>", /invalid element name '1v'/],
  ];
  for (const [name, xml, message] of invalid) {
    it(`rejects ${name}`, () => {
      assert.match(failure(xml).message, message);
    });
  }

  it("rejects a tag longer than its limit", () => {
    const xml = `<v a="${"x".repeat(MAX_TAG_CHARS + 10)}"/>`;
    assert.match(failure(xml).message, /a tag longer than 1048576 characters/);
  });

  it("reports where a cut-short file ends", () => {
    const cases: [xml: string, end: RegExp][] = [
      ["<r><e>text", /ends inside <e>, with 2 element\(s\) open/],
      ["<r><e a=", /ends inside a tag at line 1/],
      ["<r><![CDATA[abc", /ends inside a CDATA section that starts at line 1/],
      ["<r>\n<!-- abc", /ends inside a comment that starts at line 2/],
    ];
    for (const [xml, end] of cases) {
      assert.match(tokenize(utf8(xml), 4).end ?? "", end, xml);
    }
    assert.equal(tokenize(utf8("<r/>\n<r/>")).end, undefined);
  });
});
