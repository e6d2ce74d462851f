/**
 * Data-migration readiness: what decides how the data of a SQL Server
 * moves to the target (a full load, ongoing replication with a tool such
 * as AWS DMS, dump and restore), derived from the live inventory. Each
 * item names the object, the evidence read and what to do.
 */

/** blocker: the usual tool cannot move it as is; warning: it moves with work; info: plan for it. */
export type ReadinessSeverity = "blocker" | "warning" | "info";

export const READINESS_SEVERITIES: readonly ReadinessSeverity[] = ["blocker", "warning", "info"];

export interface ReadinessItem {
  /**
   * Stable id of this item: the rule id, then the database and object,
   * e.g. `readiness.table.no-key:Archive.dbo.ShipmentArchive`.
   */
  readonly id: string;
  /** The rule, e.g. `readiness.table.no-key`; docs/readiness.md lists them. */
  readonly rule: string;
  readonly severity: ReadinessSeverity;
  /** Null for a server-wide item. */
  readonly database: string | null;
  /** `schema.table`, `schema.table.column`, or null for the database itself. */
  readonly object: string | null;
  readonly objectType: "server" | "database" | "table" | "column";
  /** Evidence from the inventory, with figures. */
  readonly evidence: string;
  /** Action to take, for the target and the usual tools. */
  readonly action: string;
}

/** Load method for a table's data, chosen from its size, partitions and LOB columns. */
export type LoadStrategy = "full-load" | "parallel-full-load-partitions" | "parallel-full-load-ranges";

export interface TableLoad {
  readonly database: string;
  /** `schema.table`. */
  readonly table: string;
  readonly rows: number | null;
  readonly reservedKb: number | null;
  readonly partitions: number | null;
  readonly lobColumns: number;
  readonly strategy: LoadStrategy;
  /** Whether the table needs the tool's LOB handling (limited or full LOB mode). */
  readonly lobMode: boolean;
}

/** Sizes that decide the load strategy; `--config` can change them ("readiness"). */
export interface ReadinessThresholds {
  /** Tables with at least this many rows are loaded in parallel. */
  readonly parallelLoadRows: number;
  /** Tables reserving at least this many KB are loaded in parallel. */
  readonly parallelLoadKb: number;
  /** How many of the biggest tables the report lists. */
  readonly biggestTables: number;
  /** A last full backup older than this, in days, before the collection is reported. */
  readonly fullBackupMaxAgeDays: number;
}

export interface Readiness {
  /** The target the actions are written for, e.g. `babelfish@5.5`. */
  readonly target: string;
  readonly thresholds: ReadinessThresholds;
  /**
   * `inventory` for a live server or a bundle; `scripts` when derived from
   * CREATE TABLE statements, which give table-level items only.
   */
  readonly source: "inventory" | "scripts";
  /** Items ordered by severity, database, object and rule. */
  readonly items: readonly ReadinessItem[];
  /** The biggest tables by reserved space, largest first, at most `thresholds.biggestTables`. */
  readonly biggestTables: readonly TableLoad[];
  /** Tables by load strategy, over every table read. */
  readonly strategyCounts: Readonly<Record<LoadStrategy, number>>;
  /** Inventory parts the rules needed but could not read, with the reason. */
  readonly missingParts: readonly string[];
}
