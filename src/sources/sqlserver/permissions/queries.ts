/**
 * The permission check's queries: the login's server roles and effective
 * server permissions, then its effective permissions and roles in each
 * database it reads. Function behaviour from Microsoft Learn:
 * sys.fn_my_permissions returns the effective permissions, including
 * those implied by roles and covering permissions; IS_SRVROLEMEMBER and
 * IS_ROLEMEMBER return NULL for a role that does not exist (SQL Server
 * 2016 to 2022).
 */

import { defineQuery } from "../catalog-query.js";
import { WRITE_DATABASE_ROLES, WRITE_SERVER_ROLES } from "./vocabulary.js";

/** `(N'a'), (N'b')` for a VALUES list of role names, which are plain ASCII words. */
function valuesList(names: readonly string[]): string {
  return names.map((name) => `(N'${name}')`).join(", ");
}

/**
 * Roles the database check queries: every write-capable one, the reader
 * roles, and db_denydatareader, which takes away what db_datareader gives.
 */
export const CHECKED_DATABASE_ROLES: readonly string[] = [
  ...WRITE_DATABASE_ROLES,
  "db_datareader",
  "db_denydatareader",
  "SQLAgentReaderRole",
  "DatabaseMailUserRole",
];

export const LOGIN_ROLES_QUERY = defineQuery({
  id: "collector.permissions.server-roles",
  scope: "server",
  sql: `
SELECT
    SUSER_SNAME() AS login_name,
    r.role_name,
    IS_SRVROLEMEMBER(r.role_name) AS is_member
FROM (VALUES ${valuesList(WRITE_SERVER_ROLES)}) AS r (role_name)
ORDER BY r.role_name;`,
  reads: ["SUSER_SNAME", "IS_SRVROLEMEMBER"],
  permission: "CONNECT SQL",
});

export const SERVER_PERMISSIONS_QUERY = defineQuery({
  id: "collector.permissions.server",
  scope: "server",
  sql: `
SELECT p.permission_name
FROM sys.fn_my_permissions(NULL, N'SERVER') AS p
ORDER BY p.permission_name;`,
  reads: ["sys.fn_my_permissions"],
  permission: "CONNECT SQL",
});

export const DATABASE_PERMISSIONS_QUERY = defineQuery({
  id: "collector.permissions.database",
  scope: "database",
  sql: `
SELECT p.permission_name
FROM sys.fn_my_permissions(NULL, N'DATABASE') AS p
ORDER BY p.permission_name;`,
  reads: ["sys.fn_my_permissions"],
  permission: "CONNECT",
});

export const DATABASE_ROLES_QUERY = defineQuery({
  id: "collector.permissions.database-roles",
  scope: "database",
  sql: `
SELECT
    r.role_name,
    IS_ROLEMEMBER(r.role_name) AS is_member
FROM (VALUES ${valuesList(CHECKED_DATABASE_ROLES)}) AS r (role_name)
ORDER BY r.role_name;`,
  reads: ["IS_ROLEMEMBER"],
  permission: "CONNECT",
});

export const PERMISSION_QUERIES = [
  LOGIN_ROLES_QUERY,
  SERVER_PERMISSIONS_QUERY,
  DATABASE_PERMISSIONS_QUERY,
  DATABASE_ROLES_QUERY,
] as const;
