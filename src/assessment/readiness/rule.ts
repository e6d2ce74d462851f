/** What every readiness rule receives and returns. */

import type { ReadinessItem, ReadinessSeverity, ReadinessThresholds } from "./model.js";
import type { BackupView, DatabaseView, TableView } from "./inventory-view.js";

/** The target family the actions are written for. */
export type TargetFamily = "babelfish" | "postgresql";

export interface ReadinessContext {
  readonly target: TargetFamily;
  readonly thresholds: ReadinessThresholds;
  /** User tables of online user databases. */
  readonly tables: readonly TableView[];
  /** Online user databases. */
  readonly databases: readonly DatabaseView[];
  /** Backup history by database name; undefined when the part was not read. */
  readonly backups: ReadonlyMap<string, BackupView> | undefined;
  /** `schema.table` keys, by database, of tables with a usable unique index. */
  readonly uniquelyIndexed: ReadonlySet<string>;
  /** Sequences per database, from the objects part. */
  readonly sequences: ReadonlyMap<string, number>;
  /** Databases encrypted with TDE, from the tde part. */
  readonly tdeDatabases: ReadonlySet<string>;
  /** ISO 8601 time the inventory was collected, for the age of backups. */
  readonly collectedAt: string;
}

export interface ReadinessRule {
  /** Stable, dotted and lower-case, e.g. `readiness.table.no-key`. */
  readonly id: string;
  /** One line for docs and the report. */
  readonly title: string;
  check(context: ReadinessContext): ReadinessItem[];
}

/** Builds an item whose id is the rule id plus the database and object. */
export function readinessItem(
  rule: string,
  severity: ReadinessSeverity,
  place: { database: string | null; object: string | null; objectType: ReadinessItem["objectType"] },
  evidence: string,
  action: string,
): ReadinessItem {
  const where = [place.database, place.object].filter((part) => part !== null).join(".");
  return {
    id: where === "" ? rule : `${rule}:${where}`,
    rule,
    severity,
    database: place.database,
    object: place.object,
    objectType: place.objectType,
    evidence,
    action,
  };
}

/** Returns the key of a table in `uniquelyIndexed`. */
export function tableKey(database: string, table: string): string {
  return `${database}\u0000${table}`;
}

/** Writes a count with its noun, `1 column` or `3 columns`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
