/**
 * `infio app`: options to behaviour. Runs the commands in-process on an
 * embedded store in a temporary data folder, and checks the store, the
 * output and the audit log.
 */

import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";

import { main } from "../../src/cli/main.js";
import type { AuditEntry } from "../../src/security/audit/entry.js";
import { FileAuditLog } from "../../src/security/audit/file-log.js";
import type { TerminalInput } from "../../src/security/secrets/prompt.js";
import { applicationModel, type ApplicationModel } from "../../src/store/applications-store.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { sampleAssessment } from "../store/sample-assessment.js";
import { tempDir } from "../security/temp-dir.js";
import { captureContext } from "./capture.js";

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly prompts: string;
}

/** Returns a terminal whose user types `answer` and Enter at the first prompt. */
function typingTerminal(answer: string): { input: TerminalInput; output: { write(text: string): void }; written: string[] } {
  const listeners = new Set<(data: string) => void>();
  const written: string[] = [];
  return {
    written,
    output: { write: (text) => written.push(text) },
    input: {
      isTTY: true,
      setEncoding: () => undefined,
      on: (_event, listener) => listeners.add(listener),
      off: (_event, listener) => listeners.delete(listener),
      pause: () => undefined,
      resume: () => setImmediate(() => listeners.forEach((listener) => listener(`${answer}\n`))),
    },
  };
}

