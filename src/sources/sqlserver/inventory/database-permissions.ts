/**
 * Database-level permissions granted or denied to each principal, counted
 * by permission, state and securable class (DATABASE, SCHEMA,
 * OBJECT_OR_COLUMN, TYPE, ...), so a DENY on three columns of one table is
 * one row with a count of 3.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf } from "./row-numbers.js";
import { requiredTextOf, textOf } from "./row-values.js";

// Class 1 is OBJECT_OR_COLUMN; system objects have negative object ids, so
// the grants that come with every database on them are left out. The
// permissions of fixed database roles are not rows of this view
// (Microsoft Learn, sys.database_permissions); role membership shows in the
// users part.
const DATABASE_PERMISSIONS = defineQuery({
  id: "inventory.database-permissions",
  scope: "database",
  sql: `
SELECT
    pr.name AS grantee_name,
    pr.type_desc AS grantee_type_desc,
    pe.permission_name,
    pe.state_desc,
    pe.class_desc,
    COUNT(*) AS permission_count
FROM sys.database_permissions AS pe
JOIN sys.database_principals AS pr
    ON pr.principal_id = pe.grantee_principal_id
WHERE NOT (pe.class = 1 AND pe.major_id < 0)
GROUP BY pr.name, pr.type_desc, pe.permission_name, pe.state_desc, pe.class_desc
ORDER BY pr.name, pe.permission_name, pe.state_desc, pe.class_desc;`,
  reads: ["sys.database_permissions", "sys.database_principals"],
  permission: "VIEW DEFINITION",
});

export const databasePermissionsPart: InventoryPart = {
  name: "database-permissions",
  title: "Database permissions by principal",
  scope: "database",
  queries: [DATABASE_PERMISSIONS],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(DATABASE_PERMISSIONS);
    const items = rows.map((row) => ({
      database: reader.database,
      grantee: requiredTextOf(row, "grantee_name"),
      granteeType: textOf(row, "grantee_type_desc"),
      permission: textOf(row, "permission_name"),
      state: textOf(row, "state_desc"),
      class: textOf(row, "class_desc"),
      count: countOf(row, "permission_count"),
    }));
    return { items };
  },
};
