/**
 * Names that the assessed unit itself defines and that later code refers
 * to: user-defined types by kind, and views. A use of `dbo.Money2` is an
 * alias type use only if the unit created it, so detectors look names up
 * here. The walker visits in source order, so a definition is recorded
 * before the uses that follow it.
 */

import type { SchemaObjectName } from "../../tsql/ast/node.js";
import { objectName, type AnalysisContext } from "../context.js";

export type UserTypeKind = "alias" | "table" | "clr";

interface UnitNames {
  readonly types: Map<string, UserTypeKind>;
  readonly views: Set<string>;
}

// Keyed by the occurrence list, which a unit shares with the nested
// contexts of its dynamic SQL: a type created in EXEC('...') is known to
// the rest of the unit, as it is to SQL Server after the EXEC runs.
const names = new WeakMap<object, UnitNames>();

function namesOf(context: AnalysisContext): UnitNames {
  let found = names.get(context.occurrences);
  if (found === undefined) {
    found = { types: new Map(), views: new Set() };
    names.set(context.occurrences, found);
  }
  return found;
}

/** Lower-case `schema.name`, the key for lookups. */
function key(name: SchemaObjectName): string {
  return objectName(name).toLowerCase();
}

export function recordUserType(
  context: AnalysisContext,
  name: SchemaObjectName,
  kind: UserTypeKind,
): void {
  namesOf(context).types.set(key(name), kind);
}

export function userTypeKind(
  context: AnalysisContext,
  name: SchemaObjectName,
): UserTypeKind | undefined {
  const types = namesOf(context).types;
  return types.size === 0 ? undefined : types.get(key(name));
}

export function recordView(context: AnalysisContext, name: SchemaObjectName): void {
  namesOf(context).views.add(key(name));
}

export function isKnownView(context: AnalysisContext, name: SchemaObjectName): boolean {
  const views = namesOf(context).views;
  return views.size > 0 && views.has(key(name));
}
