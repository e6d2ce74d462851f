/**
 * Builds the cost section of a run: sizes the estate from the live
 * inventory, lets the config file's estate and any measured metrics
 * replace its fields, and computes the figures with the price book.
 */

import type { EffortRange, LiveSource } from "../model.js";
import { computeCost } from "./compute.js";
import { estateFromInventory, mergeEstate } from "./estate.js";
import type { CostSection, CostSettings, EstateMetrics, MissingFigure } from "./model.js";
import type { LoadedPriceBook } from "./price-book-file.js";

/** The price book and estate figures a run computes its cost section from. */
export interface CostRequest {
  readonly priceBook: LoadedPriceBook;
  /** `cost.estate` of the config file; its fields replace the inventory's. */
  readonly estate?: EstateMetrics;
  readonly settings?: Partial<CostSettings>;
  /** Measured application metrics; their fields replace both the inventory's and the config file's. */
  readonly metrics?: EstateMetrics;
}

export function buildCostSection(
  request: CostRequest,
  live: LiveSource | undefined,
  effortHours: EffortRange,
): CostSection {
  const sized = mergeEstate([
    { source: "inventory", estate: live === undefined ? {} : estateFromInventory(live.inventory) },
    { source: "config", estate: request.estate ?? {} },
    { source: "metrics", estate: request.metrics ?? {} },
  ]);
  const section = computeCost(request.priceBook.book, request.priceBook.origin, {
    estate: sized.estate,
    estateSources: sized.sources,
    settings: request.settings ?? {},
    effortHours: { low: effortHours.low, high: effortHours.high },
  });
  return withPartHints(section, live);
}

/** Computes a stored cost section again with another price book, from the inputs it kept. */
export function recomputeCost(section: CostSection, priceBook: LoadedPriceBook, live: LiveSource | undefined): CostSection {
  return withPartHints(computeCost(priceBook.book, priceBook.origin, section.inputs), live);
}

/** The inventory part each estate figure is read from. */
const PART_OF_FIELD: Readonly<Record<string, string>> = {
  edition: "server",
  cores: "host",
  vCpus: "host",
  memoryGiB: "host",
  storageGiB: "database-files",
};

/**
 * Names, in each missing figure of a live server, the inventory part the
 * figure is read from when that part has no items. The login may have
 * lacked a permission or the query failed, and the report lists why.
 */
function withPartHints(section: CostSection, live: LiveSource | undefined): CostSection {
  if (live === undefined) {
    return section;
  }
  const missing = section.missing.map((m): MissingFigure => {
    const part = PART_OF_FIELD[m.field];
    if (part === undefined || (live.inventory[part]?.length ?? 0) > 0) {
      return m;
    }
    return { ...m, message: `${m.message} (the '${part}' part was not read from the server, and the report's 'Not read' list gives the reason)` };
  });
  return { ...section, missing };
}
