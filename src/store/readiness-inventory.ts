/**
 * The storage of an assessment's data-migration readiness in the
 * inventory table, computed when the assessment ran: one `readiness.summary`
 * item (target, thresholds, biggest tables, strategy counts, missing parts)
 * and the items under `readiness.items`, in report order.
 */

import type { Readiness, ReadinessItem } from "../assessment/readiness/model.js";
import type { AssessmentWriter } from "./store.js";

/** One item: the Readiness without its items. Its presence marks an assessment with readiness. */
export const READINESS_SUMMARY_KIND = "readiness.summary";
/** ReadinessItem items in report order. */
export const READINESS_ITEMS_KIND = "readiness.items";

export async function writeReadiness(writer: AssessmentWriter, readiness: Readiness): Promise<void> {
  const { items, ...summary } = readiness;
  await writer.addInventory(READINESS_SUMMARY_KIND, [summary]);
  await writer.addInventory(READINESS_ITEMS_KIND, items);
}

/**
 * Reads the readiness with `readKind`, which returns the items of one kind
 * in saved order; undefined for an assessment without it.
 */
export async function readReadiness(
  readKind: (kind: string) => Promise<unknown[]>,
): Promise<Readiness | undefined> {
  const [summary] = await readKind(READINESS_SUMMARY_KIND);
  if (summary === undefined) {
    return undefined;
  }
  const items = (await readKind(READINESS_ITEMS_KIND)) as ReadinessItem[];
  return { ...(summary as Omit<Readiness, "items">), items };
}
