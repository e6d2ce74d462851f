/**
 * SARIF details of findings in application code: the statement's
 * enclosing class and method as a logical location of kind `function`,
 * and in the result's properties the call the SQL was given to and
 * whether parts of it are dynamic. The physical location needs nothing
 * more, because findings already carry the source file, line and column.
 */

import type { Assessment } from "../assessment/model.js";
import type { AppCodeStatement } from "../sources/app-code/model.js";

/** Finds the statement that contains a line of a file; undefined for an assessment without application code. */
export type StatementLookup = (file: string, line: number) => AppCodeStatement | undefined;

export function appCodeStatements(a: Assessment): StatementLookup | undefined {
  if (a.applicationCode === undefined) {
    return undefined;
  }
  const byFile = new Map<string, AppCodeStatement[]>();
  for (const s of a.applicationCode.statements) {
    let list = byFile.get(s.file);
    if (list === undefined) {
      list = [];
      byFile.set(s.file, list);
    }
    list.push(s);
  }
  return (file, line) => {
    const list = byFile.get(file);
    if (list === undefined) {
      return undefined;
    }
    // The last statement starting at or before the line; statements of a file are in order.
    let found: AppCodeStatement | undefined;
    for (const s of list) {
      if (s.line > line) {
        break;
      }
      if (line <= s.endLine) {
        found = s;
      }
    }
    return found;
  };
}

/** Returns the result with the statement's scope and call added. */
export function withAppCodeDetails(result: Record<string, unknown>, statement: AppCodeStatement | undefined): object {
  if (statement === undefined) {
    return result;
  }
  const [location, ...rest] = result["locations"] as Record<string, unknown>[];
  const logical = (location?.["logicalLocations"] as object[] | undefined) ?? [];
  const withScope =
    statement.scope === ""
      ? location
      : { ...location, logicalLocations: [...logical, { fullyQualifiedName: statement.scope, kind: "function" }] };
  return {
    ...result,
    locations: [withScope, ...rest],
    properties: {
      ...(result["properties"] as object),
      ...(statement.call === undefined ? {} : { sqlCall: statement.call }),
      partlyDynamic: statement.dynamicParts > 0,
    },
  };
}
