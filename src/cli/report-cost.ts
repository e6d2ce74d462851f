/**
 * `infio report --price-book FILE`: the cost section of a stored
 * assessment computed again with another price book.
 */

import type { Assessment } from "../assessment/model.js";
import type { LoadedPriceBook } from "../assessment/cost/price-book-file.js";
import { buildCostSection, recomputeCost } from "../assessment/cost/section.js";
import type { Logger } from "./log.js";

/**
 * Replaces the cost section with one computed with `priceBook`, from the
 * inputs the stored section kept. An assessment stored without a cost
 * section gets one from its live inventory and effort estimate, without
 * the `cost` settings of a config file, which the store did not keep.
 */
export function withPriceBook(a: Assessment, priceBook: LoadedPriceBook, log: Logger): Assessment {
  const cost =
    a.cost === undefined
      ? buildCostSection({ priceBook }, a.live, a.effort?.total ?? a.summary.effort)
      : recomputeCost(a.cost, priceBook, a.live);
  const book = priceBook.book;
  log.info(`cost section computed again with price book '${book.name}' of ${book.asOf} (${book.currency})`);
  return { ...a, cost };
}
