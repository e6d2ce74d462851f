/** The test price book with round prices, and helpers to compute with it. */

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { computeCost } from "../../../src/assessment/cost/compute.js";
import type { CostSection, CostSettings, EstateMetrics } from "../../../src/assessment/cost/model.js";
import { parsePriceBook } from "../../../src/assessment/cost/price-book-check.js";
import type { PriceBook } from "../../../src/assessment/cost/price-book.js";

/** test/fixtures/cost/round-prices.json, from dist/test/assessment/cost/. */
export const ROUND_BOOK_PATH = fileURLToPath(
  new URL("../../../../test/fixtures/cost/round-prices.json", import.meta.url),
);

export function roundBook(): PriceBook {
  return parsePriceBook(readFileSync(ROUND_BOOK_PATH, "utf8"), ROUND_BOOK_PATH);
}

/** Computes with the round book; effort of 10 to 25 hours unless given. */
export function costOf(
  estate: EstateMetrics,
  settings: Partial<CostSettings> = {},
  effortHours = { low: 10, high: 25 },
): CostSection {
  return computeCost(roundBook(), "test", { estate, estateSources: {}, settings, effortHours });
}

/** Returns the target option with `id`; throws when absent. */
export function targetOf(cost: CostSection, id: string): CostSection["targets"][number] {
  const found = cost.targets.find((t) => t.id === id);
  if (found === undefined) {
    throw new Error(`no target '${id}' in ${cost.targets.map((t) => t.id).join(", ")}`);
  }
  return found;
}
