/**
 * CSS classes and colours of the finding statuses. Each colour keeps white
 * badge text above the WCAG AA contrast ratio of 4.5:1. A status value
 * this version does not know gets the neutral `st-other` class, so no value
 * from the data ever becomes part of a class name.
 */

import type { FindingStatus } from "../../assessment/model.js";
import { FINDING_STATUSES } from "../../assessment/model.js";

export const STATUS_COLORS: Readonly<Record<FindingStatus | "other", string>> =
  {
    notSupported: "#c62828",
    reviewManually: "#a05a00",
    reviewSemantics: "#ad1457",
    reviewPerformance: "#1565c0",
    unknown: "#6a1b9a",
    supported: "#2e7d32",
    ignored: "#616161",
    other: "#455a64",
  };

/** Returns the CSS class of a status. */
export function statusClass(status: string): string {
  const known = FINDING_STATUSES.includes(status as FindingStatus);
  return known ? `st-${status}` : "st-other";
}

/** Returns the colour of a status, or the neutral colour if it is not one. */
export function statusColor(status: string): string {
  return Object.hasOwn(STATUS_COLORS, status)
    ? STATUS_COLORS[status as FindingStatus]
    : STATUS_COLORS.other;
}
