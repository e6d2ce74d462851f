import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { resolveFeature, safeHttpUrl } from "../../src/report/features.js";

describe("safeHttpUrl", () => {
  const cases: [string | undefined, string | undefined][] = [
    ["https://example.com/a b", "https://example.com/a%20b"],
    ["http://example.com/", "http://example.com/"],
    ["javascript:alert(1)", undefined],
    [" JAVASCRIPT:alert(1)", undefined],
    ["data:text/html,<b>x</b>", undefined],
    ["//example.com/x", undefined],
    ["/docs/x", undefined],
    ["file:///etc/passwd", undefined],
    [undefined, undefined],
  ];

  for (const [input, expected] of cases) {
    it(`maps ${JSON.stringify(input)}`, () => {
      assert.equal(safeHttpUrl(input), expected);
    });
  }
});

describe("resolveFeature", () => {
  it("derives the group from the id", () => {
    const feature = resolveFeature("cursor.option.scroll");
    assert.equal(feature.group, "cursor.option");
    assert.equal(feature.title, "cursor.option.scroll");
    assert.equal(feature.helpUri, undefined);
  });

  it("uses an id without a dot as its group", () => {
    assert.equal(resolveFeature("merge").group, "merge");
  });

  it("takes title, group and link from the lookup", () => {
    const feature = resolveFeature("x.y", () => ({
      title: "X",
      group: "g",
      helpUri: "https://example.com/x",
    }));
    assert.equal(feature.title, "X");
    assert.equal(feature.group, "g");
    assert.equal(feature.helpUri, "https://example.com/x");
  });

  it("ignores blank catalog values", () => {
    const feature = resolveFeature("x.y", () => ({ title: " ", group: "" }));
    assert.equal(feature.title, "x.y");
    assert.equal(feature.group, "x");
  });
});
