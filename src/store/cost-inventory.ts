/**
 * The storage of an assessment's cost section in the inventory table: one
 * item of the kind `cost.section`, with the price book's name, date and
 * currency and the inputs, so that `infio report` shows the same figures.
 * Inventory rows are sealed like every row of an assessment.
 */

import type { CostSection } from "../assessment/cost/model.js";
import type { AssessmentWriter } from "./store.js";

/** The one CostSection item of an assessment that has a cost section. */
export const COST_SECTION_KIND = "cost.section";

export async function writeCostSection(writer: AssessmentWriter, cost: CostSection): Promise<void> {
  await writer.addInventory(COST_SECTION_KIND, [cost]);
}

/**
 * Reads the cost section with `readKind`, which returns the items of one
 * kind in saved order; undefined for an assessment stored without one.
 */
export async function readCostSection(
  readKind: (kind: string) => Promise<unknown[]>,
): Promise<CostSection | undefined> {
  const items = await readKind(COST_SECTION_KIND);
  return items.length === 0 ? undefined : (items[0] as CostSection);
}
