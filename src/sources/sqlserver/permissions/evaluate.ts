/**
 * Decides, from the login's effective permissions, which declared
 * permissions it has, which parts will therefore be incomplete, and
 * what it has beyond reading. The permission hierarchy applied here is
 * the one "Permissions (Database Engine)" on Microsoft Learn describes:
 * CONTROL SERVER (which sysadmin has) covers everything, a covering server
 * permission covers its database permission in every database, and
 * CONTROL on a database (which db_owner has) covers every database
 * permission in it. Membership of a fixed database role counts as the
 * permissions the role grants (db_datareader: SELECT), unless a role
 * denies them (db_denydatareader).
 */

import type { QueryScope } from "../catalog-query.js";
import type { QueryGroup } from "../collector-queries.js";
import type { DatabasePermissions, LoginPermissions } from "./read.js";
import {
  FIXED_ROLE_DENIALS,
  FIXED_ROLE_PERMISSIONS,
  isReadOnlyDatabasePermission,
  isReadOnlyServerPermission,
  parsePermission,
  WRITE_DATABASE_ROLES,
  WRITE_SERVER_ROLES,
  type PermissionSpec,
} from "./vocabulary.js";

export interface PermissionState {
  readonly login: LoginPermissions;
  /** Database permissions read so far, by lower-case database name. */
  readonly databases: ReadonlyMap<string, DatabasePermissions>;
}

/** Returns whether the login can do anything: sysadmin or CONTROL SERVER. */
export function isAllPowerful(login: LoginPermissions): boolean {
  return login.serverRoles.includes("sysadmin") || login.permissions.includes("CONTROL SERVER");
}

/**
 * Returns whether the login has `spec` for a query that runs in
 * `database`, or undefined when the database's permissions were not read.
 */
export function holdsPermission(spec: PermissionSpec, state: PermissionState, database: string): boolean | undefined {
  const { login } = state;
  if (isAllPowerful(login)) {
    return true;
  }
  const onServer = (name: string) => login.permissions.includes(name);
  if (spec.kind === "server") {
    return onServer(spec.name) || spec.coveredBy.some(onServer);
  }
  if (spec.kind === "database" && spec.coveredBy.some(onServer)) {
    return true;
  }

  const target = state.databases.get((spec.database ?? database).toLowerCase());
  if (target === undefined) {
    return undefined;
  }
  if (spec.kind === "role") {
    return holdsRole(spec.name, target);
  }
  return holdsDatabasePermission(spec.name, target);
}

/**
 * Returns whether the user has a database permission: effective in
 * sys.fn_my_permissions, or granted by CONTROL or a fixed role and not
 * denied by one.
 */
export function holdsDatabasePermission(name: string, database: DatabasePermissions): boolean {
  if (database.permissions.includes(name)) {
    return true;
  }
  const denied = database.roles.some((role) => FIXED_ROLE_DENIALS[role]?.includes(name) === true);
  if (denied) {
    return false;
  }
  const granted = [...database.permissions, ...database.roles.flatMap((role) => FIXED_ROLE_PERMISSIONS[role] ?? [])];
  return granted.includes(name) || granted.includes("CONTROL");
}

/**
 * Returns whether the user has what a declared role is for: the
 * permissions of a fixed role, however held, or membership of any other
 * role, such as msdb's SQLAgentReaderRole, which grants through its
 * membership alone.
 */
function holdsRole(role: string, database: DatabasePermissions): boolean {
  const permissions = FIXED_ROLE_PERMISSIONS[role];
  if (permissions === undefined) {
    return database.roles.includes(role);
  }
  return permissions.every((name) => holdsDatabasePermission(name, database));
}

/** A declared permission the login lacks, with the parts it leaves incomplete. */
export interface MissingPermission {
  readonly permission: string;
  readonly parts: readonly string[];
}

/**
 * Returns the permissions missing for the queries of `scope` in `groups`
 * when they run in `database` (master for server scope). A permission
 * that could not be checked counts as missing. A permission this version
 * does not know, or one the grant script never grants, is left out.
 */
export function missingPermissions(
  groups: readonly QueryGroup[],
  scope: QueryScope,
  state: PermissionState,
  database: string,
): MissingPermission[] {
  const partsByPermission = new Map<string, Set<string>>();

  for (const group of groups) {
    for (const query of group.queries) {
      if (query.scope !== scope) {
        continue;
      }
      // A permission the grant script never grants (CONTROL) is missing by
      // design on a minimal login, so it is not reported.
      const spec = parsePermission(query.permission);
      if (spec === undefined || !spec.grantable || holdsPermission(spec, state, database) === true) {
        continue;
      }
      let parts = partsByPermission.get(query.permission);
      if (parts === undefined) {
        parts = new Set();
        partsByPermission.set(query.permission, parts);
      }
      parts.add(group.name);
    }
  }

  return [...partsByPermission.entries()].map(([permission, parts]) => ({
    permission,
    parts: [...parts],
  }));
}

/** Roles and permissions of the login that can change the server. */
export function serverWriteAccess(login: LoginPermissions): string[] {
  const roles = login.serverRoles.filter((role) => (WRITE_SERVER_ROLES as readonly string[]).includes(role));
  const permissions = login.permissions.filter((name) => !isReadOnlyServerPermission(name));
  return [...roles.map((role) => `member of ${role}`), ...permissions];
}

/** Roles and permissions of the login's user that can change a database. */
export function databaseWriteAccess(database: DatabasePermissions): string[] {
  const roles = database.roles.filter((role) => (WRITE_DATABASE_ROLES as readonly string[]).includes(role));
  const permissions = database.permissions.filter((name) => !isReadOnlyDatabasePermission(name));
  return [...roles.map((role) => `member of ${role}`), ...permissions];
}

/**
 * Databases whose permissions the server-level check must read: those
 * that declared permissions name (msdb for `db_datareader role in msdb`),
 * and master when a server-scope query declares a database permission
 * without naming a database.
 */
export function namedDatabases(groups: readonly QueryGroup[]): string[] {
  const names = new Set<string>();
  for (const group of groups) {
    for (const query of group.queries) {
      const spec = parsePermission(query.permission);
      if (spec?.database !== undefined) {
        names.add(spec.database);
      } else if (spec !== undefined && spec.kind !== "server" && query.scope === "server") {
        names.add("master");
      }
    }
  }
  return [...names].sort();
}
