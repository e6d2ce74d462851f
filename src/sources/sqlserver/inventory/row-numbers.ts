/**
 * Reads numbers and ids out of catalog rows. tedious returns bigint
 * columns as digit strings and decimal as number; the in-memory test
 * session returns the numbers or bigints that the fixture contains.
 */

import type { Row } from "../reader.js";
import { textOf } from "./row-values.js";

/**
 * Returns the column as a number, or null for NULL. Row, page and byte
 * counts stay far below 2^53, so converting bigint to number loses nothing.
 */
export function numberOf(row: Row, name: string): number | null {
  if (!(name in row)) {
    throw new Error(`catalog row has no column '${name}'; the query and the part disagree`);
  }

  const value = row[name];
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === "number") {
    return value;
  }
  if (typeof value === "bigint") {
    return Number(value);
  }
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) {
    return Number(value);
  }
  throw new TypeError(
    `invalid number ${JSON.stringify(String(value))} in column '${name}' of a catalog row`,
  );
}

/** Returns the column as a number with NULL read as 0, for counts and sums. */
export function countOf(row: Row, name: string): number {
  return numberOf(row, name) ?? 0;
}

/**
 * Returns a uniqueidentifier in upper case, the form tedious returns, so
 * ids read by two queries compare equal.
 */
export function guidOf(row: Row, name: string): string | null {
  return textOf(row, name)?.toUpperCase() ?? null;
}

/** Converts 8-KB pages to kilobytes. */
export function pagesToKb(pages: number | null): number | null {
  return pages === null ? null : pages * 8;
}

/** Converts 8-KB pages to megabytes, rounded to two decimals. */
export function pagesToMb(pages: number | null): number | null {
  return pages === null ? null : Math.round((pages * 8 * 100) / 1024) / 100;
}
