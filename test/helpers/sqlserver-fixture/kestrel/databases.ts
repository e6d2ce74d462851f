/**
 * The databases area of the Kestrel fixture. sys.databases lists the
 * system databases, KestrelColdChain (in the availability group, with
 * change tracking and Query Store, after examples/kestrel-cold-chain/
 * 01-create-database.sql), Archive (read-only, encrypted with TDE), an
 * OFFLINE and a RESTORING database. Their files are in sys.master_files,
 * with the TDE keys and each online database's Query Store options.
 */

import type { SqlValue } from "../../tds-server/index.js";
import type { CatalogViews, ViewRows } from "../fixture.js";
import type { FixtureArea } from "./area.js";

type Row = Record<string, SqlValue>;

const SA = Uint8Array.of(1);
/** A Windows SID that matches no login: the owner of a database restored from another server. */
const ORPHAN_SID = Buffer.from("010500000000000515000000" + "1a2b3c4d5e6f708192a3b4c5" + "e9030000", "hex");
const SERVER_COLLATION = "SQL_Latin1_General_CP1_CI_AS";

interface DatabaseSpec {
  readonly name: string;
  readonly id: number;
  readonly created: string;
  readonly state?: "ONLINE" | "OFFLINE" | "RESTORING";
  readonly owner?: Uint8Array;
  readonly collation?: string;
  readonly recovery?: "FULL" | "SIMPLE" | "BULK_LOGGED";
  readonly options?: Row;
}

const STATES: Readonly<Record<string, number>> = { ONLINE: 0, RESTORING: 1, OFFLINE: 6 };
const RECOVERY: Readonly<Record<string, number>> = { FULL: 1, BULK_LOGGED: 2, SIMPLE: 3 };

function database(spec: DatabaseSpec): Row {
  const state = spec.state ?? "ONLINE";
  const recovery = spec.recovery ?? "FULL";
  const online = state === "ONLINE";

  return {
    name: spec.name,
    database_id: spec.id,
    source_database_id: null,
    owner_sid: spec.owner ?? SA,
    create_date: new Date(spec.created),
    compatibility_level: 160,
    // NULL for a database that is not online ("sys.databases", Microsoft Learn).
    collation_name: online ? (spec.collation ?? SERVER_COLLATION) : null,
    user_access: 0,
    user_access_desc: "MULTI_USER",
    is_read_only: false,
    is_auto_close_on: false,
    is_auto_shrink_on: false,
    state: STATES[state] ?? 0,
    state_desc: state,
    is_in_standby: false,
    snapshot_isolation_state: 0,
    snapshot_isolation_state_desc: "OFF",
    is_read_committed_snapshot_on: false,
    recovery_model: RECOVERY[recovery] ?? 1,
    recovery_model_desc: recovery,
    page_verify_option: 2,
    page_verify_option_desc: "CHECKSUM",
    is_fulltext_enabled: true,
    is_trustworthy_on: false,
    is_db_chaining_on: false,
    is_parameterization_forced: false,
    is_published: false,
    is_subscribed: false,
    is_merge_published: false,
    is_distributor: false,
    is_broker_enabled: false,
    is_cdc_enabled: false,
    is_encrypted: false,
    is_query_store_on: false,
    replica_id: null,
    group_database_id: null,
    containment: 0,
    containment_desc: "NONE",
    delayed_durability: 0,
    delayed_durability_desc: "DISABLED",
    is_memory_optimized_enabled: true,
    is_accelerated_database_recovery_on: false,
    is_ledger_on: false,
    ...spec.options,
  };
}

