/**
 * One application through the console: its servers (saved connections
 * only), questionnaire and hand-entered metrics, each form with CSRF, its
 * validation errors naming the rejected value, and its audit entries with
 * the old and new values. The saved connection's password is a canary that
 * no page or audit entry may contain.
 */

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";

import type { Application } from "../../../src/store/application-model.js";
import { applicationModel } from "../../../src/store/applications-store.js";
import type { AuditEntry } from "../../../src/security/audit/entry.js";
import { PAGE_MODULES } from "../../../src/web/routes/index.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";
import { assertStrictPage } from "./assessment-fixtures.js";

const CANARY_PASSWORD = `canary-pw-${randomBytes(6).toString("hex")}`;

describe("application page and forms", { concurrency: false }, () => {
  let web: TestConsole;
  let assessor: ConsoleClient;
  let viewer: ConsoleClient;
  let application: Application;
  let connectionId: string;
  let base: string;
  const seen: string[] = [];

  before(async () => {
    web = await startTestConsole({ routes: PAGE_MODULES });
    assessor = await web.signInAs("assessor");
    viewer = await web.signInAs("viewer");
    const model = applicationModel(web.services.store);
    const change = { actor: "setup", at: new Date() };
    const company = await model.companies.add("Kestrel Logistics", change);
    assert.ok(company !== "duplicate");
    const added = await model.applications.add(company.key, "Cold chain", change);
    assert.ok(added !== "duplicate");
    application = added;
    base = `/applications/${application.key}`;
    const connection = await web.services.connections.create(
      { name: "Kestrel prod", server: "127.0.0.1,1", user: "infio_reader", password: CANARY_PASSWORD, tlsMode: "on", trustServerCertificate: true },
      "setup",
    );
    connectionId = connection.id;
  });

  after(async () => {
    await web?.close();
  });

  const model = () => applicationModel(web.services.store);

  async function lastEntry(action: string): Promise<AuditEntry> {
    const entry = (await web.auditEntries()).filter((e) => e.action === action).at(-1);
    assert.ok(entry, `no audit entry ${action}`);
    seen.push(JSON.stringify(entry));
    return entry;
  }

  async function post(client: ConsoleClient, url: string, form: Record<string, string>, csrf = true) {
    const response = await client.post(url, form, { csrf });
    seen.push(response.body);
    return response;
  }

  async function get(client: ConsoleClient, url: string) {
    const response = await client.get(url);
    seen.push(response.body);
    return response;
  }

  it("rejects a server without saved connection", async () => {
    const response = await post(assessor, `${base}/servers`, { name: "SQL01", environment: "production", connection: "" });

    assert.equal(response.statusCode, 422);
    assert.ok(response.body.includes("missing saved connection"));
    assert.deepEqual(await model().servers.list(application.key), []);
  });

  it("rejects an unknown connection and environment", async () => {
    const unknown = await post(assessor, `${base}/servers`, { name: "SQL01", environment: "production", connection: "nope-id" });
    assert.equal(unknown.statusCode, 422);
    assert.ok(unknown.body.includes("saved connection &#39;nope-id&#39; was not found"));

    const environment = await post(assessor, `${base}/servers`, { name: "SQL01", environment: "staging", connection: connectionId });
    assert.equal(environment.statusCode, 422);
    assert.ok(environment.body.includes("invalid environment &#39;staging&#39;"));
  });

  it("adds a server through a saved connection", async () => {
    const response = await post(assessor, `${base}/servers`, {
      name: "SQL01",
      environment: "production",
      connection: connectionId,
      databases: "Sales\r\nOps\r\nsales",
      excludedDatabases: "",
    });

    assert.equal(response.statusCode, 303);
    const [server] = await model().servers.list(application.key);
    assert.ok(server);
    assert.deepEqual(server.source, { kind: "live", connection: {}, secret: { kind: "saved-connection", id: connectionId } });
    assert.deepEqual(server.databases, ["Sales", "Ops"]);
    const entry = await lastEntry("application.server.add");
    assert.deepEqual(entry.actor, { kind: "console-user", name: "assessor-user" });
    assert.deepEqual(entry.objects, { application: "Cold chain", server: "SQL01" });
    assert.equal((entry.details as { new: { environment: string } }).new.environment, "production");
  });

  it("rejects a database both included and excluded", async () => {
    const response = await post(assessor, `${base}/servers`, {
      name: "SQL02",
      environment: "non-production",
      connection: connectionId,
      databases: "Sales",
      excludedDatabases: "SALES",
    });

    assert.equal(response.statusCode, 422);
    assert.ok(response.body.includes("database &#39;SALES&#39; is both included and excluded"));
  });

  it("rejects a taken server name", async () => {
    const response = await post(assessor, `${base}/servers`, { name: "sql01", environment: "production", connection: connectionId });

    assert.equal(response.statusCode, 422);
    assert.ok(response.body.includes("already has a server named &#39;sql01&#39;"));
    assert.equal((await lastEntry("application.server.add")).outcome, "failed");
  });

  it("changes a server and audits old and new", async () => {
    const [server] = await model().servers.list(application.key);
    assert.ok(server);
    const form = await get(assessor, `${base}/servers/${server.key}/edit`);
    assert.equal(form.statusCode, 200);
    assertStrictPage(form, "server form");

    const response = await post(assessor, `${base}/servers/${server.key}`, {
      name: "SQL01-PROD",
      environment: "production",
      connection: connectionId,
      databases: "",
      excludedDatabases: "Scratch",
      includeSystemDatabases: "on",
    });

    assert.equal(response.statusCode, 303);
    const [changed] = await model().servers.list(application.key);
    assert.equal(changed?.name, "SQL01-PROD");
    assert.deepEqual(changed?.excludedDatabases, ["Scratch"]);
    assert.equal(changed?.includeSystemDatabases, true);
    const entry = await lastEntry("application.server.change");
    const details = entry.details as { old: { name: string; databases: string[] }; new: { name: string; databases: string[] } };
    assert.equal(details.old.name, "SQL01");
    assert.deepEqual(details.old.databases, ["Sales", "Ops"]);
    assert.equal(details.new.name, "SQL01-PROD");
    assert.deepEqual(details.new.databases, []);
  });

  it("keeps a script folder when renaming", async () => {
    const added = await model().servers.add(
      application.key,
      {
        name: "scripts",
        environment: "non-production",
        source: { kind: "scripts", path: "/srv/kestrel/sql" },
        databases: [],
        excludedDatabases: [],
        includeSystemDatabases: false,
      },
      { actor: "cli", at: new Date() },
    );
    assert.ok(added !== "duplicate");

    const rejected = await post(assessor, `${base}/servers/${added.key}`, {
      name: "scripts",
      environment: "non-production",
      connection: "",
      databases: "Sales",
    });
    assert.equal(rejected.statusCode, 422);
    assert.ok(rejected.body.includes("database lists apply to live servers only"));

    const response = await post(assessor, `${base}/servers/${added.key}`, {
      name: "kestrel-scripts",
      environment: "production",
      connection: "",
    });
    assert.equal(response.statusCode, 303);
    const changed = (await model().servers.list(application.key)).find((s) => s.key === added.key);
    assert.equal(changed?.name, "kestrel-scripts");
    assert.equal(changed?.environment, "production");
    assert.deepEqual(changed?.source, { kind: "scripts", path: "/srv/kestrel/sql" });
  });

  it("denies server changes to a viewer", async () => {
    const response = await post(viewer, `${base}/servers`, { name: "SQL09", environment: "production", connection: connectionId });

    assert.equal(response.statusCode, 403);
    assert.equal(await model().servers.find(application.key, "SQL09"), undefined);
  });

  it("rejects a questionnaire post without CSRF token", async () => {
    const response = await post(assessor, `${base}/questionnaire`, { thirdParty: "yes" }, false);

    assert.equal(response.statusCode, 403);
    assert.equal(await model().questionnaires.get(application.key), undefined);
  });

  it("saves questionnaire answers", async () => {
    const response = await post(assessor, `${base}/questionnaire`, {
      thirdParty: "no",
      codeChangeable: "yes",
      notes: "Owned by the <logistics> team.",
    });

    assert.equal(response.statusCode, 303);
    const answers = await model().questionnaires.get(application.key);
    assert.equal(answers?.thirdParty, false);
    assert.equal(answers?.codeChangeable, true);
    assert.equal(answers?.notes, "Owned by the <logistics> team.");
    assert.equal(answers?.updatedBy, "assessor-user");
    const entry = await lastEntry("application.questionnaire.set");
    assert.deepEqual(entry.details, {
      old: { thirdParty: null, codeChangeable: null, notes: null },
      new: { thirdParty: false, codeChangeable: true, notes: "Owned by the <logistics> team." },
    });
  });

  it("rejects an unknown answer", async () => {
    const response = await post(assessor, `${base}/questionnaire`, { thirdParty: "maybe", codeChangeable: "yes" });

    assert.equal(response.statusCode, 422);
    assert.ok(response.body.includes("invalid answer &#39;maybe&#39;"));
    assert.equal((await model().questionnaires.get(application.key))?.thirdParty, false);
  });

  it("saves metrics entered by hand", async () => {
    await model().metrics.setFromInventory(application.key, "cpu-cores", 16, ["20250101-000000-inv"], { actor: "cli", at: new Date() });

    const response = await post(assessor, `${base}/metrics`, { "memory-mb": "65536", "storage-mb": "524288", "cpu-cores": "" });

    assert.equal(response.statusCode, 303);
    const metrics = new Map((await model().metrics.list(application.key)).map((m) => [m.name, m]));
    assert.equal(metrics.get("memory-mb")?.value, 65536);
    assert.equal(metrics.get("memory-mb")?.origin, "manual");
    assert.equal(metrics.get("cpu-cores")?.origin, "inventory", "an empty field cleared an inventory value");
    const entry = await lastEntry("application.metrics.set");
    assert.deepEqual(entry.details, {
      old: {},
      new: { "memory-mb": { value: 65536, origin: "manual" }, "storage-mb": { value: 524288, origin: "manual" } },
    });
  });

  it("rejects an invalid metric value", async () => {
    const response = await post(assessor, `${base}/metrics`, { "memory-mb": "64 GB" });

    assert.equal(response.statusCode, 422);
    assert.ok(response.body.includes("invalid Memory (MiB) &#39;64 GB&#39;"));
    const metrics = await model().metrics.list(application.key);
    assert.equal(metrics.find((m) => m.name === "memory-mb")?.value, 65536);
  });

  it("clears a metric entered by hand", async () => {
    const response = await post(assessor, `${base}/metrics`, { "memory-mb": "65536", "storage-mb": "" });

    assert.equal(response.statusCode, 303);
    const names = (await model().metrics.list(application.key)).map((m) => m.name);
    assert.deepEqual(names, ["cpu-cores", "memory-mb"]);
    const entry = await lastEntry("application.metrics.set");
    assert.deepEqual(entry.details, {
      old: { "storage-mb": { value: 524288, origin: "manual" } },
      new: { "storage-mb": null },
    });
  });

  it("shows the application to a viewer", async () => {
    const page = await get(viewer, base);

    assert.equal(page.statusCode, 200);
    assertStrictPage(page, "application");
    assert.ok(page.body.includes("SQL01-PROD"));
    assert.ok(page.body.includes("live, saved connection &#39;Kestrel prod&#39;"));
    assert.ok(page.body.includes("script folder /srv/kestrel/sql"));
    assert.ok(page.body.includes("Owned by the &lt;logistics&gt; team."));
    assert.ok(page.body.includes("inventory of 20250101-000000-inv"));
    assert.ok(page.body.includes("entered by hand"));
    assert.ok(page.body.includes(`${base}/report.pdf`));
    assert.ok(!page.body.includes(`action="${base}/metrics"`), "a viewer sees the metrics form");
    assert.ok(!page.body.includes("Add a server"), "a viewer sees the server link");
  });

  it("removes a server", async () => {
    const server = await model().servers.find(application.key, "SQL01-PROD");
    assert.ok(server);

    const response = await post(assessor, `${base}/servers/${server.key}/remove`, {});

    assert.equal(response.statusCode, 303);
    assert.equal(await model().servers.find(application.key, "SQL01-PROD"), undefined);
    const entry = await lastEntry("application.server.remove");
    assert.equal((entry.details as { old: { name: string } }).old.name, "SQL01-PROD");
  });

  it("never shows the saved password", () => {
    for (const text of seen) {
      assert.ok(!text.includes(CANARY_PASSWORD), "a page or audit entry contains the password");
    }
  });
});
