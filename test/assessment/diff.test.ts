import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { diffFindings } from "../../src/assessment/diff.js";
import type { Finding } from "../../src/assessment/model.js";

function f(overrides: Partial<Finding>): Finding {
  return {
    featureId: "statement.checkpoint",
    status: "notSupported",
    file: "a.sql",
    line: 1,
    column: 1,
    object: "dbo.p",
    message: "CHECKPOINT",
    ...overrides,
  };
}

describe("diffFindings", () => {
  it("counts code that only moved as unchanged", () => {
    const diff = diffFindings([f({ line: 3 })], [f({ line: 40, column: 9 })]);
    assert.deepEqual(
      { added: diff.added.length, fixed: diff.fixed.length, changed: diff.changed.length },
      { added: 0, fixed: 0, changed: 0 },
    );
    assert.equal(diff.unchanged, 1);
    assert.equal(diff.moved, 1);
  });

  it("reports findings only in B as new and only in A as fixed", () => {
    const before = [f({ line: 1 }), f({ line: 5 }), f({ featureId: "cursor.option.scroll", message: "SCROLL" })];
    const after = [f({ line: 2 }), f({ file: "b.sql" })];
    const diff = diffFindings(before, after);
    assert.deepEqual(diff.added.map((x) => `${x.file}:${x.line}`), ["b.sql:1"]);
    assert.deepEqual(diff.fixed.map((x) => `${x.featureId}:${x.line}`), ["cursor.option.scroll:1", "statement.checkpoint:5"]);
    assert.equal(diff.unchanged, 1);
  });

  it("pairs repeated findings in line order and reports a status change", () => {
    const before = [f({ line: 1 }), f({ line: 9 })];
    const after = [f({ line: 2, status: "reviewManually" }), f({ line: 10 })];
    const diff = diffFindings(before, after);
    assert.equal(diff.changed.length, 1);
    assert.equal(diff.changed[0]!.before.line, 1);
    assert.equal(diff.changed[0]!.after.status, "reviewManually");
    assert.equal(diff.unchanged, 1);
  });

  it("matches messages with whitespace collapsed but not other edits", () => {
    const diff = diffFindings([f({ message: "CHECKPOINT  5" })], [f({ message: " CHECKPOINT 5\n" })]);
    assert.equal(diff.unchanged, 1);
    const other = diffFindings([f({ message: "CHECKPOINT 5" })], [f({ message: "CHECKPOINT 6" })]);
    assert.equal(other.added.length, 1);
    assert.equal(other.fixed.length, 1);
  });

  it("tells findings apart by object and detail", () => {
    const diff = diffFindings([f({ object: "dbo.a", detail: "md5" })], [f({ object: "dbo.b", detail: "md5" }), f({ object: "dbo.a" })]);
    assert.equal(diff.added.length, 2);
    assert.equal(diff.fixed.length, 1);
  });
});
