import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  escapeJson,
  escapeText,
  unescapeJson,
  unescapeText,
} from "../../src/store/text-escape.js";

const CASES: readonly [string, string, string][] = [
  ["plain text", "dbo.Orders", "dbo.Orders"],
  ["empty", "", ""],
  ["NUL", "a\u0000b", "a\uE0000b"],
  ["escape character", "a\uE000b", "a\uE000\uE000b"],
  ["escape then zero", "\uE0000", "\uE000\uE0000"],
  ["lone high surrogate", "x\uD83Dy", "x\uE000ud83dy"],
  ["lone low surrogate", "\uDE00", "\uE000ude00"],
  ["surrogate pair", "🧪", "🧪"],
  ["high before pair", "\uD800🧪", "\uE000ud800🧪"],
];

describe("escapeText", () => {
  for (const [name, input, escaped] of CASES) {
    it(`escapes ${name}`, () => {
      assert.equal(escapeText(input), escaped);
    });

    it(`restores ${name}`, () => {
      assert.equal(unescapeText(escaped), input);
    });
  }

  it("leaves no NUL or lone surrogate", () => {
    const hostile = "\u0000\uD800\uDC00\uDC00\uE000\u0000\uD800";

    const escaped = escapeText(hostile);

    assert.equal(escaped.includes("\u0000"), false);
    assert.equal(Buffer.from(escaped, "utf8").toString("utf8"), escaped);
    assert.equal(unescapeText(escaped), hostile);
  });

  it("round-trips every BMP code unit", () => {
    let all = "";
    for (let code = 0; code < 0x10000; code++) {
      all += String.fromCharCode(code);
    }

    assert.equal(unescapeText(escapeText(all)), all);
  });

  it("keeps a stray escape character", () => {
    assert.equal(unescapeText("end\uE000"), "end\uE000");
  });
});

describe("escapeJson", () => {
  it("escapes keys and nested strings", () => {
    const value = { "k\u0000": ["v\u0000", 1, null, { deep: "\uE000" }], n: 2 };

    const escaped = escapeJson(value);

    assert.deepStrictEqual(escaped, {
      "k\uE0000": ["v\uE0000", 1, null, { deep: "\uE000\uE000" }],
      n: 2,
    });
    assert.deepStrictEqual(unescapeJson(escaped), value);
  });

  it("keeps a __proto__ key as a key", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}');

    const escaped = escapeJson(value) as Record<string, unknown>;

    assert.equal(Object.getPrototypeOf(escaped), Object.prototype);
    assert.deepStrictEqual(Object.keys(escaped), ["__proto__"]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
