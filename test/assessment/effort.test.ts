import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DEFAULT_EFFORT_RATES } from "../../src/catalog/catalog.js";
import { DEFAULT_OCCURRENCE_RATES, EffortEstimator } from "../../src/assessment/effort.js";
import type { Finding } from "../../src/assessment/model.js";

function finding(overrides: Partial<Finding>): Finding {
  return {
    featureId: "statement.checkpoint",
    status: "notSupported",
    file: "a.sql",
    line: 1,
    column: 1,
    object: "dbo.p",
    message: "CHECKPOINT",
    complexity: "low",
    ...overrides,
  };
}

describe("effort estimator", () => {
  it("charges learning once per feature", () => {
    const findings = Array.from({ length: 300 }, (_, i) => finding({ line: i + 1 }));
    const report = new EffortEstimator().addAll(findings).report();
    const learning = DEFAULT_EFFORT_RATES.low;
    const each = DEFAULT_OCCURRENCE_RATES.low;

    assert.equal(report.byFeature.length, 1);
    assert.equal(report.byFeature[0]!.occurrences, 300);
    assert.equal(report.total.low, Math.round((learning.low + 300 * each.low) * 100) / 100);
    assert.equal(report.total.high, Math.round((learning.high + 300 * each.high) * 100) / 100);
  });

  it("repeated fix costs less than independent fixes", () => {
    const findings = Array.from({ length: 300 }, (_, i) => finding({ line: i + 1 }));
    const report = new EffortEstimator().addAll(findings).report();
    assert.ok(report.total.high < 300 * DEFAULT_EFFORT_RATES.low.high);
  });

  it("separates details of one feature", () => {
    const report = new EffortEstimator()
      .addAll([
        finding({ featureId: "builtin.function.hashbytes", detail: "md2", complexity: "medium" }),
        finding({ featureId: "builtin.function.hashbytes", detail: "md5", complexity: "medium" }),
      ])
      .report();
    assert.equal(report.byFeature.length, 2);
  });

  it("skips supported and ignored findings", () => {
    const report = new EffortEstimator()
      .addAll([finding({ status: "supported" }), finding({ status: "ignored" })])
      .report();
    assert.deepEqual(report.total, { low: 0, high: 0 });
    assert.equal(report.byObject.length, 0);
  });

  it("rolls occurrences up per object", () => {
    const report = new EffortEstimator()
      .addAll([
        finding({ object: "dbo.a" }),
        finding({ object: "dbo.a", complexity: "high" }),
        finding({ object: "dbo.b" }),
      ])
      .report();
    const a = report.byObject.find((o) => o.object === "dbo.a")!;
    assert.equal(a.occurrences, 2);
    assert.equal(a.total.low, DEFAULT_OCCURRENCE_RATES.low.low + DEFAULT_OCCURRENCE_RATES.high.low);
    assert.equal(report.byObject[0]!.object, "dbo.a");
  });

  it("uses edited occurrence rates", () => {
    const rates = { low: { low: 1, high: 2 }, medium: { low: 1, high: 2 }, high: { low: 1, high: 2 } };
    const report = new EffortEstimator({ occurrenceRates: rates }).addAll([finding({}), finding({})]).report();
    assert.equal(report.byObject[0]!.total.low, 2);
    assert.equal(report.byObject[0]!.total.high, 4);
  });
});
