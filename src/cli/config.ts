/**
 * `--config FILE`: catalog overrides as JSON, for example
 * `{"features": [{"featureId": "dml.top", "status": "reviewManually"}],
 *   "rates": {"medium": {"low": 2, "high": 6}}}`. See docs/catalog.md.
 */

import { readFile } from "node:fs/promises";

import { defaultCatalog, type Catalog } from "../catalog/catalog.js";
import {
  applyOverrides,
  type AppliedOverride,
  type CatalogOverrides,
} from "../catalog/overrides.js";
import { UsageError } from "./errors.js";

export interface LoadedConfig {
  readonly catalog: Catalog;
  readonly overrides?: CatalogOverrides;
  readonly applied: readonly AppliedOverride[];
}

/** Reads and applies the config file; throws UsageError on any problem. */
export async function loadConfig(path: string | undefined): Promise<LoadedConfig> {
  if (path === undefined) {
    return { catalog: defaultCatalog(), applied: [] };
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
  if (!isOverrides(json)) {
    throw new UsageError(
      `--config '${path}' must hold a JSON object with "features" (an ` +
        'array) and/or "rates" (an object); see docs/catalog.md',
    );
  }

  const result = applyOverrides(defaultCatalog(), json);
  if (result.errors.length > 0) {
    throw new UsageError(
      `--config '${path}' has ${result.errors.length} rejected override(s):\n  ` +
        result.errors.join("\n  "),
    );
  }
  return { catalog: result.catalog, overrides: json, applied: result.applied };
}

function isOverrides(value: unknown): value is CatalogOverrides {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return false;
  }
  const v = value as Record<string, unknown>;
  const known = Object.keys(v).every((k) => k === "features" || k === "rates");
  const features =
    v.features === undefined ||
    (Array.isArray(v.features) &&
      v.features.every((f) => typeof f === "object" && f !== null && !Array.isArray(f)));
  const rates =
    v.rates === undefined ||
    (typeof v.rates === "object" && v.rates !== null && !Array.isArray(v.rates));
  return known && features && rates;
}
