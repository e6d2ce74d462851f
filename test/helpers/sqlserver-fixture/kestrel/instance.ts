/**
 * The instance area of the Kestrel fixture: SERVERPROPERTY values, CPUs
 * and memory, the host, server configuration options and the Always On
 * availability group KestrelAG with two synchronous replicas on the WSFC
 * cluster KESTREL-WSFC. SQL Server 2022 Enterprise on 2 sockets of 4
 * cores and 64 GB; the configuration follows the sp_configure calls in
 * examples/kestrel-cold-chain/51-maintenance.sql and 60-legacy.sql.
 */

import type { SqlValue } from "../../tds-server/index.js";
import type { ViewRows } from "../fixture.js";
import type { FixtureArea } from "./area.js";

const GROUP_ID = "5B6E2C1A-8F3D-4E7B-9A21-3C4D5E6F7A8B";
const PRIMARY_REPLICA_ID = "A1B2C3D4-1111-4A5B-8C9D-0E1F2A3B4C5D";
const SECONDARY_REPLICA_ID = "A1B2C3D4-2222-4A5B-8C9D-0E1F2A3B4C5D";

const STARTED = new Date("2025-05-31T22:14:03.000Z");

/** One row: property names as SERVERPROPERTY takes them. */
const SERVER_PROPERTIES: ViewRows = [
  {
    MachineName: "KESTREL-SQL01",
    ServerName: "KESTREL-SQL01",
    InstanceName: null,
    ProductVersion: "16.0.4135.4",
    ProductLevel: "RTM",
    ProductUpdateLevel: "CU15",
    ProductMajorVersion: "16",
    Edition: "Enterprise Edition: Core-based Licensing (64-bit)",
    EngineEdition: 3,
    Collation: "SQL_Latin1_General_CP1_CI_AS",
    IsClustered: 0,
    IsHadrEnabled: 1,
    IsFullTextInstalled: 1,
    IsIntegratedSecurityOnly: 0,
    IsXTPSupported: 1,
    IsPolyBaseInstalled: 0,
    FilestreamEffectiveLevel: 2,
    FilestreamConfiguredLevel: 2,
    IsAdvancedAnalyticsInstalled: 0,
    IsTempDbMetadataMemoryOptimized: 0,
  },
];

type Configuration = readonly [
  id: number,
  name: string,
  value: number,
  inUse: number,
  min: number,
  max: number,
  dynamic: boolean,
  advanced: boolean,
];

// A subset of the options of SQL Server 2022, with the values the example
// scripts set. 'optimize for ad hoc workloads' was set without RECONFIGURE.
const CONFIGURATIONS: readonly Configuration[] = [
  [101, "recovery interval (min)", 0, 0, 0, 32767, true, true],
  [102, "allow updates", 0, 0, 0, 1, true, false],
  [103, "user connections", 0, 0, 0, 32767, false, true],
  [106, "locks", 0, 0, 5000, 2147483647, false, true],
  [109, "fill factor (%)", 0, 0, 0, 100, false, true],
  [115, "nested triggers", 1, 1, 0, 1, true, false],
  [117, "remote access", 1, 1, 0, 1, false, false],
  [124, "default language", 0, 0, 0, 9999, true, false],
  [400, "cross db ownership chaining", 0, 0, 0, 1, true, false],
  [503, "max worker threads", 0, 0, 128, 65535, true, true],
  [505, "network packet size (B)", 4096, 4096, 512, 32767, true, true],
  [518, "show advanced options", 1, 1, 0, 1, true, false],
  [542, "remote proc trans", 0, 0, 0, 1, true, false],
  [544, "c2 audit mode", 0, 0, 0, 1, false, true],
  [1126, "default full-text language", 1033, 1033, 0, 2147483647, true, true],
  [1127, "two digit year cutoff", 2049, 2049, 1753, 9999, true, true],
  [1517, "priority boost", 0, 0, 0, 1, false, true],
  [1520, "remote query timeout (s)", 600, 600, 0, 2147483647, true, false],
  [1531, "cursor threshold", -1, -1, -1, 2147483647, true, true],
  [1534, "user options", 0, 0, 0, 32767, true, false],
  [1538, "cost threshold for parallelism", 50, 50, 0, 32767, true, true],
  [1539, "max degree of parallelism", 4, 4, 0, 32767, true, true],
  [1543, "min server memory (MB)", 0, 16, 0, 2147483647, true, true],
  [1544, "max server memory (MB)", 57344, 57344, 128, 2147483647, true, true],
  [1546, "lightweight pooling", 0, 0, 0, 1, false, true],
  [1547, "scan for startup procs", 0, 0, 0, 1, false, true],
  [1562, "clr enabled", 1, 1, 0, 1, true, false],
  [1568, "default trace enabled", 1, 1, 0, 1, true, true],
  [1569, "blocked process threshold (s)", 0, 0, 0, 86400, true, true],
  [1576, "remote admin connections", 1, 1, 0, 1, true, false],
  [1577, "common criteria compliance enabled", 0, 0, 0, 1, false, true],
  [1579, "backup compression default", 1, 1, 0, 1, true, false],
  [1580, "filestream access level", 2, 2, 0, 2, true, false],
  [1581, "optimize for ad hoc workloads", 1, 0, 0, 1, true, true],
  [1584, "backup checksum default", 1, 1, 0, 1, true, false],
  [1586, "external scripts enabled", 0, 0, 0, 1, true, false],
  [1587, "clr strict security", 1, 1, 0, 1, true, true],
  [16384, "Agent XPs", 1, 1, 0, 1, true, true],
  [16386, "Database Mail XPs", 1, 1, 0, 1, true, true],
  [16388, "Ole Automation Procedures", 1, 1, 0, 1, true, true],
  [16390, "xp_cmdshell", 1, 1, 0, 1, true, true],
  [16391, "Ad Hoc Distributed Queries", 0, 0, 0, 1, true, true],
  [16393, "contained database authentication", 0, 0, 0, 1, true, false],
  [16399, "polybase enabled", 0, 0, 0, 1, true, false],
];

