import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { countAtOrAbove, FAIL_ON_ORDER, statusesAtOrAbove } from "../../src/assessment/fail-on.js";
import { FINDING_STATUSES, type AssessmentSummary } from "../../src/assessment/model.js";
import { emptyStatusCounts } from "../../src/assessment/summary.js";

function summary(counts: Partial<AssessmentSummary["findingsByStatus"]>): AssessmentSummary {
  return {
    files: 0,
    lines: 0,
    bytes: 0,
    batches: 0,
    batchesWithErrors: 0,
    statements: 0,
    findingsByStatus: { ...emptyStatusCounts(), ...counts },
    objectsByType: {},
    effort: { low: 0, high: 0 },
    elapsedMs: 0,
  };
}

describe("--fail-on order", () => {
  it("ranks every status once", () => {
    assert.deepEqual([...FAIL_ON_ORDER].sort(), [...FINDING_STATUSES].sort());
  });

  const cases: [threshold: (typeof FAIL_ON_ORDER)[number], expected: number][] = [
    ["notSupported", 1],
    ["unknown", 3],
    ["reviewManually", 7],
    ["reviewSemantics", 15],
    ["reviewPerformance", 31],
    ["ignored", 63],
    ["supported", 127],
  ];
  const counts = summary({
    notSupported: 1,
    unknown: 2,
    reviewManually: 4,
    reviewSemantics: 8,
    reviewPerformance: 16,
    ignored: 32,
    supported: 64,
  });
  for (const [threshold, expected] of cases) {
    it(`counts ${expected} findings at or above ${threshold}`, () => {
      assert.equal(countAtOrAbove(counts, threshold), expected);
    });
  }

  it("does not count unknown under notSupported", () => {
    assert.deepEqual(statusesAtOrAbove("notSupported"), ["notSupported"]);
    assert.equal(countAtOrAbove(summary({ unknown: 5 }), "notSupported"), 0);
  });
});
