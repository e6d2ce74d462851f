import { test } from "node:test";
import assert from "node:assert/strict";

import { availabilityGroupsPart } from "../../../../src/sources/sqlserver/inventory/availability-groups.js";
import { clusterNodesPart } from "../../../../src/sources/sqlserver/inventory/cluster-nodes.js";
import { logShippingPart } from "../../../../src/sources/sqlserver/inventory/log-shipping.js";
import { kestrelWith, runPart } from "./harness.js";

test("availability group with two replicas", async () => {
  const { items, queryIds } = await runPart(availabilityGroupsPart, { majorVersion: 16 });

  assert.deepEqual(queryIds, [
    "inventory.availability-groups.2022",
    "inventory.availability-replica-states",
    "inventory.availability-databases",
    "inventory.availability-group-listeners",
  ]);
  assert.deepEqual(items, [
    {
      name: "KestrelAG",
      clusterType: "wsfc",
      automatedBackupPreference: "secondary",
      failureConditionLevel: 3,
      healthCheckTimeoutMs: 30000,
      isBasic: false,
      dtcSupport: false,
      databaseLevelHealthDetection: true,
      isDistributed: false,
      requiredSynchronizedSecondariesToCommit: 0,
      isContained: false,
      databases: ["KestrelColdChain"],
      listeners: [{ dnsName: "kestrel-ag", port: 1433 }],
      replicas: [
        {
          server: "KESTREL-SQL01",
          availabilityMode: "SYNCHRONOUS_COMMIT",
          failoverMode: "AUTOMATIC",
          seedingMode: "AUTOMATIC",
          primaryRoleConnections: "ALL",
          secondaryRoleConnections: "NO",
          role: "PRIMARY",
          operationalState: "ONLINE",
          connectedState: "CONNECTED",
          synchronizationHealth: "HEALTHY",
        },
        {
          server: "KESTREL-SQL02",
          availabilityMode: "SYNCHRONOUS_COMMIT",
          failoverMode: "AUTOMATIC",
          seedingMode: "AUTOMATIC",
          primaryRoleConnections: "ALL",
          secondaryRoleConnections: "READ_ONLY",
          role: "SECONDARY",
          operationalState: null,
          connectedState: "CONNECTED",
          synchronizationHealth: "HEALTHY",
        },
      ],
    },
  ]);
});

test("availability groups on SQL Server 2016", async () => {
  const { items, queryIds } = await runPart(availabilityGroupsPart, { majorVersion: 13 });

  assert.equal(queryIds[0], "inventory.availability-groups.2016");
  assert.equal(items[0]?.["clusterType"], null);
  assert.equal(items[0]?.["requiredSynchronizedSecondariesToCommit"], null);
  assert.equal(items[0]?.["isContained"], null);
  assert.equal(items[0]?.["isDistributed"], false);
});

test("availability groups on SQL Server 2017", async () => {
  const { items, queryIds } = await runPart(availabilityGroupsPart, { majorVersion: 14 });

  assert.equal(queryIds[0], "inventory.availability-groups.2017");
  assert.equal(items[0]?.["clusterType"], "wsfc");
  assert.equal(items[0]?.["isContained"], null);
});

test("availability groups absent without HADR", async () => {
  const fixture = kestrelWith({ server: { "sys.availability_groups": [], "sys.availability_replicas": [] } });
  const { items, queryIds } = await runPart(availabilityGroupsPart, { fixture });

  assert.deepEqual(items, []);
  // Nothing else to read once there is no group.
  assert.deepEqual(queryIds, ["inventory.availability-groups.2022"]);
});

test("cluster members of the availability group", async () => {
  const { items, queryIds } = await runPart(clusterNodesPart);

  assert.deepEqual(queryIds, ["inventory.cluster-instance-nodes", "inventory.cluster-members"]);
  assert.deepEqual(
    items.map((item) => [item["name"], item["memberType"], item["state"], item["quorumVotes"]]),
    [
      ["File Share Witness", "FILE_SHARE_WITNESS", "UP", 1],
      ["KESTREL-SQL01", "CLUSTER_NODE", "UP", 1],
      ["KESTREL-SQL02", "CLUSTER_NODE", "UP", 1],
    ],
  );
  for (const item of items) {
    assert.equal(item["source"], "availability-group-cluster");
    assert.equal(item["cluster"], "KESTREL-WSFC");
    assert.equal(item["quorumType"], "NODE_AND_FILE_SHARE_MAJORITY");
  }
});

test("cluster nodes of a failover cluster instance", async () => {
  const fixture = kestrelWith({
    server: {
      "sys.dm_os_cluster_nodes": [
        { NodeName: "KESTREL-N2", status: 0, status_description: "up", is_current_owner: false },
        { NodeName: "KESTREL-N1", status: 0, status_description: "up", is_current_owner: true },
      ],
      "sys.dm_hadr_cluster_members": [],
    },
  });
  const { items } = await runPart(clusterNodesPart, { fixture });

  assert.deepEqual(items, [
    {
      name: "KESTREL-N1",
      source: "failover-cluster-instance",
      cluster: null,
      quorumType: null,
      memberType: "CLUSTER_NODE",
      state: "up",
      quorumVotes: null,
      isCurrentOwner: true,
    },
    {
      name: "KESTREL-N2",
      source: "failover-cluster-instance",
      cluster: null,
      quorumType: null,
      memberType: "CLUSTER_NODE",
      state: "up",
      quorumVotes: null,
      isCurrentOwner: false,
    },
  ]);
});

test("log shipping absent on Kestrel", async () => {
  const { items, queryIds } = await runPart(logShippingPart);

  assert.deepEqual(queryIds, ["inventory.log-shipping"]);
  assert.deepEqual(items, []);
});

test("log shipping primary and secondary", async () => {
  const fixture = kestrelWith({
    server: {
      "msdb.dbo.log_shipping_primary_databases": [
        {
          primary_id: "1F0C2B3A-0000-4000-8000-000000000001",
          primary_database: "Archive",
          last_backup_date: new Date("2025-06-01T04:15:00.000Z"),
        },
      ],
      "msdb.dbo.log_shipping_secondary_databases": [
        {
          secondary_id: "1F0C2B3A-0000-4000-8000-000000000002",
          secondary_database: "KestrelColdChain_Drill",
          last_restored_date: null,
        },
      ],
    },
  });
  const { items } = await runPart(logShippingPart, { fixture });

  assert.deepEqual(items, [
    { database: "Archive", role: "PRIMARY", lastOperationAt: "2025-06-01T04:15:00.000Z" },
    { database: "KestrelColdChain_Drill", role: "SECONDARY", lastOperationAt: null },
  ]);
});
