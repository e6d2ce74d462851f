/**
 * Parsers for the numeric connection settings: durations and counts. Each
 * accepts a number, as a caller that has parsed it passes, or the text of
 * a command-line option, and throws a ConnectionSettingsError that quotes
 * the value and states the accepted range.
 */

import { ConnectionSettingsError } from "./settings-error.js";

export type DurationUnit = "ms" | "s";

export interface DurationRange {
  /** Unit of a bare number: seconds for timeouts, as ADO.NET uses. */
  readonly unit: DurationUnit;
  readonly minMs: number;
  readonly maxMs: number;
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000 };

/**
 * Parses a duration into milliseconds: `30` (in `range.unit`), `500ms`,
 * `30s` or `2m`.
 */
export function parseDuration(option: string, value: string | number, range: DurationRange): number {
  const text = String(value).trim();
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/i.exec(text);
  const unit = match?.[2]?.toLowerCase() ?? range.unit;
  const ms = match === null ? NaN : Math.round(Number(match[1]) * UNIT_MS[unit]!);

  if (!(ms >= range.minMs && ms <= range.maxMs)) {
    throw new ConnectionSettingsError(
      option,
      `invalid ${option} '${value}': pass a duration from ${formatDuration(range.minMs)} to ` +
        `${formatDuration(range.maxMs)}, as seconds or with a unit (500ms, 30s, 2m)`,
    );
  }
  return ms;
}

/** Parses a whole number from `min` to `max`. */
export function parseCount(option: string, value: string | number, min: number, max: number): number {
  const text = String(value).trim();
  const count = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(count >= min && count <= max)) {
    throw new ConnectionSettingsError(
      option,
      `invalid ${option} '${value}': pass a whole number from ${min} to ${max}`,
    );
  }
  return count;
}

/** Formats milliseconds the way the options take them: `500ms`, `30s`. */
export function formatDuration(ms: number): string {
  if (ms % 60_000 === 0 && ms >= 60_000) {
    return `${ms / 60_000}m`;
  }
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
