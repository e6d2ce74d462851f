import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { FeatureOccurrence } from "../../src/analysis/occurrence.js";
import { classifyOccurrences } from "../../src/assessment/classify.js";
import { classify, createCatalog, defaultCatalog } from "../../src/catalog/catalog.js";
import type { FeatureEntry } from "../../src/catalog/model.js";
import { parseTarget, type Target } from "../../src/catalog/targets.js";

function target(text: string): Target {
  const parsed = parseTarget(text);
  assert.ok(parsed.ok);
  return parsed.target;
}

const babelfish = target("babelfish");
const postgresql = target("postgresql");

// hint.table with the detail `index` is classified apart from the feature
// without a detail, and differently on each target.
const OCCURRENCES: FeatureOccurrence[] = [
  { featureId: "hint.table", line: 3, column: 7, object: "dbo.p", message: "table hint NOLOCK" },
  {
    featureId: "hint.table",
    detail: "index",
    line: 4,
    column: 9,
    object: "dbo.p",
    message: "table hint INDEX",
  },
  { featureId: "no.such.feature", line: 5, column: 1, object: "", message: "unknown" },
];

describe("classifyOccurrences", () => {
  it("classifies each target on its own", () => {
    for (const t of [babelfish, postgresql, babelfish]) {
      const findings = classifyOccurrences(OCCURRENCES, "a.sql", t);
      const expected = OCCURRENCES.map((o) => classify(o.featureId, o.detail, t).status);
      assert.deepEqual(
        findings.map((f) => f.status),
        expected,
        `${t.product}@${t.version}`,
      );
    }
  });

  it("keeps the detail only when present", () => {
    const findings = classifyOccurrences(OCCURRENCES, "a.sql", babelfish);
    const withDetail = classify("hint.table", "index", babelfish);

    assert.deepEqual(Object.keys(findings[0]!), [
      "featureId",
      "status",
      "file",
      "line",
      "column",
      "object",
      "message",
      "complexity",
    ]);
    assert.deepEqual(findings[1], {
      featureId: "hint.table",
      status: withDetail.status,
      file: "a.sql",
      line: 4,
      column: 9,
      object: "dbo.p",
      message: "table hint INDEX",
      detail: "index",
      complexity: withDetail.complexity,
    });
    assert.equal(findings[2]!.status, "unknown");
  });

  it("classifies another catalog with its own entries", () => {
    classifyOccurrences(OCCURRENCES, "a.sql", babelfish);
    const entry = defaultCatalog().entries.get("hint.table");
    assert.ok(entry !== undefined);
    const changed: FeatureEntry = {
      ...entry,
      babelfish: [{ from: "1.0.0", status: "notSupported" }],
      details: [],
    };
    const catalog = createCatalog([changed]);

    const findings = classifyOccurrences(OCCURRENCES, "a.sql", babelfish, catalog);

    assert.equal(findings[0]!.status, "notSupported");
    assert.equal(findings[1]!.status, "notSupported");
    assert.equal(findings[2]!.status, "unknown");
  });
});
