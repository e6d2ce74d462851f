/** Helpers of the column rules. */

import type { NotableColumn, TableView } from "../inventory-view.js";

export interface TableColumn {
  readonly table: TableView;
  readonly column: NotableColumn;
}

/** Returns the notable columns that have `feature`, with their table, in inventory order. */
export function columnsWithFeature(tables: readonly TableView[], feature: string): TableColumn[] {
  return tables.flatMap((table) =>
    table.notableColumns.filter((c) => c.features.includes(feature)).map((column) => ({ table, column })),
  );
}
