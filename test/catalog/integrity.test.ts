import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { applyOverrides } from "../../src/catalog/overrides.js";
import { classify, defaultCatalog, listFeatures } from "../../src/catalog/catalog.js";
import { CATALOG_STATUSES, type StatusStep } from "../../src/catalog/model.js";
import { POSTGRESQL_MAJORS } from "../../src/catalog/babelfish-versions.js";
import { babelfishVersions, compareVersions } from "../../src/catalog/targets.js";

const ID_PATTERN = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;
const features = listFeatures();
const bbfVersions = babelfishVersions();

function assertHistory(id: string, steps: readonly StatusStep[], known: readonly string[], first: string): void {
  assert.ok(steps.length > 0, `${id}: empty history`);
  assert.equal(steps[0]!.from, first, `${id}: history must start at ${first}`);

  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    assert.ok(known.includes(step.from), `${id}: unknown version '${step.from}'`);
    assert.ok(CATALOG_STATUSES.includes(step.status), `${id}: invalid status '${step.status}'`);
    if (i > 0) {
      assert.ok(compareVersions(steps[i - 1]!.from, step.from) < 0, `${id}: versions out of order at '${step.from}'`);
    }
  }
}

describe("catalog integrity", () => {
  it("has a substantial number of features", () => {
    assert.ok(features.length >= 300, `only ${features.length} features`);
  });

  it("ids are dotted lower-case and unique", () => {
    const seen = new Set<string>();
    for (const entry of features) {
      assert.match(entry.id, ID_PATTERN, `bad id '${entry.id}'`);
      assert.ok(!seen.has(entry.id), `duplicate id '${entry.id}'`);
      seen.add(entry.id);
    }
    assert.equal(defaultCatalog().entries.size, features.length);
  });

  it("entries have text fields and docs", () => {
    for (const entry of features) {
      for (const field of ["title", "group", "description", "remedy", "postgresqlRemedy"] as const) {
        assert.ok(entry[field].trim().length > 0, `${entry.id}: empty ${field}`);
      }
      assert.ok(entry.docs.length > 0, `${entry.id}: no docs link`);
      for (const doc of entry.docs) {
        assert.match(doc.url, /^https:\/\//, `${entry.id}: bad docs url`);
        assert.ok(doc.version.length > 0, `${entry.id}: docs without version`);
      }
    }
  });

  it("status histories are ordered and use known versions", () => {
    for (const entry of features) {
      assertHistory(entry.id, entry.babelfish, bbfVersions, "1.0.0");
      assertHistory(entry.id, entry.postgresql, POSTGRESQL_MAJORS, "16");
      for (const variant of entry.details ?? []) {
        const where = `${entry.id}[${variant.detail}]`;
        if (variant.babelfish) assertHistory(where, variant.babelfish, bbfVersions, "1.0.0");
        if (variant.postgresql) assertHistory(where, variant.postgresql, POSTGRESQL_MAJORS, "16");
      }
    }
  });

  it("detail values are lower-case and unique per feature", () => {
    for (const entry of features) {
      const keys = (entry.details ?? []).flatMap((variant) => [variant.detail, ...(variant.aliases ?? [])]);
      assert.equal(new Set(keys).size, keys.length, `${entry.id}: duplicate detail`);
      for (const key of keys) assert.equal(key, key.toLowerCase(), `${entry.id}: detail '${key}' not lower-case`);
    }
  });

  it("behaviour differences carry an example", () => {
    for (const entry of features) {
      const semantic = [...entry.babelfish, ...entry.postgresql].some((step) => step.status === "reviewSemantics");
      if (entry.group === "Behaviour differences" || semantic) {
        assert.ok(entry.example !== undefined && entry.example.length > 0, `${entry.id}: reviewSemantics without example`);
      }
    }
  });

  it("unverified entries are never supported on Babelfish", () => {
    for (const entry of features.filter((feature) => feature.verified === false)) {
      const supported = entry.babelfish.some((step) => step.status === "supported");
      assert.ok(!supported, `${entry.id}: unverified but supported`);
    }
  });

  it("no override can classify a feature as supported", () => {
    const notSupported = features.filter((entry) => entry.babelfish.every((step) => step.status !== "supported"));
    const overrides = notSupported.map((entry) => ({ featureId: entry.id, status: "supported" }));
    const result = applyOverrides(defaultCatalog(), { features: overrides });

    assert.equal(result.errors.length, overrides.length);
    assert.equal(result.applied.length, 0);
    for (const entry of notSupported) {
      for (const version of bbfVersions) {
        const status = classify(entry.id, undefined, { product: "babelfish", version }, result.catalog).status;
        assert.notEqual(status, "supported", `${entry.id} became supported on ${version}`);
      }
    }
  });
});
