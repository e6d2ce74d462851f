import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { CodeTarget } from "../../src/report/html/code-plan.js";
import { planCodeView, splitLines } from "../../src/report/html/code-plan.js";
import { renderSourceLine } from "../../src/report/html/code-view.js";
import { DEFAULT_HTML_LIMITS } from "../../src/report/html/limits.js";

function target(line: number, column = 1): CodeTarget {
  return {
    file: "a.sql",
    line,
    column,
    status: "notSupported",
    badge: "Not supported",
    label: "feature.x",
    message: "m",
  };
}

const TEXT = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join("\n");

describe("renderSourceLine", () => {
  it("marks the token at each column", () => {
    const html = renderSourceLine(
      "SELECT @a, #t FROM x",
      [8, 12],
      DEFAULT_HTML_LIMITS,
    );
    assert.equal(html, "SELECT <mark>@a</mark>, <mark>#t</mark> FROM x");
  });

  it("marks one character outside a token", () => {
    const html = renderSourceLine("a (b)", [3], DEFAULT_HTML_LIMITS);
    assert.equal(html, "a <mark>(</mark>b)");
  });

  it("merges marks at the same token", () => {
    const html = renderSourceLine("MERGE t", [1, 2, 1], DEFAULT_HTML_LIMITS);
    assert.equal(html, "<mark>MERGE</mark> t");
  });

  it("ignores a column past the end", () => {
    const html = renderSourceLine("GO", [5, 0], DEFAULT_HTML_LIMITS);
    assert.equal(html, "GO");
  });

  it("escapes markup in code", () => {
    const html = renderSourceLine("<b>&", [1], DEFAULT_HTML_LIMITS);
    assert.equal(html, "<mark>&lt;</mark>b&gt;&amp;");
  });
});

describe("planCodeView", () => {
  it("shows context around a target", () => {
    const plan = planCodeView(
      [target(10)],
      new Map([["a.sql", TEXT]]),
      DEFAULT_HTML_LIMITS,
    );
    assert.deepEqual(plan.files[0]!.lineNumbers, [8, 9, 10, 11, 12]);
    assert.equal(plan.lineAnchor("a.sql", 8), "cf-0-L8");
    assert.equal(plan.lineAnchor("a.sql", 13), undefined);
  });

  it("clips windows at the file edges", () => {
    const plan = planCodeView(
      [target(1), target(30)],
      new Map([["a.sql", TEXT]]),
      DEFAULT_HTML_LIMITS,
    );
    assert.deepEqual(plan.files[0]!.lineNumbers, [1, 2, 3, 28, 29, 30]);
  });

  it("stops at the line budget", () => {
    const limits = { ...DEFAULT_HTML_LIMITS, codeLines: 7 };
    const plan = planCodeView(
      [target(5), target(20), target(6)],
      new Map([["a.sql", TEXT]]),
      limits,
    );
    assert.deepEqual(plan.files[0]!.lineNumbers, [3, 4, 5, 6, 7, 8]);
    assert.equal(plan.renderedLineCount, 6);
    assert.equal(plan.lineAnchor("a.sql", 20), undefined);
    assert.equal(plan.files[0]!.annotations.get(6)?.length, 1);
  });

  it("skips files without source text", () => {
    const plan = planCodeView([target(1)], undefined, DEFAULT_HTML_LIMITS);
    assert.equal(plan.files.length, 0);
    assert.equal(plan.lineAnchor("a.sql", 1), undefined);
  });

  it("skips a line past the end of the file", () => {
    const plan = planCodeView(
      [target(31)],
      new Map([["a.sql", TEXT]]),
      DEFAULT_HTML_LIMITS,
    );
    assert.equal(plan.files.length, 0);
  });

  it("caps annotations per line", () => {
    const limits = { ...DEFAULT_HTML_LIMITS, annotationsPerLine: 2 };
    const plan = planCodeView(
      [target(4), target(4), target(4)],
      new Map([["a.sql", TEXT]]),
      limits,
    );
    assert.equal(plan.files[0]!.annotations.get(4)?.length, 2);
    assert.equal(plan.files[0]!.hiddenAnnotations.get(4), 1);
  });
});

describe("splitLines", () => {
  it("splits at CRLF, LF and CR", () => {
    assert.deepEqual(splitLines("a\r\nb\nc\rd"), ["a", "b", "c", "d"]);
  });
});
