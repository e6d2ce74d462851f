import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

import type { Assessment } from "../../src/assessment/model.js";
import { renderJson } from "../../src/report/json.js";
import { sampleAssessment } from "./sample-assessment.js";
import { HOSTILE_DATABASE, liveAssessment, sampleLive } from "./sample-live.js";
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

/** Returns a copy of the live sample with the given change applied to its JSON. */
function mutated(change: (json: Record<string, any>) => void): unknown {
  const json = JSON.parse(renderJson(liveAssessment()));
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

describe("renderJson live server", () => {
  it("matches the snapshot", () => {
    assertSnapshot("assessment-live.json", renderJson(liveAssessment()));
  });

  it("validates against the schema", () => {
    const json = JSON.parse(renderJson(liveAssessment()));
    assert.ok(validate(json), errorsOf(json));
  });

  it("validates with certificate checks off and nothing read", () => {
    const base = sampleLive();
    const a = liveAssessment({
      server: { ...base.server, tlsVerificationDisabled: true },
      inventory: {},
      problems: [],
    });
    const text = renderJson(a);
    const json = JSON.parse(text);
    assert.ok(text.includes('    "inventory": {},\n'));
    assert.equal(json.live.server.tlsVerificationDisabled, true);
    assert.ok(validate(json), errorsOf(json));
  });

  it("copies the live source as it is", () => {
    const json = JSON.parse(renderJson(liveAssessment()));
    assert.deepEqual(json.live, sampleLive());
  });

  it("leaves live out for scripts", () => {
    const json = JSON.parse(renderJson(sampleAssessment()));
    assert.equal("live" in json, false);
  });

  it("keeps the order of the parts", () => {
    const json = JSON.parse(renderJson(liveAssessment()));
    assert.deepEqual(Object.keys(json.live.inventory), Object.keys(sampleLive().inventory));
  });

  it("puts one inventory item and problem on each line", () => {
    const lines = renderJson(liveAssessment()).split("\n");
    const live = sampleLive();
    const items = Object.values(live.inventory).reduce((sum, list) => sum + list.length, 0);
    assert.equal(lines.filter((l) => /^        \{/.test(l)).length, items);
    assert.equal(lines.filter((l) => l.startsWith('      {"part":')).length, live.problems.length);
  });

  it("keeps hostile names as JSON text", () => {
    const json = JSON.parse(renderJson(liveAssessment()));
    assert.equal(json.live.inventory.tables[3].database, HOSTILE_DATABASE);
  });

  it("writes a stray bigint as a string", () => {
    const a = liveAssessment({ inventory: { tables: [{ rows: 2n ** 64n }] } });
    const json = JSON.parse(renderJson(a));
    assert.equal(json.live.inventory.tables[0].rows, "18446744073709551616");
  });

  it("writes only the contract fields of the header and problems", () => {
    const live = sampleLive();
    const a = liveAssessment({
      server: { ...live.server, password: "secret" } as typeof live.server,
      problems: [{ ...live.problems[0]!, stack: "at x" } as (typeof live.problems)[0]],
    });
    const json = JSON.parse(renderJson(a));
    assert.equal(json.live.server.password, undefined);
    assert.equal(json.live.problems[0].stack, undefined);
    assert.ok(validate(json), errorsOf(json));
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
    ["a live server without its edition", (j) => delete j.live.server.edition],
    ["a live server with an extra field", (j) => (j.live.server.port = 1433)],
    ["a certificate flag that is a string", (j) => (j.live.server.tlsVerificationDisabled = "no")],
    ["a collection time that is not a date", (j) => (j.live.server.collectedAt = "today")],
    ["an inventory part that is not an array", (j) => (j.live.inventory.tables = {})],
    ["an inventory item that is not an object", (j) => (j.live.inventory.tables[0] = "Pallet")],
    ["an inventory database that is not a string", (j) => (j.live.inventory.tables[0].database = 5)],
    ["a problem without a reason", (j) => delete j.live.problems[0].reason],
    ["a problem with an empty part", (j) => (j.live.problems[0].part = "")],
    ["a problem with an extra field", (j) => (j.live.problems[0].stack = "x")],
    ["live without problems", (j) => delete j.live.problems],
  ];

  for (const [name, change] of cases) {
    it(`rejects ${name}`, () => {
      assert.equal(validate(mutated(change)), false);
    });
  }
});
