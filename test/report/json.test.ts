import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

import type { Assessment } from "../../src/assessment/model.js";
import { renderJson } from "../../src/report/json.js";
import { sampleAssessment } from "./sample-assessment.js";
import { assertSnapshot, repositoryPath } from "./snapshot.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats =
  addFormatsModule as unknown as typeof addFormatsModule.default;

const schema = JSON.parse(
  readFileSync(repositoryPath("schema/assessment.schema.json"), "utf8"),
);

function compileSchema() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = compileSchema();

function errorsOf(value: unknown): string {
  validate(value);
  return JSON.stringify(validate.errors, null, 2);
}

/** Returns a copy of the sample with the given change applied to its JSON. */
function mutated(change: (json: Record<string, any>) => void): unknown {
  const json = JSON.parse(renderJson(sampleAssessment()));
  change(json);
  return json;
}

describe("renderJson", () => {
  it("matches the snapshot", () => {
    assertSnapshot("assessment.json", renderJson(sampleAssessment()));
  });

  it("validates against the schema", () => {
    const json = JSON.parse(renderJson(sampleAssessment()));
    assert.ok(validate(json), errorsOf(json));
  });

  it("round-trips the assessment", () => {
    const a = sampleAssessment();
    assert.deepEqual(JSON.parse(renderJson(a)), a);
  });

  it("validates an empty assessment", () => {
    const a: Assessment = {
      ...sampleAssessment(),
      units: [],
      objects: [],
      findings: [],
      parseErrors: [],
      skipped: [],
    };
    const json = JSON.parse(renderJson(a));
    assert.ok(validate(json), errorsOf(json));
  });

  it("writes every status key even when the summary lacks one", () => {
    const a = sampleAssessment();
    const counts: Record<string, number> = { ...a.summary.findingsByStatus };
    delete counts.ignored;
    const partial = {
      ...a,
      summary: { ...a.summary, findingsByStatus: counts },
    } as unknown as Assessment;

    const json = JSON.parse(renderJson(partial));
    assert.equal(json.summary.findingsByStatus.ignored, 0);
    assert.ok(validate(json), errorsOf(json));
  });

  it("writes only the fields of the contract", () => {
    const a = sampleAssessment();
    const extended = {
      ...a,
      secret: "not for the report",
      findings: a.findings.map((f) => ({ ...f, internal: 1 })),
    } as Assessment;

    const json = JSON.parse(renderJson(extended));
    assert.equal(json.secret, undefined);
    assert.equal(json.findings[0].internal, undefined);
    assert.ok(validate(json), errorsOf(json));
  });

  it("validates without overrides, effort and comparison", () => {
    const { overrides: _o, effort: _e, comparison: _c, ...plain } = sampleAssessment();
    const json = JSON.parse(renderJson(plain));
    assert.equal("effort" in json, false);
    assert.equal("comparison" in json, false);
    assert.ok(validate(json), errorsOf(json));
  });

  it("puts each effort and comparison record on its own line", () => {
    const a = sampleAssessment();
    const lines = renderJson(a).split("\n");
    const nested = (prefix: string) => lines.filter((l) => l.startsWith(`      {"${prefix}`)).length;
    const objectLines = lines.filter((l) => l.startsWith('      {"file":') && l.includes('"objectType"')).length;
    assert.equal(objectLines, a.effort!.byObject.length);
    const c = a.comparison!;
    const listed = c.unblocked.length + c.stillBlocking.length + c.regressed.length + c.changed.length;
    assert.equal(nested("featureId"), a.effort!.byFeature.length + listed);
  });

  it("puts one finding on each line", () => {
    const text = renderJson(sampleAssessment());
    const findingLines = text
      .split("\n")
      .filter((line) => line.startsWith('    {"featureId"'));
    assert.equal(findingLines.length, sampleAssessment().findings.length);
  });

  it("escapes line breaks inside values", () => {
    const text = renderJson(sampleAssessment());
    assert.ok(text.includes("a line\\nbreak"));
  });
});

describe("assessment schema", () => {
  const cases: [string, (json: Record<string, any>) => void][] = [
    ["a missing status key", (j) => delete j.summary.findingsByStatus.unknown],
    ["an unknown status", (j) => (j.findings[0].status = "maybe")],
    ["an extra finding field", (j) => (j.findings[0].extra = true)],
    ["a missing finding message", (j) => delete j.findings[0].message],
    ["a line of zero", (j) => (j.findings[0].line = 0)],
    ["a fractional column", (j) => (j.parseErrors[0].column = 1.5)],
    ["a negative file count", (j) => (j.summary.files = -1)],
    ["a startedAt that is not a date", (j) => (j.startedAt = "yesterday")],
    ["a missing parseErrors array", (j) => delete j.parseErrors],
    [
      "a non-count object type total",
      (j) => (j.summary.objectsByType.view = "2"),
    ],
    ["an unknown comparison status", (j) => (j.comparison.unblocked[0].candidate = "fine")],
    ["a comparison without stillBlocking", (j) => delete j.comparison.stillBlocking],
    ["a status override with hours", (j) => (j.overrides.features[0].to = { low: 1, high: 2 })],
    ["an unknown override field", (j) => (j.overrides.features[0].field = "title")],
    ["an unknown rate table", (j) => (j.overrides.rates[0].rates = "hourly")],
    ["effort without its rates", (j) => delete j.effort.rates],
    ["a negative feature effort", (j) => (j.effort.byFeature[0].total.low = -1)],
    ["an effort object without its type", (j) => delete j.effort.byObject[0].objectType],
  ];

  for (const [name, change] of cases) {
    it(`rejects ${name}`, () => {
      assert.equal(validate(mutated(change)), false);
    });
  }
});
