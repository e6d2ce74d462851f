/**
 * `--config FILE`: catalog overrides and effort rates as JSON, for example
 * `{"features": [{"featureId": "dml.top", "status": "reviewManually"}],
 *   "rates": {"medium": {"low": 2, "high": 6}},
 *   "detailRates": {"medium": {"low": 0.5, "high": 1.5}},
 *   "occurrenceRates": {"medium": {"low": 0.5, "high": 1}}}`,
 * plus the data folder's settings `"retention": "30d"` and
 * `"auditLog": "PATH"` (settings.ts). See docs/catalog.md and
 * docs/security.md.
 */

import { dirname, resolve } from "node:path";

import { DEFAULT_OCCURRENCE_RATES, type RateTable } from "../assessment/effort.js";
import { defaultCatalog, type Catalog } from "../catalog/catalog.js";
import {
  applyOverrides,
  applyRateTable,
  type AppliedOverride,
  type CatalogOverrides,
  type RateChange,
} from "../catalog/overrides.js";
import { parseRetention } from "../security/purge.js";
import { costConfigOf, type CostConfig } from "./cost-config.js";
import { UsageError } from "./errors.js";
import { NotRegularFileError, readRegularTextFile } from "../util/regular-file.js";
import type { ReadinessThresholds } from "../assessment/readiness/model.js";
import { parseReadinessThresholds } from "../assessment/readiness/thresholds.js";

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
  /** `retention`: assessments older than this are purged when the store opens. */
  readonly retention?: Retention;
  /** `auditLog`: the audit log file, absolute; relative paths are taken from the file's folder. */
  readonly auditLog?: string;
  /** `cost`: the estate and the settings of the cost section (docs/cost.md). */
  readonly cost?: CostConfig;
  /** `readiness`: sizes that decide the load strategy (docs/readiness.md). */
  readonly readinessThresholds?: ReadinessThresholds;
}

export interface Retention {
  /** As written, such as `30d`, for messages. */
  readonly text: string;
  readonly ms: number;
}

const KEYS = ["features", "rates", "detailRates", "occurrenceRates", "retention", "auditLog", "cost", "readiness"];

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
    text = await readRegularTextFile(path);
  } catch (error) {
    if (error instanceof NotRegularFileError) {
      throw new UsageError(`cannot read --config: ${error.message}; pass the path of a JSON file`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot read --config '${path}': ${reason}; check the path`);
  }

  // Windows tools often start UTF-8 files with a byte order mark, which
  // JSON.parse rejects.
  if (text.startsWith("\uFEFF")) {
    text = text.slice(1);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--config '${path}' is not valid JSON: ${reason}`);
  }
  const unknownKey = unknownKeyOf(json);
  if (unknownKey !== undefined) {
    throw new UsageError(
      `--config '${path}' has unknown key '${unknownKey}'; use ${KEYS.join(", ")} ` +
        `(each optional); found keys ${keysOf(json)}; see docs/catalog.md`,
    );
  }
  if (!isConfig(json)) {
    throw new UsageError(
      `--config '${path}' must hold a JSON object with "features" (an ` +
        'array), "rates", "detailRates" and "occurrenceRates" (objects), ' +
        '"retention" and "auditLog" (strings), each optional; ' +
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

  const readiness = json.readiness === undefined ? undefined : parseReadinessThresholds(json.readiness);
  const errors = [...result.errors, ...occurrence.errors, ...(readiness?.errors ?? [])];
  if (errors.length > 0) {
    throw new UsageError(
      `--config '${path}' has ${errors.length} rejected override(s):\n  ` +
        errors.join("\n  "),
    );
  }
  const retention = json.retention === undefined ? undefined : retentionOf(json.retention, path);
  return {
    catalog: result.catalog,
    ...(hasOverrides(json) ? { overrides } : {}),
    applied: result.applied,
    rateChanges: result.rates,
    detailRateChanges: result.detailRates,
    occurrenceRates: occurrence.rates,
    occurrenceRateChanges: occurrence.changes,
    ...(retention === undefined ? {} : { retention }),
    ...(json.auditLog === undefined ? {} : { auditLog: auditLogOf(json.auditLog, path) }),
    ...(json.cost === undefined ? {} : { cost: costConfigOf(json.cost, path) }),
    ...(readiness === undefined ? {} : { readinessThresholds: readiness.thresholds }),
  };
}

interface ConfigFile extends CatalogOverrides {
  readonly occurrenceRates?: unknown;
  readonly retention?: string;
  readonly auditLog?: string;
  readonly cost?: unknown;
  readonly readiness?: unknown;
}

/**
 * Returns whether the file changes the catalog. A file with only settings
 * gives no overrides, so that assessments record none.
 */
function hasOverrides(json: ConfigFile): boolean {
  return json.features !== undefined || json.rates !== undefined || json.detailRates !== undefined;
}

function retentionOf(text: string, path: string): Retention {
  const parsed = parseRetention(text);
  if (!parsed.ok) {
    throw new UsageError(`"retention" in --config '${path}': ${parsed.error.message}`);
  }
  return { text: text.trim(), ms: parsed.value };
}

function auditLogOf(text: string, path: string): string {
  if (text.trim() === "") {
    throw new UsageError(`"auditLog" in --config '${path}' is empty; give the path of the audit log file`);
  }
  return resolve(dirname(resolve(path)), text);
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
  const text = (t: unknown) => t === undefined || typeof t === "string";
  return known && features && table(v.rates) && table(v.detailRates) && text(v.retention) && text(v.auditLog);
}

function unknownKeyOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return undefined;
  }
  return Object.keys(value).find((k) => !KEYS.includes(k));
}

function keysOf(value: unknown): string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return "none (the file holds no JSON object)";
  }
  const keys = Object.keys(value);
  return keys.length === 0 ? "none" : keys.map((k) => `'${k}'`).join(", ");
}
