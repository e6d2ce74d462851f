/** The report page of one assessment and its source view. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { loadClientAssets } from "../../../src/web/client-assets.js";
import { lineWindow, SOURCE_WINDOW_LINES } from "../../../src/web/pages/source-view.js";
import { assessmentRoutes } from "../../../src/web/routes/assessment.js";
import { findingsApiRoutes, type FindingsJson } from "../../../src/web/routes/findings-api.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";
import { liveAssessment } from "../../report/sample-live.js";
import {
  assertStrictPage,
  expectedMatches,
  fixtureFinding,
  HOSTILE_HTML,
  manyFindingsAssessment,
  runUploadedScript,
  SOURCE_SCRIPT,
} from "./assessment-fixtures.js";

const ID = "20250304-050607-report";
const LIVE_ID = "20240501-093000-live";
const COUNT = 1_000;

/** Returns the fixture indexes of the findings in a page's findings table, in order. */
function tableIndexes(body: string): number[] {
  const table = body.slice(body.indexOf('<table class="findings-table">'), body.indexOf("</table>", body.indexOf('<table class="findings-table">')));
  return [...table.matchAll(/Finding number (\d+) of the fixture/g)].map((m) => Number(m[1]));
}

/** Returns the head of a page. */
function headOf(body: string): string {
  return body.slice(0, body.indexOf("</head>"));
}

/** Returns the markup of one source line's row, from `<tr id="L…"` to its end. */
function lineRow(body: string, line: number): string {
  const start = body.indexOf(`<tr id="L${line}"`);
  assert.notEqual(start, -1, `no row for line ${line}`);
  return body.slice(start, body.indexOf("</tr>", start));
}

