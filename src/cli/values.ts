/**
 * Parsers for option values. Each throws a UsageError that quotes the bad
 * value and says what to pass, which the CLI turns into exit code 2.
 */

import type { FindingStatus } from "../assessment/model.js";
import { FAIL_ON_ORDER, isFindingStatus } from "../assessment/fail-on.js";
import { compileGlob, type GlobMatcher } from "../sources/scripts/glob.js";
import { UsageError } from "./errors.js";

export type ReportFormat = "json" | "html" | "csv" | "sarif";

export const REPORT_FORMATS: readonly ReportFormat[] = ["json", "html", "csv", "sarif"];

/** Parses `json,html,csv,sarif` (any subset, any order, no repeats needed). */
export function parseFormats(value: string): ReportFormat[] {
  const chosen = new Set<ReportFormat>();
  for (const part of value.split(",")) {
    const name = part.trim().toLowerCase();
    if (name === "") {
      continue;
    }
    if (!(REPORT_FORMATS as readonly string[]).includes(name)) {
      throw new UsageError(
        `invalid format '${part.trim()}' in --format '${value}'; use a ` +
          `comma-separated list of ${REPORT_FORMATS.join(", ")}`,
      );
    }
    chosen.add(name as ReportFormat);
  }
  if (chosen.size === 0) {
    throw new UsageError(
      `--format '${value}' names no format; use a comma-separated list of ${REPORT_FORMATS.join(", ")}`,
    );
  }
  // A fixed order keeps the output listing stable.
  return REPORT_FORMATS.filter((f) => chosen.has(f));
}

/** Parses a sqlcmd variable given as `NAME=VALUE`. */
export function parseVariable(
  value: string,
  previous: Record<string, string>,
): Record<string, string> {
  const eq = value.indexOf("=");
  const name = eq < 0 ? "" : value.slice(0, eq).trim();
  if (eq < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new UsageError(
      `invalid --var '${value}'; use NAME=VALUE, where NAME is a sqlcmd ` +
        "variable name such as DatabaseName",
    );
  }
  return { ...previous, [name]: value.slice(eq + 1) };
}

/** Parses a whole number of at least `min`. */
export function parseInteger(option: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`invalid ${option} '${value}'; pass a whole number ${range}`);
  }
  return n;
}

/** Size units, each a power of 1024 however it is written, so `16MB` and `16MiB` are equal. */
const SIZE_UNITS: Readonly<Record<string, number>> = {
  "": 1,
  b: 1,
  byte: 1,
  bytes: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/**
 * Parses a size in bytes: `52428800`, `50MB`, `16 MiB`, `512k`. Units
 * ignore case and may follow a space; each is a power of 1024.
 */
export function parseByteSize(option: string, value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = match === null ? undefined : SIZE_UNITS[match[2]!.toLowerCase()];
  if (match === null || unit === undefined) {
    throw new UsageError(
      `invalid ${option} '${value}'; pass a number of bytes, optionally ` +
        "with KB, MB or GB, or KiB, MiB or GiB (all powers of 1024, for example 16MiB)",
    );
  }
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes < 1) {
    throw new UsageError(`invalid ${option} '${value}'; pass at least 1 byte`);
  }
  return bytes;
}

export function parseFailOn(value: string): FindingStatus {
  if (!isFindingStatus(value)) {
    throw new UsageError(
      `invalid --fail-on '${value}'; use one of ${FAIL_ON_ORDER.join(", ")} ` +
        "(most to least severe)",
    );
  }
  return value;
}

export function parseGlob(option: string, value: string): GlobMatcher {
  const compiled = compileGlob(value);
  if (!compiled.ok) {
    throw new UsageError(`${compiled.error} in ${option}`);
  }
  return compiled.matcher;
}
