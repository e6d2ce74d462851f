/**
 * Turns the permission check into collected items. The server and each
 * database read get one `permissions` inventory item. Each permission the
 * login lacks gets a `permission-missing` problem naming the parts it
 * leaves incomplete. A login that is sysadmin or can change the server or
 * a database gets an `over-privileged` warning. Warnings are problems of
 * their own reason, so they travel with the others, but nothing is
 * missing because of them.
 */

import type { CollectedItem, InventoryItem } from "../collected.js";
import type { QueryGroup } from "../collector-queries.js";
import {
  databaseWriteAccess,
  isAllPowerful,
  missingPermissions,
  serverWriteAccess,
  type MissingPermission,
  type PermissionState,
} from "./evaluate.js";
import type { DatabasePermissions } from "./read.js";

export const PERMISSIONS_PART = "permissions";

const FIX = "grant it (docs/permissions.md lists what each permission reads) or create a login with `infio grant-script`";
const MINIMAL = "infio needs only read permissions; create a minimal login with `infio grant-script`";

/** Items for the server: the server `permissions` item, then problems and warnings. */
export function serverPermissionItems(
  state: PermissionState,
  groups: readonly QueryGroup[],
  server: string,
): CollectedItem[] {
  const { login } = state;
  const missing = missingPermissions(groups, "server", state, "master");
  const writeAccess = serverWriteAccess(login);
  const checked = [...state.databases.values()];

  const item: InventoryItem = {
    scope: "server",
    login: login.login,
    sysadmin: login.serverRoles.includes("sysadmin"),
    serverRoles: [...login.serverRoles],
    permissions: [...login.permissions],
    databases: checked.map((database) => ({
      database: database.database,
      permissions: [...database.permissions],
      roles: [...database.roles],
    })),
    missing: missing.map((m) => m.permission),
    incompleteParts: incompleteParts(missing),
    writeAccess,
  };

  const items: CollectedItem[] = [{ kind: "inventory", part: PERMISSIONS_PART, items: [item] }];
  for (const entry of missing) {
    items.push(missingProblem(entry, `login '${login.login}' lacks ${entry.permission} on '${server}'`));
  }

  const checkedWriteAccess = checked.flatMap((database) =>
    databaseWriteAccess(database).map((access) => `${access} in ${database.database}`),
  );
  if (login.serverRoles.includes("sysadmin")) {
    items.push(overPrivileged(`login '${login.login}' is a member of sysadmin on '${server}', so it can change anything there; ${MINIMAL}`));
  } else if (writeAccess.length > 0 || checkedWriteAccess.length > 0) {
    const listed = listOf([...writeAccess, ...checkedWriteAccess]);
    items.push(overPrivileged(`login '${login.login}' can change server '${server}': ${listed}; ${MINIMAL}`));
  }
  return items;
}

/** Items for one database: its `permissions` item, then problems and warnings. */
export function databasePermissionItems(
  state: PermissionState,
  database: DatabasePermissions,
  groups: readonly QueryGroup[],
  server: string,
): CollectedItem[] {
  const { login } = state;
  const missing = missingPermissions(groups, "database", state, database.database);
  // A sysadmin enters every database as dbo; the server warning covers it.
  const writeAccess = isAllPowerful(login) ? [] : databaseWriteAccess(database);

  const item: InventoryItem = {
    database: database.database,
    scope: "database",
    permissions: [...database.permissions],
    roles: [...database.roles],
    missing: missing.map((m) => m.permission),
    incompleteParts: incompleteParts(missing),
    writeAccess,
  };

  const items: CollectedItem[] = [{ kind: "inventory", part: PERMISSIONS_PART, items: [item] }];
  const where = `database '${database.database}' on '${server}'`;
  for (const entry of missing) {
    items.push(missingProblem(entry, `login '${login.login}' lacks ${entry.permission} in ${where}`, database.database));
  }
  if (writeAccess.length > 0) {
    items.push(
      overPrivileged(`login '${login.login}' can change ${where}: ${listOf(writeAccess)}; ${MINIMAL}`, database.database),
    );
  }
  return items;
}

function incompleteParts(missing: readonly MissingPermission[]): string[] {
  return [...new Set(missing.flatMap((m) => m.parts))];
}

function missingProblem(entry: MissingPermission, lacks: string, database?: string): CollectedItem {
  return {
    kind: "problem",
    problem: {
      part: PERMISSIONS_PART,
      ...(database === undefined ? {} : { database }),
      reason: "permission-missing",
      message: `${lacks}, so these parts will be incomplete: ${entry.parts.join(", ")}; ${FIX}`,
    },
  };
}

function overPrivileged(message: string, database?: string): CollectedItem {
  return {
    kind: "problem",
    problem: {
      part: PERMISSIONS_PART,
      ...(database === undefined ? {} : { database }),
      reason: "over-privileged",
      message,
    },
  };
}

/** Lists up to eight entries and counts the rest, so a long list stays readable. */
function listOf(entries: readonly string[]): string {
  const shown = entries.slice(0, 8).join(", ");
  return entries.length > 8 ? `${shown} and ${entries.length - 8} more` : shown;
}
