/** The diff page: counts as `infio diff` reports them, paged lists, the form and the audit log. */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { diffAssessments } from "../../../src/assessment/diff-coverage.js";
import type { Assessment, Finding } from "../../../src/assessment/model.js";
import { openStore } from "../../../src/store/open-store.js";
import { DIFF_PAGE_SIZE } from "../../../src/web/pages/diff-page.js";
import { diffRoutes } from "../../../src/web/routes/diff.js";
import { runInfio } from "../../cli/run-infio.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";
import { assertStrictPage, HOSTILE_HTML, manyFindingsAssessment } from "./assessment-fixtures.js";

const A = "20250304-050607-before";
const B = "20250401-093000-after";

/**
 * Returns B, a later run over A's code. The findings of A at indexes
 * divisible by 5 are gone (fixed). Of the rest, those divisible by 7 have
 * another status (changed), and the others divisible by 11 moved two lines
 * down (unchanged, moved). 60 findings of a new feature are added (new).
 */
function laterAssessment(a: Assessment): Assessment {
  const kept: Finding[] = [];
  a.findings.forEach((finding, i) => {
    if (i % 5 === 0) {
      return;
    }
    if (i % 7 === 0) {
      kept.push({ ...finding, status: finding.status === "supported" ? "notSupported" : "supported" });
    } else if (i % 11 === 0) {
      kept.push({ ...finding, line: finding.line + 2 });
    } else {
      kept.push(finding);
    }
  });
  const added = Array.from({ length: 60 }, (_, i): Finding => ({
    featureId: "fixture.new.feature",
    status: "notSupported",
    file: "procs/new.sql",
    line: i + 1,
    column: 1,
    object: i === 0 ? HOSTILE_HTML : "dbo.fresh",
    message: `New finding ${i}`,
  }));
  return { ...a, id: B, startedAt: "2025-04-01T09:30:00.000Z", findings: [...kept, ...added] };
}

/** Returns the number in the counts table's cell `name`. */
function countCell(body: string, name: string): number {
  const match = new RegExp(`data-count="${name}">([\\d,]+)<`).exec(body);
  assert.ok(match, `no count ${name}`);
  return Number(match[1]!.replaceAll(",", ""));
}

