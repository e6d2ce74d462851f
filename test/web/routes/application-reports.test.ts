/**
 * The application and company reports and the server features export
 * through the console. The tests check the figures from the linked
 * assessments, the strict policy of the report page, the JSON downloads,
 * the PDF printed by Debian's Chromium, and the error page without it.
 */

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";

import type { Assessment } from "../../../src/assessment/model.js";
import type { Application, Company } from "../../../src/store/application-model.js";
import { buildApplicationReport, renderApplicationJson } from "../../../src/report/application/index.js";
import { applicationModel } from "../../../src/store/applications-store.js";
import { PAGE_MODULES } from "../../../src/web/routes/index.js";
import { browserTestsSkipped } from "../../helpers/browser.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";
import { liveAssessment as inventoryAssessment } from "../../report/sample-live.js";
import { liveAssessment, scriptAssessment, TARGET } from "../../report/application/sample-application.js";

const LIVE_ID = "20261120-080000-live01";
const SCRIPTS_ID = "20261120-090000-script";
const INVENTORY_ID = "20261121-080000-invent";

describe("application reports in the console", { concurrency: false }, () => {
  let web: TestConsole;
  let viewer: ConsoleClient;
  let company: Company;
  let application: Application;

  before(async () => {
    web = await startTestConsole({ routes: PAGE_MODULES });
    viewer = await web.signInAs("viewer");
    const model = applicationModel(web.services.store);
    const change = { actor: "setup", at: new Date() };
    const addedCompany = await model.companies.add("Kestrel Logistics", change);
    assert.ok(addedCompany !== "duplicate");
    company = addedCompany;
    const added = await model.applications.add(company.key, "Cold chain", change);
    assert.ok(added !== "duplicate");
    application = added;
    const empty = await model.applications.add(company.key, "Not assessed", change);
    assert.ok(empty !== "duplicate");

    const live = await model.servers.add(
      application.key,
      {
        name: "KESTREL-SQL01",
        environment: "production",
        source: { kind: "live", connection: {}, secret: { kind: "saved-connection", id: "gone" } },
        databases: [],
        excludedDatabases: [],
        includeSystemDatabases: false,
      },
      change,
    );
    const scripts = await model.servers.add(
      application.key,
      {
        name: "kestrel-scripts",
        environment: "non-production",
        source: { kind: "scripts", path: "/src/kestrel" },
        databases: [],
        excludedDatabases: [],
        includeSystemDatabases: false,
      },
      change,
    );
    assert.ok(live !== "duplicate");
    assert.ok(scripts !== "duplicate");

    await save({ ...liveAssessment(), id: LIVE_ID });
    await save({ ...scriptAssessment(), id: SCRIPTS_ID });
    await save({ ...inventoryAssessment(), id: INVENTORY_ID });
    await model.applications.linkAssessment(LIVE_ID, application.key, live.key);
    await model.applications.linkAssessment(SCRIPTS_ID, application.key, scripts.key);
    await model.questionnaires.set(application.key, { thirdParty: false, codeChangeable: true, notes: "Owned by logistics." }, change);
    await model.metrics.setManual(application.key, "cpu-cores", 16, change);
  });

  after(async () => {
    await web?.close();
  });

  async function save(assessment: Assessment): Promise<void> {
    await web.services.store.saveAssessment(assessment);
  }

  it("serves the application report page", async () => {
    const response = await viewer.get(`/applications/${application.key}/report`);

    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /^text\/html/);
    const policy = String(response.headers["content-security-policy"]);
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(policy, /script-src|unsafe-inline/);
    assert.equal(response.headers["x-frame-options"], "DENY");
    assert.ok(!/<script/i.test(response.body), "the report page contains a script");
    assert.ok(response.body.includes("<h1>Cold chain</h1>"));
    assert.ok(response.body.includes("Application report for Kestrel Logistics, migration to babelfish@5.5"));
    assert.ok(response.body.includes("Owned by logistics."));
  });

  it("computes the style hash of the page", async () => {
    const response = await viewer.get(`/applications/${application.key}/report`);
    const style = /<style>([\s\S]*?)<\/style>/.exec(response.body)?.[1];
    assert.ok(style !== undefined);

    const hash = createHash("sha256").update(style).digest("base64");
    assert.ok(String(response.headers["content-security-policy"]).includes(`'sha256-${hash}'`));
  });

  it("downloads the application report as JSON", async () => {
    const response = await viewer.get(`/applications/${application.key}/report.json`);

    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-disposition"]), /attachment; filename="infio-application-\d+\.json"/);
    const report = JSON.parse(response.body) as Record<string, unknown>;
    const text = JSON.stringify(report);
    assert.ok(text.includes("KESTREL-SQL01"));
    assert.ok(text.includes("kestrel-scripts"));
    assert.ok(text.includes(TARGET));
  });

  it("reports the figures of both servers", async () => {
    const expected = buildApplicationReport({
      companyName: "Kestrel Logistics",
      applicationName: "Cold chain",
      target: TARGET,
      generatedAt: "2026-01-01T00:00:00.000Z",
      questionnaire: [],
      metrics: [],
      servers: [
        { name: "KESTREL-SQL01", environment: "production", source: "live", assessment: { ...liveAssessment(), id: LIVE_ID } },
        { name: "kestrel-scripts", environment: "non-production", source: "scripts", assessment: { ...scriptAssessment(), id: SCRIPTS_ID } },
      ],
    });

    const response = await viewer.get(`/applications/${application.key}/report.json`);
    const served = JSON.parse(response.body) as Record<string, unknown>;
    const want = JSON.parse(renderApplicationJson(expected)) as Record<string, unknown>;

    for (const key of ["figures", "servers", "blockers", "effort", "databases", "serversByEnvironment"]) {
      assert.deepEqual(served[key], want[key], key);
    }
    assert.equal(served.thirdPartyProduct, "no");
    assert.equal(served.codeMayBeChanged, "yes");
    assert.deepEqual(served.metrics, [{ name: "CPU cores", value: 16, unit: "cores", origin: "manual" }]);
  });

  it("serves the company report page and JSON", async () => {
    const page = await viewer.get(`/companies/${company.key}/report`);
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers["content-security-policy"]), /style-src 'sha256-/);
    assert.ok(page.body.includes("Cold chain"));
    assert.ok(page.body.includes("Not assessed"));

    const json = await viewer.get(`/companies/${company.key}/report.json`);
    assert.equal(json.statusCode, 200);
    assert.ok(json.body.includes("Kestrel Logistics"));
  });

  it("reports a company without applications", async () => {
    const empty = await applicationModel(web.services.store).companies.add("Empty Co", { actor: "setup", at: new Date() });
    assert.ok(empty !== "duplicate");

    for (const suffix of ["", ".json"]) {
      const response = await viewer.get(`/companies/${empty.key}/report${suffix}`);
      assert.equal(response.statusCode, 200, `report${suffix}: ${response.body.slice(0, 300)}`);
      assert.ok(response.body.includes("Empty Co"), `report${suffix}`);
    }
  });

  it("audits each report read", async () => {
    await viewer.get(`/applications/${application.key}/report.json`);

    const entry = (await web.auditEntries()).filter((e) => e.action === "assessment.read").at(-1);
    assert.deepEqual(entry?.actor, { kind: "console-user", name: "viewer-user" });
    assert.deepEqual(entry?.objects, { application: "Cold chain" });
    assert.equal((entry?.details as { view?: string }).view, "application-report");
  });

  it("exports the server features of a live assessment", async () => {
    const csv = await viewer.get(`/assessments/${INVENTORY_ID}/server-features.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers["content-type"]), /^text\/csv/);
    assert.ok(csv.body.split("\n").length > 2, "the CSV has no feature rows");

    const json = await viewer.get(`/assessments/${INVENTORY_ID}/server-features.json`);
    assert.equal(json.statusCode, 200);
    assert.ok(json.body.includes(INVENTORY_ID));
  });

  it("rejects the export of a script assessment", async () => {
    const response = await viewer.get(`/assessments/${SCRIPTS_ID}/server-features.csv`);

    assert.equal(response.statusCode, 422);
    assert.ok(response.body.includes(`Assessment ${SCRIPTS_ID} assessed scripts`));
  });

  it("shows an error page without Chromium", async () => {
    const saved = process.env.INFIO_CHROMIUM;
    process.env.INFIO_CHROMIUM = "/nonexistent/chromium";
    try {
      const response = await viewer.get(`/applications/${application.key}/report.pdf`);

      assert.equal(response.statusCode, 503);
      assert.match(String(response.headers["content-type"]), /^text\/html/);
      assert.ok(response.body.includes("Chromium is missing or failed"));
      assert.ok(!response.body.includes("/nonexistent/chromium"), "the page names a path on the host");
      assert.ok(web.logs.some((line) => line.includes("/nonexistent/chromium")), "the log lacks the reason");
    } finally {
      if (saved === undefined) {
        delete process.env.INFIO_CHROMIUM;
      } else {
        process.env.INFIO_CHROMIUM = saved;
      }
    }
  });

  it("prints the application report to PDF", { skip: browserTestsSkipped() ? "INFIO_SKIP_BROWSER_TESTS=1 is set" : false }, async () => {
    const response = await viewer.get(`/applications/${application.key}/report.pdf`);

    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    assert.equal(response.headers["content-type"], "application/pdf");
    assert.equal(response.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");
  });
});
