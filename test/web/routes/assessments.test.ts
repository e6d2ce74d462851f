/** The assessments page: empty state, rows newest first, paging, statuses and hostile text. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { assessmentListRoutes, ASSESSMENTS_PAGE_SIZE } from "../../../src/web/routes/assessments.js";
import { assessmentRoutes } from "../../../src/web/routes/assessment.js";
import { findingsApiRoutes } from "../../../src/web/routes/findings-api.js";
import { startTestConsole, type TestConsole } from "../../helpers/web-console.js";
import { sampleFinding, sampleSummary } from "../../store/sample-assessment.js";
import { assertStrictPage, HOSTILE_FORMULA, HOSTILE_HTML, manyFindingsAssessment } from "./assessment-fixtures.js";

/** Seeded assessments: one more than a page. */
const SEEDED = ASSESSMENTS_PAGE_SIZE + 3;

function idOf(i: number): string {
  return `20250101-0000${String(i).padStart(2, "0")}-seed${String(i).padStart(2, "0")}`;
}

/** Returns the assessment ids that a page lists, in order. */
function listedIds(body: string): string[] {
  return [...body.matchAll(/<a href="\/assessments\/([^"#?]+)"><code>/g)].map((m) => decodeURIComponent(m[1]!));
}

describe("assessments page", () => {
  let web: TestConsole;

  before(async () => {
    web = await startTestConsole({ routes: [assessmentListRoutes, assessmentRoutes, findingsApiRoutes] });
  });

  after(async () => {
    await web?.close();
  });

  it("explains how to start when empty", async () => {
    for (const role of ["viewer", "assessor", "admin"] as const) {
      const page = await (await web.signInAs(role)).get("/assessments");

      assert.equal(page.statusCode, 200, role);
      assert.match(page.body, /No assessments are stored yet\./, role);
      if (role === "viewer") {
        assert.doesNotMatch(page.body, /href="\/runs\/new"/, role);
        assert.match(page.body, /ask one of them to run one/, role);
      } else {
        assert.match(page.body, /<a href="\/runs\/new">Start an assessment<\/a>/, role);
      }
      assertStrictPage(page, `empty page as ${role}`);
    }
  });

  it("lists assessments newest first, a page at a time", async () => {
    // Saved oldest first, with start times a minute apart.
    for (let i = 0; i < SEEDED; i++) {
      const startedAt = new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString();
      await web.services.store.saveAssessment({
        ...manyFindingsAssessment(idOf(i), 3, startedAt),
        sources: [`scripts-${i}`],
      });
    }
    const viewer = await web.signInAs("viewer");

    const first = await viewer.get("/assessments");
    const second = await viewer.get(`/assessments?offset=${ASSESSMENTS_PAGE_SIZE}`);

    const expected = Array.from({ length: SEEDED }, (_, i) => idOf(SEEDED - 1 - i));
    assert.deepEqual(listedIds(first.body), expected.slice(0, ASSESSMENTS_PAGE_SIZE));
    assert.deepEqual(listedIds(second.body), expected.slice(ASSESSMENTS_PAGE_SIZE));
    assert.match(first.body, new RegExp(`Showing 1–${ASSESSMENTS_PAGE_SIZE} of ${SEEDED} assessments`));
    assert.match(first.body, new RegExp(`<a href="/assessments\\?offset=${ASSESSMENTS_PAGE_SIZE}" rel="next">Next</a>`));
    assert.match(second.body, /<a href="\/assessments" rel="prev">Previous<\/a>/);
    assert.match(second.body, /<span aria-disabled="true">Next<\/span>/);
  });

  it("shows target, version, lines, findings and effort", async () => {
    const page = await (await web.signInAs("viewer")).get("/assessments");
    const row = page.body.slice(page.body.indexOf(idOf(SEEDED - 1)));
    const cells = row.slice(0, row.indexOf("</tr>"));

    assert.match(cells, /<td>babelfish<\/td>\s*<td>5\.5<\/td>/);
    assert.match(cells, /<td class="num">123,456<\/td>/);
    assert.match(cells, /Not supported<\/span> 1<\/li>/);
    assert.match(cells, /Review manually<\/span> 1<\/li>/);
    assert.match(cells, /1\.5–4 h/);
    assert.match(cells, /<code>scripts-52<\/code>/);
    assert.match(cells, /2025-01-01 00:52:00/);
  });

  it("rejects an invalid offset", async () => {
    const page = await (await web.signInAs("viewer")).get("/assessments?offset=-1");

    assert.equal(page.statusCode, 400);
    assert.match(page.body, /Invalid offset/);
  });

  it("shows running and failed assessments without a report", async () => {
    const running = await web.services.store.beginAssessment({
      id: "zz-running",
      startedAt: "2030-01-01T00:00:00.000Z",
      infioVersion: "0.1.0",
      target: "postgresql@17",
      sources: ["live"],
    });
    const failing = await web.services.store.beginAssessment({
      id: "zz-failed",
      startedAt: "2030-01-02T00:00:00.000Z",
      infioVersion: "0.1.0",
      target: "babelfish@5.5",
      sources: ["x"],
    });
    await failing.addFindings([sampleFinding(1)]);
    await failing.fail(`worker crashed on ${HOSTILE_HTML}`);
    const viewer = await web.signInAs("viewer");

    try {
      const list = await viewer.get("/assessments");
      const runningPage = await viewer.get("/assessments/zz-running");
      const failedPage = await viewer.get("/assessments/zz-failed");
      const api = await viewer.get("/api/assessments/zz-running/findings");

      assert.deepEqual(listedIds(list.body).slice(0, 2), ["zz-failed", "zz-running"]);
      assert.match(list.body, /<span class="nowrap">running<\/span>/);
      assert.match(list.body, /worker crashed on &lt;img src=x onerror=alert\(1\)&gt;/);
      assert.equal(runningPage.statusCode, 200);
      assert.match(runningPage.body, /still running/);
      assert.equal(failedPage.statusCode, 200);
      assert.match(failedPage.body, /This assessment failed/);
      assert.equal(api.statusCode, 404);
      assertStrictPage(failedPage, "failed assessment");
    } finally {
      await running.abort();
      await web.services.store.deleteAssessment("zz-failed");
    }
  });

  it("renders hostile sources as text", async () => {
    await web.services.store.saveAssessment({
      ...manyFindingsAssessment("zz-hostile", 2, "2031-01-01T00:00:00.000Z"),
      target: `babelfish@${HOSTILE_HTML}`,
      sources: [HOSTILE_HTML, HOSTILE_FORMULA],
      summary: sampleSummary(),
    });

    const page = await (await web.signInAs("viewer")).get("/assessments");

    assert.doesNotMatch(page.body, /<img src=x/);
    assert.match(page.body, /<code>&lt;img src=x onerror=alert\(1\)&gt;<\/code>, <code>=HYPERLINK\(&quot;http:\/\/x&quot;\)<\/code>/);
    assert.doesNotMatch(page.body, /href="http:\/\/x"/);
    assertStrictPage(page, "hostile listing");
  });

  it("records each listing in the audit log", async () => {
    const admin = await web.signInAs("admin");
    const before = (await web.auditEntries()).length;

    await admin.get("/assessments");

    const added = (await web.auditEntries()).slice(before);
    assert.equal(added.length, 1);
    assert.equal(added[0]!.action, "assessment.list");
    assert.equal(added[0]!.outcome, "succeeded");
    assert.deepEqual(added[0]!.actor, { kind: "console-user", name: "admin-user" });
    assert.equal(added[0]!.details.via, "console");
  });
});