function configurationRows(): ViewRows {
  return CONFIGURATIONS.map(([id, name, value, inUse, minimum, maximum, dynamic, advanced]) => ({
    configuration_id: id,
    name,
    value,
    minimum,
    maximum,
    value_in_use: inUse,
    description: name,
    is_dynamic: dynamic,
    is_advanced: advanced,
  }));
}

function replica(id: string, server: string, secondaryConnections: string): Record<string, SqlValue> {
  return {
    replica_id: id,
    group_id: GROUP_ID,
    replica_metadata_id: null,
    replica_server_name: server,
    owner_sid: Uint8Array.of(1),
    endpoint_url: `TCP://${server.toLowerCase()}.kestrel.internal:5022`,
    availability_mode: 1,
    availability_mode_desc: "SYNCHRONOUS_COMMIT",
    failover_mode: 0,
    failover_mode_desc: "AUTOMATIC",
    session_timeout: 10,
    primary_role_allow_connections: 2,
    primary_role_allow_connections_desc: "ALL",
    secondary_role_allow_connections: secondaryConnections === "READ_ONLY" ? 1 : 0,
    secondary_role_allow_connections_desc: secondaryConnections,
    create_date: new Date("2023-06-01T08:00:00.000Z"),
    modify_date: new Date("2023-06-01T08:00:00.000Z"),
    backup_priority: 50,
    read_only_routing_url: null,
    seeding_mode: 0,
    seeding_mode_desc: "AUTOMATIC",
    read_write_routing_url: null,
  };
}

/** A member of the WSFC cluster, up, with one quorum vote. */
function clusterMember(name: string, type: number, typeDesc: string): Record<string, SqlValue> {
  return {
    member_name: name,
    member_type: type,
    member_type_desc: typeDesc,
    member_state: 1,
    member_state_desc: "UP",
    number_of_quorum_votes: 1,
  };
}

