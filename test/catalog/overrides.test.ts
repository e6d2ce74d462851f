import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { classify, DEFAULT_DETAIL_RATES, defaultCatalog } from "../../src/catalog/catalog.js";
import { applyOverrides } from "../../src/catalog/overrides.js";

const latest = { product: "babelfish" as const, version: "5.6.0" };

describe("applyOverrides", () => {
  it("reclassifies a supported feature to review", () => {
    const result = applyOverrides(defaultCatalog(), { features: [{ featureId: "dml.top", status: "reviewManually", product: "babelfish" }] });
    assert.deepEqual(result.errors, []);
    assert.equal(result.applied.length, 1);
    assert.equal(classify("dml.top", undefined, latest, result.catalog).status, "reviewManually");
    assert.equal(classify("dml.top", undefined, latest).status, "supported");
  });

  it("rejects supported, unknown ids and bad values", () => {
    const result = applyOverrides(defaultCatalog(), {
      features: [
        { featureId: "statement.checkpoint", status: "supported" },
        { featureId: "no.such.id", status: "reviewManually" },
        { featureId: "dml.top", status: "fine" },
        { featureId: "dml.top", complexity: "huge" },
        { featureId: "builtin.function.hashbytes", detail: "md7", status: "reviewManually" },
      ],
      rates: { extreme: { low: 1, high: 2 }, low: { low: 3, high: 1 } },
    });
    assert.equal(result.errors.length, 7);
    assert.match(result.errors[0]!, /'extreme'/);
    assert.match(result.errors[2]!, /'statement\.checkpoint' to 'supported'/);
    assert.match(result.errors[3]!, /'no\.such\.id'/);
    assert.match(result.errors[6]!, /'md7'.*md2/);
    assert.equal(result.applied.length, 0);
  });

  it("rejects ignored like supported", () => {
    const result = applyOverrides(defaultCatalog(), {
      features: [{ featureId: "statement.checkpoint", status: "ignored" }],
    });
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0]!, /'statement\.checkpoint' to 'ignored' rejected/);
    assert.equal(result.applied.length, 0);
  });

  it("changes complexity, effort and rates", () => {
    const result = applyOverrides(defaultCatalog(), {
      features: [{ featureId: "statement.checkpoint", complexity: "high", effortHours: { low: 2, high: 3 } }],
      rates: { medium: { low: 5, high: 6 } },
    });
    assert.deepEqual(result.errors, []);
    const checkpoint = classify("statement.checkpoint", undefined, latest, result.catalog);
    assert.equal(checkpoint.complexity, "high");
    assert.deepEqual(checkpoint.effortHours, { low: 2, high: 3 });
    assert.deepEqual(classify("x.unknown", undefined, latest, result.catalog).effortHours, { low: 5, high: 6 });
  });

  it("changes the detail rates and rejects bad ones", () => {
    const result = applyOverrides(defaultCatalog(), {
      detailRates: { high: { low: 0.5, high: 2 }, medium: { low: 2, high: 1 } },
    });
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0]!, /^detailRates: effort rate for 'medium' is invalid \(\{"low":2,"high":1\}\)/);
    assert.deepEqual(result.detailRates, [
      { complexity: "high", from: DEFAULT_DETAIL_RATES.high, to: { low: 0.5, high: 2 } },
    ]);
    assert.deepEqual(result.catalog.detailRates.high, { low: 0.5, high: 2 });
    assert.deepEqual(result.catalog.detailRates.medium, DEFAULT_DETAIL_RATES.medium);
    assert.deepEqual(result.catalog.rates, defaultCatalog().rates, "learning rates are apart");
  });

  it("overrides one detail variant only", () => {
    const result = applyOverrides(defaultCatalog(), { features: [{ featureId: "builtin.function.hashbytes", detail: "MD5", status: "reviewSemantics" }] });
    assert.deepEqual(result.errors, []);
    assert.equal(classify("builtin.function.hashbytes", "md5", latest, result.catalog).status, "reviewSemantics");
    assert.equal(classify("builtin.function.hashbytes", "sha1", latest, result.catalog).status, "supported");
  });
});
