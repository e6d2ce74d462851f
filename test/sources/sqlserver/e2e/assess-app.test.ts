/**
 * `infio assess --app` end to end. The application has two servers: the
 * Kestrel fixture SQL Server (over TLS, through the real connector) and
 * the Kestrel script folder. The run must give two assessments linked to
 * it, honour the live server's excluded databases, and fill the metrics
 * from the inventory while keeping a value entered by hand.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { applicationModel } from "../../../../src/store/applications-store.js";
import { openStore } from "../../../../src/store/open-store.js";
import type { Metric } from "../../../../src/store/application-model.js";
import type { AssessmentLink } from "../../../../src/store/applications.js";
import { SavedConnections } from "../../../../src/web/connections/saved-connections.js";
import { FIXTURE_LOGIN, type RunningFixtureServer } from "../../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { REPO } from "../../../cli/run-infio.js";
import { addressOf, connectionArgs, LiveWorkspace, startServer } from "./live-harness.js";

/** Saves a console connection to the fixture server, with its password sealed, as the web console does. */
async function saveConsoleConnection(home: string, name: string, server: string, caFile: string): Promise<void> {
  const opened = await openStore("embedded", { dataDir: home });
  if (!opened.ok) {
    throw opened.error;
  }
  const connections = new SavedConnections({ store: opened.store, dataDir: home });
  try {
    await connections.create(
      { name, server, user: FIXTURE_LOGIN.userName, caFile, serverName: "localhost", password: FIXTURE_LOGIN.password },
      "admin",
    );
  } finally {
    connections.close();
    await opened.store.close();
  }
}

/** Reads the stored links, metrics and servers of the application after the runs. */
async function applicationState(home: string, name: string): Promise<{ links: AssessmentLink[]; metrics: Metric[]; servers: Map<number, string> }> {
  const opened = await openStore("embedded", { dataDir: home });
  if (!opened.ok) {
    throw opened.error;
  }
  try {
    const model = applicationModel(opened.store);
    const application = await model.applications.find(name);
    assert.ok(application, `application ${name} is not in the store`);
    const servers = new Map((await model.servers.list(application.key)).map((s) => [s.key, s.name]));
    return {
      links: await model.applications.assessments(application.key),
      metrics: await model.metrics.list(application.key),
      servers,
    };
  } finally {
    await opened.store.close();
  }
}

