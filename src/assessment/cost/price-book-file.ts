/**
 * Reading price books: the one shipped with infio in price-book/ and an
 * edited copy that `--price-book FILE` names.
 */

import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { parsePriceBook, PriceBookError } from "./price-book-check.js";
import type { PriceBook } from "./price-book.js";

/** The shipped price book; from dist/src/assessment/cost/ the package root is four folders up. */
export const SHIPPED_PRICE_BOOK_PATH = fileURLToPath(
  new URL("../../../../price-book/price-book.json", import.meta.url),
);

/** A price book with the file it came from, for messages and the report. */
export interface LoadedPriceBook {
  readonly book: PriceBook;
  /** `shipped`, or the path of the file `--price-book` named. */
  readonly origin: string;
}

/** Reads the shipped price book; a broken one is a fault of the installation. */
export async function loadShippedPriceBook(): Promise<LoadedPriceBook> {
  const text = await readFile(SHIPPED_PRICE_BOOK_PATH, "utf8");
  return { book: parsePriceBook(text, SHIPPED_PRICE_BOOK_PATH), origin: "shipped" };
}

/** Reads a price book file; throws PriceBookError when it is unreadable or invalid. */
export async function loadPriceBookFile(path: string): Promise<LoadedPriceBook> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    throw new PriceBookError(path, [{ path: "$", message: `cannot be read (${reason}); check the path` }]);
  }
  return { book: parsePriceBook(text, path), origin: path };
}
