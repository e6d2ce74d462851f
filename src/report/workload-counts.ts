/**
 * How often the workload statement of a finding ran, for the reports that
 * rank findings by frequency: a finding's `file` is the unit name of its
 * statement.
 */

import type { Assessment } from "../assessment/model.js";

/** Executions of each workload statement by unit name; undefined for an assessment of another source. */
export function executionsByUnit(a: Assessment): ReadonlyMap<string, number> | undefined {
  if (a.workload === undefined) {
    return undefined;
  }
  return new Map(a.workload.statements.map((s) => [s.file, s.executions]));
}
