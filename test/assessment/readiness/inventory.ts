/**
 * Builds small live inventories for the readiness rule tests: one online
 * user database and the tables given, with every other field at the
 * value an ordinary table has.
 */

import type { LiveSource } from "../../../src/assessment/model.js";
import type { InventoryItem } from "../../../src/sources/sqlserver/collected.js";

export function table(name: string, fields: InventoryItem = {}): InventoryItem {
  const [schema, table] = name.split(".");
  return {
    database: "Sales",
    schema,
    name: table,
    rows: 1000,
    partitions: 1,
    reservedKb: 512,
    columnTypes: { int: 2 },
    notableColumns: [],
    identityColumns: 0,
    computedColumns: 0,
    sparseColumns: 0,
    hasColumnSet: false,
    filestreamColumns: 0,
    lobColumns: 0,
    hasPrimaryKey: true,
    hasColumnstore: false,
    isPartitioned: false,
    isMemoryOptimized: false,
    temporalType: "NON_TEMPORAL_TABLE",
    ...fields,
  };
}

export function database(fields: InventoryItem = {}): InventoryItem {
  return {
    name: "Sales",
    state: "ONLINE",
    isSystem: false,
    recoveryModel: "FULL",
    isEncrypted: false,
    isCdcEnabled: false,
    replication: { isPublished: false, isSubscribed: false, isMergePublished: false, isDistributor: false },
    changeTracking: null,
    isAcceleratedDatabaseRecoveryOn: false,
    delayedDurability: "DISABLED",
    ...fields,
  };
}

/** Builds a backup-history item with a recent full and log backup. */
export function backups(fields: InventoryItem = {}): InventoryItem {
  return {
    database: "Sales",
    full: { finishedAt: "2026-03-01T01:00:00.000Z", sizeBytes: 1024, isCopyOnly: false, count: 4 },
    differential: null,
    log: { finishedAt: "2026-03-02T08:00:00.000Z", sizeBytes: 64, isCopyOnly: false, count: 90 },
    ...fields,
  };
}

export function liveSource(inventory: Record<string, readonly InventoryItem[]>): LiveSource {
  return {
    server: {
      address: "sql01",
      name: "SQL01",
      version: "16.0.4135.4",
      edition: "Enterprise Edition (64-bit)",
      collectedAt: "2026-03-03T00:00:00.000Z",
      tlsVerificationDisabled: false,
    },
    inventory: {
      databases: [database()],
      tables: [],
      indexes: [],
      objects: [],
      tde: [],
      "backup-history": [backups()],
      ...inventory,
    },
    problems: [],
  };
}
