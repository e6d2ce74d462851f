/**
 * Responders of the server, host, configuration, availability group,
 * cluster and log shipping queries, over the fixture's server-scope views.
 */

import type { ResultSet } from "../../tds-server/index.js";
import type { ResponderInput, ResponderTable } from "../responder.js";
import { compareValues, orderBy, resultTable, serverView, type NamedRow } from "./result-table.js";

function serverProperties({ server }: ResponderInput): ResultSet {
  const property = serverView(server, "serverproperty")[0] ?? {};
  const value = (name: string): unknown => property[name] ?? null;

  return resultTable(
    [
      ["server_name", "nvarchar(128)"],
      ["machine_name", "nvarchar(128)"],
      ["instance_name", "nvarchar(128)"],
      ["product_version", "nvarchar(128)"],
      ["product_level", "nvarchar(128)"],
      ["product_update_level", "nvarchar(128)"],
      ["edition", "nvarchar(128)"],
      ["engine_edition", "int"],
      ["collation", "nvarchar(128)"],
      ["is_clustered", "int"],
      ["is_hadr_enabled", "int"],
      ["is_full_text_installed", "int"],
      ["is_integrated_security_only", "int"],
      ["is_xtp_supported", "int"],
      ["is_polybase_installed", "int"],
      ["filestream_effective_level", "int"],
    ],
    [
      {
        // @@SERVERNAME
        server_name: server.name,
        machine_name: value("MachineName"),
        instance_name: value("InstanceName"),
        product_version: value("ProductVersion"),
        product_level: value("ProductLevel"),
        product_update_level: value("ProductUpdateLevel"),
        edition: value("Edition"),
        engine_edition: value("EngineEdition"),
        collation: value("Collation"),
        is_clustered: value("IsClustered"),
        is_hadr_enabled: value("IsHadrEnabled"),
        is_full_text_installed: value("IsFullTextInstalled"),
        is_integrated_security_only: value("IsIntegratedSecurityOnly"),
        is_xtp_supported: value("IsXTPSupported"),
        is_polybase_installed: value("IsPolyBaseInstalled"),
        filestream_effective_level: value("FilestreamEffectiveLevel"),
      },
    ],
  );
}

/** Columns a query variant of an older version returns as NULL. */
function since(version: number, first: number, value: unknown): unknown {
  return version >= first ? (value ?? null) : null;
}

function hostResources(version: number) {
  return ({ server }: ResponderInput): ResultSet => {
    const rows: NamedRow[] = [];
    for (const info of serverView(server, "sys.dm_os_sys_info")) {
      for (const memory of serverView(server, "sys.dm_os_sys_memory")) {
        rows.push({
          cpu_count: info["cpu_count"],
          hyperthread_ratio: info["hyperthread_ratio"],
          socket_count: since(version, 14, info["socket_count"]),
          cores_per_socket: since(version, 14, info["cores_per_socket"]),
          numa_node_count: since(version, 14, info["numa_node_count"]),
          physical_memory_kb: info["physical_memory_kb"],
          committed_target_kb: info["committed_target_kb"],
          sql_memory_model_desc: since(version, 14, info["sql_memory_model_desc"]),
          virtual_machine_type_desc: info["virtual_machine_type_desc"],
          sqlserver_start_time: info["sqlserver_start_time"],
          total_physical_memory_kb: memory["total_physical_memory_kb"],
          available_physical_memory_kb: memory["available_physical_memory_kb"],
          system_memory_state_desc: memory["system_memory_state_desc"],
        });
      }
    }
    return resultTable(
      [
        ["cpu_count", "int"],
        ["hyperthread_ratio", "int"],
        ["socket_count", "int"],
        ["cores_per_socket", "int"],
        ["numa_node_count", "int"],
        ["physical_memory_kb", "bigint"],
        ["committed_target_kb", "bigint"],
        ["sql_memory_model_desc", "nvarchar(120)"],
        ["virtual_machine_type_desc", "nvarchar(60)"],
        ["sqlserver_start_time", "datetime"],
        ["total_physical_memory_kb", "bigint"],
        ["available_physical_memory_kb", "bigint"],
        ["system_memory_state_desc", "nvarchar(256)"],
      ],
      rows,
    );
  };
}

