/**
 * Server-level permissions granted or denied to each principal, counted by
 * permission, state and securable class: CONTROL SERVER, ALTER ANY LOGIN,
 * IMPERSONATE on a login, CONNECT on an endpoint and so on.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf } from "./row-numbers.js";
import { requiredTextOf, textOf } from "./row-values.js";

// The permissions of fixed server roles are not rows of
// sys.server_permissions (Microsoft Learn, sys.server_permissions), so
// sysadmin shows in the logins part, not here. Internal ## principals are
// left out as in the logins part.
const SERVER_PERMISSIONS = defineQuery({
  id: "inventory.server-permissions",
  scope: "server",
  sql: `
SELECT
    pr.name AS grantee_name,
    pr.type_desc AS grantee_type_desc,
    pe.permission_name,
    pe.state_desc,
    pe.class_desc,
    COUNT(*) AS permission_count
FROM sys.server_permissions AS pe
JOIN sys.server_principals AS pr
    ON pr.principal_id = pe.grantee_principal_id
WHERE pr.name NOT LIKE N'##%'
GROUP BY pr.name, pr.type_desc, pe.permission_name, pe.state_desc, pe.class_desc
ORDER BY pr.name, pe.permission_name, pe.state_desc, pe.class_desc;`,
  reads: ["sys.server_permissions", "sys.server_principals"],
  permission: "VIEW ANY DEFINITION",
});

export const serverPermissionsPart: InventoryPart = {
  name: "server-permissions",
  title: "Server permissions by principal",
  scope: "server",
  queries: [SERVER_PERMISSIONS],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(SERVER_PERMISSIONS);
    const items = rows.map((row) => ({
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
