/**
 * The sizes that decide how a table is loaded, and reading them from the
 * `readiness` object of the `--config` file.
 */

import type { ReadinessThresholds } from "./model.js";

// NOTE: these are rules of thumb for a full load with AWS DMS, not
// measured figures. Change them with "readiness" in the --config file.
export const DEFAULT_READINESS_THRESHOLDS: ReadinessThresholds = {
  parallelLoadRows: 10_000_000,
  parallelLoadKb: 10 * 1024 * 1024,
  biggestTables: 10,
  fullBackupMaxAgeDays: 7,
};

const KEYS = Object.keys(DEFAULT_READINESS_THRESHOLDS) as (keyof ReadinessThresholds)[];

export interface ThresholdsResult {
  readonly thresholds: ReadinessThresholds;
  /** One message per invalid value; empty when the object was valid. */
  readonly errors: readonly string[];
}

/**
 * Reads `{"parallelLoadRows": 5000000, ...}`: each key optional, each a
 * positive whole number. Unknown keys and other values are errors.
 */
export function parseReadinessThresholds(value: unknown): ThresholdsResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      thresholds: DEFAULT_READINESS_THRESHOLDS,
      errors: [`"readiness" must be an object with any of ${KEYS.join(", ")}`],
    };
  }

  const errors: string[] = [];
  const thresholds: Record<string, number> = { ...DEFAULT_READINESS_THRESHOLDS };
  for (const [key, given] of Object.entries(value)) {
    if (!(KEYS as string[]).includes(key)) {
      errors.push(`readiness.${key} is not a setting; use ${KEYS.join(", ")}`);
      continue;
    }
    if (typeof given !== "number" || !Number.isSafeInteger(given) || given <= 0) {
      errors.push(`readiness.${key} must be a positive whole number, not ${JSON.stringify(given)}`);
      continue;
    }
    thresholds[key] = given;
  }
  return { thresholds: thresholds as unknown as ReadinessThresholds, errors };
}
