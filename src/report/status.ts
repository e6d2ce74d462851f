/**
 * Display labels and order of the finding statuses. The order puts what
 * blocks a migration first, then what needs review, then the rest.
 */

import type { FindingStatus } from "../assessment/model.js";

export const STATUS_DISPLAY_ORDER: readonly FindingStatus[] = [
  "notSupported",
  "reviewManually",
  "reviewSemantics",
  "reviewPerformance",
  "unknown",
  "supported",
  "ignored",
];

const STATUS_LABELS: Readonly<Record<FindingStatus, string>> = {
  supported: "Supported",
  notSupported: "Not supported",
  reviewSemantics: "Review semantics",
  reviewPerformance: "Review performance",
  reviewManually: "Review manually",
  ignored: "Ignored",
  unknown: "Unknown feature",
};

/** Returns the label shown for a status, or the raw value if it is not one. */
export function statusLabel(status: string): string {
  if (Object.hasOwn(STATUS_LABELS, status)) {
    return STATUS_LABELS[status as FindingStatus];
  }

  return status;
}

/**
 * Returns the position of a status in `STATUS_DISPLAY_ORDER`. A value that
 * is not a known status (for example from a newer store) sorts last.
 */
export function statusRank(status: string): number {
  const index = STATUS_DISPLAY_ORDER.indexOf(status as FindingStatus);
  return index === -1 ? STATUS_DISPLAY_ORDER.length : index;
}
