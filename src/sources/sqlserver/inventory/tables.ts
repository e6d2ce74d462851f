/**
 * The tables part: one item per user table with row count, sizes, column
 * counts by type, the columns that need care in a migration, and storage
 * features (temporal, memory-optimized, graph, partitioned, columnstore,
 * FILESTREAM). Columns are streamed, since a database can have hundreds
 * of thousands, and only their aggregate is kept.
 */

import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import { columnFeatures, columnTypeName } from "./column-format.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf, numberOf, pagesToKb } from "./row-numbers.js";
import { dateOf, flagOf, requiredTextOf, textOf } from "./row-values.js";
import { TABLE_COLUMNS, TABLES } from "./tables-queries.js";
import { queryForVersion } from "./versioned.js";

interface TableColumns {
  readonly columnTypes: Record<string, number>;
  readonly notableColumns: Record<string, unknown>[];
}

export const tablesPart: InventoryPart = {
  name: "tables",
  title: "Tables: rows, sizes, column types and storage features",
  scope: "database",
  queries: [...TABLES, ...TABLE_COLUMNS],

  async collect(reader, context): Promise<PartResult> {
    const database = reader.database;
    const tableRows = await reader.all(queryForVersion(TABLES, context.majorVersion));

    const columns = new Map<string, TableColumns>();
    const columnQuery = queryForVersion(TABLE_COLUMNS, context.majorVersion);
    for await (const row of reader.rows(columnQuery)) {
      const key = tableKey(requiredTextOf(row, "schema_name"), requiredTextOf(row, "table_name"));
      let table = columns.get(key);
      if (table === undefined) {
        table = { columnTypes: {}, notableColumns: [] };
        columns.set(key, table);
      }
      addColumn(table, row);
    }

    const items = tableRows.map((row) => {
      const key = tableKey(requiredTextOf(row, "schema_name"), requiredTextOf(row, "table_name"));
      return tableItem(database, row, columns.get(key));
    });
    return { items };
  },
};

function tableKey(schema: string, table: string): string {
  return `${schema}\u0000${table}`;
}

function addColumn(table: TableColumns, row: Row): void {
  const baseType = requiredTextOf(row, "base_type_name");
  table.columnTypes[baseType] = (table.columnTypes[baseType] ?? 0) + 1;

  const features = columnFeatures(row);
  if (features.length === 0) {
    return;
  }
  table.notableColumns.push({
    name: requiredTextOf(row, "column_name"),
    type: columnTypeName(row),
    isNullable: flagOf(row, "is_nullable"),
    features,
    collation: textOf(row, "collation_name"),
    default: textOf(row, "default_definition"),
  });
}

function tableItem(database: string, row: Row, columns: TableColumns | undefined): InventoryItem {
  const historySchema = textOf(row, "history_schema_name");
  const historyTable = textOf(row, "history_table_name");
  const dataSpaceType = textOf(row, "data_space_type");
  const hasClusteredColumnstore = countOf(row, "has_clustered_columnstore") > 0;

  return {
    database,
    schema: requiredTextOf(row, "schema_name"),
    name: requiredTextOf(row, "table_name"),
    // NOTE: NULL for memory-optimized tables, which have no partitions or
    // pages; their memory use is in sys.dm_db_xtp_table_memory_stats, which
    // is not read.
    rows: numberOf(row, "row_count"),
    partitions: numberOf(row, "partition_count"),
    reservedKb: pagesToKb(numberOf(row, "reserved_pages")),
    usedKb: pagesToKb(numberOf(row, "used_pages")),
    dataKb: pagesToKb(numberOf(row, "data_pages")),
    columns: countOf(row, "column_count"),
    columnTypes: columns?.columnTypes ?? {},
    notableColumns: columns?.notableColumns ?? [],
    identityColumns: countOf(row, "identity_columns"),
    computedColumns: countOf(row, "computed_columns"),
    sparseColumns: countOf(row, "sparse_columns"),
    hasColumnSet: countOf(row, "column_sets") > 0,
    filestreamColumns: countOf(row, "filestream_columns"),
    lobColumns: countOf(row, "lob_columns"),
    indexes: countOf(row, "index_count"),
    hasPrimaryKey: countOf(row, "has_primary_key") > 0,
    hasClusteredIndex: countOf(row, "has_clustered_index") > 0,
    isHeap:
      countOf(row, "has_clustered_index") === 0 && flagOf(row, "is_memory_optimized") !== true,
    hasClusteredColumnstore,
    hasColumnstore: hasClusteredColumnstore || countOf(row, "has_nonclustered_columnstore") > 0,
    // PARTITION_SCHEME when the heap or clustered index is partitioned.
    isPartitioned: dataSpaceType === "PARTITION_SCHEME",
    dataSpace: textOf(row, "data_space_name"),
    dataSpaceType,
    isMemoryOptimized: flagOf(row, "is_memory_optimized"),
    durability: textOf(row, "durability_desc"),
    // SYSTEM_VERSIONED_TEMPORAL_TABLE, HISTORY_TABLE or NON_TEMPORAL_TABLE.
    temporalType: textOf(row, "temporal_type_desc"),
    historyTable:
      historySchema === null || historyTable === null ? null : `${historySchema}.${historyTable}`,
    isFileTable: flagOf(row, "is_filetable"),
    isExternal: flagOf(row, "is_external"),
    isReplicated: flagOf(row, "is_replicated"),
    isTrackedByCdc: flagOf(row, "is_tracked_by_cdc"),
    lockEscalation: textOf(row, "lock_escalation_desc"),
    // NULL on versions without graph or ledger tables.
    isNode: flagOf(row, "is_node"),
    isEdge: flagOf(row, "is_edge"),
    ledgerType: textOf(row, "ledger_type_desc"),
    createdAt: dateOf(row, "create_date"),
    modifiedAt: dateOf(row, "modify_date"),
  };
}
