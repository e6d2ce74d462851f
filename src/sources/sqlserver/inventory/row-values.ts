/**
 * Reads typed values out of catalog rows as plain JSON for inventory
 * items. tedious returns bit as boolean and datetime as Date; the
 * in-memory test session returns what the fixture holds. Each function
 * names the column, so a query and a part that disagree fail clearly.
 */

import type { Row } from "../reader.js";

/** Returns the column's text, or null for NULL. */
export function textOf(row: Row, name: string): string | null {
  const value = valueOf(row, name);
  if (value === null || value === undefined) {
    return null;
  }
  return typeof value === "string" ? value : String(value);
}

/** Returns the column's text; NULL is an error, for columns that cannot be NULL. */
export function requiredTextOf(row: Row, name: string): string {
  const text = textOf(row, name);
  if (text === null) {
    throw new Error(`catalog row has NULL in column '${name}', which the query never returns NULL`);
  }
  return text;
}

/** Returns a bit column (boolean or 0/1) as a boolean, or null for NULL. */
export function flagOf(row: Row, name: string): boolean | null {
  const value = valueOf(row, name);
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === "boolean") {
    return value;
  }
  return Number(value) !== 0;
}

/** Returns a date column as an ISO 8601 string, or null for NULL. */
export function dateOf(row: Row, name: string): string | null {
  const value = valueOf(row, name);
  if (value === null || value === undefined) {
    return null;
  }
  return value instanceof Date ? value.toISOString() : String(value);
}

function valueOf(row: Row, name: string): unknown {
  if (!(name in row)) {
    throw new Error(`catalog row has no column '${name}'; the query and the part disagree`);
  }
  return row[name];
}