describe("diff page", () => {
  let web: TestConsole;
  let viewer: ConsoleClient;
  const before_ = manyFindingsAssessment(A, 700);
  const after_ = laterAssessment(before_);

  before(async () => {
    web = await startTestConsole({ routes: [diffRoutes] });
    await web.services.store.saveAssessment(before_);
    await web.services.store.saveAssessment(after_);
    viewer = await web.signInAs("viewer");
  });

  after(async () => {
    await web?.close();
  });

  it("shows the form to choose two assessments", async () => {
    const page = await viewer.get("/diff");

    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<form method="get" action="\/diff"/);
    assert.match(page.body, new RegExp(`<option value="${A}">${A} · babelfish@5\\.5 · 2025-03-04 05:06:07</option>`));
    assert.match(page.body, new RegExp(`<option value="${B}">`));
    assert.doesNotMatch(page.body, /id="diff-counts"/);
    assertStrictPage(page, "diff form");
  });

  it("counts as the CLI's diff does", async () => {
    const page = await viewer.get(`/diff?a=${A}&b=${B}`);
    const expected = diffAssessments(before_, after_);

    assert.equal(page.statusCode, 200);
    assert.equal(countCell(page.body, "new"), 60);
    assert.equal(countCell(page.body, "fixed"), 140);
    assert.equal(countCell(page.body, "new"), expected.added.length);
    assert.equal(countCell(page.body, "fixed"), expected.fixed.length);
    assert.equal(countCell(page.body, "changed"), expected.changed.length);
    assert.equal(countCell(page.body, "unchanged"), expected.unchanged);
    assert.equal(countCell(page.body, "not-compared"), expected.notCompared.length);
    assert.match(page.body, new RegExp(`of which ${expected.moved} moved`));
    assertStrictPage(page, "diff");
  });

  it("counts as `infio diff --json` prints", async () => {
    const home = await mkdtemp(join(tmpdir(), "infio-web-diff-"));
    try {
      const opened = await openStore("embedded", { dataDir: home });
      assert.ok(opened.ok);
      await opened.store.saveAssessment(before_);
      await opened.store.saveAssessment(after_);
      await opened.store.close();

      const run = await runInfio(["diff", A, B, "--json", "--data-dir", home], home);
      assert.equal(run.code, 0, run.stderr);
      const cli = JSON.parse(run.stdout) as { counts: Record<string, number> };
      const page = await viewer.get(`/diff?a=${A}&b=${B}`);

      assert.equal(countCell(page.body, "new"), cli.counts.new);
      assert.equal(countCell(page.body, "fixed"), cli.counts.fixed);
      assert.equal(countCell(page.body, "changed"), cli.counts.changed);
      assert.equal(countCell(page.body, "unchanged"), cli.counts.unchanged);
      assert.equal(countCell(page.body, "not-compared"), cli.counts.notCompared);
      assert.match(page.body, new RegExp(`of which ${cli.counts.moved} moved`));
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  it("lists each kind a page at a time", async () => {
    const expected = diffAssessments(before_, after_);
    const rowsOf = (body: string) => body.slice(body.indexOf('<section id="diff-list">')).split("<tr><td>").length - 1;

    const fresh = await viewer.get(`/diff?a=${A}&b=${B}`);
    const fixed = await viewer.get(`/diff?a=${A}&b=${B}&list=fixed&offset=${DIFF_PAGE_SIZE * 2}`);
    const changed = await viewer.get(`/diff?a=${A}&b=${B}&list=changed`);

    assert.match(fresh.body, /<h2>New findings<\/h2>/);
    assert.equal(rowsOf(fresh.body), DIFF_PAGE_SIZE);
    assert.match(fresh.body, new RegExp(`<a href="/diff\\?a=${A}&amp;b=${B}&amp;offset=${DIFF_PAGE_SIZE}#diff-list" rel="next">`));
    assert.match(fixed.body, /<h2>Fixed findings<\/h2>/);
    assert.equal(rowsOf(fixed.body), expected.fixed.length - DIFF_PAGE_SIZE * 2);
    const firstFixed = expected.fixed[DIFF_PAGE_SIZE * 2]!;
    assert.ok(fixed.body.includes(`<td>${firstFixed.message}</td>`), firstFixed.message);
    assert.match(changed.body, /<span class="badge st-\w+">[\w ]+<\/span> → <span class="badge st-\w+">/);
    assert.equal(rowsOf(changed.body), Math.min(DIFF_PAGE_SIZE, expected.changed.length));
  });

  it("links findings to the source view of their side", async () => {
    const fresh = await viewer.get(`/diff?a=${A}&b=${B}`);
    const fixed = await viewer.get(`/diff?a=${A}&b=${B}&list=fixed`);

    assert.match(fresh.body, new RegExp(`href="/assessments/${B}/source\\?file=procs%2Fnew\\.sql&amp;line=1#L1"`));
    assert.match(fixed.body, new RegExp(`href="/assessments/${A}/source\\?file=`));
    assert.doesNotMatch(fresh.body, /<img/);
    assert.match(fresh.body, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it("asks for both assessments", async () => {
    const page = await viewer.get(`/diff?a=${A}`);

    assert.equal(page.statusCode, 400);
    assert.match(page.body, /Choose both assessments/);
  });

  it("rejects an unknown list", async () => {
    const page = await viewer.get(`/diff?a=${A}&b=${B}&list=everything`);

    assert.equal(page.statusCode, 400);
    assert.match(page.body, /Invalid list/);
  });

  it("records the read of both assessments", async () => {
    const before = (await web.auditEntries()).length;

    await viewer.get(`/diff?a=${A}&b=${B}`);
    await viewer.get(`/diff?a=${A}&b=missing`);

    const added = (await web.auditEntries()).slice(before);
    const reads = added.filter((entry) => entry.action === "assessment.read");
    assert.equal(reads.length, 1);
    assert.deepEqual(reads[0]!.objects, { assessment: A, compared: B });
    assert.equal(reads[0]!.outcome, "succeeded");
    assert.deepEqual(reads[0]!.details, { via: "console", view: "diff" });
  });
});