describe("infio assess --app, end to end", { concurrency: false }, () => {
  const workspace = new LiveWorkspace();
  const scripts = join(REPO, "examples", "kestrel-cold-chain");
  let server: RunningFixtureServer;

  before(async () => {
    server = await startServer(kestrelServer());
    await workspace.prepare(server.certificates.ca);
  });
  after(async () => {
    await server?.close();
    workspace.remove();
  });

  it("sets up a company, an application and two servers", async () => {
    const steps = [
      ["app", "companies", "add", "Kestrel Logistics"],
      ["app", "applications", "add", "Cold Chain", "--company", "Kestrel Logistics"],
      [
        "app", "servers", "add", "Cold Chain", "sql01", "--production",
        ...connectionArgs(server, workspace),
        "--exclude-database", "Archive", "--exclude-database", "KestrelReporting",
        "--exclude-database", "KestrelColdChain_Drill",
      ],
      ["app", "servers", "add", "Cold Chain", "repository", "--non-production", "--scripts", scripts],
      ["app", "metrics", "set", "Cold Chain", "--secondary-replicas", "5"],
    ];
    for (const args of steps) {
      const run = await workspace.infio(args);
      assert.equal(run.code, 0, `${args.join(" ")}\n${run.stderr}`);
    }
  });

  it("assesses both servers into linked assessments", async () => {
    const run = await workspace.infio(["assess", "--app", "cold chain", "--out", join(workspace.root, "report"), "--jobs", "2"]);

    assert.equal(run.code, 0, run.stderr);
    const ids = [...run.stdout.matchAll(/^assessment (\S+)/gm)].map((m) => m[1]!);
    assert.equal(ids.length, 2, run.stdout);
    assert.match(run.stdout, new RegExp(`^report ${join(workspace.root, "report", "sql01")}$`, "m"));
    assert.match(run.stdout, new RegExp(`^report ${join(workspace.root, "report", "repository")}$`, "m"));
    assert.match(run.stderr, /application 'Cold Chain': 2 of 2 server\(s\) assessed/);
    assert.equal(run.stderr.includes("correct horse"), false);

    const state = await applicationState(workspace.home, "Cold Chain");
    assert.deepEqual(state.links.map((l) => l.assessmentId).sort(), [...ids].sort());
    assert.ok(state.links.every((l) => l.status === "complete"));
    const byServer = new Map(state.links.map((l) => [state.servers.get(l.serverKey!), l.assessmentId]));

    const live = await workspace.assessment(byServer.get("sql01")!);
    assert.deepEqual(live.sources, [addressOf(server)]);
    assert.equal(live.live?.server.name, "KESTREL-SQL01");
    assert.ok(live.units.some((u) => u.file.startsWith("KestrelColdChain.")), "no KestrelColdChain module");
    assert.equal(live.units.some((u) => u.file.startsWith("Archive.")), false, "the excluded Archive was read");

    const fromScripts = await workspace.assessment(byServer.get("repository")!);
    assert.deepEqual(fromScripts.sources, [scripts]);
    assert.equal(fromScripts.live, undefined);
    assert.ok(fromScripts.units.length > 10, `only ${fromScripts.units.length} scripts assessed`);
  });

  it("fills the metrics from the inventory and keeps hand-entered ones", async () => {
    const { metrics, links } = await applicationState(workspace.home, "Cold Chain");
    const values = Object.fromEntries(metrics.map((m) => [m.name, [m.value, m.origin]]));

    // KESTREL-SQL01: 8 logical CPUs, 64 GiB, one AG with KESTREL-SQL01 as
    // primary, and the files of KestrelColdChain only, the other user
    // databases being excluded: 512 + 2048 + 1024 + 4096 + 4096 + 2048 MB.
    assert.deepEqual(values, {
      "production-instances": [1, "inventory"],
      "non-production-instances": [0, "inventory"],
      "cpu-cores": [8, "inventory"],
      "memory-mb": [65_536, "inventory"],
      "storage-mb": [13_824, "inventory"],
      "primary-replicas": [1, "inventory"],
      "secondary-replicas": [5, "manual"],
    });
    const liveId = links.find((l) => l.status === "complete" && metrics[0]!.assessments.includes(l.assessmentId));
    assert.ok(liveId, "the metrics name no assessment of the application");
    assert.deepEqual(metrics.find((m) => m.name === "cpu-cores")!.assessments, [liveId.assessmentId]);
  });

  it("assesses a server through a saved console connection", async () => {
    await saveConsoleConnection(workspace.home, "Kestrel primary", addressOf(server), workspace.caFile);
    const steps = [
      ["app", "applications", "add", "Cold Chain Console", "--company", "Kestrel Logistics"],
      [
        "app", "servers", "add", "Cold Chain Console", "primary", "--production",
        "--saved-connection", "kestrel PRIMARY", "--database", "KestrelColdChain",
      ],
    ];
    for (const args of steps) {
      const run = await workspace.infio(args);
      assert.equal(run.code, 0, `${args.join(" ")}\n${run.stderr}`);
    }

    // The password comes from the saved connection, not from the environment.
    const run = await workspace.infio(
      ["assess", "--app", "Cold Chain Console", "--out", join(workspace.root, "report-console"), "--jobs", "2"],
      { INFIO_TEST_SQL_PASSWORD: "" },
    );

    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr.includes(FIXTURE_LOGIN.password), false);
    const { links } = await applicationState(workspace.home, "Cold Chain Console");
    assert.equal(links.length, 1);
    assert.equal(links[0]!.status, "complete");
    const assessed = await workspace.assessment(links[0]!.assessmentId);
    assert.equal(assessed.live?.server.name, "KESTREL-SQL01");
    assert.ok(assessed.units.every((u) => !u.file.startsWith("Archive.")), "a database outside --database was read");
  });

  it("records a server that fails and assesses the others", async () => {
    const run = await workspace.infio(
      ["assess", "--app", "Cold Chain", "--out", join(workspace.root, "report-2"), "--jobs", "2"],
      { INFIO_TEST_SQL_PASSWORD: "" },
    );

    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /server 'sql01' of application 'Cold Chain' failed: .*INFIO_TEST_SQL_PASSWORD/);
    assert.match(run.stderr, /1 of 2 server\(s\) assessed, 1 failed: sql01/);
    const { links, servers } = await applicationState(workspace.home, "Cold Chain");
    assert.equal(links.length, 4);
    const newest = links.slice(0, 2).map((l) => [servers.get(l.serverKey!), l.status]).sort();
    assert.deepEqual(newest, [["repository", "complete"], ["sql01", "failed"]]);
    const failed = (await workspace.listings()).find((l) => l.status === "failed");
    assert.match(failed?.error ?? "", /INFIO_TEST_SQL_PASSWORD/);
  });
});
