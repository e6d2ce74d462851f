import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, it } from "node:test";

import Ajv04Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";

import type { Assessment } from "../../src/assessment/model.js";
import { PARSE_ERROR_RULE_ID } from "../../src/report/sarif-rules.js";
import { renderSarif } from "../../src/report/sarif.js";
import { artifactLocation } from "../../src/report/sarif-uri.js";
import { sampleAssessment, sampleFeatures } from "./sample-assessment.js";
import { HOSTILE_DATABASE, liveAssessment, sampleLive } from "./sample-live.js";
import { assertSnapshot } from "./snapshot.js";

// Both packages are CommonJS, so under NodeNext their default exports
// arrive wrapped.
const Ajv04 = Ajv04Module as unknown as typeof Ajv04Module.default;
const addFormats =
  addFormatsModule as unknown as typeof addFormatsModule.default;

// NOTE: @microsoft/jest-sarif ships the SARIF 2.1.0 schema as of its rtm.5
// draft, the newest one on npm. Against the OASIS errata01 schema it lacks
// one rule that matters here, that a region must have startLine, charOffset
// or byteOffset, so the test adds it. Its `language` pattern does not
// compile with the `u` flag (errata01 fixed it), hence unicodeRegExp: false.
const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(
  readFileSync(
    require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"),
    "utf8",
  ),
);
sarifSchema.definitions.region.anyOf = [
  { required: ["startLine"] },
  { required: ["charOffset"] },
  { required: ["byteOffset"] },
];

const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile<any>(sarifSchema);

function render(a: Assessment = sampleAssessment()): any {
  return JSON.parse(renderSarif(a, { features: sampleFeatures }));
}

/** Returns every value of a property named `uri` or ending in `Uri`. */
function uriValues(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(uriValues);
  }

  if (value === null || typeof value !== "object") {
    return [];
  }

  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === "string" && (key === "uri" || key.endsWith("Uri"))
      ? [inner]
      : uriValues(inner),
  );
}

describe("renderSarif", () => {
  it("matches the snapshot", () => {
    const text = renderSarif(sampleAssessment(), { features: sampleFeatures });
    assertSnapshot("assessment.sarif", text);
  });

  it("validates against the SARIF 2.1.0 schema", () => {
    const log = render();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  });

  it("validates with no findings", () => {
    const log = render({
      ...sampleAssessment(),
      findings: [],
      parseErrors: [],
    });
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(log.runs[0].results, []);
  });

  it("rejects a region without a start", () => {
    const log = render();
    log.runs[0].results[0].locations[0].physicalLocation.region = {
      startColumn: 3,
    };
    assert.equal(validate(log), false);
  });

  it("rejects an unknown level", () => {
    const log = render();
    log.runs[0].results[0].level = "fatal";
    assert.equal(validate(log), false);
  });

  it("writes one run of infio with its version", () => {
    const log = render();
    assert.equal(log.version, "2.1.0");
    assert.equal(log.runs.length, 1);
    assert.equal(log.runs[0].tool.driver.name, "infio");
    assert.equal(log.runs[0].tool.driver.version, "0.1.0");
  });

  it("maps statuses to levels", () => {
    const results = render().runs[0].results;
    const levelOf = (ruleId: string) =>
      results.find((r: any) => r.ruleId === ruleId)?.level;

    assert.equal(levelOf("cursor.option.scroll"), "error");
    assert.equal(levelOf("builtin.function.hashbytes"), "warning");
    assert.equal(levelOf("query.hint.nolock"), "warning");
    assert.equal(levelOf("dml.merge"), "warning");
    assert.equal(levelOf("xml.method.nodes"), "warning");
    assert.equal(levelOf(PARSE_ERROR_RULE_ID), "error");
  });

  it("puts overrides and the comparison in the run properties", () => {
    const a = sampleAssessment();
    const properties = render(a).runs[0].properties;
    assert.deepEqual(properties.overrides, JSON.parse(JSON.stringify(a.overrides)));
    assert.deepEqual(properties.comparison, JSON.parse(JSON.stringify(a.comparison)));
  });

  it("leaves overrides and comparison out when absent", () => {
    const { overrides: _, comparison: __, ...plain } = sampleAssessment();
    const properties = render(plain).runs[0].properties;
    assert.deepEqual(Object.keys(properties), ["assessmentId", "target", "findingsByStatus"]);
  });

  it("leaves out supported and ignored findings", () => {
    const log = render();
    const ruleIds = log.runs[0].results.map((r: any) => r.ruleId);
    assert.ok(!ruleIds.includes("ddl.table.create"));
    assert.ok(!ruleIds.includes("set.option.nocount"));
    assert.equal(log.runs[0].properties.findingsByStatus.supported, 1);
  });

  it("writes one result per reported finding and parse error", () => {
    const a = sampleAssessment();
    const reported = a.findings.filter(
      (f) => f.status !== "supported" && f.status !== "ignored",
    );
    const results = render(a).runs[0].results;
    assert.equal(results.length, reported.length + a.parseErrors.length);
  });

  it("writes one rule per feature with a matching ruleIndex", () => {
    const run = render().runs[0];
    const ids = run.tool.driver.rules.map((r: any) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    }
  });

  it("describes rules from the catalog", () => {
    const rules = render().runs[0].tool.driver.rules;
    const scroll = rules.find((r: any) => r.id === "cursor.option.scroll");
    assert.equal(scroll.name, "CursorOptionScroll");
    assert.equal(scroll.shortDescription.text, "SCROLL cursor option");
    assert.equal(
      scroll.helpUri,
      "https://example.com/infio/features/cursor.option.scroll",
    );
    assert.equal(scroll.defaultConfiguration.level, "error");
    assert.equal(scroll.properties.group, "cursors");
  });

  it("drops a javascript: help link", () => {
    const rules = render().runs[0].tool.driver.rules;
    const merge = rules.find((r: any) => r.id === "dml.merge");
    assert.equal(merge.helpUri, undefined);
    for (const uri of uriValues(render())) {
      assert.doesNotMatch(uri, /^\s*javascript:/i);
    }
  });

  it("locates results relative to SRCROOT", () => {
    const result = render().runs[0].results[0];
    const location = result.locations[0].physicalLocation;
    assert.deepEqual(location.artifactLocation, {
      uri: "procs/orders.sql",
      uriBaseId: "SRCROOT",
    });
    assert.deepEqual(location.region, { startLine: 5, startColumn: 30 });
    assert.equal(
      result.locations[0].logicalLocations[0].fullyQualifiedName,
      "dbo.usp_orders",
    );
  });

  it("omits the region of a finding without a line", () => {
    const a = sampleAssessment();
    const first = { ...a.findings[0]!, line: 0, column: 0 };
    const log = render({ ...a, findings: [first] });
    assert.equal(
      log.runs[0].results[0].locations[0].physicalLocation.region,
      undefined,
    );
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  });

  it("reports skipped inputs as notifications", () => {
    const invocation = render().runs[0].invocations[0];
    assert.equal(invocation.toolExecutionNotifications.length, 2);
    assert.equal(
      invocation.toolExecutionNotifications[0].properties.reason,
      "not-sql",
    );
    assert.equal(invocation.startTimeUtc, "2024-05-01T09:30:00.000Z");
    assert.equal(invocation.endTimeUtc, "2024-05-01T09:30:01.234Z");
  });

  it("leaves out the times when startedAt is invalid", () => {
    const log = render({ ...sampleAssessment(), startedAt: "not a time" });
    assert.equal(log.runs[0].invocations[0].startTimeUtc, undefined);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  });
});

