/**
 * Readers of typed values from catalog rows. The driver returns bit columns
 * as booleans and integers as numbers. Rows built by hand (fixtures, a
 * bundle written by another version) may carry 0 and 1 or numeric
 * strings, so each reader accepts those too.
 */

import type { Row } from "../reader.js";

/** Reads a string column; NULL and missing columns read as null. */
export function textOf(row: Row, column: string): string | null {
  const value = row[column];
  if (value === null || value === undefined) {
    return null;
  }
  return String(value);
}

/** Reads a bit column: true only for 1 or true, so NULL reads as false. */
export function flagOf(row: Row, column: string): boolean {
  const value = row[column];
  return value === true || value === 1 || value === "1";
}

/** Reads a bit column that may be NULL, such as OBJECTPROPERTY for an unknown object. */
export function optionalFlagOf(row: Row, column: string): boolean | null {
  const value = row[column];
  if (value === null || value === undefined) {
    return null;
  }
  return flagOf(row, column);
}

/** Reads an integer column; NULL, missing and non-numeric values read as null. */
export function integerOf(row: Row, column: string): number | null {
  const value = row[column];
  if (typeof value === "number") {
    return value;
  }
  if (typeof value === "bigint") {
    return Number(value);
  }
  if (typeof value === "string" && /^-?\d+$/.test(value)) {
    return Number(value);
  }
  return null;
}

/** Reads a numeric column of any kind, such as a float bounding box; null otherwise. */
export function numberOf(row: Row, column: string): number | null {
  const value = row[column];
  if (typeof value === "number") {
    return value;
  }
  if (typeof value === "bigint") {
    return Number(value);
  }
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return null;
}
