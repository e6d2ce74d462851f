import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { compareTargets, TargetComparer } from "../../src/assessment/compare.js";
import type { Finding } from "../../src/assessment/model.js";
import { parseTarget, type Target } from "../../src/catalog/targets.js";

function target(text: string): Target {
  const result = parseTarget(text);
  assert.ok(result.ok, text);
  return result.target;
}

function finding(featureId: string, detail?: string): Finding {
  return {
    featureId,
    status: "notSupported",
    file: "a.sql",
    line: 1,
    column: 1,
    object: "",
    message: featureId,
    ...(detail === undefined ? {} : { detail }),
  };
}

describe("target comparison", () => {
  const findings = [finding("dml.pivot"), finding("dml.pivot"), finding("statement.checkpoint"), finding("no.such.feature")];

  it("lists what the newer version unblocks", () => {
    const result = compareTargets(findings, target("babelfish@3.1"), target("babelfish@5.5"));
    assert.deepEqual(result.unblocked.map((f) => [f.featureId, f.occurrences]), [["dml.pivot", 2]]);
  });

  it("lists what still blocks", () => {
    const result = compareTargets(findings, target("babelfish@3.1"), target("babelfish@5.5"));
    assert.deepEqual(result.stillBlocking.map((f) => f.featureId), ["statement.checkpoint"]);
  });

  it("lists newly blocking features as regressed", () => {
    const result = compareTargets(findings, target("babelfish@5.5"), target("babelfish@3.1"));
    assert.deepEqual(result.regressed.map((f) => f.featureId), ["dml.pivot"]);
    assert.deepEqual(result.stillBlocking.map((f) => f.featureId), ["statement.checkpoint"]);
  });

  it("leaves unknown features unchanged", () => {
    const result = compareTargets(findings, target("babelfish@3.1"), target("babelfish@5.5"));
    const all = [...result.unblocked, ...result.stillBlocking, ...result.regressed, ...result.changed];
    assert.ok(!all.some((f) => f.featureId === "no.such.feature"));
  });

  it("names both targets", () => {
    const result = compareTargets(findings, target("babelfish@4.4"), target("postgresql@17"));
    assert.match(result.baseline, /babelfish@4\.4/);
    assert.match(result.candidate, /postgresql@17/);
  });

  it("streams to the same result", () => {
    const comparer = new TargetComparer(target("babelfish@3.1"), target("babelfish@5.5"));
    for (const f of findings) {
      comparer.add(f);
    }
    assert.deepEqual(comparer.result(), compareTargets(findings, target("babelfish@3.1"), target("babelfish@5.5")));
  });

  it("keeps details of one feature apart", () => {
    const hashes = [
      finding("builtin.function.hashbytes", "md2"),
      finding("builtin.function.hashbytes", "md5"),
      finding("builtin.function.hashbytes", "md5"),
    ];
    const result = compareTargets(hashes, target("babelfish@5.5"), target("postgresql@17"));
    assert.deepEqual(result.stillBlocking.map((f) => [f.detail, f.occurrences]), [["md2", 1]]);
    assert.deepEqual(result.regressed.map((f) => [f.detail, f.occurrences, f.baseline]), [["md5", 2, "supported"]]);
  });

  it("records the status on each target", () => {
    const result = compareTargets(findings, target("babelfish@3.1"), target("babelfish@5.5"));
    const pivot = result.unblocked[0]!;
    assert.equal(pivot.baseline, "notSupported");
    assert.equal(pivot.candidate, "supported");
    assert.equal(pivot.title, "PIVOT");
  });
});
