/**
 * Logins and user-defined server roles, with their server role
 * memberships and whether each is sysadmin. Password hashes
 * (sys.sql_logins.password_hash) are never read.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import { indexMemberships } from "./lists.js";
import type { InventoryPart, PartResult } from "./part.js";
import { dateOf, flagOf, requiredTextOf, textOf } from "./row-values.js";

// Principal types of sys.server_principals (Microsoft Learn, SQL Server
// 2016-2022): S SQL login, U Windows login, G Windows group, C and K logins
// mapped to a certificate or an asymmetric key, R server role. E and X are
// Microsoft Entra logins and groups (SQL Server 2022). Names starting with
// ## are logins and fixed roles that setup creates for internal use, such
// as ##MS_PolicyEventProcessingLogin## and ##MS_ServerStateReader##. The
// public role is left out because every login is in it, although its
// is_fixed_role is 0.
const LOGINS = defineQuery({
  id: "inventory.logins",
  scope: "server",
  sql: `
SELECT
    p.name,
    p.type,
    p.type_desc,
    p.is_disabled,
    p.default_database_name,
    p.default_language_name,
    l.is_policy_checked,
    l.is_expiration_checked,
    c.name AS credential_name,
    p.create_date,
    p.modify_date
FROM sys.server_principals AS p
LEFT JOIN sys.sql_logins AS l
    ON l.principal_id = p.principal_id
LEFT JOIN sys.credentials AS c
    ON c.credential_id = p.credential_id
WHERE (p.type IN ('S', 'U', 'G', 'C', 'K', 'E', 'X')
       OR (p.type = 'R' AND p.is_fixed_role = 0 AND p.name <> N'public'))
  AND p.name NOT LIKE N'##%'
ORDER BY p.name;`,
  reads: ["sys.server_principals", "sys.sql_logins", "sys.credentials"],
  permission: "VIEW ANY DEFINITION",
});

// Fixed and user-defined roles alike, so sysadmin membership is seen.
// A user-defined server role can be a member of a fixed one (ALTER SERVER
// ROLE, Microsoft Learn), so membership is followed through roles.
const SERVER_ROLE_MEMBERS = defineQuery({
  id: "inventory.server-role-members",
  scope: "server",
  sql: `
SELECT
    r.name AS role_name,
    m.name AS member_name
FROM sys.server_role_members AS rm
JOIN sys.server_principals AS r
    ON r.principal_id = rm.role_principal_id
JOIN sys.server_principals AS m
    ON m.principal_id = rm.member_principal_id
ORDER BY m.name, r.name;`,
  reads: ["sys.server_role_members", "sys.server_principals"],
  permission: "VIEW ANY DEFINITION",
});

export const loginsPart: InventoryPart = {
  name: "logins",
  title: "Logins and server roles",
  scope: "server",
  queries: [LOGINS, SERVER_ROLE_MEMBERS],

  async collect(reader): Promise<PartResult> {
    const principals = await reader.all(LOGINS);
    const memberships = await reader.all(SERVER_ROLE_MEMBERS);

    const { rolesOf, membersOf } = indexMemberships(memberships);

    const items = principals.map((row) => loginItem(row, rolesOf, membersOf));
    return { items };
  },
};

function loginItem(
  row: Row,
  rolesOf: ReadonlyMap<string, readonly string[]>,
  membersOf: ReadonlyMap<string, readonly string[]>,
): InventoryItem {
  const name = requiredTextOf(row, "name");
  const isRole = requiredTextOf(row, "type") === "R";

  const item: Record<string, unknown> = {
    type: isRole ? "server-role" : "login",
    name,
    principalType: textOf(row, "type_desc"),
    isDisabled: flagOf(row, "is_disabled"),
    isSysadmin: reachesSysadmin(name, rolesOf),
    serverRoles: rolesOf.get(name) ?? [],
  };
  if (isRole) {
    item["members"] = membersOf.get(name) ?? [];
  }

  return {
    ...item,
    defaultDatabase: textOf(row, "default_database_name"),
    defaultLanguage: textOf(row, "default_language_name"),
    // NULL for every principal but SQL logins.
    passwordPolicyChecked: flagOf(row, "is_policy_checked"),
    passwordExpirationChecked: flagOf(row, "is_expiration_checked"),
    credential: textOf(row, "credential_name"),
    createDate: dateOf(row, "create_date"),
    modifyDate: dateOf(row, "modify_date"),
  };
}

/**
 * Tells whether a principal is in sysadmin, directly or through server
 * roles. NOTE: membership through a Windows group is decided by Windows at
 * login time and does not appear in the catalog. A Windows login that is
 * sysadmin only through a group login therefore shows false here, and the
 * group login itself shows true.
 */
function reachesSysadmin(name: string, rolesOf: ReadonlyMap<string, readonly string[]>): boolean {
  const seen = new Set<string>();
  const pending = [name];

  while (pending.length > 0) {
    const next = pending.pop()!;
    for (const role of rolesOf.get(next) ?? []) {
      if (role === "sysadmin") {
        return true;
      }
      if (!seen.has(role)) {
        seen.add(role);
        pending.push(role);
      }
    }
  }
  return false;
}