const DATABASES: ViewRows = [
  database({
    name: "master",
    id: 1,
    created: "2003-04-08T09:13:36.000Z",
    recovery: "SIMPLE",
    options: { compatibility_level: 160, is_db_chaining_on: true },
  }),
  database({
    name: "tempdb",
    id: 2,
    created: "2025-05-31T22:14:05.000Z",
    recovery: "SIMPLE",
    // tempdb is encrypted as soon as one database uses TDE.
    options: { is_encrypted: true, is_db_chaining_on: true },
  }),
  database({ name: "model", id: 3, created: "2003-04-08T09:13:36.000Z" }),
  database({
    name: "msdb",
    id: 4,
    created: "2022-10-08T06:31:57.000Z",
    recovery: "SIMPLE",
    options: { is_broker_enabled: true, is_trustworthy_on: true },
  }),
  database({
    name: "KestrelColdChain",
    id: 5,
    created: "2023-05-14T09:00:00.000Z",
    collation: "Latin1_General_100_CI_AS_SC",
    options: {
      snapshot_isolation_state: 1,
      snapshot_isolation_state_desc: "ON",
      is_read_committed_snapshot_on: true,
      is_broker_enabled: true,
      is_query_store_on: true,
      is_accelerated_database_recovery_on: true,
      // Change data capture feeds the reporting warehouse.
      is_cdc_enabled: true,
      replica_id: "A1B2C3D4-1111-4A5B-8C9D-0E1F2A3B4C5D",
      group_database_id: "D4E5F6A7-3333-4B5C-9D0E-1F2A3B4C5D6E",
    },
  }),
  database({
    name: "Archive",
    id: 6,
    created: "2021-01-10T07:00:00.000Z",
    recovery: "SIMPLE",
    options: { is_read_only: true, is_encrypted: true, is_query_store_on: true },
  }),
  database({ name: "KestrelReporting", id: 7, created: "2022-03-01T12:00:00.000Z", state: "OFFLINE" }),
  // The restore drill of 51-maintenance.sql, left WITH NORECOVERY.
  database({
    name: "KestrelColdChain_Drill",
    id: 8,
    created: "2025-05-30T03:00:00.000Z",
    state: "RESTORING",
    owner: ORPHAN_SID,
  }),
];

/**
 * The names of the Kestrel server's databases, in sys.databases order:
 * the one list the fixture builds its databases from.
 */
export const KESTREL_DATABASES: readonly string[] = DATABASES.map((row) => String(row["name"]));

/** max_size of a file set to UNLIMITED: -1, or 2 TB for a log file. */
const MAX_SIZES: Readonly<Record<string, number>> = { unlimited: -1, "log-limit": 268_435_456 };
const FILE_TYPES = { ROWS: 0, LOG: 1, FILESTREAM: 2 } as const;

/** Writes one sys.master_files row, with sizes given in MB turned into 8-KB pages. */
function file(
  databaseId: number,
  fileId: number,
  name: string,
  type: "ROWS" | "LOG" | "FILESTREAM",
  dataSpaceId: number,
  sizeMb: number,
  maxSizeMb: number | "unlimited" | "log-limit",
  growth: number | `${number}%`,
  state = "ONLINE",
): Row {
  const percent = typeof growth === "string";
  const maxPages = MAX_SIZES[String(maxSizeMb)] ?? Number(maxSizeMb) * 128;
  return {
    database_id: databaseId,
    file_id: fileId,
    file_guid: null,
    type: FILE_TYPES[type],
    type_desc: type,
    data_space_id: dataSpaceId,
    name,
    state: STATES[state] ?? 0,
    state_desc: state,
    size: sizeMb * 128,
    max_size: type === "FILESTREAM" ? -1 : maxPages,
    growth: percent ? Number(growth.slice(0, -1)) : growth * 128,
    is_media_read_only: false,
    is_read_only: false,
    is_sparse: false,
    is_percent_growth: percent,
  };
}

const TEMPDB_DATA_FILES = Array.from({ length: 8 }, (_, position) =>
  file(2, position === 0 ? 1 : position + 2, position === 0 ? "tempdev" : `temp${position + 1}`, "ROWS", 1, 1024, "unlimited", 512),
);

