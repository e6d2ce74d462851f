/**
 * Responders of the services, instance-features, replication,
 * integration-services and database-features parts.
 */

import type { ResultSet } from "../../tds-server/index.js";
import type { ResponderInput, ResponderTable } from "../responder.js";
import { databaseView, isOn, orderBy, resultTable, serverView, type NamedRow } from "./result-table.js";

function serverServices({ server }: ResponderInput): ResultSet {
  return resultTable(
    [
      ["servicename", "nvarchar(256)"],
      ["startup_type_desc", "nvarchar(256)"],
      ["status_desc", "nvarchar(256)"],
      ["process_id", "int"],
      // NOTE: datetimeoffset(7) on SQL Server; the test TDS server has no
      // datetimeoffset, so the fixture sends datetime2.
      ["last_startup_time", "datetime2"],
      ["is_clustered", "nvarchar(1)"],
    ],
    orderBy(serverView(server, "sys.dm_server_services"), "servicename"),
  );
}

function featureProperties({ server }: ResponderInput): ResultSet {
  const property = serverView(server, "serverproperty")[0] ?? {};
  const value = (name: string): unknown => property[name] ?? null;

  return resultTable(
    [
      ["is_advanced_analytics_installed", "int"],
      ["filestream_configured_level", "int"],
      ["is_tempdb_metadata_memory_optimized", "int"],
    ],
    [
      {
        is_advanced_analytics_installed: value("IsAdvancedAnalyticsInstalled"),
        filestream_configured_level: value("FilestreamConfiguredLevel"),
        is_tempdb_metadata_memory_optimized: value("IsTempDbMetadataMemoryOptimized"),
      },
    ],
  );
}

function replicationServers({ server }: ResponderInput): ResultSet {
  const flags = ["is_publisher", "is_subscriber", "is_distributor", "is_nonsql_subscriber"];
  const rows = serverView(server, "sys.servers").filter((s) => flags.some((flag) => isOn(s[flag])));

  return resultTable(
    [
      ["server_id", "int"],
      ["name", "sysname"],
      ["data_source", "nvarchar(4000)"],
      ["is_publisher", "bit"],
      ["is_subscriber", "bit"],
      ["is_distributor", "bit"],
      ["is_nonsql_subscriber", "bit"],
    ],
    orderBy(rows, "server_id"),
  );
}

function ssisPackages({ server }: ResponderInput): ResultSet {
  const folders = serverView(server, "msdb.dbo.sysssispackagefolders");
  const groups = new Map<number, { package_count: number; data_collector_count: number }>();

  for (const row of serverView(server, "msdb.dbo.sysssispackages")) {
    const folder = folders.find((f) => f["folderid"] === row["folderid"]);
    const type = row["packagetype"] as number;
    const group = groups.get(type) ?? { package_count: 0, data_collector_count: 0 };
    group.package_count++;
    group.data_collector_count += folder?.["foldername"] === "Data Collector" ? 1 : 0;
    groups.set(type, group);
  }

  const rows: NamedRow[] = [...groups].map(([packagetype, counts]) => ({ packagetype, ...counts }));
  return resultTable(
    [
      ["packagetype", "int"],
      ["package_count", "int"],
      ["data_collector_count", "int"],
    ],
    orderBy(rows, "packagetype"),
  );
}

function databaseFeatureCounts({ database }: ResponderInput): ResultSet {
  const count = (view: string, keep: (row: NamedRow) => boolean = () => true): number =>
    databaseView(database, view).filter(keep).length;

  return resultTable(
    [
      ["change_tracking_tables", "int"],
      ["natively_compiled_modules", "int"],
      ["filestream_filegroups", "int"],
      ["memory_optimized_filegroups", "int"],
      ["stretch_tables", "int"],
      ["external_data_sources", "int"],
    ],
    [
      {
        change_tracking_tables: count("sys.change_tracking_tables"),
        natively_compiled_modules: count("sys.sql_modules", (m) => isOn(m["uses_native_compilation"])),
        filestream_filegroups: count("sys.filegroups", (fg) => fg["type"] === "FD"),
        memory_optimized_filegroups: count("sys.filegroups", (fg) => fg["type"] === "FX"),
        stretch_tables: count("sys.tables", (t) => isOn(t["is_remote_data_archive_enabled"])),
        external_data_sources: count("sys.external_data_sources"),
      },
    ],
  );
}

export const SERVER_FEATURE_RESPONDERS: ResponderTable = {
  "inventory.server-services": serverServices,
  "inventory.instance-feature-properties": featureProperties,
  "inventory.replication-servers": replicationServers,
  "inventory.ssis-packages": ssisPackages,
  "inventory.database-feature-counts": databaseFeatureCounts,
};
