import assert from "node:assert/strict";
import { test } from "node:test";

import { databaseFeaturesPart } from "../../../../src/sources/sqlserver/inventory/database-features.js";
import { DATABASE_PARTS, SERVER_PARTS } from "../../../../src/sources/sqlserver/inventory/index.js";
import { instanceFeaturesPart } from "../../../../src/sources/sqlserver/inventory/instance-features.js";
import { integrationServicesPart } from "../../../../src/sources/sqlserver/inventory/integration-services.js";
import { replicationPart } from "../../../../src/sources/sqlserver/inventory/replication.js";
import { serviceKindOf, servicesPart } from "../../../../src/sources/sqlserver/inventory/services.js";
import { parse } from "../../../../src/tsql/parse.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { RESPONDERS } from "../../../helpers/sqlserver-fixture/responders/index.js";
import { assertNoSecrets, runPart, withView } from "./part-runner.js";

const PARTS = [servicesPart, instanceFeaturesPart, replicationPart, integrationServicesPart, databaseFeaturesPart];

for (const part of PARTS) {
  test(`${part.name} part is registered and its queries parse`, () => {
    const registry = part.scope === "server" ? SERVER_PARTS : DATABASE_PARTS;
    assert.ok(registry.includes(part), `${part.name} is not in the ${part.scope} parts`);

    for (const query of part.queries) {
      const errors = parse(query.text, { file: query.id }).diagnostics.filter((d) => d.severity === "error");
      assert.deepEqual(errors, [], query.id);
      assert.equal(query.scope, part.scope);
      assert.equal(typeof RESPONDERS[query.id], "function", `no responder for ${query.id}`);
      assert.doesNotMatch(query.text, /SELECT\s+\*/i, query.id);
      for (const view of query.reads) {
        assert.ok(query.text.includes(view), `${query.id} declares ${view} but does not read it`);
      }
    }
  });
}

test("services part lists Kestrel's three services", async () => {
  const { items } = await runPart(servicesPart);

  assert.deepEqual(
    items.map((item) => [item["name"], item["kind"], item["startupType"], item["status"]]),
    [
      ["SQL Full-text Filter Daemon Launcher (MSSQLSERVER)", "full-text", "Manual", "Running"],
      ["SQL Server (MSSQLSERVER)", "engine", "Automatic", "Running"],
      ["SQL Server Agent (MSSQLSERVER)", "agent", "Automatic", "Running"],
    ],
  );
  assert.equal(items[2]!["lastStartupAt"], "2025-05-31T22:14:21.000Z");
  assert.equal(items[2]!["isClustered"], false);
  // Service accounts and executable paths are never read.
  assertNoSecrets(items, ["NT Service", "sqlservr.exe"]);
});

test("services part tells service kinds apart by name", () => {
  assert.equal(serviceKindOf("SQL Server (SALES)"), "engine");
  assert.equal(serviceKindOf("SQL Server Agent (SALES)"), "agent");
  assert.equal(serviceKindOf("SQL Server Launchpad (SALES)"), "launchpad");
  assert.equal(serviceKindOf("SQL Full-text Filter Daemon Launcher (SALES)"), "full-text");
  assert.equal(serviceKindOf("SQL Server PolyBase Engine (SALES)"), "other");
});

test("instance-features part reads the SERVERPROPERTY values", async () => {
  const { items } = await runPart(instanceFeaturesPart);

  assert.deepEqual(items, [
    { isAdvancedAnalyticsInstalled: false, filestreamConfiguredLevel: 2, isTempDbMetadataMemoryOptimized: false },
  ]);
});

test("replication part is empty on Kestrel and reads a Distributor", async () => {
  assert.deepEqual((await runPart(replicationPart)).items, []);

  const base = kestrelServer();
  const servers = [
    ...base.views["sys.servers"]!,
    {
      ...base.views["sys.servers"]![0]!,
      server_id: 5,
      name: "repl_distributor",
      data_source: "KESTREL-SQL01",
      is_linked: false,
      is_distributor: true,
    },
  ];
  const { items } = await runPart(replicationPart, { fixture: withView(base, "sys.servers", servers) });

  assert.deepEqual(items, [
    {
      name: "repl_distributor",
      isLocal: false,
      dataSource: "KESTREL-SQL01",
      isPublisher: false,
      isSubscriber: false,
      isDistributor: true,
      isNonSqlSubscriber: false,
    },
  ]);
});

test("integration-services part counts packages by creator", async () => {
  assert.deepEqual((await runPart(integrationServicesPart)).items, []);

  const base = kestrelServer();
  const folders = base.views["msdb.dbo.sysssispackagefolders"]!;
  const collector = folders.find((f) => f["foldername"] === "Data Collector")!["folderid"];
  const plans = folders.find((f) => f["foldername"] === "Maintenance Plans")!["folderid"];
  const packages = [
    { name: "NightlyMaintenance", folderid: plans, packagetype: 6 },
    { name: "WeeklyMaintenance", folderid: plans, packagetype: 6 },
    { name: "PerfCountersCollect", folderid: collector, packagetype: 0 },
    { name: "LoadCarrierRates", folderid: folders[0]!["folderid"], packagetype: 5 },
  ];
  const fixture = withView(base, "msdb.dbo.sysssispackages", packages);
  const { items } = await runPart(integrationServicesPart, { fixture });

  assert.deepEqual(items, [
    { packageType: 0, createdBy: "default", packages: 1, dataCollectorPackages: 1 },
    { packageType: 5, createdBy: "SSIS designer", packages: 1, dataCollectorPackages: 0 },
    { packageType: 6, createdBy: "maintenance plan", packages: 2, dataCollectorPackages: 0 },
  ]);
});

test("database-features part counts per database", async () => {
  const coldChain = await runPart(databaseFeaturesPart, { database: "KestrelColdChain" });
  const archive = await runPart(databaseFeaturesPart, { database: "Archive" });

  assert.deepEqual(coldChain.items, [
    {
      database: "KestrelColdChain",
      changeTrackingTables: 0,
      nativelyCompiledModules: 0,
      filestreamFilegroups: 1,
      memoryOptimizedFilegroups: 1,
      stretchTables: 0,
      externalDataSources: 0,
    },
  ]);
  assert.equal(archive.items[0]!["externalDataSources"], 1);
});
