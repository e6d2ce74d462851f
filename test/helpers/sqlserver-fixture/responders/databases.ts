/**
 * Responders of the databases, database files, TDE and Query Store
 * queries: sys.databases and the views joined to it in master, and
 * sys.database_query_store_options of the connection's database.
 */

import type { ResultSet } from "../../tds-server/index.js";
import type { FixtureServer } from "../fixture.js";
import type { ResponderInput, ResponderTable } from "../responder.js";
import { databaseView, loginNameOf, orderBy, resultTable, sameBytes, serverView, type NamedRow } from "./result-table.js";

/** DB_NAME(database_id), or NULL for an unknown id. */
function databaseName(server: FixtureServer, databaseId: unknown): string | null {
  const row = serverView(server, "sys.databases").find((d) => d["database_id"] === databaseId);
  return row === undefined ? null : (row["name"] as string);
}

/**
 * SUSER_SNAME(sid): the login with the SID, else 'sa' for 0x01, the fixed
 * SID of sa, when the fixture has no server principals; NULL otherwise.
 */
function ownerName(server: FixtureServer, sid: unknown): string | null {
  return loginNameOf(server, sid) ?? (sameBytes(sid, Uint8Array.of(1)) ? "sa" : null);
}

function since(version: number, first: number, value: unknown): unknown {
  return version >= first ? (value ?? null) : null;
}

function databases(version: number) {
  return ({ server }: ResponderInput): ResultSet => {
    const tracking = serverView(server, "sys.change_tracking_databases");
    const rows = serverView(server, "sys.databases").map((d): NamedRow => {
      const ct = tracking.find((t) => t["database_id"] === d["database_id"]);
      return {
        ...d,
        // A row may carry has_dbaccess, the value HAS_DBACCESS returns for
        // it; otherwise a database that is not online cannot be opened.
        has_db_access: d["has_dbaccess"] ?? (d["state_desc"] === "ONLINE" ? 1 : 0),
        source_database_name: d["source_database_id"] === null ? null : databaseName(server, d["source_database_id"]),
        owner_name: ownerName(server, d["owner_sid"]),
        is_availability_database: d["replica_id"] !== null && d["replica_id"] !== undefined,
        is_accelerated_database_recovery_on: since(version, 15, d["is_accelerated_database_recovery_on"]),
        is_ledger_on: since(version, 16, d["is_ledger_on"]),
        change_tracking_auto_cleanup: ct?.["is_auto_cleanup_on"] ?? null,
        change_tracking_retention_period: ct?.["retention_period"] ?? null,
        change_tracking_retention_units: ct?.["retention_period_units_desc"] ?? null,
      };
    });

    return resultTable(
      [
        ["name", "nvarchar(128)"],
        ["database_id", "int"],
        ["state_desc", "nvarchar(60)"],
        ["user_access_desc", "nvarchar(60)"],
        ["is_read_only", "bit"],
        ["is_in_standby", "bit"],
        ["has_db_access", "int"],
        ["source_database_name", "nvarchar(128)"],
        ["recovery_model_desc", "nvarchar(60)"],
        ["compatibility_level", "tinyint"],
        ["collation_name", "nvarchar(128)"],
        ["containment_desc", "nvarchar(60)"],
        ["owner_name", "nvarchar(128)"],
        ["create_date", "datetime"],
        ["is_encrypted", "bit"],
        ["is_cdc_enabled", "bit"],
        ["is_published", "bit"],
        ["is_subscribed", "bit"],
        ["is_merge_published", "bit"],
        ["is_distributor", "bit"],
        ["is_query_store_on", "bit"],
        ["snapshot_isolation_state_desc", "nvarchar(60)"],
        ["is_read_committed_snapshot_on", "bit"],
        ["is_broker_enabled", "bit"],
        ["is_trustworthy_on", "bit"],
        ["is_db_chaining_on", "bit"],
        ["is_auto_close_on", "bit"],
        ["is_auto_shrink_on", "bit"],
        ["is_parameterization_forced", "bit"],
        ["page_verify_option_desc", "nvarchar(60)"],
        ["delayed_durability_desc", "nvarchar(60)"],
        ["is_availability_database", "bit"],
        ["is_accelerated_database_recovery_on", "bit"],
        ["is_ledger_on", "bit"],
        ["change_tracking_auto_cleanup", "bit"],
        ["change_tracking_retention_period", "int"],
        ["change_tracking_retention_units", "nvarchar(60)"],
      ],
      orderBy(rows, "database_id"),
    );
  };
}

function databaseFiles({ server }: ResponderInput): ResultSet {
  const rows = serverView(server, "sys.master_files").map((f) => ({
    ...f,
    database_name: databaseName(server, f["database_id"]),
  }));
  return resultTable(
    [
      ["database_name", "nvarchar(128)"],
      ["file_id", "int"],
      ["name", "nvarchar(128)"],
      ["type_desc", "nvarchar(60)"],
      ["data_space_id", "int"],
      ["state_desc", "nvarchar(60)"],
      ["size", "int"],
      ["max_size", "int"],
      ["growth", "int"],
      ["is_percent_growth", "bit"],
      ["is_read_only", "bit"],
    ],
    orderBy(rows, "database_id", "file_id"),
  );
}

function encryptionKeys({ server }: ResponderInput): ResultSet {
  const rows = serverView(server, "sys.dm_database_encryption_keys").map((k) => ({
    ...k,
    database_name: databaseName(server, k["database_id"]),
  }));
  return resultTable(
    [
      ["database_name", "nvarchar(128)"],
      ["encryption_state", "int"],
      ["key_algorithm", "nvarchar(32)"],
      ["key_length", "int"],
      ["encryptor_type", "nvarchar(32)"],
      ["percent_complete", "real"],
    ],
    orderBy(rows, "database_id"),
  );
}

function queryStore(version: number) {
  return ({ database }: ResponderInput): ResultSet => {
    const rows = databaseView(database, "sys.database_query_store_options").map((q) => ({
      ...q,
      wait_stats_capture_mode_desc: since(version, 14, q["wait_stats_capture_mode_desc"]),
    }));
    return resultTable(
      [
        ["desired_state_desc", "nvarchar(60)"],
        ["actual_state_desc", "nvarchar(60)"],
        ["readonly_reason", "int"],
        ["current_storage_size_mb", "bigint"],
        ["max_storage_size_mb", "bigint"],
        ["query_capture_mode_desc", "nvarchar(60)"],
        ["size_based_cleanup_mode_desc", "nvarchar(60)"],
        ["stale_query_threshold_days", "bigint"],
        ["wait_stats_capture_mode_desc", "nvarchar(60)"],
      ],
      rows,
    );
  };
}

export const DATABASE_RESPONDERS: ResponderTable = {
  "inventory.databases.2016": databases(13),
  "inventory.databases.2019": databases(15),
  "inventory.databases.2022": databases(16),
  "inventory.database-files": databaseFiles,
  "inventory.database-encryption-keys": encryptionKeys,
  "inventory.query-store.2016": queryStore(13),
  "inventory.query-store.2017": queryStore(14),
};
