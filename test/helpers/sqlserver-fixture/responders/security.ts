/**
 * Responders for the logins, server-permissions, users and
 * database-permissions parts: the joins, filters and GROUP BY of their
 * queries done over the fixture's sys.server_* and sys.database_* rows.
 */

import type { ResponderTable } from "../responder.js";
import {
  countGroups,
  databaseView,
  isOn,
  orderBy,
  resultTable,
  sameBytes,
  sameText,
  serverView,
  type ColumnSpec,
  type NamedRow,
} from "./result-table.js";

const LOGIN_TYPES = new Set(["S", "U", "G", "C", "K", "E", "X"]);

const LOGIN_COLUMNS: readonly ColumnSpec[] = [
  ["name", "sysname"],
  ["type", "char(1)"],
  ["type_desc", "nvarchar(60)"],
  ["is_disabled", "int"],
  ["default_database_name", "sysname"],
  ["default_language_name", "sysname"],
  ["is_policy_checked", "bit"],
  ["is_expiration_checked", "bit"],
  ["credential_name", "sysname"],
  ["create_date", "datetime"],
  ["modify_date", "datetime"],
];

const MEMBER_COLUMNS: readonly ColumnSpec[] = [
  ["role_name", "sysname"],
  ["member_name", "sysname"],
];

const PERMISSION_COLUMNS: readonly ColumnSpec[] = [
  ["grantee_name", "sysname"],
  ["grantee_type_desc", "nvarchar(60)"],
  ["permission_name", "nvarchar(128)"],
  ["state_desc", "nvarchar(60)"],
  ["class_desc", "nvarchar(60)"],
  ["permission_count", "int"],
];

const USER_COLUMNS: readonly ColumnSpec[] = [
  ["name", "sysname"],
  ["type", "char(1)"],
  ["type_desc", "nvarchar(60)"],
  ["authentication_type_desc", "nvarchar(60)"],
  ["default_schema_name", "sysname"],
  ["login_name", "sysname"],
  ["is_orphaned", "bit"],
  ["create_date", "datetime"],
  ["modify_date", "datetime"],
];

/** Tests LIKE N'##%', in which '#' is no wildcard. */
function isInternalName(name: unknown): boolean {
  return typeof name === "string" && name.startsWith("##");
}

/** Joins role membership rows to the principals on both sides. */
function memberships(
  members: readonly NamedRow[],
  principals: readonly NamedRow[],
): NamedRow[] {
  const byId = new Map(principals.map((p) => [p["principal_id"], p]));
  const rows: NamedRow[] = [];
  for (const member of members) {
    const role = byId.get(member["role_principal_id"]);
    const principal = byId.get(member["member_principal_id"]);
    if (role !== undefined && principal !== undefined) {
      rows.push({ role_name: role["name"], member_name: principal["name"] });
    }
  }
  return orderBy(rows, "member_name", "role_name");
}

/** Joins permission rows to their grantees and counts them per group. */
function permissionSummary(
  permissions: readonly NamedRow[],
  principals: readonly NamedRow[],
  keep: (permission: NamedRow, grantee: NamedRow) => boolean,
): NamedRow[] {
  const byId = new Map(principals.map((p) => [p["principal_id"], p]));
  const joined: NamedRow[] = [];
  for (const permission of permissions) {
    const grantee = byId.get(permission["grantee_principal_id"]);
    if (grantee !== undefined && keep(permission, grantee)) {
      joined.push({
        grantee_name: grantee["name"],
        grantee_type_desc: grantee["type_desc"],
        permission_name: permission["permission_name"],
        state_desc: permission["state_desc"],
        class_desc: permission["class_desc"],
      });
    }
  }

  const keys = ["grantee_name", "grantee_type_desc", "permission_name", "state_desc", "class_desc"];
  const groups = countGroups(joined, keys, "permission_count");
  return orderBy(groups, "grantee_name", "permission_name", "state_desc", "class_desc");
}

export const SECURITY_RESPONDERS: ResponderTable = {
  "inventory.logins": ({ server }) => {
    const sqlLogins = serverView(server, "sys.sql_logins");
    const credentials = serverView(server, "sys.credentials");

    const rows = serverView(server, "sys.server_principals")
      .filter((p) => {
        const isLogin = LOGIN_TYPES.has(p["type"] as string);
        const isUserRole = p["type"] === "R" && !isOn(p["is_fixed_role"]) && !sameText(p["name"], "public");
        return (isLogin || isUserRole) && !isInternalName(p["name"]);
      })
      .map((p) => {
        const login = sqlLogins.find((l) => l["principal_id"] === p["principal_id"]);
        const credential = credentials.find((c) => c["credential_id"] === p["credential_id"]);
        return {
          ...p,
          is_policy_checked: login?.["is_policy_checked"] ?? null,
          is_expiration_checked: login?.["is_expiration_checked"] ?? null,
          credential_name: credential?.["name"] ?? null,
        };
      });
    return resultTable(LOGIN_COLUMNS, orderBy(rows, "name"));
  },

  "inventory.server-role-members": ({ server }) =>
    resultTable(
      MEMBER_COLUMNS,
      memberships(serverView(server, "sys.server_role_members"), serverView(server, "sys.server_principals")),
    ),

  "inventory.server-permissions": ({ server }) =>
    resultTable(
      PERMISSION_COLUMNS,
      permissionSummary(
        serverView(server, "sys.server_permissions"),
        serverView(server, "sys.server_principals"),
        (_, grantee) => !isInternalName(grantee["name"]),
      ),
    ),

  "inventory.users": ({ server, database }) => {
    const logins = serverView(server, "sys.server_principals");
    const rows = databaseView(database, "sys.database_principals")
      .filter((p) => !isOn(p["is_fixed_role"]))
      .filter((p) => !["public", "sys", "INFORMATION_SCHEMA"].some((name) => sameText(p["name"], name)))
      .map((p) => {
        const login = logins.find((l) => sameBytes(l["sid"], p["sid"]));
        const orphaned = p["type"] === "S" && p["authentication_type"] === 1 && login === undefined;
        return { ...p, login_name: login?.["name"] ?? null, is_orphaned: orphaned };
      });
    return resultTable(USER_COLUMNS, orderBy(rows, "name"));
  },

  "inventory.database-role-members": ({ database }) =>
    resultTable(
      MEMBER_COLUMNS,
      memberships(
        databaseView(database, "sys.database_role_members"),
        databaseView(database, "sys.database_principals"),
      ),
    ),

  "inventory.database-permissions": ({ database }) =>
    resultTable(
      PERMISSION_COLUMNS,
      permissionSummary(
        databaseView(database, "sys.database_permissions"),
        databaseView(database, "sys.database_principals"),
        (permission) => !(permission["class"] === 1 && (permission["major_id"] as number) < 0),
      ),
    ),
};
