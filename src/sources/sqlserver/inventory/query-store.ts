/**
 * The query-store part: whether Query Store runs in a database, and how.
 * The actual state differs from the desired one when Query Store turned
 * itself read-only, for example because it reached its maximum size.
 */

import { numberOf } from "./row-numbers.js";
import { requiredTextOf, textOf } from "./row-values.js";
import type { InventoryPart, PartResult } from "./part.js";
import { columnSince, defineVersionedQueries, queryForVersion } from "./versioned.js";

// wait_stats_capture_mode_desc exists from SQL Server 2017
// ("sys.database_query_store_options", Microsoft Learn).
const QUERY_STORE_OPTIONS = defineVersionedQueries({
  id: "inventory.query-store",
  scope: "database",
  versions: [13, 14],
  reads: ["sys.database_query_store_options"],
  permission: "VIEW DATABASE STATE",
  sql: (version) => `
SELECT
    q.desired_state_desc,
    q.actual_state_desc,
    q.readonly_reason,
    q.current_storage_size_mb,
    q.max_storage_size_mb,
    q.query_capture_mode_desc,
    q.size_based_cleanup_mode_desc,
    q.stale_query_threshold_days,
    ${columnSince(version, 14, "q.wait_stats_capture_mode_desc", "nvarchar(60)")}
FROM sys.database_query_store_options AS q;`,
});

export const queryStorePart: InventoryPart = {
  name: "query-store",
  title: "Query Store",
  scope: "database",
  queries: QUERY_STORE_OPTIONS,

  async collect(reader, context): Promise<PartResult> {
    const rows = await reader.all(queryForVersion(QUERY_STORE_OPTIONS, context.majorVersion));
    const items = rows.map((row) => ({
      database: reader.database,
      // OFF, READ_ONLY, READ_WRITE or ERROR.
      desiredState: requiredTextOf(row, "desired_state_desc"),
      actualState: requiredTextOf(row, "actual_state_desc"),
      // A bit mask of why Query Store is read-only; 0 when it is not.
      readonlyReason: numberOf(row, "readonly_reason"),
      currentStorageMb: numberOf(row, "current_storage_size_mb"),
      maxStorageMb: numberOf(row, "max_storage_size_mb"),
      captureMode: textOf(row, "query_capture_mode_desc"),
      sizeBasedCleanupMode: textOf(row, "size_based_cleanup_mode_desc"),
      staleQueryThresholdDays: numberOf(row, "stale_query_threshold_days"),
      waitStatsCaptureMode: textOf(row, "wait_stats_capture_mode_desc"),
    }));
    return { items };
  },
};