describe("renderSarif live server", () => {
  it("matches the snapshot", () => {
    const text = renderSarif(liveAssessment(), { features: sampleFeatures });
    assertSnapshot("assessment-live.sarif", text);
  });

  it("validates against the SARIF 2.1.0 schema", () => {
    const base = sampleLive();
    for (const tlsVerificationDisabled of [false, true]) {
      const log = render(liveAssessment({ server: { ...base.server, tlsVerificationDisabled } }));
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    }
  });

  it("reports each problem as a warning after the skipped inputs", () => {
    const a = liveAssessment();
    const notifications = render(a).runs[0].invocations[0].toolExecutionNotifications;
    const problems = notifications.slice(a.skipped.length);
    assert.equal(notifications.length, a.skipped.length + a.live!.problems.length);
    assert.deepEqual(
      problems.map((n: any) => n.level),
      a.live!.problems.map(() => "warning"),
    );
    assert.equal(problems[0].message.text, a.live!.problems[0]!.message);
    assert.deepEqual(problems[0].properties, { part: "logins", reason: "permission-denied" });
    assert.deepEqual(problems[2].properties, {
      part: "inventory.database-users",
      database: HOSTILE_DATABASE,
      reason: "timeout",
    });
  });

  it("names the part of a problem without a message", () => {
    const problem = { part: "agent", database: "msdb", reason: "failed", message: "" };
    const log = render(liveAssessment({ problems: [problem] }));
    const last = log.runs[0].invocations[0].toolExecutionNotifications.at(-1);
    assert.equal(last.message.text, "not read: agent in msdb: failed");
  });

  it("warns of a collection without certificate checks", () => {
    const base = sampleLive();
    const a = liveAssessment({ server: { ...base.server, tlsVerificationDisabled: true } });
    const notifications = render(a).runs[0].invocations[0].toolConfigurationNotifications;
    assert.equal(notifications.length, 1);
    assert.equal(notifications[0].level, "warning");
    assert.match(notifications[0].message.text, /^certificate verification was turned off for this collection/);
    assert.ok(notifications[0].message.text.includes(base.server.address));
  });

  it("has no configuration warning when verified", () => {
    const invocation = render(liveAssessment()).runs[0].invocations[0];
    assert.equal(invocation.toolConfigurationNotifications, undefined);
  });

  it("puts the server header in the run properties", () => {
    const properties = render(liveAssessment()).runs[0].properties;
    assert.deepEqual(properties.server, sampleLive().server);
  });
});

describe("artifactLocation", () => {
  const cases: [string, { uri: string; uriBaseId?: string }][] = [
    ["procs/a.sql", { uri: "procs/a.sql", uriBaseId: "SRCROOT" }],
    ["procs\\b c.sql", { uri: "procs/b%20c.sql", uriBaseId: "SRCROOT" }],
    ["c:odd.sql", { uri: "c%3Aodd.sql", uriBaseId: "SRCROOT" }],
    ["a#b?.sql", { uri: "a%23b%3F.sql", uriBaseId: "SRCROOT" }],
    ["C:\\db\\x.sql", { uri: "file:///C:/db/x.sql" }],
    ["/srv/db/x.sql", { uri: "file:///srv/db/x.sql" }],
    ["\\\\server\\share\\x.sql", { uri: "file://server/share/x.sql" }],
    ["Sales.dbo.usp_x", { uri: "Sales.dbo.usp_x", uriBaseId: "SRCROOT" }],
    ["bad\uD800.sql", { uri: "bad%EF%BF%BD.sql", uriBaseId: "SRCROOT" }],
  ];

  for (const [file, expected] of cases) {
    it(`maps ${JSON.stringify(file)}`, () => {
      assert.deepEqual(artifactLocation(file), expected);
    });
  }
});