describe("infio app", { concurrency: false }, () => {
  let dir: string;
  let dataDir: string;

  async function run(args: string[], answer?: string): Promise<Run> {
    const terminal = answer === undefined ? undefined : typingTerminal(answer);
    const ctx = captureContext({
      cwd: dir,
      homedir: dir,
      env: {},
      ...(terminal === undefined ? {} : { terminal: { input: terminal.input, output: terminal.output } }),
    });
    const code = await main([...args, "--data-dir", dataDir], ctx);
    return { code, out: ctx.out.join(""), err: ctx.err.join(""), prompts: terminal?.written.join("") ?? "" };
  }

  async function ok(args: string[]): Promise<Run> {
    const result = await run(args);
    assert.equal(result.code, 0, `${args.join(" ")}: ${result.err}`);
    return result;
  }

  async function auditEntries(action: string): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for await (const entry of new FileAuditLog(join(dataDir, "audit.jsonl")).entries()) {
      if (entry.action === action) {
        entries.push(entry);
      }
    }
    return entries;
  }

  async function withModel<T>(work: (model: ApplicationModel, store: Store) => Promise<T>): Promise<T> {
    const opened = await openStore("embedded", { dataDir });
    assert.ok(opened.ok);
    try {
      return await work(applicationModel(opened.store), opened.store);
    } finally {
      await opened.store.close();
    }
  }

  /** Saves an assessment and links it to `application`, as `assess --app` does. */
  async function linkedAssessment(id: string, application: string): Promise<void> {
    await withModel(async (model, store) => {
      await store.saveAssessment(sampleAssessment(id));
      const app = await model.applications.find(application);
      assert.ok(app);
      assert.equal(await model.applications.linkAssessment(id, app.key, undefined), true);
    });
  }

  before(async () => {
    dir = await tempDir("infio-app-");
    dataDir = join(dir, "data");
    mkdirSync(join(dir, "sql"));
  });


  it("lists nothing before the store exists", async () => {
    const result = await ok(["app", "companies", "list"]);

    assert.equal(result.out, "");
    assert.match(result.err, /no companies yet/);
    assert.equal(existsSync(join(dataDir, "store")), false, "a read created the store");
  });

  it("adds companies and applications", async () => {
    await ok(["app", "companies", "add", "Acme"]);
    await ok(["app", "companies", "add", "Globex"]);
    await ok(["app", "applications", "add", "Billing", "--company", "acme"]);
    await ok(["app", "applications", "add", "Warehouse", "--company", "Acme"]);

    const companies = JSON.parse((await ok(["app", "companies", "list", "--json"])).out) as { name: string; applications: number }[];
    assert.deepEqual(companies.map((c) => [c.name, c.applications]), [["Acme", 2], ["Globex", 0]]);
    const table = await ok(["app", "applications", "list", "--company", "Acme"]);
    assert.match(table.out, /^NAME +COMPANY +SERVERS +ASSESSMENTS +UPDATED \(UTC\)\nBilling +Acme +0 +0 /);
  });

  it("rejects duplicates and unknown names", async () => {
    const company = await run(["app", "companies", "add", "ACME"]);
    const application = await run(["app", "applications", "add", "billing", "--company", "Globex"]);
    const missing = await run(["app", "applications", "add", "Crm", "--company", "Initech"]);

    assert.equal(company.code, 1);
    assert.match(company.err, /company 'ACME' already exists/);
    assert.equal(application.code, 1);
    assert.match(application.err, /application 'billing' already exists in this or another company/);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /company 'Initech' not found; run 'infio app companies list'/);
    const failed = (await auditEntries("company.add")).at(-1)!;
    assert.equal(failed.outcome, "failed");
  });

  it("audits a rename with the old and new names", async () => {
    await ok(["app", "companies", "rename", "Globex", "Globex Corp"]);
    await ok(["app", "applications", "rename", "Warehouse", "Stock"]);

    const [started, succeeded] = await auditEntries("company.rename");
    assert.equal(started!.outcome, "started");
    assert.deepEqual(succeeded!.details, { old: { name: "Globex" }, new: { name: "Globex Corp" } });
    const renamed = (await auditEntries("application.rename")).at(-1)!;
    assert.deepEqual(renamed.details, { old: { name: "Warehouse" }, new: { name: "Stock" } });
    assert.equal(await withModel((model) => model.applications.find("Warehouse")), undefined);
  });

  it("moves an application to another company", async () => {
    await ok(["app", "applications", "move", "Stock", "--company", "Globex Corp"]);

    const moved = await withModel((model) => model.applications.find("stock"));
    assert.equal(moved?.companyName, "Globex Corp");
    const entry = (await auditEntries("application.move")).at(-1)!;
    assert.deepEqual(entry.details, { old: { company: "Acme" }, new: { company: "Globex Corp" } });
  });

  it("adds, changes, lists and removes servers", async () => {
    await ok([
      "app", "servers", "add", "Billing", "sql01", "--production", "--server", "sql01,1433",
      "--user", "reader", "--password-env", "SQL_PW", "--database", "Billing",
    ]);
    await ok(["app", "servers", "add", "Billing", "repo", "--non-production", "--scripts", "sql"]);
    await ok(["app", "servers", "change", "Billing", "sql01", "--exclude-database", "Scratch", "--tls", "strict"]);

    const servers = JSON.parse((await ok(["app", "servers", "list", "Billing", "--json"])).out) as Record<string, unknown>[];
    assert.deepEqual(servers.map((s) => s.name), ["repo", "sql01"]);
    assert.deepEqual(servers[1]!.connection, { server: "sql01,1433", user: "reader", tls: "strict" });
    assert.deepEqual(servers[1]!.secret, { kind: "env", variable: "SQL_PW" });
    assert.deepEqual(servers[1]!.excludedDatabases, ["Scratch"]);
    const changed = (await auditEntries("application.server.change")).at(-1)!;
    const details = changed.details as { old: { connection: unknown }; new: { connection: unknown; excludedDatabases: unknown } };
    assert.deepEqual(details.old.connection, { server: "sql01,1433", user: "reader" });
    assert.deepEqual(details.new.excludedDatabases, ["Scratch"]);

    await ok(["app", "servers", "add", "Billing", "temp", "--non-production", "--scripts", "sql"]);
    await ok(["app", "servers", "remove", "Billing", "temp"]);
    const missing = await run(["app", "servers", "remove", "Billing", "temp"]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /server 'temp' not found in application 'Billing'/);
  });

  it("saves the questionnaire and audits its answers", async () => {
    await ok(["app", "questionnaire", "set", "Billing", "--third-party", "no", "--notes", "month-end batch"]);
    await ok(["app", "questionnaire", "set", "Billing", "--code-changeable", "yes"]);

    const shown = JSON.parse((await ok(["app", "questionnaire", "show", "Billing", "--json"])).out) as Record<string, unknown>;
    assert.equal(shown.thirdParty, false);
    assert.equal(shown.codeChangeable, true);
    assert.equal(shown.notes, "month-end batch");
    const entry = (await auditEntries("application.questionnaire.set")).at(-1)!;
    assert.deepEqual(entry.details, {
      old: { thirdParty: false, codeChangeable: null, notes: "month-end batch" },
      new: { thirdParty: false, codeChangeable: true, notes: "month-end batch" },
    });
  });

  it("saves hand-entered metrics", async () => {
    await ok(["app", "metrics", "set", "Billing", "--cpu-cores", "16", "--memory", "64GB"]);
    await ok(["app", "metrics", "set", "Billing", "--clear", "cpu-cores"]);

    const shown = JSON.parse((await ok(["app", "metrics", "show", "Billing", "--json"])).out) as { metrics: Record<string, unknown>[] };
    assert.deepEqual(shown.metrics.map((m) => [m.name, m.value, m.origin]), [["memory-mb", 65_536, "manual"]]);
    const text = await ok(["app", "metrics", "show", "Billing"]);
    assert.match(text.out, /^memory-mb: 65536 MiB \(entered by /);
    const entry = (await auditEntries("application.metrics.set")).at(-1)!;
    assert.deepEqual(entry.details, { old: { "cpu-cores": { value: 16, origin: "manual" } }, new: { "cpu-cores": null } });
  });

  it("shows an application with everything it has", async () => {
    await linkedAssessment("billing-1", "Billing");

    const shown = JSON.parse((await ok(["app", "applications", "show", "billing", "--json"])).out) as Record<string, unknown>;
    const text = await ok(["app", "applications", "show", "Billing"]);

    assert.equal(shown.name, "Billing");
    assert.equal(shown.company, "Acme");
    assert.equal((shown.servers as unknown[]).length, 2);
    assert.equal((shown.questionnaire as { notes: string }).notes, "month-end batch");
    assert.deepEqual((shown.assessments as { id: string }[]).map((a) => a.id), ["billing-1"]);
    assert.match(text.out, /^application Billing \(company Acme\)$/m);
    assert.match(text.out, /sql01 \(production\): live sql01,1433 as reader, password from environment variable SQL_PW; databases Billing; excluding Scratch/);
    assert.match(text.out, /code may be changed: yes/);
    assert.match(text.out, /billing-1 complete/);
  });

  it("asks before removing and needs --yes without a terminal", async () => {
    const scripted = await run(["app", "applications", "remove", "Billing"]);
    const declined = await run(["app", "applications", "remove", "Billing"], "no");

    assert.equal(scripted.code, 2);
    assert.match(scripted.err, /remove application 'Billing' with 1 assessment\(s\): standard input is not a terminal.*pass --yes/);
    assert.equal(declined.code, 1);
    assert.match(declined.prompts, /remove application 'Billing' with 1 assessment\(s\)\? Type 'yes' to confirm: /);
    assert.match(declined.err, /not confirmed; nothing was removed/);
    assert.ok(await withModel((model) => model.applications.find("Billing")));
  });

  it("removes an application with its assessments after confirmation", async () => {
    const result = await run(["app", "applications", "remove", "Billing"], "yes");

    assert.equal(result.code, 0, result.err);
    assert.match(result.err, /removed application 'Billing' and 1 assessment\(s\), whose data keys were destroyed/);
    assert.equal(existsSync(join(dataDir, "keys", "billing-1.json")), false);
    await withModel(async (model, store) => {
      assert.equal(await model.applications.find("Billing"), undefined);
      assert.equal(await store.getAssessment("billing-1"), undefined);
    });
    const entry = (await auditEntries("application.remove")).at(-1)!;
    assert.deepEqual(entry.details, { old: { name: "Billing", company: "Acme" }, assessmentsRemoved: ["billing-1"] });
  });

  it("removes a company with its applications and their assessments", async () => {
    await ok(["app", "applications", "add", "Mail", "--company", "Globex Corp"]);
    await linkedAssessment("stock-1", "Stock");
    await linkedAssessment("mail-1", "Mail");
    await withModel((_model, store) => store.saveAssessment(sampleAssessment("other-1")));

    const result = await ok(["app", "companies", "remove", "Globex Corp", "--yes"]);

    assert.match(result.err, /removed company 'Globex Corp', 2 application\(s\) and 2 assessment\(s\)/);
    await withModel(async (model, store) => {
      assert.equal(await model.companies.find("Globex Corp"), undefined);
      assert.equal(await model.applications.find("Mail"), undefined);
      assert.equal(await store.getAssessment("mail-1"), undefined);
      assert.ok(await store.getAssessment("other-1"), "an assessment of no application was removed");
    });
  });

  it("reports an unknown application", async () => {
    const result = await run(["app", "applications", "show", "Nope"]);

    assert.equal(result.code, 1);
    assert.match(result.err, /application 'Nope' not found; run 'infio app applications list'/);
  });
});
