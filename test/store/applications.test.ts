/**
 * The application model in the store (companies, applications, servers,
 * questionnaires, metrics and assessment links), run against embedded
 * PGlite and against a PostgreSQL server.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import type { Application, Company, ServerFields } from "../../src/store/application-model.js";
import { checkModelName } from "../../src/store/application-model.js";
import {
  applicationModel,
  removeApplication,
  removeCompany,
  type ApplicationModel,
} from "../../src/store/applications-store.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { serverTestsSkipped, startPostgresCluster, type PostgresCluster } from "../helpers/postgres-cluster.js";
import { sampleAssessment } from "./sample-assessment.js";

const CHANGE = { actor: "alice", at: new Date("2030-01-02T03:04:05.000Z") };
const LATER = { actor: "bob", at: new Date("2030-02-03T04:05:06.000Z") };

const LIVE: ServerFields = {
  name: "sql01",
  environment: "production",
  source: {
    kind: "live",
    connection: { server: "sql01.corp.example,1433", user: "infio_reader", tlsCa: "/etc/infio/ca.pem" },
    secret: { kind: "env", variable: "INFIO_SQL_PASSWORD" },
  },
  databases: ["Billing"],
  excludedDatabases: ["Scratch"],
  includeSystemDatabases: false,
};

const SCRIPTS: ServerFields = {
  name: "scripts",
  environment: "non-production",
  source: { kind: "scripts", path: "/srv/billing/sql" },
  databases: [],
  excludedDatabases: [],
  includeSystemDatabases: false,
};

function added<T>(value: T | "duplicate"): T {
  assert.notEqual(value, "duplicate");
  return value as T;
}

function describeModel(label: string, open: () => Promise<{ store: Store; dataDir: string }>): void {
  describe(`${label} application model`, () => {
    let store: Store;
    let dataDir: string;
    let model: ApplicationModel;
    let acme: Company;
    let billing: Application;

    before(async () => {
      ({ store, dataDir } = await open());
      model = applicationModel(store);
      acme = added(await model.companies.add("Acme", CHANGE));
      billing = added(await model.applications.add(acme.key, "Billing", CHANGE));
    });

    after(async () => {
      await store?.close();
    });

    it("stores a company with its stamps", async () => {
      const found = await model.companies.find("ACME");

      assert.ok(found);
      assert.equal(found.key, acme.key);
      assert.equal(found.name, "Acme");
      assert.equal(found.createdBy, "alice");
      assert.equal(found.createdAt.toISOString(), CHANGE.at.toISOString());
    });

    it("rejects a company name taken in another case", async () => {
      assert.equal(await model.companies.add("acme", CHANGE), "duplicate");
    });

    it("rejects an application name taken in another company", async () => {
      const other = added(await model.companies.add("Globex", CHANGE));

      assert.equal(await model.applications.add(other.key, "BILLING", CHANGE), "duplicate");
    });

    it("lists a company's several applications", async () => {
      added(await model.applications.add(acme.key, "Warehouse", CHANGE));
      added(await model.applications.add(acme.key, "crm", CHANGE));

      const names = (await model.applications.list(acme.key)).map((a) => a.name);

      assert.deepEqual(names, ["Billing", "crm", "Warehouse"]);
      assert.ok((await model.applications.list()).length >= 3);
    });

    it("renames a company and an application", async () => {
      const company = added(await model.companies.add("Initech", CHANGE));
      const app = added(await model.applications.add(company.key, "Payroll", CHANGE));

      const renamedCompany = await model.companies.rename(company.key, "Initech Ltd", LATER);
      const renamedApp = await model.applications.rename(app.key, "Payroll 2", LATER);

      assert.ok(typeof renamedCompany === "object");
      assert.equal(renamedCompany.name, "Initech Ltd");
      assert.equal(renamedCompany.updatedBy, "bob");
      assert.ok(typeof renamedApp === "object");
      assert.equal(renamedApp.name, "Payroll 2");
      assert.equal(renamedApp.companyName, "Initech Ltd");
      assert.equal(await model.applications.find("Payroll"), undefined);
      assert.equal(await model.applications.rename(app.key, "billing", LATER), "duplicate");
      assert.equal(await model.companies.rename(company.key, "ACME", LATER), "duplicate");
      assert.equal(await model.applications.rename(999_999, "x", LATER), "not-found");
    });

    it("moves an application to another company", async () => {
      const from = added(await model.companies.add("Umbrella", CHANGE));
      const to = added(await model.companies.add("Umbrella Two", CHANGE));
      const app = added(await model.applications.add(from.key, "Labs", CHANGE));

      const moved = await model.applications.move(app.key, to.key, LATER);

      assert.ok(typeof moved === "object");
      assert.equal(moved.companyKey, to.key);
      assert.equal(moved.companyName, "Umbrella Two");
      assert.deepEqual(await model.applications.list(from.key), []);
    });

    it("stores live and script servers", async () => {
      const live = added(await model.servers.add(billing.key, LIVE, CHANGE));
      added(await model.servers.add(billing.key, SCRIPTS, CHANGE));

      const servers = await model.servers.list(billing.key);

      assert.deepEqual(servers.map((s) => s.name), ["scripts", "sql01"]);
      const found = await model.servers.find(billing.key, "SQL01");
      assert.ok(found);
      assert.equal(found.key, live.key);
      assert.deepEqual(found.source, LIVE.source);
      assert.deepEqual(found.databases, ["Billing"]);
      assert.deepEqual(found.excludedDatabases, ["Scratch"]);
      assert.equal(found.environment, "production");
      assert.deepEqual(servers[0]!.source, SCRIPTS.source);
      assert.equal(servers[0]!.environment, "non-production");
    });

    it("rejects a server name taken in the application", async () => {
      assert.equal(await model.servers.add(billing.key, { ...SCRIPTS, name: "SCRIPTS" }, CHANGE), "duplicate");
    });

    it("changes a server's fields", async () => {
      const server = (await model.servers.find(billing.key, "sql01"))!;

      const changed = await model.servers.update(
        server.key,
        { ...LIVE, name: "sql01-prod", includeSystemDatabases: true, databases: [] },
        LATER,
      );

      assert.ok(typeof changed === "object");
      assert.equal(changed.name, "sql01-prod");
      assert.equal(changed.includeSystemDatabases, true);
      assert.deepEqual(changed.databases, []);
      assert.equal(changed.updatedBy, "bob");
      assert.equal(await model.servers.update(server.key, { ...LIVE, name: "scripts" }, LATER), "duplicate");
    });

    it("rejects a live server without its secret", async () => {
      const broken = { ...LIVE, name: "broken", source: { kind: "live", connection: {} } } as unknown as ServerFields;
      await assert.rejects(model.servers.add(billing.key, broken, CHANGE), /cannot add server 'broken'/);
    });

    it("keeps questionnaire answers", async () => {
      assert.equal(await model.questionnaires.get(billing.key), undefined);

      await model.questionnaires.set(billing.key, { thirdParty: true, codeChangeable: undefined, notes: "vendor" }, CHANGE);
      await model.questionnaires.set(billing.key, { thirdParty: true, codeChangeable: false, notes: "vendor ERP" }, LATER);

      const answers = await model.questionnaires.get(billing.key);
      assert.ok(answers);
      assert.equal(answers.thirdParty, true);
      assert.equal(answers.codeChangeable, false);
      assert.equal(answers.notes, "vendor ERP");
      assert.equal(answers.updatedBy, "bob");
    });

    it("never replaces a hand-entered metric with an inventory one", async () => {
      await model.metrics.setManual(billing.key, "cpu-cores", 16, CHANGE);

      const replaced = await model.metrics.setFromInventory(billing.key, "cpu-cores", 8, ["a1"], LATER);
      const filled = await model.metrics.setFromInventory(billing.key, "memory-mb", 65536, ["a1"], LATER);

      assert.equal(replaced, false);
      assert.equal(filled, true);
      const metrics = await model.metrics.list(billing.key);
      assert.deepEqual(
        metrics.map((m) => [m.name, m.value, m.origin, [...m.assessments]]),
        [
          ["cpu-cores", 16, "manual", []],
          ["memory-mb", 65536, "inventory", ["a1"]],
        ],
      );
    });

    it("lets the inventory fill a cleared metric", async () => {
      assert.equal(await model.metrics.clear(billing.key, "cpu-cores"), true);

      assert.equal(await model.metrics.setFromInventory(billing.key, "cpu-cores", 8, ["a2"], LATER), true);
      const cores = (await model.metrics.list(billing.key)).find((m) => m.name === "cpu-cores");
      assert.equal(cores?.origin, "inventory");
      assert.equal(cores?.value, 8);
    });

    it("removes an application with its assessments and their keys", async () => {
      const app = added(await model.applications.add(acme.key, "Ledger", CHANGE));
      const server = added(await model.servers.add(app.key, SCRIPTS, CHANGE));
      await store.saveAssessment(sampleAssessment("ledger-1"));
      await store.saveAssessment(sampleAssessment("ledger-2"));
      await store.saveAssessment(sampleAssessment("unlinked-1"));
      assert.equal(await model.applications.linkAssessment("ledger-1", app.key, server.key), true);
      assert.equal(await model.applications.linkAssessment("ledger-2", app.key, undefined), true);
      assert.equal(await model.applications.linkAssessment("missing", app.key, undefined), false);
      await model.metrics.setManual(app.key, "storage-mb", 10, CHANGE);
      const links = await model.applications.assessments(app.key);
      assert.deepEqual(links.map((l) => l.assessmentId).sort(), ["ledger-1", "ledger-2"]);
      assert.equal(links.find((l) => l.assessmentId === "ledger-1")?.serverKey, server.key);

      const result = await removeApplication(store, app.key);

      assert.deepEqual(result.removed && [...result.assessments].sort(), ["ledger-1", "ledger-2"]);
      assert.equal(await model.applications.find("Ledger"), undefined);
      assert.equal(await store.getAssessment("ledger-1"), undefined);
      assert.equal(existsSync(join(dataDir, "keys", "ledger-1.json")), false);
      assert.ok(await store.getAssessment("unlinked-1"));
      assert.deepEqual(await model.metrics.list(app.key), []);
      assert.deepEqual(await model.servers.list(app.key), []);
    });

    it("keeps assessments when their server is removed", async () => {
      const app = added(await model.applications.add(acme.key, "Shipping", CHANGE));
      const server = added(await model.servers.add(app.key, SCRIPTS, CHANGE));
      await store.saveAssessment(sampleAssessment("shipping-1"));
      await model.applications.linkAssessment("shipping-1", app.key, server.key);

      assert.equal(await model.servers.delete(server.key), true);

      const links = await model.applications.assessments(app.key);
      assert.deepEqual(links.map((l) => [l.assessmentId, l.serverKey]), [["shipping-1", undefined]]);
    });

    it("rejects deleting an application row that still has assessments", async () => {
      const app = (await model.applications.find("Shipping"))!;

      await assert.rejects(model.applications.delete(app.key), /cannot delete application/);
    });

    it("removes a company with several applications", async () => {
      const company = added(await model.companies.add("Hooli", CHANGE));
      const mail = added(await model.applications.add(company.key, "Mail", CHANGE));
      const search = added(await model.applications.add(company.key, "Search", CHANGE));
      await store.saveAssessment(sampleAssessment("mail-1"));
      await store.saveAssessment(sampleAssessment("search-1"));
      await model.applications.linkAssessment("mail-1", mail.key, undefined);
      await model.applications.linkAssessment("search-1", search.key, undefined);

      const result = await removeCompany(store, company.key);

      assert.equal(result.removed, true);
      assert.deepEqual(result.removed && [...result.applications], ["Mail", "Search"]);
      assert.deepEqual(result.removed && [...result.assessments].sort(), ["mail-1", "search-1"]);
      assert.equal(await model.companies.find("Hooli"), undefined);
      assert.equal(await store.getAssessment("search-1"), undefined);
      assert.deepEqual(await removeCompany(store, company.key), { removed: false, reason: "not-found" });
    });
  });
}

describe("model names", () => {
  it("accepts a plain name", () => {
    assert.equal(checkModelName("application", "Billing (EU)"), undefined);
  });

  it("rejects blank, padded, long and control names", () => {
    assert.match(checkModelName("company", " ") ?? "", /invalid company name ''/);
    assert.match(checkModelName("company", " Acme") ?? "", /remove the spaces/);
    assert.match(checkModelName("company", "x".repeat(129)) ?? "", /at most 128 characters/);
    assert.match(checkModelName("server", "a\u001b[31m") ?? "", /control characters/);
  });
});

const roots: string[] = [];
after(() => {
  for (const root of roots) {
    rmSync(root, { recursive: true, force: true });
  }
});

function newDataDir(): string {
  const root = mkdtempSync(join(tmpdir(), "infio-applications-"));
  roots.push(root);
  return join(root, "data");
}

async function opened(spec: string): Promise<{ store: Store; dataDir: string }> {
  const dataDir = newDataDir();
  const result = await openStore(spec, { dataDir });
  if (!result.ok) {
    throw result.error;
  }
  return { store: result.store, dataDir };
}

describeModel("embedded", () => opened("embedded"));

describe("application model without a store", () => {
  it("rejects --store none", async () => {
    const { store } = await opened("none");
    assert.throws(() => applicationModel(store), /--store none keeps no companies or applications/);
  });
});

if (serverTestsSkipped()) {
  it("server application model", { skip: "INFIO_SKIP_SERVER_TESTS=1 is set" });
} else {
  let cluster: PostgresCluster | undefined;
  after(async () => {
    await cluster?.stop();
  });
  describeModel("server", async () => {
    cluster = await startPostgresCluster();
    return opened(await cluster.createDatabase("applications"));
  });
}
