import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { compareStoredAssessment } from "../../src/assessment/compare-stored.js";
import type { Assessment, Finding } from "../../src/assessment/model.js";
import { overridesFromRecords, recordOverrides } from "../../src/assessment/override-records.js";
import { classify, defaultCatalog } from "../../src/catalog/catalog.js";
import { applyOverrides, applyRateTable } from "../../src/catalog/overrides.js";
import { parseTarget, type Target } from "../../src/catalog/targets.js";
import { DEFAULT_OCCURRENCE_RATES } from "../../src/assessment/effort.js";

function target(text: string): Target {
  const result = parseTarget(text);
  assert.ok(result.ok, text);
  return result.target;
}

const OVERRIDES = {
  features: [
    { featureId: "dml.top", product: "babelfish" as const, status: "reviewManually" },
    { featureId: "builtin.function.hashbytes", detail: "MD5", complexity: "high" },
    { featureId: "statement.checkpoint", effortHours: { low: 2, high: 3 } },
  ],
  rates: { medium: { low: 2, high: 6 } },
  detailRates: { low: { low: 0, high: 0.5 } },
};

function recorded(at: Target) {
  const result = applyOverrides(defaultCatalog(), OVERRIDES);
  assert.deepEqual(result.errors, []);
  const occurrence = applyRateTable(DEFAULT_OCCURRENCE_RATES, { high: { low: 2, high: 5 } }, "occurrenceRates");
  return {
    catalog: result.catalog,
    records: recordOverrides(
      {
        applied: result.applied,
        rateChanges: result.rates,
        detailRateChanges: result.detailRates,
        occurrenceRateChanges: occurrence.changes,
      },
      at,
    ),
  };
}

describe("override records", () => {
  it("record the value each override replaced on the target", () => {
    const { records } = recorded(target("babelfish@5.5"));
    assert.ok(records);
    assert.deepEqual(records.features, [
      { featureId: "dml.top", product: "babelfish", field: "status", from: "supported", to: "reviewManually" },
      { featureId: "builtin.function.hashbytes", detail: "md5", field: "complexity", from: "low", to: "high" },
      { featureId: "statement.checkpoint", field: "effortHours", from: { low: 0.25, high: 1 }, to: { low: 2, high: 3 } },
    ]);
  });

  it("record learning, detail and per-occurrence rate changes", () => {
    const { records } = recorded(target("babelfish@5.5"));
    assert.deepEqual(records?.rates, [
      { rates: "learning", complexity: "medium", from: { low: 1, high: 4 }, to: { low: 2, high: 6 } },
      { rates: "perDetail", complexity: "low", from: { low: 0.1, high: 0.25 }, to: { low: 0, high: 0.5 } },
      { rates: "perOccurrence", complexity: "high", from: { low: 1, high: 4 }, to: { low: 2, high: 5 } },
    ]);
  });

  it("take from on the assessed product", () => {
    const { records } = recorded(target("postgresql@17"));
    const top = records?.features.find((r) => r.featureId === "dml.top");
    assert.equal(top?.from, classify("dml.top", undefined, target("postgresql@17")).status);
  });

  it("are absent when nothing changed", () => {
    const none = recordOverrides({ applied: [], rateChanges: [], occurrenceRateChanges: [] }, target("babelfish"));
    assert.equal(none, undefined);
  });

  it("rebuild a catalog that classifies as the original", () => {
    const at = target("babelfish@5.5");
    const { catalog, records } = recorded(at);
    assert.ok(records);
    const rebuilt = applyOverrides(defaultCatalog(), overridesFromRecords(records));
    assert.deepEqual(rebuilt.errors, []);

    for (const [id, detail] of [["dml.top", undefined], ["builtin.function.hashbytes", "md5"], ["statement.checkpoint", undefined]] as const) {
      assert.deepEqual(classify(id, detail, at, rebuilt.catalog), classify(id, detail, at, catalog), id);
    }
    assert.deepEqual(rebuilt.catalog.rates, catalog.rates);
    assert.deepEqual(rebuilt.catalog.detailRates, catalog.detailRates);
  });
});

describe("compareStoredAssessment", () => {
  function stored(findings: Finding[], extra: Partial<Assessment> = {}): Assessment {
    return {
      id: "stored-1",
      startedAt: "2025-01-01T00:00:00.000Z",
      infioVersion: "0.0.0-test",
      target: "babelfish@4.4.0",
      sources: ["db"],
      summary: {
        files: 1, lines: 1, bytes: 1, batches: 1, batchesWithErrors: 0, statements: 1,
        findingsByStatus: { supported: 0, notSupported: 0, reviewSemantics: 0, reviewPerformance: 0, reviewManually: 0, ignored: 0, unknown: 0 },
        objectsByType: {},
        effort: { low: 0, high: 0 },
        elapsedMs: 1,
      },
      units: [],
      objects: [],
      findings,
      parseErrors: [],
      skipped: [],
      ...extra,
    };
  }

  const finding = (featureId: string): Finding => ({
    featureId, status: "notSupported", file: "a.sql", line: 1, column: 1, object: "", message: featureId,
  });

  it("classifies the stored findings for both targets", () => {
    const result = compareStoredAssessment(
      stored([finding("xml.method.value"), finding("xml.method.value"), finding("statement.checkpoint")]),
      target("babelfish@5.5"),
    );
    assert.ok(result.ok);
    assert.equal(result.comparison.baseline, "babelfish@4.4.0");
    assert.deepEqual(result.comparison.unblocked.map((f) => [f.featureId, f.occurrences]), [["xml.method.value", 2]]);
    assert.deepEqual(result.comparison.stillBlocking.map((f) => f.featureId), ["statement.checkpoint"]);
  });

  it("applies the stored overrides again", () => {
    const overrides = {
      features: [{ featureId: "xml.method.value", product: "babelfish" as const, field: "status" as const, from: "notSupported" as const, to: "notSupported" as const }],
      rates: [],
    };
    const result = compareStoredAssessment(stored([finding("xml.method.value")], { overrides }), target("babelfish@5.5"));
    assert.ok(result.ok);
    assert.deepEqual(result.comparison.unblocked, []);
    assert.deepEqual(result.comparison.stillBlocking.map((f) => f.featureId), ["xml.method.value"]);
  });

  it("warns about stored overrides the catalog rejects", () => {
    const overrides = {
      features: [{ featureId: "gone.feature", field: "complexity" as const, from: "low" as const, to: "high" as const }],
      rates: [],
    };
    const result = compareStoredAssessment(stored([], { overrides }), target("babelfish@5.5"));
    assert.ok(result.ok);
    assert.equal(result.warnings.length, 1);
    assert.match(result.warnings[0]!, /'gone\.feature'/);
  });

  it("rejects the assessed target", () => {
    const result = compareStoredAssessment(stored([]), target("babelfish@4.4"));
    assert.ok(!result.ok);
    assert.match(result.error, /babelfish@4\.4\.0 is the assessed target of 'stored-1'/);
  });

  it("rejects a stored target it cannot parse", () => {
    const result = compareStoredAssessment(stored([], { target: "sybase@16" }), target("babelfish@5.5"));
    assert.ok(!result.ok);
    assert.match(result.error, /'sybase@16'/);
  });
});
