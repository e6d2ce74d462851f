/**
 * The load strategy of each table, from its row count, reserved space,
 * partitions and LOB columns, against the thresholds. AWS DMS loads a
 * table in parallel only when a table-settings rule gives it a
 * "parallel-load" type: "partitions-auto" for a partitioned table, or
 * "ranges" of a key. LOB columns need LOB support in the task (AWS DMS
 * User Guide, SQL Server as a source, "Source data types", 2023).
 */

import type { TableView } from "./inventory-view.js";
import type { LoadStrategy, ReadinessThresholds, TableLoad } from "./model.js";

export function tableLoad(table: TableView, thresholds: ReadinessThresholds): TableLoad {
  return {
    database: table.database,
    table: table.name,
    rows: table.rows,
    reservedKb: table.reservedKb,
    partitions: table.partitions,
    lobColumns: table.lobColumns,
    strategy: strategyOf(table, thresholds),
    lobMode: table.lobColumns > 0,
  };
}

function strategyOf(table: TableView, thresholds: ReadinessThresholds): LoadStrategy {
  const big =
    (table.rows ?? 0) >= thresholds.parallelLoadRows || (table.reservedKb ?? 0) >= thresholds.parallelLoadKb;
  if (!big) {
    return "full-load";
  }
  return table.isPartitioned && (table.partitions ?? 0) > 1
    ? "parallel-full-load-partitions"
    : "parallel-full-load-ranges";
}

/** Returns the tables by reserved space, largest first, then by rows and name; at most `limit`. */
export function biggestTables(loads: readonly TableLoad[], limit: number): TableLoad[] {
  return [...loads]
    .sort(
      (a, b) =>
        (b.reservedKb ?? -1) - (a.reservedKb ?? -1) ||
        (b.rows ?? -1) - (a.rows ?? -1) ||
        compareText(a.database, b.database) ||
        compareText(a.table, b.table),
    )
    .slice(0, limit);
}

/** Compares by code point, so that the order is the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
