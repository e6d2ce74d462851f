/**
 * Companies and applications through the console's forms: CSRF, names
 * rejected with the value in the message, renames, removals with their
 * assessments, and the audit entries with the console user as the actor
 * and the old and new values.
 */

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import type { AuditEntry } from "../../../src/security/audit/entry.js";
import { applicationModel } from "../../../src/store/applications-store.js";
import { PAGE_MODULES } from "../../../src/web/routes/index.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";
import { assertStrictPage, manyFindingsAssessment } from "./assessment-fixtures.js";

describe("company and application forms", { concurrency: false }, () => {
  let web: TestConsole;
  let assessor: ConsoleClient;
  let admin: ConsoleClient;
  let viewer: ConsoleClient;

  before(async () => {
    web = await startTestConsole({ routes: PAGE_MODULES });
    assessor = await web.signInAs("assessor");
    admin = await web.signInAs("admin");
    viewer = await web.signInAs("viewer");
  });

  after(async () => {
    await web?.close();
  });

  const model = () => applicationModel(web.services.store);

  async function lastEntry(action: string): Promise<AuditEntry> {
    const entry = (await web.auditEntries()).filter((e) => e.action === action).at(-1);
    assert.ok(entry, `no audit entry ${action}`);
    return entry;
  }

  async function companyKey(name: string): Promise<number> {
    const company = await model().companies.find(name);
    assert.ok(company, `company ${name} is missing`);
    return company.key;
  }

  it("adds a company and audits it", async () => {
    const response = await assessor.post("/companies", { name: "Kestrel <Air>" });

    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/companies");
    const entry = await lastEntry("company.add");
    assert.equal(entry.outcome, "succeeded");
    assert.deepEqual(entry.actor, { kind: "console-user", name: "assessor-user" });
    assert.deepEqual(entry.details, { new: { name: "Kestrel <Air>" } });

    const list = await viewer.get("/companies");
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes("Kestrel &lt;Air&gt;"));
    assert.ok(!list.body.includes("Add a company"), "a viewer sees the add form");
    assertStrictPage(list, "companies");
  });

  it("rejects a company post without CSRF token", async () => {
    const response = await assessor.post("/companies", { name: "No Token" }, { csrf: false });

    assert.equal(response.statusCode, 403);
    assert.equal(await model().companies.find("No Token"), undefined);
  });

  it("rejects invalid and taken company names", async () => {
    const blank = await assessor.post("/companies", { name: " padded " });
    assert.equal(blank.statusCode, 422);
    assert.ok(blank.body.includes("invalid company name &#39; padded &#39;: remove the spaces"), blank.body.slice(0, 500));

    const taken = await assessor.post("/companies", { name: "KESTREL <AIR>" });
    assert.equal(taken.statusCode, 422);
    assert.match(taken.body, /company &#39;KESTREL &lt;AIR&gt;&#39; already exists/);
    assert.equal((await lastEntry("company.add")).outcome, "failed");
  });

  it("denies company changes to a viewer", async () => {
    const response = await viewer.post("/companies", { name: "Viewer Co" });

    assert.equal(response.statusCode, 403);
    assert.equal(await model().companies.find("Viewer Co"), undefined);
  });

  it("renames a company", async () => {
    const key = await companyKey("Kestrel <Air>");

    const response = await assessor.post(`/companies/${key}/rename`, { newName: "Kestrel Airways" });

    assert.equal(response.statusCode, 303);
    assert.equal((await model().companies.find("Kestrel Airways"))?.key, key);
    const entry = await lastEntry("company.rename");
    assert.deepEqual(entry.details, { old: { name: "Kestrel <Air>" }, new: { name: "Kestrel Airways" } });
  });

  it("rejects an empty new company name", async () => {
    const key = await companyKey("Kestrel Airways");

    const response = await assessor.post(`/companies/${key}/rename`, { newName: "" });

    assert.equal(response.statusCode, 422);
    assert.match(response.body, /invalid company name &#39;&#39;: give a name/);
  });

  it("adds applications to a company", async () => {
    const key = await companyKey("Kestrel Airways");

    const billing = await assessor.post(`/companies/${key}/applications`, { name: "Billing" });
    const crew = await assessor.post(`/companies/${key}/applications`, { name: "Crew" });

    assert.equal(billing.statusCode, 303);
    assert.equal(crew.statusCode, 303);
    const application = await model().applications.find("Billing");
    assert.equal(billing.headers.location, `/applications/${application?.key}`);
    assert.deepEqual((await lastEntry("application.add")).details, { new: { name: "Crew", company: "Kestrel Airways" } });

    const page = await viewer.get(`/companies/${key}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(">Billing</a>"));
    assert.ok(page.body.includes(">Crew</a>"));
    assert.ok(page.body.includes(`/companies/${key}/report.pdf`));
    assert.ok(!page.body.includes("Remove the company"), "a viewer sees the remove form");
    assertStrictPage(page, "company");
  });

  it("rejects a taken application name", async () => {
    const key = await companyKey("Kestrel Airways");

    const response = await assessor.post(`/companies/${key}/applications`, { name: "billing" });

    assert.equal(response.statusCode, 422);
    assert.match(response.body, /application &#39;billing&#39; already exists/);
  });

  it("renames an application", async () => {
    const application = await model().applications.find("Crew");
    assert.ok(application);

    const response = await assessor.post(`/applications/${application.key}/rename`, { newName: "Crew Planning" });

    assert.equal(response.statusCode, 303);
    assert.equal((await model().applications.get(application.key))?.name, "Crew Planning");
    assert.deepEqual((await lastEntry("application.rename")).details, {
      old: { name: "Crew" },
      new: { name: "Crew Planning" },
    });
  });

  it("lets only an admin remove an application", async () => {
    const application = await model().applications.find("Crew Planning");
    assert.ok(application);
    const id = "20250601-101010-crewrm";
    await web.services.store.saveAssessment(manyFindingsAssessment(id, 5));
    await model().applications.linkAssessment(id, application.key, undefined);

    const denied = await assessor.post(`/applications/${application.key}/remove`);
    assert.equal(denied.statusCode, 403);

    const response = await admin.post(`/applications/${application.key}/remove`);

    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/companies/${application.companyKey}`);
    assert.equal(await model().applications.get(application.key), undefined);
    assert.equal((await web.services.store.listAssessments()).some((a) => a.id === id), false);
    const entry = await lastEntry("application.remove");
    assert.equal(entry.outcome, "succeeded");
    assert.deepEqual(entry.details, {
      old: { name: "Crew Planning", company: "Kestrel Airways" },
      assessmentsRemoved: [id],
    });
    assert.equal((await admin.get(`/assessments/${id}`)).statusCode, 404);
  });

  it("removes a company with its applications and assessments", async () => {
    const key = await companyKey("Kestrel Airways");
    const billing = await model().applications.find("Billing");
    assert.ok(billing);
    const id = "20250602-101010-billrm";
    await web.services.store.saveAssessment(manyFindingsAssessment(id, 5));
    await model().applications.linkAssessment(id, billing.key, undefined);

    assert.equal((await assessor.post(`/companies/${key}/remove`)).statusCode, 403);
    const response = await admin.post(`/companies/${key}/remove`);

    assert.equal(response.statusCode, 303);
    assert.equal(await model().companies.find("Kestrel Airways"), undefined);
    assert.equal(await model().applications.find("Billing"), undefined);
    assert.equal((await web.services.store.listAssessments()).some((a) => a.id === id), false);
    const entry = await lastEntry("company.remove");
    assert.deepEqual(entry.actor, { kind: "console-user", name: "admin-user" });
    assert.deepEqual(entry.details, { old: { name: "Kestrel Airways", applications: ["Billing"] }, assessmentsRemoved: [id] });
  });

  it("rejects every change without CSRF token", async () => {
    const modules = new Set(["companies", "applications", "application servers"]);
    const changes = web.console.routes.filter((route) => route.method === "POST" && modules.has(route.module));
    assert.ok(changes.length >= 10, `only ${changes.length} change routes`);

    for (const route of changes) {
      const url = route.url.replace(/:[A-Za-z]+/g, "1");
      const response = await admin.post(url, { name: "x", newName: "x" }, { csrf: false });
      assert.equal(response.statusCode, 403, `${route.method} ${route.url}`);
    }
  });

  it("answers 404 for unknown keys", async () => {
    for (const url of ["/companies/999999", "/applications/999999", "/companies/0", "/applications/x1"]) {
      assert.equal((await viewer.get(url)).statusCode, 404, url);
    }
  });
});
