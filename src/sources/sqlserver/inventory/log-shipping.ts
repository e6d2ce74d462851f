/**
 * The log-shipping part: databases this server ships logs from or
 * restores logs into. Backup and share paths in the same tables are not
 * read.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryPart, PartResult } from "./part.js";
import { dateOf, requiredTextOf } from "./row-values.js";

// The log shipping tables in msdb ("Log Shipping Tables and Stored
// Procedures", Microsoft Learn). A login reads them through a user in msdb
// with SELECT on both tables.
const LOG_SHIPPING = defineQuery({
  id: "inventory.log-shipping",
  scope: "server",
  sql: `
SELECT
    N'PRIMARY' AS role,
    p.primary_database AS database_name,
    p.last_backup_date AS last_operation_date
FROM msdb.dbo.log_shipping_primary_databases AS p
UNION ALL
SELECT
    N'SECONDARY' AS role,
    s.secondary_database AS database_name,
    s.last_restored_date AS last_operation_date
FROM msdb.dbo.log_shipping_secondary_databases AS s
ORDER BY database_name, role;`,
  reads: [
    "msdb.dbo.log_shipping_primary_databases",
    "msdb.dbo.log_shipping_secondary_databases",
  ],
  permission: "SELECT in msdb",
});

export const logShippingPart: InventoryPart = {
  name: "log-shipping",
  title: "Log shipping",
  scope: "server",
  queries: [LOG_SHIPPING],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(LOG_SHIPPING);
    const items = rows.map((row) => ({
      database: requiredTextOf(row, "database_name"),
      role: requiredTextOf(row, "role"),
      // Last log backup on a primary, last restored log on a secondary.
      lastOperationAt: dateOf(row, "last_operation_date"),
    }));
    return { items };
  },
};