const HOST_OS_COLUMNS = [
  ["host_platform", "nvarchar(256)"],
  ["host_distribution", "nvarchar(256)"],
  ["host_release", "nvarchar(256)"],
  ["host_service_pack_level", "nvarchar(256)"],
  ["host_sku", "int"],
  ["os_language_version", "int"],
] as const;

function hostInfo({ server }: ResponderInput): ResultSet {
  return resultTable(HOST_OS_COLUMNS, serverView(server, "sys.dm_os_host_info"));
}

function windowsInfo({ server }: ResponderInput): ResultSet {
  const rows = serverView(server, "sys.dm_os_windows_info").map((w) => ({
    host_platform: "Windows",
    host_distribution: null,
    host_release: w["windows_release"],
    host_service_pack_level: w["windows_service_pack_level"],
    host_sku: w["windows_sku"],
    os_language_version: w["os_language_version"],
  }));
  return resultTable(HOST_OS_COLUMNS, rows);
}

function configurations({ server }: ResponderInput): ResultSet {
  return resultTable(
    [
      ["configuration_id", "int"],
      ["name", "nvarchar(35)"],
      ["value", "bigint"],
      ["value_in_use", "bigint"],
      ["minimum", "bigint"],
      ["maximum", "bigint"],
      ["is_dynamic", "bit"],
      ["is_advanced", "bit"],
    ],
    orderBy(serverView(server, "sys.configurations"), "configuration_id"),
  );
}

function availabilityGroups(version: number) {
  return ({ server }: ResponderInput): ResultSet => {
    const rows: NamedRow[] = [];
    for (const group of serverView(server, "sys.availability_groups")) {
      for (const replica of serverView(server, "sys.availability_replicas")) {
        if (!sameGuid(replica["group_id"], group["group_id"])) {
          continue;
        }
        rows.push({
          group_id: group["group_id"],
          group_name: group["name"],
          cluster_type_desc: since(version, 14, group["cluster_type_desc"]),
          automated_backup_preference_desc: group["automated_backup_preference_desc"],
          failure_condition_level: group["failure_condition_level"],
          health_check_timeout: group["health_check_timeout"],
          basic_features: group["basic_features"],
          dtc_support: group["dtc_support"],
          db_failover: group["db_failover"],
          is_distributed: group["is_distributed"],
          required_synchronized_secondaries_to_commit: since(
            version,
            14,
            group["required_synchronized_secondaries_to_commit"],
          ),
          is_contained: since(version, 16, group["is_contained"]),
          replica_id: replica["replica_id"],
          replica_server_name: replica["replica_server_name"],
          availability_mode_desc: replica["availability_mode_desc"],
          failover_mode_desc: replica["failover_mode_desc"],
          seeding_mode_desc: replica["seeding_mode_desc"],
          primary_role_allow_connections_desc: replica["primary_role_allow_connections_desc"],
          secondary_role_allow_connections_desc: replica["secondary_role_allow_connections_desc"],
        });
      }
    }
    return resultTable(
      [
        ["group_id", "uniqueidentifier"],
        ["group_name", "nvarchar(128)"],
        ["cluster_type_desc", "nvarchar(60)"],
        ["automated_backup_preference_desc", "nvarchar(60)"],
        ["failure_condition_level", "int"],
        ["health_check_timeout", "int"],
        ["basic_features", "bit"],
        ["dtc_support", "bit"],
        ["db_failover", "bit"],
        ["is_distributed", "bit"],
        ["required_synchronized_secondaries_to_commit", "int"],
        ["is_contained", "bit"],
        ["replica_id", "uniqueidentifier"],
        ["replica_server_name", "nvarchar(256)"],
        ["availability_mode_desc", "nvarchar(60)"],
        ["failover_mode_desc", "nvarchar(60)"],
        ["seeding_mode_desc", "nvarchar(60)"],
        ["primary_role_allow_connections_desc", "nvarchar(60)"],
        ["secondary_role_allow_connections_desc", "nvarchar(60)"],
      ],
      orderBy(rows, "group_name", "replica_server_name"),
    );
  };
}

