/** Small helpers for building inventory items from several result sets. */

import type { Row } from "../reader.js";
import { requiredTextOf } from "./row-values.js";

/** Appends `value` to the list kept under `key`, creating the list when absent. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [value]);
  } else {
    list.push(value);
  }
}

/** Role memberships indexed both ways, from rows of `role_name` and `member_name`. */
export interface Memberships {
  /** Roles by member name. */
  readonly rolesOf: ReadonlyMap<string, readonly string[]>;
  /** Members by role name. */
  readonly membersOf: ReadonlyMap<string, readonly string[]>;
}

/** Indexes role membership rows by member and by role, in row order. */
export function indexMemberships(rows: readonly Row[]): Memberships {
  const rolesOf = new Map<string, string[]>();
  const membersOf = new Map<string, string[]>();
  for (const row of rows) {
    const role = requiredTextOf(row, "role_name");
    const member = requiredTextOf(row, "member_name");
    appendTo(rolesOf, member, role);
    appendTo(membersOf, role, member);
  }
  return { rolesOf, membersOf };
}
