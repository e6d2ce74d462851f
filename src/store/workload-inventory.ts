/**
 * The storage of an assessment's workload part in the inventory table:
 * the captures read and the distinct statements, one item each, under two
 * kinds named `workload.*`. Inventory rows are sealed like every row of
 * an assessment, so the statements are encrypted at rest.
 */

import type { WorkloadCapture, WorkloadSource, WorkloadStatement } from "../sources/workload/model.js";
import type { AssessmentWriter } from "./store.js";

/** WorkloadCapture items in reading order. Their presence marks a workload assessment. */
export const WORKLOAD_CAPTURES_KIND = "workload.captures";
/** WorkloadStatement items, most executed first. */
export const WORKLOAD_STATEMENTS_KIND = "workload.statements";

export async function writeWorkloadSource(writer: AssessmentWriter, workload: WorkloadSource): Promise<void> {
  await writer.addInventory(WORKLOAD_CAPTURES_KIND, workload.captures);
  await writer.addInventory(WORKLOAD_STATEMENTS_KIND, workload.statements);
}

/**
 * Reads the workload part with `readKind`, which returns the items of one
 * kind in saved order; undefined for an assessment of anything else.
 */
export async function readWorkloadSource(
  readKind: (kind: string) => Promise<unknown[]>,
): Promise<WorkloadSource | undefined> {
  const captures = (await readKind(WORKLOAD_CAPTURES_KIND)) as WorkloadCapture[];
  if (captures.length === 0) {
    return undefined;
  }
  const statements = (await readKind(WORKLOAD_STATEMENTS_KIND)) as WorkloadStatement[];
  return { captures, statements };
}
