/**
 * Memory-optimized tables. AWS DMS supports neither memory-optimized
 * tables nor change capture on them (AWS DMS User Guide, SQL Server as a
 * source, "Limitations" and "Prerequisites", 2023).
 */

import { readinessItem, type ReadinessRule } from "../rule.js";

export const memoryOptimizedRule: ReadinessRule = {
  id: "readiness.table.memory-optimized",
  title: "Memory-optimized table",

  check(context) {
    return context.tables
      .filter((t) => t.isMemoryOptimized)
      .map((t) =>
        readinessItem(
          this.id,
          "blocker",
          { database: t.database, object: t.name, objectType: "table" },
          "memory-optimized table (In-Memory OLTP); its size is not in the inventory",
          `Create it as an ordinary table on the target and copy it with bcp or INSERT ... SELECT ` +
            `into a disk-based staging table during the cut-over, since AWS DMS cannot read it; ` +
            `a SCHEMA_ONLY table has no data to move.`,
        ),
      );
  },
};
