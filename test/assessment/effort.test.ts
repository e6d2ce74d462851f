import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DEFAULT_DETAIL_RATES, DEFAULT_EFFORT_RATES, defaultCatalog } from "../../src/catalog/catalog.js";
import { applyOverrides } from "../../src/catalog/overrides.js";
import { DEFAULT_OCCURRENCE_RATES, EffortEstimator, UNLISTED_OBJECT_TYPE } from "../../src/assessment/effort.js";
import type { AssessedObject, EffortRange, Finding } from "../../src/assessment/model.js";

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

  it("CHECKPOINT 300 times costs 15.25-76 h", () => {
    // The worked example of the effort model in docs/catalog.md.
    const findings = Array.from({ length: 300 }, (_, i) => finding({ line: i + 1, object: `dbo.p${i}` }));
    const report = new EffortEstimator().addAll(findings).report();
    assert.deepEqual(report.total, { low: 15.25, high: 76 });
    assert.deepEqual(report.learning, { low: 0.25, high: 1 });
    assert.deepEqual(report.repeat, { low: 15, high: 75 });
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

  it("charges further details of a feature the detail rate", () => {
    const report = new EffortEstimator()
      .addAll([
        finding({ featureId: "builtin.function.hashbytes", detail: "md2", complexity: "medium" }),
        finding({ featureId: "builtin.function.hashbytes", detail: "md5", complexity: "medium" }),
      ])
      .report();
    const byDetail = new Map(report.byFeature.map((f) => [f.detail, f]));
    assert.equal(byDetail.get("md2")?.learningBasis, "feature");
    assert.deepEqual(byDetail.get("md2")?.learning, DEFAULT_EFFORT_RATES.medium);
    assert.equal(byDetail.get("md5")?.learningBasis, "detail");
    assert.deepEqual(byDetail.get("md5")?.learning, DEFAULT_DETAIL_RATES.medium);
    assert.deepEqual(report.learning, {
      low: DEFAULT_EFFORT_RATES.medium.low + DEFAULT_DETAIL_RATES.medium.low,
      high: DEFAULT_EFFORT_RATES.medium.high + DEFAULT_DETAIL_RATES.medium.high,
    });
  });

  it("35 options of ALTER DATABASE cost one learning and 34 detail rates", () => {
    const findings = Array.from({ length: 35 }, (_, i) =>
      finding({ featureId: "database.alter", detail: `option_${String(i).padStart(2, "0")}`, line: i + 1 }),
    );
    const report = new EffortEstimator().addAll(findings).report();
    // 0.25 + 34 × 0.1 and 1 + 34 × 0.25 hours.
    assert.deepEqual(report.learning, { low: 3.65, high: 9.5 });
    assert.equal(report.byFeature.filter((f) => f.learningBasis === "feature").length, 1);
    assert.equal(report.byFeature.filter((f) => f.learningBasis === "detail").length, 34);
  });

  it("gives the feature's learning cost to its most complex detail", () => {
    const details = [
      finding({ featureId: "statement.dbcc", detail: "checkdb", complexity: "low" }),
      finding({ featureId: "statement.dbcc", detail: "checkdb", complexity: "low", line: 2 }),
      finding({ featureId: "statement.dbcc", detail: "page", complexity: "high" }),
      finding({ featureId: "statement.dbcc", detail: "shrinkfile", complexity: "medium" }),
    ];
    const forward = new EffortEstimator().addAll(details).report();
    const backward = new EffortEstimator().addAll([...details].reverse()).report();
    assert.deepEqual(backward, forward, "the result does not depend on finding order");

    const lead = forward.byFeature.filter((f) => f.learningBasis === "feature");
    assert.deepEqual(lead.map((f) => f.detail), ["page"]);
    assert.deepEqual(forward.learning, {
      low: DEFAULT_EFFORT_RATES.high.low + DEFAULT_DETAIL_RATES.low.low + DEFAULT_DETAIL_RATES.medium.low,
      high: DEFAULT_EFFORT_RATES.high.high + DEFAULT_DETAIL_RATES.low.high + DEFAULT_DETAIL_RATES.medium.high,
    });
  });

  it("breaks a tie of complexity by occurrences, then by detail", () => {
    const report = new EffortEstimator()
      .addAll([
        finding({ featureId: "set.option", detail: "b" }),
        finding({ featureId: "set.option", detail: "c" }),
        finding({ featureId: "set.option", detail: "c", line: 2 }),
        finding({ featureId: "set.option", detail: "a" }),
      ])
      .report();
    const basis = Object.fromEntries(report.byFeature.map((f) => [f.detail, f.learningBasis]));
    assert.deepEqual(basis, { a: "detail", b: "detail", c: "feature" });
  });

  it("charges a feature id once however many statuses its details have", () => {
    const report = new EffortEstimator()
      .addAll([
        finding({ featureId: "builtin.function.convert", detail: "style_130", status: "reviewManually" }),
        finding({ featureId: "builtin.function.convert", detail: "style_1", status: "reviewSemantics" }),
        finding({ featureId: "builtin.function.convert", detail: "style_2", status: "supported" }),
      ])
      .report();
    assert.equal(report.byFeature.length, 2);
    assert.deepEqual(report.learning, {
      low: DEFAULT_EFFORT_RATES.low.low + DEFAULT_DETAIL_RATES.low.low,
      high: DEFAULT_EFFORT_RATES.low.high + DEFAULT_DETAIL_RATES.low.high,
    });
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

  describe("breakdown", () => {
    const objects: AssessedObject[] = [
      { name: "dbo.a", type: "procedure", file: "a.sql", line: 1, lines: 10 },
      { name: "dbo.b", type: "procedure", file: "a.sql", line: 12, lines: 10 },
      { name: "dbo.v", type: "view", file: "b.sql", line: 1, lines: 5 },
    ];
    const findings = [
      ...Array.from({ length: 7 }, (_, i) => finding({ object: "dbo.a", line: i + 1 })),
      finding({ object: "dbo.b", featureId: "dml.merge", complexity: "high" }),
      finding({ file: "b.sql", object: "dbo.v", featureId: "builtin.function.hashbytes", detail: "md2", complexity: "medium" }),
      finding({ file: "b.sql", object: "", featureId: "no.such.feature", complexity: undefined, status: "unknown" }),
      finding({ file: "c.sql", object: "dbo.elsewhere" }),
      finding({ file: "b.sql", object: "dbo.v", status: "supported" }),
    ];
    const report = new EffortEstimator().addObjects(objects).addAll(findings).report();
    const sum = (ranges: EffortRange[]) => ({
      low: ranges.reduce((n, r) => n + r.low, 0),
      high: ranges.reduce((n, r) => n + r.high, 0),
    });
    const near = (actual: EffortRange, expected: EffortRange, places: number) => {
      const slack = places * 0.005 + 1e-9;
      assert.ok(Math.abs(actual.low - expected.low) <= slack, `${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
      assert.ok(Math.abs(actual.high - expected.high) <= slack, `${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
    };

    it("splits the total into learning and repeat", () => {
      near(report.total, sum([report.learning, report.repeat]), 2);
    });

    it("feature totals add up to the total", () => {
      near(sum(report.byFeature.map((f) => f.total)), report.total, report.byFeature.length);
      near(sum(report.byFeature.map((f) => f.learning)), report.learning, report.byFeature.length);
    });

    it("object, file and type totals add up to repeat", () => {
      near(sum(report.byObject.map((o) => o.total)), report.repeat, report.byObject.length);
      near(sum(report.byFile.map((f) => f.total)), report.repeat, report.byFile.length);
      near(sum(report.byObjectType.map((t) => t.total)), report.repeat, report.byObjectType.length);
    });

    it("counts occurrences that need work only", () => {
      const occurrences = findings.filter((f) => f.status !== "supported").length;
      assert.equal(report.byFeature.reduce((n, f) => n + f.occurrences, 0), occurrences);
      assert.equal(report.byFile.reduce((n, f) => n + f.occurrences, 0), occurrences);
      assert.equal(report.byObjectType.reduce((n, t) => n + t.occurrences, 0), occurrences);
    });

    it("rolls places up by file", () => {
      assert.deepEqual(
        report.byFile.map((f) => [f.file, f.occurrences]),
        [["a.sql", 8], ["b.sql", 2], ["c.sql", 1]],
      );
      const a = report.byFile[0]!;
      const expected = 7 * DEFAULT_OCCURRENCE_RATES.low.high + DEFAULT_OCCURRENCE_RATES.high.high;
      assert.equal(a.total.high, Math.round(expected * 100) / 100);
    });

    it("rolls places up by object type", () => {
      const byType = new Map(report.byObjectType.map((t) => [t.objectType, t]));
      assert.equal(byType.get("procedure")?.objects, 2);
      assert.equal(byType.get("procedure")?.occurrences, 8);
      assert.equal(byType.get("view")?.objects, 1);
      assert.equal(byType.get("")?.occurrences, 1);
      assert.equal(byType.get(UNLISTED_OBJECT_TYPE)?.occurrences, 1);
    });

    it("names each object's type", () => {
      const types = new Map(report.byObject.map((o) => [`${o.file} ${o.object}`, o.objectType]));
      assert.equal(types.get("a.sql dbo.a"), "procedure");
      assert.equal(types.get("b.sql "), "");
      assert.equal(types.get("c.sql dbo.elsewhere"), UNLISTED_OBJECT_TYPE);
    });

    it("titles features from the catalog", () => {
      const titles = new Map(report.byFeature.map((f) => [`${f.featureId} ${f.detail ?? ""}`, f.title]));
      assert.equal(titles.get("statement.checkpoint "), "CHECKPOINT");
      assert.equal(titles.get("no.such.feature "), "no.such.feature");
      const isolation = new EffortEstimator()
        .addAll([finding({ featureId: "transaction.isolation", detail: "read_uncommitted", status: "reviewSemantics" })])
        .report();
      assert.equal(isolation.byFeature[0]!.title, "READ UNCOMMITTED");
    });

    it("lists the rates it used", () => {
      assert.deepEqual(report.rates.learning, DEFAULT_EFFORT_RATES);
      assert.deepEqual(report.rates.perDetail, DEFAULT_DETAIL_RATES);
      assert.deepEqual(report.rates.perOccurrence, DEFAULT_OCCURRENCE_RATES);

      const details = applyOverrides(defaultCatalog(), { detailRates: { medium: { low: 0, high: 0.5 } } }).catalog;
      const withDetails = new EffortEstimator({ catalog: details })
        .addAll([
          finding({ featureId: "builtin.function.hashbytes", detail: "md2", complexity: "medium" }),
          finding({ featureId: "builtin.function.hashbytes", detail: "md4", complexity: "medium" }),
        ])
        .report();
      assert.deepEqual(withDetails.rates.perDetail?.medium, { low: 0, high: 0.5 });
      assert.deepEqual(withDetails.learning, {
        low: DEFAULT_EFFORT_RATES.medium.low,
        high: DEFAULT_EFFORT_RATES.medium.high + 0.5,
      });

      const edited = applyOverrides(defaultCatalog(), { rates: { low: { low: 2, high: 3 } } }).catalog;
      const perOccurrence = { ...DEFAULT_OCCURRENCE_RATES, low: { low: 0.5, high: 0.75 } };
      const custom = new EffortEstimator({ catalog: edited, occurrenceRates: perOccurrence })
        .addAll([finding({ featureId: "no.such.low", complexity: "low", status: "unknown" })])
        .report();
      assert.deepEqual(custom.rates.learning.low, { low: 2, high: 3 });
      assert.deepEqual(custom.rates.perOccurrence.low, { low: 0.5, high: 0.75 });
      assert.deepEqual(custom.total, { low: 2.5, high: 3.75 });
    });
  });
});
