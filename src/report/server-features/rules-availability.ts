/**
 * Rules for high availability and for copying changes elsewhere: Always
 * On availability groups, failover cluster instances, log shipping,
 * replication, change data capture and change tracking.
 */

import { databasesOf, isTrue, sumOf } from "./inventory-view.js";
import type { FeatureRule, RuleOutcome } from "./rule.js";

const availabilityGroups: FeatureRule = {
  id: "availability-groups",
  name: "Always On availability groups",
  category: "high availability",
  databaseLevel: false,
  migration:
    "Aurora replicates storage across three Availability Zones; Aurora Replicas and " +
    "Global Database replace secondaries, cluster endpoints replace listeners.",

  evaluate(view): RuleOutcome {
    const hadr = isTrue(view.first("server"), "isHadrEnabled");
    const groups = view.items("availability-groups");
    const replicas = groups.reduce((total, group) => total + arrayLength(group["replicas"]), 0);
    const databases = groups.flatMap((group) =>
      Array.isArray(group["databases"]) ? group["databases"].map(String) : [],
    );
    const counts = { groups: groups.length, replicas, databases: databases.length };
    const evidence = [
      `SERVERPROPERTY('IsHadrEnabled') = ${hadr ? 1 : 0}`,
      `sys.availability_groups: ${groups.length}`,
    ];

    if (groups.length > 0) {
      return { state: "enabled", evidence, counts, databases: [...new Set(databases)].sort() };
    }
    return { state: hadr ? "installed-not-used" : "disabled", evidence, counts };
  },
};

const failoverCluster: FeatureRule = {
  id: "failover-cluster-instance",
  name: "Failover cluster instance",
  category: "high availability",
  databaseLevel: false,
  migration: "Aurora's managed failover to a replica replaces the Windows Server failover cluster.",

  evaluate(view): RuleOutcome {
    const clustered = isTrue(view.first("server"), "isClustered");
    const nodes = view.items("cluster-nodes").filter((node) => node["source"] !== "availability-group-cluster");
    const evidence = [
      `SERVERPROPERTY('IsClustered') = ${clustered ? 1 : 0}`,
      `sys.dm_os_cluster_nodes: ${nodes.length}`,
    ];

    return { state: clustered ? "enabled" : "disabled", evidence, counts: { nodes: nodes.length } };
  },
};

const logShipping: FeatureRule = {
  id: "log-shipping",
  name: "Log shipping",
  category: "high availability",
  databaseLevel: false,
  migration: "Aurora Replicas, Aurora Global Database or AWS DMS replace log backups shipped between servers.",

  evaluate(view): RuleOutcome {
    const entries = view.items("log-shipping");
    const primary = entries.filter((entry) => entry["role"] === "PRIMARY").length;
    const secondary = entries.filter((entry) => entry["role"] === "SECONDARY").length;
    const evidence = [`msdb log shipping tables: ${primary} primary and ${secondary} secondary databases`];

    return {
      state: entries.length > 0 ? "enabled" : "disabled",
      evidence,
      counts: { primaryDatabases: primary, secondaryDatabases: secondary },
      databases: databasesOf(entries),
    };
  },
};

const replication: FeatureRule = {
  id: "replication",
  name: "Replication (snapshot, transactional, merge)",
  category: "replication and change data",
  databaseLevel: true,
  migration:
    "Babelfish does not support SQL Server replication: use PostgreSQL logical replication " +
    "or AWS DMS for ongoing copies.",

  evaluate(view): RuleOutcome {
    const databases = view.items("databases");
    const flag = (field: string) =>
      databases.filter((db) => {
        const replicationFlags = db["replication"] as Record<string, unknown> | undefined;
        return replicationFlags?.[field] === true;
      });
    const published = flag("isPublished");
    const merge = flag("isMergePublished");
    const subscribed = flag("isSubscribed");
    const distribution = flag("isDistributor");
    const servers = view.items("replication");
    const tables = view.items("tables").filter((table) => table["isReplicated"] === true);
    const counts = {
      publishedDatabases: published.length,
      mergePublishedDatabases: merge.length,
      subscribedDatabases: subscribed.length,
      distributionDatabases: distribution.length,
      replicatedTables: tables.length,
      replicationServers: servers.length,
    };
    const evidence = [
      `sys.databases: ${published.length} published, ${merge.length} merge published, ` +
        `${subscribed.length} subscribed, ${distribution.length} distribution`,
      `sys.servers: ${servers.length} Publisher, Subscriber or Distributor entries`,
      `sys.tables: ${tables.length} replicated tables`,
    ];
    const used = [...published, ...merge, ...subscribed, ...distribution].map((db) => String(db["name"]));

    if (used.length > 0 || servers.length > 0 || tables.length > 0) {
      return { state: "enabled", evidence, counts, databases: [...new Set(used)].sort() };
    }
    return { state: "disabled", evidence, counts };
  },
};

const changeDataCapture: FeatureRule = {
  id: "change-data-capture",
  name: "Change data capture",
  category: "replication and change data",
  databaseLevel: true,
  migration:
    "PostgreSQL logical decoding or AWS DMS replace the change tables; AWS DMS can also " +
    "read SQL Server CDC as the source of the migration.",

  evaluate(view): RuleOutcome {
    const databases = view.items("databases").filter((db) => db["isCdcEnabled"] === true);
    const tables = view.items("tables").filter((table) => table["isTrackedByCdc"] === true);
    const evidence = [
      `sys.databases: ${databases.length} with is_cdc_enabled`,
      `sys.tables: ${tables.length} tracked by CDC`,
    ];
    const counts = { databases: databases.length, trackedTables: tables.length };
    const names = databases.map((db) => String(db["name"]));

    if (tables.length > 0) {
      return { state: "enabled", evidence, counts, databases: names };
    }
    return { state: databases.length > 0 ? "installed-not-used" : "disabled", evidence, counts, databases: names };
  },
};

const changeTracking: FeatureRule = {
  id: "change-tracking",
  name: "Change tracking",
  category: "replication and change data",
  databaseLevel: true,
  migration:
    "Babelfish does not support change tracking: use logical decoding, or triggers that " +
    "record changed keys.",

  evaluate(view): RuleOutcome {
    // The databases part sets changeTracking to null when it is off.
    const databases = view
      .items("databases")
      .filter((db) => db["changeTracking"] !== null && db["changeTracking"] !== undefined);
    const tables = sumOf(view.items("database-features"), "changeTrackingTables");
    const evidence = [
      `sys.change_tracking_databases: ${databases.length}`,
      `sys.change_tracking_tables: ${tables}`,
    ];
    const counts = { databases: databases.length, trackedTables: tables };
    const names = databases.map((db) => String(db["name"]));

    if (tables > 0) {
      return { state: "enabled", evidence, counts, databases: names };
    }
    return { state: databases.length > 0 ? "installed-not-used" : "disabled", evidence, counts, databases: names };
  },
};

function arrayLength(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

export const AVAILABILITY_RULES: readonly FeatureRule[] = [
  availabilityGroups,
  failoverCluster,
  logShipping,
  replication,
  changeDataCapture,
  changeTracking,
];
