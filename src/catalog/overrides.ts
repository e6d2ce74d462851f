/**
 * User overrides of the catalog, read from the `--config` file by the CLI.
 * An override may reclassify a feature (never to `supported`), change its
 * complexity or effort, and change the effort rates. Bad overrides are
 * returned as errors, never thrown.
 */
import type { Complexity } from "../assessment/model.js";
import { always, pg } from "./build.js";
import {
  createCatalog,
  findVariant,
  normalizeDetail,
  type Catalog,
  type EffortRates,
} from "./catalog.js";
import {
  CATALOG_STATUSES,
  type CatalogStatus,
  type DetailVariant,
  type EffortHours,
  type FeatureEntry,
} from "./model.js";
import type { Product } from "./targets.js";

export interface FeatureOverride {
  readonly featureId: string;
  /** Restricts the override to one detail variant of the feature. */
  readonly detail?: string;
  /** Restricts a status override to one product; both when absent. */
  readonly product?: Product;
  readonly status?: string;
  readonly complexity?: string;
  readonly effortHours?: EffortHours;
}

export interface CatalogOverrides {
  readonly features?: readonly FeatureOverride[];
  readonly rates?: Partial<Record<string, EffortHours>>;
}

export interface AppliedOverride {
  readonly featureId: string;
  readonly detail?: string;
  /** Description of the change, e.g. `status -> reviewManually on babelfish`. */
  readonly change: string;
}

export interface OverrideResult {
  readonly catalog: Catalog;
  readonly applied: readonly AppliedOverride[];
  readonly errors: readonly string[];
}

const COMPLEXITIES: readonly string[] = ["low", "medium", "high"];

/** Applies `overrides` to a copy of `catalog`; the input is not changed. */
export function applyOverrides(
  catalog: Catalog,
  overrides: CatalogOverrides,
): OverrideResult {
  const applied: AppliedOverride[] = [];
  const errors: string[] = [];

  const rates = applyRates(catalog.rates, overrides.rates ?? {}, applied, errors);
  const entries = new Map(catalog.entries);

  for (const override of overrides.features ?? []) {
    const entry = entries.get(override.featureId);
    if (entry === undefined) {
      errors.push(
        `override for unknown feature id '${override.featureId}' ignored; ` +
          `check the id against the catalog (docs/catalog.md)`,
      );
      continue;
    }

    const problem = validate(entry, override);
    if (problem !== undefined) {
      errors.push(problem);
      continue;
    }

    entries.set(entry.id, overrideEntry(entry, override, applied));
  }

  return { catalog: createCatalog([...entries.values()], rates), applied, errors };
}

function validate(
  entry: FeatureEntry,
  override: FeatureOverride,
): string | undefined {
  const id = override.featureId;

  if (override.status === "supported") {
    return (
      `override of '${id}' to 'supported' rejected: overrides may only ` +
      `make a classification stricter or a review; remove the override`
    );
  }

  if (
    override.status !== undefined &&
    !CATALOG_STATUSES.includes(override.status as CatalogStatus)
  ) {
    return (
      `override of '${id}' has invalid status '${override.status}'; use ` +
      `one of ${CATALOG_STATUSES.filter((s) => s !== "supported").join(", ")}`
    );
  }

  if (
    override.complexity !== undefined &&
    !COMPLEXITIES.includes(override.complexity)
  ) {
    return (
      `override of '${id}' has invalid complexity ` +
      `'${override.complexity}'; use low, medium or high`
    );
  }

  if (
    override.effortHours !== undefined &&
    !validHours(override.effortHours)
  ) {
    return (
      `override of '${id}' has invalid effortHours ` +
      `${JSON.stringify(override.effortHours)}; use { low, high } with ` +
      `0 <= low <= high`
    );
  }

  if (override.detail !== undefined && findVariant(entry, override.detail) === undefined) {
    const listed = (entry.details ?? []).map((variant) => variant.detail);
    return (
      `override of '${id}' names unknown detail '${override.detail}'; ` +
      (listed.length === 0
        ? `this feature has no detail variants`
        : `listed details: ${listed.join(", ")}`)
    );
  }

  return undefined;
}

function overrideEntry(
  entry: FeatureEntry,
  override: FeatureOverride,
  applied: AppliedOverride[],
): FeatureEntry {
  const status = override.status as CatalogStatus | undefined;
  const complexity = override.complexity as Complexity | undefined;
  const onBabelfish = override.product !== "postgresql";
  const onPostgresql = override.product !== "babelfish";

  const patch = {
    ...(status !== undefined && onBabelfish ? { babelfish: always(status) } : {}),
    ...(status !== undefined && onPostgresql ? { postgresql: pg(status) } : {}),
    ...(complexity !== undefined ? { complexity } : {}),
  };

  const detailKey =
    override.detail === undefined ? undefined : normalizeDetail(override.detail);
  recordChanges(override, detailKey, applied);

  if (detailKey === undefined) {
    return {
      ...entry,
      ...patch,
      ...(complexity !== undefined ? { postgresqlComplexity: complexity } : {}),
      ...(override.effortHours !== undefined
        ? { effortHours: override.effortHours }
        : {}),
    };
  }

  const details = (entry.details ?? []).map(
    (variant): DetailVariant =>
      findVariant(entry, detailKey) === variant ? { ...variant, ...patch } : variant,
  );
  return { ...entry, details };
}

function recordChanges(
  override: FeatureOverride,
  detail: string | undefined,
  applied: AppliedOverride[],
): void {
  const where = override.product === undefined ? "every target" : override.product;
  const changes = [
    override.status === undefined ? "" : `status -> ${override.status} on ${where}`,
    override.complexity === undefined ? "" : `complexity -> ${override.complexity}`,
    override.effortHours === undefined
      ? ""
      : `effort -> ${override.effortHours.low}-${override.effortHours.high} h`,
  ].filter((change) => change !== "");

  for (const change of changes) {
    applied.push({
      featureId: override.featureId,
      ...(detail === undefined ? {} : { detail }),
      change,
    });
  }
}

function applyRates(
  current: EffortRates,
  overrides: Partial<Record<string, EffortHours>>,
  applied: AppliedOverride[],
  errors: string[],
): EffortRates {
  const rates: Record<Complexity, EffortHours> = { ...current };

  for (const [complexity, hours] of Object.entries(overrides)) {
    if (!COMPLEXITIES.includes(complexity)) {
      errors.push(
        `effort rate for unknown complexity '${complexity}' ignored; ` +
          `use low, medium or high`,
      );
      continue;
    }
    if (hours === undefined || !validHours(hours)) {
      errors.push(
        `effort rate for '${complexity}' is invalid ` +
          `(${JSON.stringify(hours)}); use { low, high } with 0 <= low <= high`,
      );
      continue;
    }

    rates[complexity as Complexity] = hours;
    applied.push({
      featureId: "*",
      change: `rate ${complexity} -> ${hours.low}-${hours.high} h`,
    });
  }

  return rates;
}

function validHours(hours: EffortHours): boolean {
  return (
    typeof hours === "object" &&
    hours !== null &&
    Number.isFinite(hours.low) &&
    Number.isFinite(hours.high) &&
    hours.low >= 0 &&
    hours.high >= hours.low
  );
}