describe("assessment report page", () => {
  let web: TestConsole;
  let viewer: ConsoleClient;
  const all = Array.from({ length: COUNT }, (_, i) => fixtureFinding(i));

  before(async () => {
    web = await startTestConsole({ routes: [assessmentRoutes, findingsApiRoutes] });
    await web.services.store.saveAssessment(manyFindingsAssessment(ID, COUNT));
    await web.services.store.saveAssessment({ ...liveAssessment(), id: LIVE_ID });
    viewer = await web.signInAs("viewer");
  });

  after(async () => {
    await web?.close();
  });

  it("renders every section of the report", async () => {
    const page = await viewer.get(`/assessments/${ID}`);

    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<title>Assessment ${ID} · infio</title>`));
    for (const id of ["summary", "charts", "effort", "features", "findings", "objects", "files", "parse-errors", "skipped"]) {
      assert.match(page.body, new RegExp(`<section id="${id}">`), id);
    }
    assert.match(page.body, /<svg class="chart"[^>]*role="img"><title>Findings by status<\/title>/);
    assert.match(page.body, /<dt>Target<\/dt><dd>babelfish 5\.5<\/dd>/);
    assert.doesNotMatch(page.body, /id="server"/);
    assertStrictPage(page, "report");
  });

  it("links only to anchors the page has", async () => {
    for (const id of [ID, LIVE_ID]) {
      const page = await viewer.get(`/assessments/${id}`);
      const anchors = new Set([...page.body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

      const missing = [...page.body.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]).filter((a) => !anchors.has(a));
      assert.deepEqual(missing, [], id);
    }
  });

  it("shows the live server's sections", async () => {
    const page = await viewer.get(`/assessments/${LIVE_ID}`);

    for (const id of ["server", "inventory", "not-read"]) {
      assert.match(page.body, new RegExp(`<section id="${id}">`), id);
    }
    assert.match(page.body, /kestrel-sql01\.corp\.example,1433/);
    assertStrictPage(page, "live report");
  });

  it("lists the first page of findings without filters", async () => {
    const page = await viewer.get(`/assessments/${ID}`);

    assert.deepEqual(tableIndexes(page.body), Array.from({ length: 50 }, (_, i) => i));
    assert.match(page.body, /Showing 1–50 of 1,000 findings\./);
    assert.match(page.body, new RegExp(`<a href="/assessments/${ID}\\?offset=50#findings" rel="next">Next</a>`));
  });

  const filters: { status?: string; group?: string; q?: string; offset?: number }[] = [
    { status: "notSupported" },
    { status: "unknown", offset: 50 },
    { group: "Cursors", offset: 150 },
    { status: "reviewManually", group: "DML" },
    { q: "proc_3" },
    { q: "FINDING NUMBER 99" },
    { status: "supported", group: "fixture.unknown", q: "usp_1" },
  ];

  for (const filter of filters) {
    it(`filters ${JSON.stringify(filter)} without script`, async () => {
      const query = new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)]));
      const page = await viewer.get(`/assessments/${ID}?${query}`);

      const expected = expectedMatches(all, filter).map((f) => Number(/\d+/.exec(f.message)![0]));
      const offset = filter.offset ?? 0;
      assert.equal(page.statusCode, 200);
      assert.deepEqual(tableIndexes(page.body), expected.slice(offset, offset + 50));
      const shown = Math.min(50, expected.length - offset);
      assert.match(page.body, new RegExp(`Showing ${offset + 1}–${offset + shown} of ${expected.length.toLocaleString("en-US")} findings\\.`));
    });
  }

  it("keeps the filter in the form and the pager", async () => {
    const page = await viewer.get(`/assessments/${ID}?status=notSupported&group=Cursors&q=proc&offset=0`);

    assert.match(page.body, /<option value="notSupported" selected>Not supported<\/option>/);
    assert.match(page.body, /<option value="Cursors" selected>Cursors<\/option>/);
    assert.match(page.body, /<input type="search" name="q" value="proc"/);
    assert.match(
      page.body,
      new RegExp(`<a href="/assessments/${ID}\\?status=notSupported&amp;group=Cursors&amp;q=proc&amp;offset=50#findings" rel="next">`),
    );
  });

  it("says when a page is past the last finding", async () => {
    const page = await viewer.get(`/assessments/${ID}?status=notSupported&offset=900`);

    assert.equal(tableIndexes(page.body).length, 0);
    assert.match(page.body, /No findings on this page: 250 match, so the last page starts at 201\./);
    assert.match(page.body, new RegExp(`<a href="/assessments/${ID}\\?status=notSupported&amp;offset=200#findings" rel="prev">`));
  });

  it("marks up the findings-filter island", async () => {
    const page = await viewer.get(`/assessments/${ID}`);
    const start = page.body.indexOf("<div data-island=");
    const island = page.body.slice(start, page.body.indexOf("</section>", start));

    assert.match(island, new RegExp(`^<div data-island="findings-filter" data-assessment-id="${ID}" data-page-size="50">`));
    assert.match(island, new RegExp(`<form class="findings-filter-form" role="search" method="get" action="/assessments/${ID}#findings">`));
    assert.match(island, /<select name="status"><option value="" selected>All statuses<\/option>/);
    assert.match(island, /<select name="group"><option value="" selected>All groups<\/option>/);
    for (const group of ["Built-in functions", "Cursors", "DML", "fixture.unknown"]) {
      assert.match(island, new RegExp(`<option value="${group}">${group}</option>`), group);
    }
    assert.match(island, /<input type="search" name="q" value=""/);
    assert.match(island, /<table class="findings-table">/);
    assert.match(page.body, /<meta name="csrf-token" content="[^"]+">/);
  });

  it("loads the islands and report styles from the head", async () => {
    const client = await loadClientAssets();
    const page = await viewer.get(`/assessments/${ID}`);
    const head = headOf(page.body);

    assert.match(head, /<link rel="stylesheet" href="\/assets\/report\.css">/);
    for (const url of client.scripts) {
      assert.ok(head.includes(`<script type="module" src="${url}"></script>`), url);
    }
    for (const url of client.styles) {
      assert.ok(head.includes(`<link rel="stylesheet" href="${url}">`), url);
    }
    assert.equal(page.body.split("<script").length - 1, client.scripts.length);

    const served = [...client.scripts, ...client.styles, "/assets/report.css"];
    for (const url of served) {
      const response = await web.visitor().get(url);
      assert.equal(response.statusCode, 200, url);
      assert.match(String(response.headers["content-type"]), url.endsWith(".js") ? /^text\/javascript/ : /^text\/css/, url);
    }
  });

  it("renders hostile names as text", async () => {
    const page = await viewer.get(`/assessments/${ID}?q=onerror`);

    assert.ok(tableIndexes(page.body).length > 0);
    assert.doesNotMatch(page.body, /<img/);
    assert.match(page.body, /<td>&lt;img src=x onerror=alert\(1\)&gt;<\/td>/);
    assert.match(page.body, /=HYPERLINK\(&quot;http:\/\/x&quot;\)/);
    assert.doesNotMatch(page.body, /href="http:\/\/x"/);
    assertStrictPage(page, "hostile report");
  });

  it("rejects an invalid filter", async () => {
    const page = await viewer.get(`/assessments/${ID}?status=blocked`);

    assert.equal(page.statusCode, 400);
    assert.match(page.body, /invalid status &#39;blocked&#39;/);
    assertStrictPage(page, "invalid filter");
  });

  it("records each read in the audit log", async () => {
    const before = (await web.auditEntries()).length;

    await viewer.get(`/assessments/${ID}`);
    await viewer.get(`/assessments/${ID}?status=blocked`);

    const added = (await web.auditEntries()).slice(before);
    assert.equal(added.length, 1);
    assert.equal(added[0]!.action, "assessment.read");
    assert.equal(added[0]!.outcome, "succeeded");
    assert.deepEqual(added[0]!.objects, { assessment: ID });
    assert.deepEqual(added[0]!.actor, { kind: "console-user", name: "viewer-user" });
    assert.deepEqual(added[0]!.details, { via: "console", view: "report" });
  });
});

describe("source view", () => {
  let web: TestConsole;
  let viewer: ConsoleClient;
  let runId: string;

  before(async () => {
    web = await startTestConsole({ routes: [assessmentRoutes, findingsApiRoutes] });
    await web.services.store.saveAssessment(manyFindingsAssessment(ID, 100));
    runId = await runUploadedScript(web, `scroll ${HOSTILE_HTML}.sql`, SOURCE_SCRIPT);
    viewer = await web.signInAs("viewer");
  });

  after(async () => {
    await web?.close();
  });

  async function scrollFinding() {
    const api = await viewer.get(`/api/assessments/${runId}/findings?q=cursor.option.scroll`);
    const findings = (api.json() as FindingsJson).findings;
    assert.equal(findings.length, 1, api.body);
    return findings[0]!;
  }

  it("highlights the finding's line", async () => {
    const finding = await scrollFinding();
    assert.equal(finding.line, 3);
    const query = new URLSearchParams({ file: finding.file, line: "3" });
    assert.equal(finding.href, `/assessments/${runId}/source?${query}#L3`);

    const page = await viewer.get(finding.href.replace(/#.*$/, ""));

    assert.equal(page.statusCode, 200);
    assert.match(lineRow(page.body, 3), /^<tr id="L3" class="hit" aria-current="location">/);
    assert.match(lineRow(page.body, 3), /DECLARE c <mark>CURSOR<\/mark> <mark>SCROLL<\/mark> FOR/);
    assert.match(lineRow(page.body, 6), /^<tr id="L6" class="finding-line">/);
    assert.match(lineRow(page.body, 2), /^<tr id="L2">/);
    assert.match(lineRow(page.body, 1), /<a href="#L1">1<\/a>/);
    assert.equal(page.body.split('class="hit"').length - 1, 1);
    assert.match(page.body, /column 22: <span class="badge st-notSupported">Not supported<\/span>\s*<code>cursor\.option\.scroll<\/code>/);
    assert.match(page.body, /<title>Source of scroll &lt;img src=x onerror=alert\(1\)&gt;\.sql · infio<\/title>/);
    assertStrictPage(page, "source view");
  });

  it("highlights another line on request", async () => {
    const finding = await scrollFinding();
    const page = await viewer.get(`/assessments/${runId}/source?file=${encodeURIComponent(finding.file)}&line=6`);

    assert.match(lineRow(page.body, 6), /^<tr id="L6" class="hit"/);
    assert.match(lineRow(page.body, 3), /^<tr id="L3" class="finding-line">/);
  });

  it("says when the line is past the end", async () => {
    const finding = await scrollFinding();
    const page = await viewer.get(`/assessments/${runId}/source?file=${encodeURIComponent(finding.file)}&line=99`);

    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Line 99 is past the end of this file, which has 8 lines\./);
    assert.doesNotMatch(page.body, /class="hit"/);
  });

  it("lists the findings when the text is gone", async () => {
    const finding = fixtureFinding(13);
    const page = await viewer.get(`/assessments/${ID}/source?file=${encodeURIComponent(finding.file)}&line=${finding.line}`);

    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Source not kept: this assessment was stored without its code/);
    assert.match(page.body, new RegExp(`<li>line ${finding.line}, column ${finding.column}: `));
    assert.match(page.body, /Finding number 13 of the fixture/);
    assertStrictPage(page, "source view without text");
  });

  it("rejects a request without a file or with a bad line", async () => {
    for (const query of ["", "?line=3", "?file=x.sql&line=0", "?file=x.sql&line=abc", "?file=x.sql&from=-2"]) {
      const page = await viewer.get(`/assessments/${runId}/source${query}`);

      assert.equal(page.statusCode, 400, query);
    }
  });

  it("records each read in the audit log", async () => {
    const finding = await scrollFinding();
    const before = (await web.auditEntries()).length;

    await viewer.get(finding.href.replace(/#.*$/, ""));

    const added = (await web.auditEntries()).slice(before);
    assert.equal(added.length, 1);
    assert.equal(added[0]!.action, "assessment.read");
    assert.deepEqual(added[0]!.objects, { assessment: runId });
    assert.deepEqual(added[0]!.details, { via: "console", view: "source", file: finding.file });
  });

  it("shows a window of a long file", () => {
    assert.deepEqual(lineWindow(10, 3, undefined), [1, 10]);
    assert.deepEqual(lineWindow(SOURCE_WINDOW_LINES, 5, undefined), [1, SOURCE_WINDOW_LINES]);
    assert.deepEqual(lineWindow(10_000, 5_000, undefined), [4_000, 5_999]);
    assert.deepEqual(lineWindow(10_000, 10, undefined), [1, SOURCE_WINDOW_LINES]);
    assert.deepEqual(lineWindow(10_000, 9_990, undefined), [8_001, 10_000]);
    assert.deepEqual(lineWindow(10_000, 9_990, 2), [2, SOURCE_WINDOW_LINES + 1]);
  });
});
