/**
 * The message for nesting past the parser's depth limit. The limit is
 * fixed, so the message must not name a setting that users cannot reach.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { parse } from "../../../src/tsql/parse.js";

describe("nesting limit message", () => {
  const inputs: [name: string, text: string][] = [
    ["parentheses", `SELECT ${"(".repeat(300)}1${")".repeat(300)}`],
    ["blocks", `${"BEGIN ".repeat(300)}SELECT 1 ${"END ".repeat(300)}`],
  ];
  for (const [name, text] of inputs) {
    it(`states the fixed limit for ${name}`, () => {
      const deep = parse(text).diagnostics.find((d) => d.code === "parse.nesting-too-deep");
      assert.ok(deep, "no nesting diagnostic");
      assert.doesNotMatch(deep.message, /maxDepth/);
      assert.match(deep.message, /deeper than 200 levels/);
      assert.match(deep.message, /fixed limit/);
      assert.match(deep.message, /review (it|the statement) by hand/);
    });
  }
});
