/**
 * `--price-book FILE` of `infio assess` and `infio report`: an edited copy
 * of the price book for the cost section, and the cost request of a run.
 */

import { resolve } from "node:path";

import type { Command } from "commander";

import { loadPriceBookFile, loadShippedPriceBook, type LoadedPriceBook } from "../assessment/cost/price-book-file.js";
import { PriceBookError } from "../assessment/cost/price-book-check.js";
import type { CostRequest } from "../assessment/cost/section.js";
import type { CostConfig } from "./cost-config.js";
import type { CliContext } from "./context.js";
import { UsageError } from "./errors.js";
import type { Logger } from "./log.js";

export interface RawPriceBookOptions {
  priceBook?: string;
}

export function addPriceBookOption(command: Command): void {
  command.option(
    "--price-book <file>",
    "prices for the cost section, as 'infio price-book' writes them (default: the price book shipped with infio)",
  );
}

/** Returns `--price-book` as an absolute path, or undefined without it. */
export function priceBookPathFrom(raw: RawPriceBookOptions, ctx: CliContext): string | undefined {
  if (raw.priceBook === undefined) {
    return undefined;
  }
  if (raw.priceBook.trim() === "") {
    throw new UsageError("invalid --price-book '': pass the path of a price book file ('infio price-book --out FILE' writes one)");
  }
  return resolve(ctx.cwd, raw.priceBook);
}

/** Reads `--price-book` for `infio report`; throws UsageError naming the file, the bad value and the fix. */
export async function loadReportPriceBook(path: string): Promise<LoadedPriceBook> {
  try {
    return await loadPriceBookFile(path);
  } catch (error) {
    if (error instanceof PriceBookError) {
      throw new UsageError(error.message);
    }
    throw error;
  }
}

/**
 * Builds the cost request of `infio assess`. An invalid price book is
 * logged as an error and the assessment goes on without a cost section,
 * because the rest of the run does not depend on it.
 */
export async function costRequestFor(
  path: string | undefined,
  config: CostConfig | undefined,
  log: Logger,
): Promise<CostRequest | undefined> {
  let priceBook: LoadedPriceBook;
  try {
    priceBook = path === undefined ? await loadShippedPriceBook() : await loadPriceBookFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.error(`${reason}; the assessment goes on without the cost section`);
    return undefined;
  }

  log.info(`price book '${priceBook.book.name}' of ${priceBook.book.asOf} (${priceBook.book.currency}, ${priceBook.origin})`);
  return {
    priceBook,
    ...(config === undefined ? {} : { estate: config.estate, settings: config.settings }),
  };
}
