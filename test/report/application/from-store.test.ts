/**
 * The application and company report inputs gathered from an embedded
 * store: which assessment each server contributes, the problem of a server
 * without one, the questionnaire, the metrics and the target.
 */

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import {
  chooseAssessments,
  listingsById,
  newestTarget,
  readApplicationInput,
} from "../../../src/report/application/from-store.js";
import { chooseCompanyAssessments, readCompanyReport } from "../../../src/report/company/from-store.js";
import type { Application, Company, ServerFields } from "../../../src/store/application-model.js";
import { applicationModel, type ApplicationModel } from "../../../src/store/applications-store.js";
import { openStore } from "../../../src/store/open-store.js";
import type { Store } from "../../../src/store/store.js";
import { sampleAssessment } from "../../store/sample-assessment.js";

const CHANGE = { actor: "alice", at: new Date("2030-01-02T03:04:05.000Z") };

function scriptServer(name: string, environment: ServerFields["environment"]): ServerFields {
  return {
    name,
    environment,
    source: { kind: "scripts", path: `/srv/${name}` },
    databases: [],
    excludedDatabases: [],
    includeSystemDatabases: false,
  };
}

function added<T>(value: T | "duplicate"): T {
  assert.notEqual(value, "duplicate");
  return value as T;
}

describe("report inputs from the store", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "infio-report-from-store-"));
  let store: Store;
  let model: ApplicationModel;
  let company: Company;
  let billing: Application;

  before(async () => {
    const opened = await openStore("embedded", { dataDir });
    if (!opened.ok) {
      throw opened.error;
    }
    store = opened.store;
    model = applicationModel(store);
    company = added(await model.companies.add("Acme", CHANGE));
    billing = added(await model.applications.add(company.key, "Billing", CHANGE));
    added(await model.applications.add(company.key, "Archive", CHANGE));

    // "main" has a complete assessment and a newer failed one; "spare" only
    // a failed one; "new" none.
    const main = added(await model.servers.add(billing.key, scriptServer("main", "production"), CHANGE));
    const spare = added(await model.servers.add(billing.key, scriptServer("spare", "non-production"), CHANGE));
    added(await model.servers.add(billing.key, scriptServer("new", "non-production"), CHANGE));

    await store.saveAssessment(sampleAssessment("main-1", "2030-01-03T00:00:00.000Z"));
    await failedAssessment("main-2", "2030-01-04T00:00:00.000Z", "the folder was gone");
    await failedAssessment("spare-1", "2030-01-02T00:00:00.000Z", "permission denied on '/srv/spare'");
    assert.ok(await model.applications.linkAssessment("main-1", billing.key, main.key));
    assert.ok(await model.applications.linkAssessment("main-2", billing.key, main.key));
    assert.ok(await model.applications.linkAssessment("spare-1", billing.key, spare.key));

    await model.questionnaires.set(billing.key, { thirdParty: false, codeChangeable: undefined, notes: "Month-end batch" }, CHANGE);
    await model.metrics.setManual(billing.key, "memory-mb", 65_536, CHANGE);
    await model.metrics.setFromInventory(billing.key, "cpu-cores", 8, ["main-1"], CHANGE);
  });

  after(async () => {
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function failedAssessment(id: string, startedAt: string, reason: string): Promise<void> {
    const writer = await store.beginAssessment({ id, startedAt, infioVersion: "0.1.0", target: "postgresql@17", sources: ["/srv"] });
    await writer.fail(reason);
  }

  it("chooses the newest complete assessment of each server", async () => {
    const choice = await chooseAssessments(model, billing, await listingsById(store));
    const byName = new Map(choice.servers.map((s) => [s.server.name, s]));

    assert.equal(choice.linked, 3);
    assert.equal(byName.get("main")?.chosen?.id, "main-1");
    assert.equal(byName.get("main")?.newerRun?.id, "main-2");
    assert.equal(byName.get("spare")?.chosen, undefined);
    assert.match(byName.get("spare")?.problem ?? "", /^Its assessment spare-1 of 2030-01-02 00:00 UTC failed: permission denied on '\/srv\/spare'$/);
    assert.equal(byName.get("new")?.problem, "No assessment yet; run 'infio assess --app Billing'.");
  });

  it("takes the target of the newest complete assessment", async () => {
    const choice = await chooseAssessments(model, billing, await listingsById(store));

    assert.equal(newestTarget([choice]), "babelfish@5.5");
  });

  it("falls back to the target of a failed run", async () => {
    const choice = await chooseAssessments(model, billing, await listingsById(store));
    const failedOnly = { ...choice, servers: choice.servers.filter((s) => s.server.name === "spare") };

    assert.equal(newestTarget([failedOnly]), "postgresql@17");
    assert.equal(newestTarget([]), undefined);
  });

  it("reads the input with questionnaire and metrics", async () => {
    const choice = await chooseAssessments(model, billing, await listingsById(store));
    const input = await readApplicationInput(store, model, choice, { target: "babelfish@5.5", generatedAt: "2030-02-01T00:00:00.000Z" });

    assert.equal(input.companyName, "Acme");
    assert.equal(input.applicationName, "Billing");
    assert.deepEqual(
      input.servers.map((s) => [s.name, s.environment, s.source, s.assessment?.id ?? null, s.problem === undefined]),
      [
        ["main", "production", "scripts", "main-1", true],
        ["new", "non-production", "scripts", null, false],
        ["spare", "non-production", "scripts", null, false],
      ],
    );
    assert.deepEqual(
      input.questionnaire.map((q) => [q.id, q.answer]),
      [
        ["thirdPartyProduct", "no"],
        ["codeMayBeChanged", "unknown"],
        ["notes", "Month-end batch"],
      ],
    );
    assert.deepEqual(input.metrics, [
      { name: "CPU cores", value: 8, unit: "cores", origin: "inventory" },
      { name: "Memory", value: 65_536, unit: "MiB", origin: "manual" },
    ]);
  });

  it("builds the company report with an unassessed application", async () => {
    const choices = await chooseCompanyAssessments(model, company, await listingsById(store));
    const read: [string, readonly string[]][] = [];
    const report = await readCompanyReport(
      store,
      model,
      company,
      choices,
      { target: "babelfish@5.5", generatedAt: "2030-02-01T00:00:00.000Z" },
      (application, ids) => read.push([application, ids]),
    );

    assert.deepEqual(read, [
      ["Archive", []],
      ["Billing", ["main-1"]],
    ]);
    assert.equal(report.companyName, "Acme");
    assert.deepEqual(report.applications.map((a) => [a.name, a.wave.rule]), [
      ["Billing", "changeabilityUnknown"],
      ["Archive", "notAssessed"],
    ]);
    assert.equal(report.totals.applications, 2);
    assert.equal(report.totals.servers, 3);
  });
});