export const INSTANCE_AREA: FixtureArea = {
  server: {
    serverproperty: SERVER_PROPERTIES,
    "sys.dm_os_sys_info": [
      {
        cpu_count: 8,
        hyperthread_ratio: 4,
        socket_count: 2,
        cores_per_socket: 4,
        numa_node_count: 2,
        physical_memory_kb: 67_108_864,
        virtual_memory_kb: 137_438_953_344,
        committed_kb: 55_574_528,
        committed_target_kb: 58_720_256,
        sqlserver_start_time: STARTED,
        virtual_machine_type_desc: "HYPERVISOR",
        sql_memory_model_desc: "CONVENTIONAL",
      },
    ],
    "sys.dm_os_sys_memory": [
      {
        total_physical_memory_kb: 67_108_864,
        available_physical_memory_kb: 6_291_456,
        system_memory_state_desc: "Available physical memory is high",
      },
    ],
    "sys.dm_os_host_info": [
      {
        host_platform: "Windows",
        host_distribution: "Windows Server 2022 Datacenter",
        host_release: "10.0",
        host_service_pack_level: "",
        host_sku: 8,
        os_language_version: 1033,
        host_architecture: "X64",
      },
    ],
    "sys.dm_os_windows_info": [
      { windows_release: "10.0", windows_service_pack_level: "", windows_sku: 8, os_language_version: 1033 },
    ],
    "sys.configurations": configurationRows(),
    "sys.availability_groups": [
      {
        group_id: GROUP_ID,
        name: "KestrelAG",
        resource_id: "b2c3d4e5-0000-4f00-8000-kestrelag01",
        resource_group_id: "c3d4e5f6-0000-4f00-8000-kestrelag01",
        failure_condition_level: 3,
        health_check_timeout: 30_000,
        automated_backup_preference: 2,
        automated_backup_preference_desc: "secondary",
        version: 1,
        basic_features: false,
        dtc_support: false,
        db_failover: true,
        is_distributed: false,
        cluster_type: 0,
        cluster_type_desc: "wsfc",
        required_synchronized_secondaries_to_commit: 0,
        sequence_number: 4_294_967_301,
        is_contained: false,
      },
    ],
    "sys.availability_replicas": [
      replica(PRIMARY_REPLICA_ID, "KESTREL-SQL01", "NO"),
      replica(SECONDARY_REPLICA_ID, "KESTREL-SQL02", "READ_ONLY"),
    ],
    // operational_state is NULL for a replica that is not local.
    "sys.dm_hadr_availability_replica_states": [
      {
        replica_id: PRIMARY_REPLICA_ID,
        group_id: GROUP_ID,
        is_local: true,
        role: 1,
        role_desc: "PRIMARY",
        operational_state: 2,
        operational_state_desc: "ONLINE",
        connected_state: 1,
        connected_state_desc: "CONNECTED",
        recovery_health: 1,
        recovery_health_desc: "ONLINE",
        synchronization_health: 2,
        synchronization_health_desc: "HEALTHY",
      },
      {
        replica_id: SECONDARY_REPLICA_ID,
        group_id: GROUP_ID,
        is_local: false,
        role: 2,
        role_desc: "SECONDARY",
        operational_state: null,
        operational_state_desc: null,
        connected_state: 1,
        connected_state_desc: "CONNECTED",
        recovery_health: null,
        recovery_health_desc: null,
        synchronization_health: 2,
        synchronization_health_desc: "HEALTHY",
      },
    ],
    "sys.availability_databases_cluster": [
      { group_id: GROUP_ID, group_database_id: "D4E5F6A7-3333-4B5C-9D0E-1F2A3B4C5D6E", database_name: "KestrelColdChain" },
    ],
    "sys.availability_group_listeners": [
      {
        group_id: GROUP_ID,
        listener_id: "kestrel-ag-listener",
        dns_name: "kestrel-ag",
        port: 1433,
        is_conformant: true,
        ip_configuration_string_from_cluster: "('IP Address: 10.20.0.50')",
      },
    ],
    "sys.dm_hadr_cluster": [
      {
        cluster_name: "KESTREL-WSFC",
        quorum_type: 2,
        quorum_type_desc: "NODE_AND_FILE_SHARE_MAJORITY",
        quorum_state: 1,
        quorum_state_desc: "NORMAL_QUORUM",
      },
    ],
    "sys.dm_hadr_cluster_members": [
      clusterMember("KESTREL-SQL01", 0, "CLUSTER_NODE"),
      clusterMember("KESTREL-SQL02", 0, "CLUSTER_NODE"),
      clusterMember("File Share Witness", 2, "FILE_SHARE_WITNESS"),
    ],
    // Not a failover cluster instance: the availability group runs on two standalone instances.
    "sys.dm_os_cluster_nodes": [],
    "msdb.dbo.log_shipping_primary_databases": [],
    "msdb.dbo.log_shipping_secondary_databases": [],
  },
};
