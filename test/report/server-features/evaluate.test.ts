import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { LiveSource } from "../../../src/assessment/model.js";
import { FEATURE_RULES, serverFeatures, type ServerFeature } from "../../../src/report/server-features/index.js";
import { kestrelServer } from "../../helpers/sqlserver-fixture/kestrel/index.js";
import { kestrelWith } from "../../sources/sqlserver/inventory/harness.js";
import { collectLive } from "./kestrel-live.js";

function featureOf(features: readonly ServerFeature[], id: string): ServerFeature {
  const feature = features.find((f) => f.id === id);
  assert.ok(feature, `no feature '${id}'`);
  return feature;
}

async function kestrelFeatures(live?: LiveSource): Promise<readonly ServerFeature[]> {
  return serverFeatures(live ?? (await collectLive()), "kestrel-1").features;
}

describe("server features of Kestrel", () => {
  it("gives every feature its state", async () => {
    const features = await kestrelFeatures();
    const states = Object.fromEntries(features.map((f) => [f.id, f.state]));

    assert.deepEqual(states, {
      agent: "enabled",
      "database-mail": "enabled",
      "full-text-search": "enabled",
      "machine-learning-services": "disabled",
      polybase: "disabled",
      "integration-services": "unknown",
      "maintenance-plans": "disabled",
      "reporting-services": "unknown",
      "analysis-services": "unknown",
      "linked-servers": "enabled",
      msdtc: "unknown",
      "availability-groups": "enabled",
      "failover-cluster-instance": "disabled",
      "log-shipping": "disabled",
      replication: "disabled",
      "change-data-capture": "installed-not-used",
      "change-tracking": "installed-not-used",
      filestream: "enabled",
      "in-memory-oltp": "enabled",
      columnstore: "enabled",
      "stretch-database": "disabled",
      tde: "enabled",
      "query-store": "enabled",
      clr: "enabled",
      "service-broker": "enabled",
      "windows-authentication": "enabled",
      "xp-cmdshell": "enabled",
      "ole-automation": "enabled",
      "ad-hoc-distributed-queries": "disabled",
    });
    assert.equal(features.length, FEATURE_RULES.length);
  });

  it("counts Agent jobs, operators and alerts", async () => {
    const agent = featureOf(await kestrelFeatures(), "agent");

    assert.deepEqual(agent.counts, { jobs: 5, enabledJobs: 5, operators: 2, alerts: 3 });
    assert.ok(agent.evidence.includes("sys.configurations 'Agent XPs' = 1"));
    assert.ok(agent.evidence.includes("sys.dm_server_services: SQL Server Agent (MSSQLSERVER) Running, Automatic"));
    assert.equal(agent.reason, null);
    assert.match(agent.migration, /pg_cron/);
  });

  it("counts Windows logins without built-in accounts", async () => {
    const windows = featureOf(await kestrelFeatures(), "windows-authentication");

    assert.deepEqual(windows.counts, { windowsLogins: 2, windowsGroups: 3, sqlLogins: 6 });
  });

  it("names the databases of database features", async () => {
    const features = await kestrelFeatures();

    assert.deepEqual(featureOf(features, "change-tracking").databases, ["KestrelColdChain"]);
    assert.deepEqual(featureOf(features, "change-tracking").counts, { databases: 1, trackedTables: 0 });
    assert.deepEqual(featureOf(features, "query-store").databases, ["Archive", "KestrelColdChain"]);
    assert.deepEqual(featureOf(features, "filestream").counts, {
      filestreamColumns: 1,
      fileTables: 0,
      filestreamFilegroups: 1,
    });
    assert.deepEqual(featureOf(features, "polybase").counts, { externalTables: 0, externalDataSources: 1 });
  });

  it("lists skipped databases as gaps of database features", async () => {
    const features = await kestrelFeatures();
    const gaps = featureOf(features, "stretch-database").gaps;

    assert.deepEqual(gaps, [
      "database 'KestrelReporting' was not read: database-unavailable",
      "database 'KestrelColdChain_Drill' was not read: database-unavailable",
    ]);
    assert.deepEqual(featureOf(features, "agent").gaps, []);
  });

  it("explains why services outside the engine are unknown", async () => {
    const features = await kestrelFeatures();

    assert.match(featureOf(features, "analysis-services").reason ?? "", /no Database Engine view lists/);
    assert.match(featureOf(features, "integration-services").reason ?? "", /file system are not visible from T-SQL/);
    assert.match(featureOf(features, "reporting-services").reason ?? "", /catalog on another instance/);
  });
});