const MASTER_FILES: ViewRows = [
  file(1, 1, "master", "ROWS", 1, 6, "unlimited", "10%"),
  file(1, 2, "mastlog", "LOG", 0, 2, "unlimited", "10%"),
  ...TEMPDB_DATA_FILES.slice(0, 1),
  file(2, 2, "templog", "LOG", 0, 512, "unlimited", 256),
  ...TEMPDB_DATA_FILES.slice(1),
  file(3, 1, "modeldev", "ROWS", 1, 8, "unlimited", 64),
  file(3, 2, "modellog", "LOG", 0, 8, "unlimited", 64),
  file(4, 1, "MSDBData", "ROWS", 1, 512, "unlimited", "10%"),
  file(4, 2, "MSDBLog", "LOG", 0, 128, "log-limit", "10%"),
  // 01-create-database.sql, plus the FILESTREAM and memory-optimized containers.
  file(5, 1, "KestrelColdChain", "ROWS", 1, 512, "unlimited", 256),
  file(5, 2, "KestrelColdChain_log", "LOG", 0, 2048, "log-limit", 512),
  file(5, 3, "KestrelColdChain_Ops01", "ROWS", 2, 1024, "unlimited", 512),
  file(5, 4, "KestrelColdChain_Tel01", "ROWS", 3, 4096, "unlimited", 1024),
  file(5, 5, "KestrelColdChain_Tel02", "ROWS", 3, 4096, "unlimited", 1024),
  file(5, 6, "KestrelColdChain_Arc01", "ROWS", 4, 2048, 204_800, 1024),
  file(5, 65537, "KestrelColdChain_Documents", "FILESTREAM", 5, 0, "unlimited", 0),
  file(5, 65538, "KestrelColdChain_InMemory", "FILESTREAM", 6, 0, "unlimited", 0),
  file(6, 1, "Archive", "ROWS", 1, 10_240, "unlimited", 1024),
  file(6, 2, "Archive_log", "LOG", 0, 1024, "log-limit", "10%"),
  file(7, 1, "KestrelReporting", "ROWS", 1, 3072, "unlimited", 512, "OFFLINE"),
  file(7, 2, "KestrelReporting_log", "LOG", 0, 512, "log-limit", 256, "OFFLINE"),
  file(8, 1, "KestrelColdChain", "ROWS", 1, 512, "unlimited", 256, "RESTORING"),
  file(8, 2, "KestrelColdChain_log", "LOG", 0, 2048, "log-limit", 512, "RESTORING"),
];

function queryStore(options: Row): ViewRows {
  return [
    {
      desired_state: 0,
      desired_state_desc: "OFF",
      actual_state: 0,
      actual_state_desc: "OFF",
      readonly_reason: 0,
      current_storage_size_mb: 0,
      flush_interval_seconds: 900,
      interval_length_minutes: 60,
      max_storage_size_mb: 1000,
      stale_query_threshold_days: 30,
      max_plans_per_query: 200,
      query_capture_mode: 1,
      query_capture_mode_desc: "AUTO",
      size_based_cleanup_mode: 1,
      size_based_cleanup_mode_desc: "AUTO",
      wait_stats_capture_mode: 1,
      wait_stats_capture_mode_desc: "ON",
      ...options,
    },
  ];
}

function queryStoreViews(options: Row = {}): CatalogViews {
  return { "sys.database_query_store_options": queryStore(options) };
}

export const DATABASES_AREA: FixtureArea = {
  server: {
    "sys.databases": DATABASES,
    "sys.master_files": MASTER_FILES,
    "sys.change_tracking_databases": [
      {
        database_id: 5,
        is_auto_cleanup_on: true,
        retention_period: 3,
        retention_period_units: 3,
        retention_period_units_desc: "DAYS",
        max_cleanup_version: null,
      },
    ],
    "sys.dm_database_encryption_keys": [
      {
        database_id: 2,
        encryption_state: 3,
        create_date: new Date("2025-05-31T22:14:05.000Z"),
        key_algorithm: "AES",
        key_length: 256,
        encryptor_thumbprint: null,
        encryptor_type: "ASYMMETRIC KEY",
        percent_complete: 0,
      },
      {
        database_id: 6,
        encryption_state: 3,
        create_date: new Date("2021-01-12T10:00:00.000Z"),
        key_algorithm: "AES",
        key_length: 256,
        encryptor_thumbprint: null,
        encryptor_type: "CERTIFICATE",
        percent_complete: 0,
      },
    ],
  },
  databases: {
    master: queryStoreViews(),
    tempdb: queryStoreViews(),
    model: queryStoreViews(),
    msdb: queryStoreViews(),
    KestrelColdChain: queryStoreViews({
      desired_state: 2,
      desired_state_desc: "READ_WRITE",
      actual_state: 2,
      actual_state_desc: "READ_WRITE",
      current_storage_size_mb: 412,
      max_storage_size_mb: 1024,
    }),
    // Query Store of a read-only database is read-only too (readonly_reason 1).
    Archive: queryStoreViews({
      desired_state: 2,
      desired_state_desc: "READ_WRITE",
      actual_state: 1,
      actual_state_desc: "READ_ONLY",
      readonly_reason: 1,
      current_storage_size_mb: 18,
    }),
  },
};
