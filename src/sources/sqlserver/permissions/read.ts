/** Reads the login's effective permissions and roles on the server and in one database. */

import type { SqlReader } from "../reader.js";
import { flagOf, textOf } from "../code/row-values.js";
import {
  DATABASE_PERMISSIONS_QUERY,
  DATABASE_ROLES_QUERY,
  LOGIN_ROLES_QUERY,
  SERVER_PERMISSIONS_QUERY,
} from "./queries.js";

export interface LoginPermissions {
  /** `SUSER_SNAME()`. */
  readonly login: string;
  /** Fixed server roles the login is a member of. */
  readonly serverRoles: readonly string[];
  /** Effective server permissions, sorted. */
  readonly permissions: readonly string[];
}

export interface DatabasePermissions {
  readonly database: string;
  /** Effective database permissions, sorted. */
  readonly permissions: readonly string[];
  /** Checked roles the login's user is a member of. */
  readonly roles: readonly string[];
}

/** Rejects with the SqlServerError of the first query that fails. */
export async function readLoginPermissions(reader: SqlReader): Promise<LoginPermissions> {
  const roleRows = await reader.all(LOGIN_ROLES_QUERY);
  const permissionRows = await reader.all(SERVER_PERMISSIONS_QUERY);

  return {
    login: textOf(roleRows[0] ?? {}, "login_name") ?? "",
    serverRoles: roleRows.filter((row) => flagOf(row, "is_member")).map((row) => textOf(row, "role_name") ?? ""),
    permissions: namesOf(permissionRows),
  };
}

/** Reads the permissions in the database the reader opens. */
export async function readDatabasePermissions(reader: SqlReader): Promise<DatabasePermissions> {
  const permissionRows = await reader.all(DATABASE_PERMISSIONS_QUERY);
  const roleRows = await reader.all(DATABASE_ROLES_QUERY);

  return {
    database: reader.database,
    permissions: namesOf(permissionRows),
    roles: roleRows.filter((row) => flagOf(row, "is_member")).map((row) => textOf(row, "role_name") ?? ""),
  };
}

function namesOf(rows: readonly Readonly<Record<string, unknown>>[]): string[] {
  const names = new Set<string>();
  for (const row of rows) {
    const name = textOf(row, "permission_name");
    if (name !== null) {
      names.add(name);
    }
  }
  return [...names].sort();
}
