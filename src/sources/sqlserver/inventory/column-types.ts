/**
 * The column-types part: how many columns of user tables use each base
 * type in a database, and in how many tables, so a report shows which
 * types a migration must map. Alias types count as their base type.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf } from "./row-numbers.js";
import { requiredTextOf } from "./row-values.js";

// The base type of an alias type is the type whose user_type_id is the
// column's system_type_id; CLR types keep their own name (see the tables
// part's column query).
const COLUMN_TYPES = defineQuery({
  id: "inventory.column-types",
  scope: "database",
  sql: `
SELECT
    COALESCE(bt.name, ty.name) AS type_name,
    COUNT(*) AS column_count,
    COUNT(DISTINCT c.object_id) AS table_count
FROM sys.columns AS c
JOIN sys.tables AS t
    ON t.object_id = c.object_id
JOIN sys.types AS ty
    ON ty.user_type_id = c.user_type_id
LEFT JOIN sys.types AS bt
    ON bt.user_type_id = c.system_type_id
WHERE t.is_ms_shipped = 0
GROUP BY COALESCE(bt.name, ty.name)
ORDER BY type_name;`,
  reads: ["sys.columns", "sys.tables", "sys.types"],
  permission: "VIEW DEFINITION",
});

export const columnTypesPart: InventoryPart = {
  name: "column-types",
  title: "Column types of user tables",
  scope: "database",
  queries: [COLUMN_TYPES],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(COLUMN_TYPES);
    const items = rows.map((row) => ({
      database: reader.database,
      type: requiredTextOf(row, "type_name"),
      columns: countOf(row, "column_count"),
      tables: countOf(row, "table_count"),
    }));
    return { items };
  },
};
