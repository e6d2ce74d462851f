/** `GET /api/assessments/:id/findings`: filters, search, paging, limits and hostile text. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import type { Finding } from "../../../src/assessment/model.js";
import { findingsApiRoutes, type FindingsJson } from "../../../src/web/routes/findings-api.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";
import {
  expectedMatches,
  FIXTURE_FEATURES,
  fixtureFinding,
  HOSTILE_FORMULA,
  HOSTILE_HTML,
  manyFindingsAssessment,
} from "./assessment-fixtures.js";

const ID = "20250304-050607-findings";

/** Findings in the seeded assessment; enough for several pages of every filter. */
const COUNT = 2_400;

function apiUrl(query: Record<string, string | number>): string {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return `/api/assessments/${ID}/findings?${search}`;
}

/** A finding's index in the fixture, from its message. */
function indexOf(finding: { message: string }): number {
  const match = /^Finding number (\d+) of the fixture$/.exec(finding.message);
  assert.ok(match, `unexpected message ${finding.message}`);
  return Number(match[1]);
}

function indexesOf(findings: readonly Finding[]): number[] {
  return findings.map(indexOf);
}

describe("findings API", () => {
  let web: TestConsole;
  let viewer: ConsoleClient;

  before(async () => {
    web = await startTestConsole({ routes: [findingsApiRoutes] });
    await web.services.store.saveAssessment(manyFindingsAssessment(ID, COUNT));
    viewer = await web.signInAs("viewer");
  });

  after(async () => {
    await web?.close();
  });

  async function page(query: Record<string, string | number>): Promise<FindingsJson> {
    const response = await viewer.get(apiUrl(query));
    assert.equal(response.statusCode, 200, `${apiUrl(query)}: ${response.body.slice(0, 300)}`);
    return response.json() as FindingsJson;
  }

  it("returns the first 50 findings and the total by default", async () => {
    const result = await page({});

    assert.equal(result.total, COUNT);
    assert.deepEqual(result.findings.map(indexOf), Array.from({ length: 50 }, (_, i) => i));
  });

  it("returns every field of a finding", async () => {
    const result = await page({ offset: 5, limit: 1 });
    const expected = fixtureFinding(5);
    const feature = FIXTURE_FEATURES.find((f) => f.id === expected.featureId)!;

    assert.deepEqual(result.findings[0], {
      featureId: expected.featureId,
      status: expected.status,
      group: feature.group,
      file: expected.file,
      line: expected.line,
      column: expected.column,
      object: expected.object,
      message: expected.message,
      href: `/assessments/${ID}/source?file=procs%2Fproc_5.sql&line=${expected.line}#L${expected.line}`,
    });
  });

  const all = Array.from({ length: COUNT }, (_, i) => fixtureFinding(i));
  const filters: { status?: string; group?: string; q?: string }[] = [
    { status: "notSupported" },
    { status: "unknown" },
    { group: "Cursors" },
    { group: "fixture.unknown" },
    { status: "reviewManually", group: "DML" },
    { q: "proc_7" },
    { q: "NUMBER 1999 OF" },
    { q: "usp_3" },
    { q: "<img" },
    { status: "supported", group: "Built-in functions", q: "proc_2" },
    { group: "Not a group" },
  ];

  for (const filter of filters) {
    it(`filters ${JSON.stringify(filter)} across pages`, async () => {
      const expected = indexesOf(expectedMatches(all, filter));
      const seen: number[] = [];
      let total = -1;

      for (let offset = 0; offset === 0 || offset < total; offset += 200) {
        const result = await page({ ...filter, offset, limit: 200 });
        total = result.total;
        seen.push(...result.findings.map(indexOf));
        if (total === 0) {
          break;
        }
      }

      assert.equal(total, expected.length);
      assert.deepEqual(seen, expected);
    });
  }

  it("has no overlap or gap between pages", async () => {
    const expected = indexesOf(expectedMatches(all, { status: "notSupported" }));

    const first = await page({ status: "notSupported", offset: 0, limit: 7 });
    const second = await page({ status: "notSupported", offset: 7, limit: 7 });
    const last = await page({ status: "notSupported", offset: expected.length - 3, limit: 7 });
    const past = await page({ status: "notSupported", offset: expected.length + 10, limit: 7 });

    assert.deepEqual(first.findings.map(indexOf), expected.slice(0, 7));
    assert.deepEqual(second.findings.map(indexOf), expected.slice(7, 14));
    assert.deepEqual(last.findings.map(indexOf), expected.slice(-3));
    assert.deepEqual(past.findings, []);
    assert.equal(past.total, expected.length);
  });

  it("accepts limits from 1 to 200", async () => {
    assert.equal((await page({ limit: 1 })).findings.length, 1);
    assert.equal((await page({ limit: 200 })).findings.length, 200);
  });

  const invalid: [Record<string, string>, RegExp][] = [
    [{ limit: "0" }, /invalid limit '0'/],
    [{ limit: "201" }, /invalid limit '201'.*1 to 200/],
    [{ limit: "ten" }, /invalid limit/],
    [{ offset: "-1" }, /invalid offset '-1'/],
    [{ offset: "1.5" }, /invalid offset/],
    [{ status: "blocked" }, /invalid status 'blocked'.*notSupported/],
    [{ q: "x".repeat(201) }, /invalid q: at most 200 characters/],
  ];

  for (const [query, message] of invalid) {
    it(`rejects ${JSON.stringify(query).slice(0, 40)}`, async () => {
      const response = await viewer.get(apiUrl(query));

      assert.equal(response.statusCode, 400);
      assert.match(String(response.headers["content-type"]), /application\/json/);
      assert.match(response.body, message);
    });
  }

  it("rejects a repeated parameter", async () => {
    const response = await viewer.get(`/api/assessments/${ID}/findings?status=unknown&status=supported`);

    assert.equal(response.statusCode, 400);
    assert.match(response.body, /invalid status: give the parameter once/);
  });

  it("returns hostile names as data", async () => {
    const result = await page({ q: "=HYPERLINK", limit: 200 });
    const html = await page({ q: "onerror", limit: 200 });

    assert.ok(result.findings.length > 0);
    assert.ok(result.findings.every((f) => f.object === HOSTILE_FORMULA));
    assert.ok(html.findings.length > 0);
    assert.ok(html.findings.every((f) => f.object === HOSTILE_HTML));
    assert.ok(result.findings.every((f) => f.href.startsWith(`/assessments/${ID}/source?`)));
  });

  it("answers 404 for an unknown assessment", async () => {
    const response = await viewer.get("/api/assessments/nothing-here/findings");

    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers["content-type"]), /application\/json/);
  });

  it("answers 401 without a session", async () => {
    const response = await web.visitor().get(apiUrl({}));

    assert.equal(response.statusCode, 401);
  });

  it("records each read in the audit log", async () => {
    const before = (await web.auditEntries()).length;

    await page({ status: "unknown" });

    const added = (await web.auditEntries()).slice(before);
    assert.equal(added.length, 1);
    assert.equal(added[0]!.action, "assessment.read");
    assert.equal(added[0]!.outcome, "succeeded");
    assert.deepEqual(added[0]!.objects, { assessment: ID });
    assert.deepEqual(added[0]!.actor, { kind: "console-user", name: "viewer-user" });
    assert.equal(added[0]!.details.view, "findings-api");
  });
});