describe("server features with parts unread", () => {
  it("makes a negative answer unknown when a view is denied", async () => {
    const fixture = { ...kestrelServer(), faults: { deniedViews: ["sys.dm_server_services"] } };
    const features = await kestrelFeatures(await collectLive(fixture));
    const ml = featureOf(features, "machine-learning-services");

    assert.equal(ml.state, "unknown");
    assert.match(ml.reason ?? "", /^cannot tell whether it is disabled: cannot read part 'services'/);
    assert.match(ml.reason ?? "", /sys\.dm_server_services/);
  });

  it("keeps a use that was seen, with the gap", async () => {
    const fixture = { ...kestrelServer(), faults: { deniedViews: ["sys.dm_server_services"] } };
    const agent = featureOf(await kestrelFeatures(await collectLive(fixture)), "agent");

    assert.equal(agent.state, "enabled");
    assert.equal(agent.reason, null);
    assert.equal(agent.gaps.length, 1);
    assert.match(agent.gaps[0]!, /cannot read part 'services'/);
  });

  it("makes database features unknown when one database fails", async () => {
    const fixture = { ...kestrelServer(), faults: { deniedViewsByDatabase: { Archive: ["sys.filegroups"] } } };
    const features = await kestrelFeatures(await collectLive(fixture));
    const stretch = featureOf(features, "stretch-database");

    assert.equal(stretch.state, "unknown");
    assert.match(stretch.reason ?? "", /part 'database-features' of database 'Archive'/);
    assert.equal(featureOf(features, "in-memory-oltp").state, "enabled");
  });

  it("quotes the permission the login lacks", async () => {
    const live = await collectLive();
    const lacks =
      "login 'infio_reader' lacks VIEW SERVER STATE on 'KESTREL-SQL01', so these parts will be " +
      "incomplete: host, services; grant it or create a login with `infio grant-script`";
    const permissions = live.inventory["permissions"]!.map((item) =>
      item["scope"] === "server" ? { ...item, incompleteParts: ["host", "services"] } : item,
    );
    const limited: LiveSource = {
      ...live,
      inventory: { ...live.inventory, permissions, services: [] },
      problems: [...live.problems, { part: "permissions", reason: "permission-missing", message: lacks }],
    };
    const ml = featureOf(await kestrelFeatures(limited), "machine-learning-services");

    assert.equal(ml.state, "unknown");
    assert.equal(ml.reason, `cannot tell whether it is disabled: ${lacks}`);
  });

  it("says when a part is missing from an older assessment", async () => {
    const live = await collectLive();
    const { services: _dropped, ...inventory } = live.inventory;
    const ml = featureOf(await kestrelFeatures({ ...live, inventory }), "machine-learning-services");

    assert.equal(ml.state, "unknown");
    assert.match(ml.reason ?? "", /part 'services' is not in this assessment/);
  });
});

describe("server features of other servers", () => {
  it("reads replication from the databases", async () => {
    const base = kestrelServer();
    const databases = base.views["sys.databases"]!.map((db) =>
      db["name"] === "Archive" ? { ...db, is_published: true } : db,
    );
    const fixture = kestrelWith({ server: { "sys.databases": databases } });
    const replication = featureOf(await kestrelFeatures(await collectLive(fixture)), "replication");

    assert.equal(replication.state, "enabled");
    assert.deepEqual(replication.databases, ["Archive"]);
    assert.equal(replication.counts["publishedDatabases"], 1);
  });

  it("reads Machine Learning Services from the Launchpad", async () => {
    const base = kestrelServer();
    const launchpad = {
      ...base.views["sys.dm_server_services"]![0]!,
      servicename: "SQL Server Launchpad (MSSQLSERVER)",
    };
    const fixture = kestrelWith({
      server: { "sys.dm_server_services": [...base.views["sys.dm_server_services"]!, launchpad] },
    });
    const ml = featureOf(await kestrelFeatures(await collectLive(fixture)), "machine-learning-services");

    assert.equal(ml.state, "installed-not-used");
    assert.ok(ml.evidence.includes("sys.dm_server_services: SQL Server Launchpad (MSSQLSERVER) Running, Automatic"));
  });

  it("finds a report server catalog by its database", async () => {
    const base = kestrelServer();
    const archive = base.views["sys.databases"]!.find((db) => db["name"] === "Archive")!;
    // OFFLINE, so the collector lists it but reads nothing in it.
    const reportServer = { ...archive, name: "ReportServer", database_id: 40, state: 6, state_desc: "OFFLINE" };
    const fixture = {
      ...kestrelWith({ server: { "sys.databases": [...base.views["sys.databases"]!, reportServer] } }),
      databases: [...base.databases, { name: "ReportServer", views: {} }],
    };
    const ssrs = featureOf(await kestrelFeatures(await collectLive(fixture)), "reporting-services");

    assert.equal(ssrs.state, "enabled");
    assert.deepEqual(ssrs.databases, ["ReportServer"]);
  });
});