function sameGuid(a: unknown, b: unknown): boolean {
  return typeof a === "string" && typeof b === "string" && a.toUpperCase() === b.toUpperCase();
}

function replicaStates({ server }: ResponderInput): ResultSet {
  return resultTable(
    [
      ["replica_id", "uniqueidentifier"],
      ["role_desc", "nvarchar(60)"],
      ["operational_state_desc", "nvarchar(60)"],
      ["connected_state_desc", "nvarchar(60)"],
      ["synchronization_health_desc", "nvarchar(60)"],
    ],
    serverView(server, "sys.dm_hadr_availability_replica_states"),
  );
}

function availabilityDatabases({ server }: ResponderInput): ResultSet {
  return resultTable(
    [
      ["group_id", "uniqueidentifier"],
      ["database_name", "nvarchar(128)"],
    ],
    orderBy(serverView(server, "sys.availability_databases_cluster"), "database_name"),
  );
}

function listeners({ server }: ResponderInput): ResultSet {
  return resultTable(
    [
      ["group_id", "uniqueidentifier"],
      ["dns_name", "nvarchar(63)"],
      ["port", "int"],
    ],
    orderBy(serverView(server, "sys.availability_group_listeners"), "dns_name"),
  );
}

function clusterInstanceNodes({ server }: ResponderInput): ResultSet {
  return resultTable(
    [
      ["NodeName", "nvarchar(128)"],
      ["status_description", "nvarchar(20)"],
      ["is_current_owner", "bit"],
    ],
    orderBy(serverView(server, "sys.dm_os_cluster_nodes"), "NodeName"),
  );
}

function clusterMembers({ server }: ResponderInput): ResultSet {
  const rows: NamedRow[] = [];
  for (const member of serverView(server, "sys.dm_hadr_cluster_members")) {
    for (const cluster of serverView(server, "sys.dm_hadr_cluster")) {
      rows.push({ ...member, cluster_name: cluster["cluster_name"], quorum_type_desc: cluster["quorum_type_desc"] });
    }
  }
  return resultTable(
    [
      ["cluster_name", "nvarchar(128)"],
      ["quorum_type_desc", "nvarchar(50)"],
      ["member_name", "nvarchar(128)"],
      ["member_type_desc", "nvarchar(50)"],
      ["member_state_desc", "nvarchar(60)"],
      ["number_of_quorum_votes", "int"],
    ],
    orderBy(rows, "member_name"),
  );
}

function logShipping({ server }: ResponderInput): ResultSet {
  const rows: NamedRow[] = [
    ...serverView(server, "msdb.dbo.log_shipping_primary_databases").map((p) => ({
      role: "PRIMARY",
      database_name: p["primary_database"],
      last_operation_date: p["last_backup_date"] ?? null,
    })),
    ...serverView(server, "msdb.dbo.log_shipping_secondary_databases").map((s) => ({
      role: "SECONDARY",
      database_name: s["secondary_database"],
      last_operation_date: s["last_restored_date"] ?? null,
    })),
  ];
  rows.sort((a, b) => compareValues(a["database_name"], b["database_name"]) || compareValues(a["role"], b["role"]));
  return resultTable(
    [
      ["role", "nvarchar(9)"],
      ["database_name", "nvarchar(128)"],
      ["last_operation_date", "datetime"],
    ],
    rows,
  );
}

export const INSTANCE_RESPONDERS: ResponderTable = {
  "inventory.server-properties": serverProperties,
  "inventory.host-resources.2016": hostResources(13),
  "inventory.host-resources.2017": hostResources(14),
  "inventory.host-os.2016": windowsInfo,
  "inventory.host-os.2017": hostInfo,
  "inventory.configurations": configurations,
  "inventory.availability-groups.2016": availabilityGroups(13),
  "inventory.availability-groups.2017": availabilityGroups(14),
  "inventory.availability-groups.2022": availabilityGroups(16),
  "inventory.availability-replica-states": replicaStates,
  "inventory.availability-databases": availabilityDatabases,
  "inventory.availability-group-listeners": listeners,
  "inventory.cluster-instance-nodes": clusterInstanceNodes,
  "inventory.cluster-members": clusterMembers,
  "inventory.log-shipping": logShipping,
};
