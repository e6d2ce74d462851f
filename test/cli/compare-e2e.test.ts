/**
 * Version comparison, effort and overrides through the real `infio`, on
 * the examples folder, with `--store none` and with the embedded store.
 */

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

import { assessmentIdOf, REPO, runInfio } from "./run-infio.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

type Json = Record<string, any>;

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, "utf8")) as Json;
}

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(readJson(join(REPO, "schema", "assessment.schema.json")));
}

function occurrencesOf(json: Json, featureId: string): number {
  return json.findings.filter((f: Json) => f.featureId === featureId).length;
}

function near(actual: number, expected: number, rows: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= rows * 0.005 + 1e-9, `${what}: ${actual} vs ${expected}`);
}

describe("infio version comparison end to end", { concurrency: false }, () => {
  const examples = join(REPO, "examples");
  const validate = validator();
  let work: string;
  let home: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), "infio-compare-"));
    home = join(work, "home");
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  describe("babelfish@4.4 compared with 5.5, nothing stored", () => {
    let json: Json;
    let stderr: string;

    before(async () => {
      const run = await runInfio(
        ["assess", examples, "--target", "babelfish@4.4", "--compare", "babelfish@5.5", "--store", "none", "--format", "json", "--out", "none"],
        work,
      );
      assert.equal(run.code, 0, run.stderr);
      json = readJson(join(work, "none", "assessment.json"));
      stderr = run.stderr;
    });

    it("writes a valid assessment.json", () => {
      assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
    });

    it("names both targets", () => {
      assert.equal(json.comparison.baseline, "babelfish@4.4.0");
      assert.equal(json.comparison.candidate, "babelfish@5.5.0");
    });

    it("lists xml.value() as unblocked with every occurrence", () => {
      const value = json.comparison.unblocked.find((f: Json) => f.featureId === "xml.method.value");
      assert.ok(value, JSON.stringify(json.comparison.unblocked));
      assert.equal(value.baseline, "notSupported");
      assert.equal(value.candidate, "supported");
      assert.ok(value.occurrences > 0);
      assert.equal(value.occurrences, occurrencesOf(json, "xml.method.value"));
    });

    it("lists CHECKPOINT as still blocking", () => {
      const checkpoint = json.comparison.stillBlocking.find((f: Json) => f.featureId === "statement.checkpoint");
      assert.ok(checkpoint, JSON.stringify(json.comparison.stillBlocking.map((f: Json) => f.featureId)));
      assert.equal(checkpoint.occurrences, occurrencesOf(json, "statement.checkpoint"));
    });

    it("lists nothing supported on 4.4 as unblocked", () => {
      for (const f of json.comparison.unblocked) {
        assert.notEqual(f.baseline, "supported", f.featureId);
        assert.ok(["supported", "ignored"].includes(f.candidate), f.featureId);
      }
    });

    it("logs the comparison", () => {
      assert.match(stderr, /babelfish@5\.5\.0 against babelfish@4\.4\.0: unblocks [1-9]/);
    });

    it("effort breakdown adds up to the total", () => {
      const e = json.effort;
      assert.deepEqual(e.total, json.summary.effort);
      for (const side of ["low", "high"] as const) {
        near(e.learning[side] + e.repeat[side], e.total[side], 2, `learning + repeat ${side}`);
        near(e.byFeature.reduce((n: number, f: Json) => n + f.total[side], 0), e.total[side], e.byFeature.length, `byFeature ${side}`);
        near(e.byObject.reduce((n: number, o: Json) => n + o.total[side], 0), e.repeat[side], e.byObject.length, `byObject ${side}`);
        near(e.byFile.reduce((n: number, f: Json) => n + f.total[side], 0), e.repeat[side], e.byFile.length, `byFile ${side}`);
        near(e.byObjectType.reduce((n: number, t: Json) => n + t.total[side], 0), e.repeat[side], e.byObjectType.length, `byObjectType ${side}`);
      }
    });

    it("charges a repeated feature one learning cost", () => {
      const value = json.effort.byFeature.find((f: Json) => f.featureId === "xml.method.value");
      assert.ok(value.occurrences > 1);
      assert.equal(value.total.high, Math.round((value.learning.high + value.occurrences * value.perOccurrence.high) * 100) / 100);
    });

    it("writes no overrides without --config", () => {
      assert.equal(json.overrides, undefined);
    });
  });

  describe("with --config and the embedded store", () => {
    let id: string;
    let first: Json;

    before(async () => {
      const config = join(work, "config.json");
      writeFileSync(
        config,
        JSON.stringify({
          features: [
            { featureId: "statement.checkpoint", effortHours: { low: 5, high: 7 } },
            { featureId: "xml.method.value", product: "babelfish", status: "reviewManually" },
          ],
          rates: { high: { low: 6, high: 20 } },
          occurrenceRates: { medium: { low: 0.5, high: 2 } },
        }),
      );
      const run = await runInfio(
        ["assess", examples, "--target", "babelfish@4.4", "--config", config, "--data-dir", home, "--format", "json,html,sarif", "--out", "stored"],
        work,
      );
      assert.equal(run.code, 0, run.stderr);
      id = assessmentIdOf(run);
      first = readJson(join(work, "stored", "assessment.json"));
    });

    it("lists each applied override with from and to", () => {
      assert.ok(validate(first), JSON.stringify(validate.errors, null, 2));
      assert.deepEqual(first.overrides.features, [
        { featureId: "statement.checkpoint", field: "effortHours", from: { low: 0.25, high: 1 }, to: { low: 5, high: 7 } },
        { featureId: "xml.method.value", product: "babelfish", field: "status", from: "notSupported", to: "reviewManually" },
      ]);
      assert.deepEqual(first.overrides.rates, [
        { rates: "learning", complexity: "high", from: { low: 4, high: 16 }, to: { low: 6, high: 20 } },
        { rates: "perOccurrence", complexity: "medium", from: { low: 0.25, high: 1 }, to: { low: 0.5, high: 2 } },
      ]);
    });

    it("uses the edited rates and lists them", () => {
      assert.deepEqual(first.effort.rates.learning.high, { low: 6, high: 20 });
      assert.deepEqual(first.effort.rates.perOccurrence.medium, { low: 0.5, high: 2 });
      const checkpoint = first.effort.byFeature.find((f: Json) => f.featureId === "statement.checkpoint");
      assert.deepEqual(checkpoint.learning, { low: 5, high: 7 });
    });

    it("shows the overrides in the HTML and SARIF reports", () => {
      const html = readFileSync(join(work, "stored", "assessment.html"), "utf8");
      assert.match(html, /<section id="overrides"><h2>Overrides applied<\/h2>/);
      assert.match(html, /<code>xml\.method\.value<\/code><\/td><td>status on babelfish only<\/td>/);
      const sarif = readJson(join(work, "stored", "assessment.sarif"));
      assert.deepEqual(sarif.runs[0].properties.overrides, first.overrides);
    });

    it("reports the stored assessment again with the same content", async () => {
      const run = await runInfio(["report", id, "--data-dir", home, "--format", "json", "--out", "again"], work);
      assert.equal(run.code, 0, run.stderr);
      const again = readJson(join(work, "again", "assessment.json"));
      assert.deepEqual(again.overrides, first.overrides);
      assert.deepEqual(again.effort, first.effort);
      assert.equal(again.comparison, undefined);
    });

    it("compares the stored assessment with another target, overrides kept", async () => {
      const run = await runInfio(
        ["report", id, "--compare", "babelfish@5.5", "--data-dir", home, "--format", "json,html", "--out", "compared"],
        work,
      );
      assert.equal(run.code, 0, run.stderr);
      const compared = readJson(join(work, "compared", "assessment.json"));
      assert.ok(validate(compared), JSON.stringify(validate.errors, null, 2));
      assert.equal(compared.comparison.baseline, "babelfish@4.4.0");
      assert.equal(compared.comparison.candidate, "babelfish@5.5.0");

      // The override keeps xml.value() under review on every Babelfish
      // version, so the comparison must not list it as unblocked.
      const ids = (list: Json[]) => list.map((f) => f.featureId);
      assert.ok(!ids(compared.comparison.unblocked).includes("xml.method.value"));
      assert.ok(ids(compared.comparison.unblocked).includes("xml.openxml"));
      assert.ok(ids(compared.comparison.stillBlocking).includes("statement.checkpoint"));

      const html = readFileSync(join(work, "compared", "assessment.html"), "utf8");
      assert.match(html, /<h3>Unblocked: [1-9][\d,]* features?, [\d,]+ occurrences?<\/h3>/);
    });

    it("rejects --compare with the assessed target or a bad value", async () => {
      const same = await runInfio(["report", id, "--compare", "babelfish@4.4", "--data-dir", home, "--out", "x"], work);
      assert.equal(same.code, 2);
      assert.match(same.stderr, /--compare babelfish@4\.4\.0 is the assessed target/);

      const bad = await runInfio(["report", id, "--compare", "babelfish@0.1", "--data-dir", home, "--out", "x"], work);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--compare: invalid target 'babelfish@0\.1'/);
    });
  });
});
