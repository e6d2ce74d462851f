/**
 * Roles and the named permissions they grant. Each role has every
 * permission of the roles below it: viewer ⊂ assessor ⊂ admin. Routes
 * declare the one permission they need, never a role, so that what a role
 * may do is stated here and only here.
 */

import { CONSOLE_ROLES, type ConsoleRole } from "../../store/console-users.js";

export { CONSOLE_ROLES, type ConsoleRole };

export const PERMISSIONS = [
  "assessments.read",
  "assessments.run",
  "connections.manage",
  "applications.manage",
  "users.manage",
  "audit.read",
  "data.purge",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** Permissions a role adds to those of the role below it. */
const ADDED_PERMISSIONS: Readonly<Record<ConsoleRole, readonly Permission[]>> = {
  viewer: ["assessments.read"],
  assessor: ["assessments.run", "connections.manage", "applications.manage"],
  admin: ["users.manage", "audit.read", "data.purge"],
};

const GRANTED: ReadonlyMap<ConsoleRole, ReadonlySet<Permission>> = grantAll();

function grantAll(): Map<ConsoleRole, Set<Permission>> {
  const granted = new Map<ConsoleRole, Set<Permission>>();
  let inherited: Permission[] = [];
  for (const role of CONSOLE_ROLES) {
    inherited = [...inherited, ...ADDED_PERMISSIONS[role]];
    granted.set(role, new Set(inherited));
  }
  return granted;
}

/** Checks whether `role` has `permission`. */
export function hasPermission(role: ConsoleRole, permission: Permission): boolean {
  return GRANTED.get(role)?.has(permission) ?? false;
}

/** Returns the permissions of `role`, in the order of PERMISSIONS. */
export function permissionsOf(role: ConsoleRole): Permission[] {
  return PERMISSIONS.filter((permission) => hasPermission(role, permission));
}

/** Returns `text` as a role, or undefined when it names none. */
export function parseRole(text: string): ConsoleRole | undefined {
  return (CONSOLE_ROLES as readonly string[]).includes(text) ? (text as ConsoleRole) : undefined;
}

/** Checks whether `text` is a permission name. */
export function isPermission(text: string): text is Permission {
  return (PERMISSIONS as readonly string[]).includes(text);
}
