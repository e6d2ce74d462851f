/**
 * `--config FILE`: catalog overrides and effort rates as JSON, for example
 * `{"features": [{"featureId": "dml.top", "status": "reviewManually"}],
 *   "rates": {"medium": {"low": 2, "high": 6}},
 *   "detailRates": {"medium": {"low": 0.5, "high": 1.5}},
 *   "occurrenceRates": {"medium": {"low": 0.5, "high": 1}}}`.
 * See docs/catalog.md.
 */

import { readFile } from "node:fs/promises";

import { DEFAULT_OCCURRENCE_RATES, type RateTable } from "../assessment/effort.js";
import { defaultCatalog, type Catalog } from "../catalog/catalog.js";
import {
  applyOverrides,
  applyRateTable,
  type AppliedOverride,
  type CatalogOverrides,
  type RateChange,
} from "../catalog/overrides.js";
import { UsageError } from "./errors.js";

export interface LoadedConfig {
  readonly catalog: Catalog;
  /** `features`, `rates` and `detailRates` of the file, which the workers apply again. */
  readonly overrides?: CatalogOverrides;
  readonly applied: readonly AppliedOverride[];
  /** Changes to the learning rates (`rates`). */
  readonly rateChanges: readonly RateChange[];
  /** Changes to the rates of further details (`detailRates`). */
  readonly detailRateChanges: readonly RateChange[];
  readonly occurrenceRates: RateTable;
  readonly occurrenceRateChanges: readonly RateChange[];
}

const KEYS = ["features", "rates", "detailRates", "occurrenceRates"];

/** Reads and applies the config file; throws UsageError on any problem. */
export async function loadConfig(path: string | undefined): Promise<LoadedConfig> {
  if (path === undefined) {
    return {
      catalog: defaultCatalog(),
      applied: [],
      rateChanges: [],
      detailRateChanges: [],
      occurrenceRates: DEFAULT_OCCURRENCE_RATES,
      occurrenceRateChanges: [],
    };
  }

  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot read --config '${path}': ${reason}; check the path`);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--config '${path}' is not valid JSON: ${reason}`);
  }
  if (!isConfig(json)) {
    throw new UsageError(
      `--config '${path}' must hold a JSON object with "features" (an ` +
        'array), "rates", "detailRates" and "occurrenceRates" (objects), ' +
        "each optional; " +
        `found keys ${keysOf(json)}; see docs/catalog.md`,
    );
  }

  const overrides: CatalogOverrides = {
    ...(json.features === undefined ? {} : { features: json.features }),
    ...(json.rates === undefined ? {} : { rates: json.rates }),
    ...(json.detailRates === undefined ? {} : { detailRates: json.detailRates }),
  };
  const result = applyOverrides(defaultCatalog(), overrides);
  const occurrence = applyRateTable(
    DEFAULT_OCCURRENCE_RATES,
    json.occurrenceRates ?? {},
    "occurrenceRates",
  );

  const errors = [...result.errors, ...occurrence.errors];
  if (errors.length > 0) {
    throw new UsageError(
      `--config '${path}' has ${errors.length} rejected override(s):\n  ` +
        errors.join("\n  "),
    );
  }
  return {
    catalog: result.catalog,
    overrides,
    applied: result.applied,
    rateChanges: result.rates,
    detailRateChanges: result.detailRates,
    occurrenceRates: occurrence.rates,
    occurrenceRateChanges: occurrence.changes,
  };
}

interface ConfigFile extends CatalogOverrides {
  readonly occurrenceRates?: unknown;
}

function isConfig(value: unknown): value is ConfigFile {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return false;
  }
  const v = value as Record<string, unknown>;
  const known = Object.keys(v).every((k) => KEYS.includes(k));
  const features =
    v.features === undefined ||
    (Array.isArray(v.features) &&
      v.features.every((f) => typeof f === "object" && f !== null && !Array.isArray(f)));
  const table = (t: unknown) =>
    t === undefined || (typeof t === "object" && t !== null && !Array.isArray(t));
  return known && features && table(v.rates) && table(v.detailRates);
}

function keysOf(value: unknown): string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return "none (the file holds no JSON object)";
  }
  const keys = Object.keys(value);
  return keys.length === 0 ? "none" : keys.map((k) => `'${k}'`).join(", ");
}
