/**
 * The availability-groups part: each Always On availability group with
 * its replicas, their current roles and health, its databases and its
 * listeners. Catalog views need VIEW ANY DEFINITION and the replica
 * states VIEW SERVER STATE ("Monitor availability groups", Microsoft
 * Learn), so each query reads views of one permission only.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { guidOf, numberOf } from "./row-numbers.js";
import { flagOf, requiredTextOf, textOf } from "./row-values.js";
import { columnSince, defineVersionedQueries, queryForVersion } from "./versioned.js";

// basic_features, dtc_support, db_failover and is_distributed exist from
// SQL Server 2016; cluster_type_desc and required_synchronized_secondaries_to_commit
// from 2017; is_contained from 2022 ("sys.availability_groups", Microsoft Learn).
const GROUPS = defineVersionedQueries({
  id: "inventory.availability-groups",
  scope: "server",
  versions: [13, 14, 16],
  reads: ["sys.availability_groups", "sys.availability_replicas"],
  permission: "VIEW ANY DEFINITION",
  sql: (version) => `
SELECT
    ag.group_id,
    ag.name AS group_name,
    ${columnSince(version, 14, "ag.cluster_type_desc", "nvarchar(60)")},
    ag.automated_backup_preference_desc,
    ag.failure_condition_level,
    ag.health_check_timeout,
    ag.basic_features,
    ag.dtc_support,
    ag.db_failover,
    ag.is_distributed,
    ${columnSince(
      version,
      14,
      "ag.required_synchronized_secondaries_to_commit",
      "int",
    )},
    ${columnSince(version, 16, "ag.is_contained", "bit")},
    ar.replica_id,
    ar.replica_server_name,
    ar.availability_mode_desc,
    ar.failover_mode_desc,
    ar.seeding_mode_desc,
    ar.primary_role_allow_connections_desc,
    ar.secondary_role_allow_connections_desc
FROM sys.availability_groups AS ag
JOIN sys.availability_replicas AS ar
    ON ar.group_id = ag.group_id
ORDER BY ag.name, ar.replica_server_name;`,
});

const REPLICA_STATES = defineQuery({
  id: "inventory.availability-replica-states",
  scope: "server",
  sql: `
SELECT
    rs.replica_id,
    rs.role_desc,
    rs.operational_state_desc,
    rs.connected_state_desc,
    rs.synchronization_health_desc
FROM sys.dm_hadr_availability_replica_states AS rs;`,
  reads: ["sys.dm_hadr_availability_replica_states"],
  permission: "VIEW SERVER STATE",
});

const GROUP_DATABASES = defineQuery({
  id: "inventory.availability-databases",
  scope: "server",
  sql: `
SELECT
    adc.group_id,
    adc.database_name
FROM sys.availability_databases_cluster AS adc
ORDER BY adc.database_name;`,
  reads: ["sys.availability_databases_cluster"],
  permission: "VIEW ANY DATABASE",
});

const LISTENERS = defineQuery({
  id: "inventory.availability-group-listeners",
  scope: "server",
  sql: `
SELECT
    l.group_id,
    l.dns_name,
    l.port
FROM sys.availability_group_listeners AS l
ORDER BY l.dns_name;`,
  reads: ["sys.availability_group_listeners"],
  permission: "VIEW ANY DEFINITION",
});

export const availabilityGroupsPart: InventoryPart = {
  name: "availability-groups",
  title: "Always On availability groups",
  scope: "server",
  queries: [...GROUPS, REPLICA_STATES, GROUP_DATABASES, LISTENERS],

  async collect(reader, context): Promise<PartResult> {
    const groupRows = await reader.all(queryForVersion(GROUPS, context.majorVersion));
    if (groupRows.length === 0) {
      return { items: [] };
    }

    const states = new Map<string, Row>();
    for (const row of await reader.all(REPLICA_STATES)) {
      states.set(guidOf(row, "replica_id") ?? "", row);
    }
    const databases = groupBy(await reader.all(GROUP_DATABASES), (row) =>
      requiredTextOf(row, "database_name"),
    );
    const listeners = groupBy(await reader.all(LISTENERS), (row) => ({
      dnsName: requiredTextOf(row, "dns_name"),
      port: numberOf(row, "port"),
    }));

    const groups = new Map<string, Record<string, unknown> & { replicas: unknown[] }>();
    for (const row of groupRows) {
      const id = guidOf(row, "group_id") ?? "";
      let group = groups.get(id);
      if (group === undefined) {
        group = {
          ...groupFields(row),
          databases: databases.get(id) ?? [],
          listeners: listeners.get(id) ?? [],
          replicas: [],
        };
        groups.set(id, group);
      }
      group.replicas.push(replicaFields(row, states.get(guidOf(row, "replica_id") ?? "")));
    }

    return { items: [...groups.values()] };
  },
};

function groupFields(row: Row): Record<string, unknown> {
  return {
    name: requiredTextOf(row, "group_name"),
    // WSFC, EXTERNAL (Pacemaker) or NONE (read-scale); NULL before 2017.
    clusterType: textOf(row, "cluster_type_desc"),
    automatedBackupPreference: textOf(row, "automated_backup_preference_desc"),
    failureConditionLevel: numberOf(row, "failure_condition_level"),
    healthCheckTimeoutMs: numberOf(row, "health_check_timeout"),
    isBasic: flagOf(row, "basic_features"),
    dtcSupport: flagOf(row, "dtc_support"),
    databaseLevelHealthDetection: flagOf(row, "db_failover"),
    isDistributed: flagOf(row, "is_distributed"),
    requiredSynchronizedSecondariesToCommit: numberOf(
      row,
      "required_synchronized_secondaries_to_commit",
    ),
    isContained: flagOf(row, "is_contained"),
  };
}

function replicaFields(row: Row, state: Row | undefined): InventoryItem {
  return {
    server: requiredTextOf(row, "replica_server_name"),
    availabilityMode: textOf(row, "availability_mode_desc"),
    failoverMode: textOf(row, "failover_mode_desc"),
    seedingMode: textOf(row, "seeding_mode_desc"),
    primaryRoleConnections: textOf(row, "primary_role_allow_connections_desc"),
    secondaryRoleConnections: textOf(row, "secondary_role_allow_connections_desc"),
    // The DMV has rows only for replicas this instance can see the state of.
    role: state === undefined ? null : textOf(state, "role_desc"),
    operationalState: state === undefined ? null : textOf(state, "operational_state_desc"),
    connectedState: state === undefined ? null : textOf(state, "connected_state_desc"),
    synchronizationHealth:
      state === undefined ? null : textOf(state, "synchronization_health_desc"),
  };
}

function groupBy<T>(rows: readonly Row[], value: (row: Row) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const id = guidOf(row, "group_id") ?? "";
    const list = groups.get(id) ?? [];
    list.push(value(row));
    groups.set(id, list);
  }
  return groups;
}
