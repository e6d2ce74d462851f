/**
 * Typed reading of the inventory items the readiness rules use. Items are
 * plain JSON from the live parts (src/sources/sqlserver/inventory) or
 * from a bundle, so every field is checked as it is read.
 */

import type { InventoryItem } from "../../sources/sqlserver/collected.js";

export interface NotableColumn {
  readonly name: string;
  /** As T-SQL writes it, e.g. `varchar(max)` or `ref.CountryCode`. */
  readonly type: string;
  /** Features from the tables part, e.g. `identity`, `sql-variant`, `lob`. */
  readonly features: readonly string[];
}

export interface TableView {
  readonly database: string;
  readonly schema: string;
  readonly table: string;
  /** `schema.table`. */
  readonly name: string;
  readonly rows: number | null;
  readonly reservedKb: number | null;
  readonly partitions: number | null;
  readonly isPartitioned: boolean;
  readonly hasPrimaryKey: boolean;
  readonly columnTypes: Readonly<Record<string, number>>;
  readonly notableColumns: readonly NotableColumn[];
  readonly identityColumns: number;
  readonly computedColumns: number;
  readonly sparseColumns: number;
  readonly hasColumnSet: boolean;
  readonly filestreamColumns: number;
  readonly lobColumns: number;
  readonly hasColumnstore: boolean;
  readonly isMemoryOptimized: boolean;
  /** SYSTEM_VERSIONED_TEMPORAL_TABLE, HISTORY_TABLE or NON_TEMPORAL_TABLE. */
  readonly temporalType: string | null;
}

export interface DatabaseView {
  readonly name: string;
  readonly state: string;
  readonly isSystem: boolean;
  readonly recoveryModel: string | null;
  readonly isEncrypted: boolean;
  readonly isCdcEnabled: boolean;
  readonly isPublished: boolean;
  readonly isMergePublished: boolean;
  readonly changeTracking: boolean;
  readonly isAcceleratedDatabaseRecoveryOn: boolean;
  readonly delayedDurability: string | null;
}

export interface LastBackupView {
  readonly finishedAt: string | null;
  readonly count: number;
}

export interface BackupView {
  readonly database: string;
  readonly full: LastBackupView | null;
  readonly differential: LastBackupView | null;
  readonly log: LastBackupView | null;
}

function text(item: InventoryItem, field: string): string | null {
  const value = item[field];
  return typeof value === "string" ? value : null;
}

function count(item: InventoryItem, field: string): number {
  const value = item[field];
  return typeof value === "number" ? value : 0;
}

function numberOrNull(item: InventoryItem, field: string): number | null {
  const value = item[field];
  return typeof value === "number" ? value : null;
}

function flag(item: InventoryItem, field: string): boolean {
  return item[field] === true;
}

function notableColumns(item: InventoryItem): NotableColumn[] {
  const value = item["notableColumns"];
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap((column: unknown) => {
    if (typeof column !== "object" || column === null) {
      return [];
    }
    const c = column as Record<string, unknown>;
    const features = Array.isArray(c["features"]) ? c["features"].filter((f) => typeof f === "string") : [];
    return typeof c["name"] === "string" && typeof c["type"] === "string"
      ? [{ name: c["name"], type: c["type"], features }]
      : [];
  });
}

function columnTypes(item: InventoryItem): Record<string, number> {
  const value = item["columnTypes"];
  const types: Record<string, number> = {};
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const [type, n] of Object.entries(value)) {
      if (typeof n === "number") {
        types[type] = n;
      }
    }
  }
  return types;
}

export function tableView(item: InventoryItem): TableView {
  return {
    database: text(item, "database") ?? "",
    schema: text(item, "schema") ?? "",
    table: text(item, "name") ?? "",
    name: `${text(item, "schema") ?? ""}.${text(item, "name") ?? ""}`,
    rows: numberOrNull(item, "rows"),
    reservedKb: numberOrNull(item, "reservedKb"),
    partitions: numberOrNull(item, "partitions"),
    isPartitioned: flag(item, "isPartitioned"),
    hasPrimaryKey: flag(item, "hasPrimaryKey"),
    columnTypes: columnTypes(item),
    notableColumns: notableColumns(item),
    identityColumns: count(item, "identityColumns"),
    computedColumns: count(item, "computedColumns"),
    sparseColumns: count(item, "sparseColumns"),
    hasColumnSet: flag(item, "hasColumnSet"),
    filestreamColumns: count(item, "filestreamColumns"),
    lobColumns: count(item, "lobColumns"),
    hasColumnstore: flag(item, "hasColumnstore"),
    isMemoryOptimized: flag(item, "isMemoryOptimized"),
    temporalType: text(item, "temporalType"),
  };
}

export function databaseView(item: InventoryItem): DatabaseView {
  const replication = item["replication"];
  const published = (field: string): boolean =>
    typeof replication === "object" && replication !== null && (replication as Record<string, unknown>)[field] === true;

  return {
    name: text(item, "name") ?? "",
    state: text(item, "state") ?? "",
    isSystem: flag(item, "isSystem"),
    recoveryModel: text(item, "recoveryModel"),
    isEncrypted: flag(item, "isEncrypted"),
    isCdcEnabled: flag(item, "isCdcEnabled"),
    isPublished: published("isPublished"),
    isMergePublished: published("isMergePublished"),
    changeTracking: typeof item["changeTracking"] === "object" && item["changeTracking"] !== null,
    isAcceleratedDatabaseRecoveryOn: flag(item, "isAcceleratedDatabaseRecoveryOn"),
    delayedDurability: text(item, "delayedDurability"),
  };
}

function lastBackup(value: unknown): LastBackupView | null {
  if (typeof value !== "object" || value === null) {
    return null;
  }
  const backup = value as InventoryItem;
  return { finishedAt: text(backup, "finishedAt"), count: count(backup, "count") };
}

export function backupView(item: InventoryItem): BackupView {
  return {
    database: text(item, "database") ?? "",
    full: lastBackup(item["full"]),
    differential: lastBackup(item["differential"]),
    log: lastBackup(item["log"]),
  };
}

/** Writes names as T-SQL quotes them, `[schema].[table]`, for statements in actions. */
export function bracketed(...names: readonly string[]): string {
  return names.map((name) => `[${name.replaceAll("]", "]]")}]`).join(".");
}

/** Writes names as PostgreSQL quotes them, `"schema"."table"`. */
export function quoted(...names: readonly string[]): string {
  return names.map((name) => `"${name.replaceAll('"', '""')}"`).join(".");
}
