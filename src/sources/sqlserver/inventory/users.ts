/**
 * Database principals with their role memberships: users of every kind
 * (mapped to a login, to a Windows account or to a certificate, without
 * login, contained with a password), user-defined roles and application
 * roles. Users whose login is gone are marked as orphaned.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import { indexMemberships } from "./lists.js";
import type { InventoryPart, PartResult } from "./part.js";
import { dateOf, flagOf, requiredTextOf, textOf } from "./row-values.js";

// sys.server_principals is a server-level view that every database can
// read, so the login of each user is found by SID in the same query.
// authentication_type (SQL Server 2012 and later, Microsoft Learn) is
// 0 NONE for roles and users WITHOUT LOGIN or FROM CERTIFICATE, 1 INSTANCE
// for SQL logins, 2 DATABASE for contained users with a password and
// 3 WINDOWS. Only a SQL user of INSTANCE authentication can be orphaned,
// because a Windows user may connect through a group login with another SID.
// NOTE: without VIEW ANY DEFINITION the login cannot see other logins, and
// every SQL user would look orphaned, hence the part's permission.
const USERS = defineQuery({
  id: "inventory.users",
  scope: "database",
  sql: `
SELECT
    dp.name,
    dp.type,
    dp.type_desc,
    dp.authentication_type_desc,
    dp.default_schema_name,
    sp.name AS login_name,
    CAST(CASE
        WHEN dp.type = 'S' AND dp.authentication_type = 1 AND sp.principal_id IS NULL THEN 1
        ELSE 0
    END AS bit) AS is_orphaned,
    dp.create_date,
    dp.modify_date
FROM sys.database_principals AS dp
LEFT JOIN sys.server_principals AS sp
    ON sp.sid = dp.sid
WHERE dp.is_fixed_role = 0
  AND dp.name NOT IN (N'public', N'sys', N'INFORMATION_SCHEMA')
ORDER BY dp.name;`,
  reads: ["sys.database_principals", "sys.server_principals"],
  permission: "VIEW ANY DEFINITION",
});

// Fixed roles are kept here, so membership in db_owner shows.
const DATABASE_ROLE_MEMBERS = defineQuery({
  id: "inventory.database-role-members",
  scope: "database",
  sql: `
SELECT
    r.name AS role_name,
    m.name AS member_name
FROM sys.database_role_members AS rm
JOIN sys.database_principals AS r
    ON r.principal_id = rm.role_principal_id
JOIN sys.database_principals AS m
    ON m.principal_id = rm.member_principal_id
ORDER BY m.name, r.name;`,
  reads: ["sys.database_role_members", "sys.database_principals"],
  permission: "VIEW DEFINITION",
});

export const usersPart: InventoryPart = {
  name: "users",
  title: "Database users, roles and application roles",
  scope: "database",
  queries: [USERS, DATABASE_ROLE_MEMBERS],

  async collect(reader): Promise<PartResult> {
    const principals = await reader.all(USERS);
    const memberships = await reader.all(DATABASE_ROLE_MEMBERS);

    const { rolesOf, membersOf } = indexMemberships(memberships);

    const items = principals.map((row) =>
      userItem(reader.database, row, rolesOf, membersOf),
    );
    return { items };
  },
};

const KIND_BY_TYPE: Readonly<Record<string, string>> = {
  R: "role",
  A: "application-role",
};

function userItem(
  database: string,
  row: Row,
  rolesOf: ReadonlyMap<string, readonly string[]>,
  membersOf: ReadonlyMap<string, readonly string[]>,
): InventoryItem {
  const name = requiredTextOf(row, "name");
  const kind = KIND_BY_TYPE[requiredTextOf(row, "type")] ?? "user";

  const item: Record<string, unknown> = {
    database,
    type: kind,
    name,
    principalType: textOf(row, "type_desc"),
    authentication: textOf(row, "authentication_type_desc"),
    login: textOf(row, "login_name"),
    isOrphaned: flagOf(row, "is_orphaned"),
    defaultSchema: textOf(row, "default_schema_name"),
    roles: rolesOf.get(name) ?? [],
  };
  if (kind === "role") {
    item["members"] = membersOf.get(name) ?? [];
  }

  return {
    ...item,
    createDate: dateOf(row, "create_date"),
    modifyDate: dateOf(row, "modify_date"),
  };
}
