/**
 * `--fail-on STATUS`: which findings make `infio assess` exit with code 3.
 * Statuses are ranked by how surely they block a migration:
 *
 *   notSupported > unknown > reviewManually > reviewSemantics
 *     > reviewPerformance > ignored > supported
 *
 * `unknown` ranks just below `notSupported` because infio could not say
 * whether the construct works, and a gate should not let it through as if
 * it were merely a review item; `reviewManually` follows, since a person
 * must decide. Parse errors are not findings and never trigger the gate.
 */

import type { AssessmentSummary, FindingStatus } from "./model.js";

export const FAIL_ON_ORDER: readonly FindingStatus[] = [
  "notSupported",
  "unknown",
  "reviewManually",
  "reviewSemantics",
  "reviewPerformance",
  "ignored",
  "supported",
];

export function isFindingStatus(value: string): value is FindingStatus {
  return (FAIL_ON_ORDER as readonly string[]).includes(value);
}

/** Statuses at or above `threshold` in {@link FAIL_ON_ORDER}. */
export function statusesAtOrAbove(threshold: FindingStatus): FindingStatus[] {
  return FAIL_ON_ORDER.slice(0, FAIL_ON_ORDER.indexOf(threshold) + 1);
}

/** Number of findings at or above `threshold`. */
export function countAtOrAbove(
  summary: AssessmentSummary,
  threshold: FindingStatus,
): number {
  return statusesAtOrAbove(threshold).reduce(
    (sum, status) => sum + summary.findingsByStatus[status],
    0,
  );
}
