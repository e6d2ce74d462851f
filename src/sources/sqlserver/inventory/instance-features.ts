/**
 * The instance-features part: SERVERPROPERTY values about installed
 * features that the server part does not read. Every login can read them.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { numberOf } from "./row-numbers.js";
import { flagOf } from "./row-values.js";

// Property names after "SERVERPROPERTY (Transact-SQL)", Microsoft Learn.
// A property the server does not know returns NULL, so
// IsTempDbMetadataMemoryOptimized (SQL Server 2019 and later) is NULL on
// 2016 and 2017 rather than an error.
const FEATURE_PROPERTIES = defineQuery({
  id: "inventory.instance-feature-properties",
  scope: "server",
  sql: `
SELECT
    CONVERT(int, SERVERPROPERTY('IsAdvancedAnalyticsInstalled')) AS is_advanced_analytics_installed,
    CONVERT(int, SERVERPROPERTY('FilestreamConfiguredLevel')) AS filestream_configured_level,
    CONVERT(int, SERVERPROPERTY('IsTempDbMetadataMemoryOptimized')) AS is_tempdb_metadata_memory_optimized;`,
  reads: ["SERVERPROPERTY"],
  permission: "CONNECT SQL",
});

export const instanceFeaturesPart: InventoryPart = {
  name: "instance-features",
  title: "Installed features that SERVERPROPERTY reports: Machine Learning Services, FILESTREAM",
  scope: "server",
  queries: [FEATURE_PROPERTIES],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(FEATURE_PROPERTIES);
    return { items: rows.map(featureItem) };
  },
};

function featureItem(row: Row): InventoryItem {
  return {
    // Machine Learning Services (R, Python) chosen at setup.
    isAdvancedAnalyticsInstalled: flagOf(row, "is_advanced_analytics_installed"),
    // FILESTREAM level set in SQL Server Configuration Manager, which takes
    // effect at the next restart; 0 to 3 as FilestreamEffectiveLevel.
    filestreamConfiguredLevel: numberOf(row, "filestream_configured_level"),
    isTempDbMetadataMemoryOptimized: flagOf(row, "is_tempdb_metadata_memory_optimized"),
  };
}
