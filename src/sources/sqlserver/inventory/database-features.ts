/**
 * The database-features part: counts of the database features that the
 * tables, indexes and files parts do not show, in one row per database:
 * tables with change tracking, natively compiled modules, FILESTREAM and
 * memory-optimized filegroups, Stretch tables and external data sources.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf } from "./row-numbers.js";

// Columns and codes after Microsoft Learn, SQL Server 2016-2022:
// sys.filegroups type FD is a FILESTREAM filegroup and FX a
// memory-optimized one; sys.sql_modules.uses_native_compilation marks
// natively compiled modules; sys.tables.is_remote_data_archive_enabled
// marks Stretch tables (Stretch Database is deprecated since SQL Server
// 2022, but the column remains); sys.external_data_sources exists from
// SQL Server 2016.
const DATABASE_FEATURE_COUNTS = defineQuery({
  id: "inventory.database-feature-counts",
  scope: "database",
  sql: `
SELECT
    (SELECT COUNT(*) FROM sys.change_tracking_tables) AS change_tracking_tables,
    (SELECT COUNT(*) FROM sys.sql_modules AS m
     WHERE m.uses_native_compilation = 1) AS natively_compiled_modules,
    (SELECT COUNT(*) FROM sys.filegroups AS fg WHERE fg.type = 'FD') AS filestream_filegroups,
    (SELECT COUNT(*) FROM sys.filegroups AS fg WHERE fg.type = 'FX') AS memory_optimized_filegroups,
    (SELECT COUNT(*) FROM sys.tables AS t
     WHERE t.is_remote_data_archive_enabled = 1) AS stretch_tables,
    (SELECT COUNT(*) FROM sys.external_data_sources) AS external_data_sources;`,
  reads: [
    "sys.change_tracking_tables",
    "sys.sql_modules",
    "sys.filegroups",
    "sys.tables",
    "sys.external_data_sources",
  ],
  permission: "VIEW DEFINITION",
});

export const databaseFeaturesPart: InventoryPart = {
  name: "database-features",
  title: "Database features: change tracking tables, native modules, filegroups, Stretch, external data",
  scope: "database",
  queries: [DATABASE_FEATURE_COUNTS],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(DATABASE_FEATURE_COUNTS);
    return { items: rows.map((row) => featureCountsItem(reader.database, row)) };
  },
};

function featureCountsItem(database: string, row: Row): InventoryItem {
  return {
    database,
    changeTrackingTables: countOf(row, "change_tracking_tables"),
    nativelyCompiledModules: countOf(row, "natively_compiled_modules"),
    filestreamFilegroups: countOf(row, "filestream_filegroups"),
    memoryOptimizedFilegroups: countOf(row, "memory_optimized_filegroups"),
    stretchTables: countOf(row, "stretch_tables"),
    externalDataSources: countOf(row, "external_data_sources"),
  };
}
