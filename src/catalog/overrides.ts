/**
 * User overrides of the catalog, read from the `--config` file by the CLI.
 * An override may reclassify a feature (never to `supported` or
 * `ignored`, which would hide it), change its complexity or effort, and
 * change the effort rates. Bad overrides are returned as errors, never
 * thrown.
 */
import type { Complexity } from "../assessment/model.js";
import { always, pg } from "./build.js";
import {
  createCatalog,
  findVariant,
  normalizeDetail,
  type Catalog,
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
  readonly detailRates?: Partial<Record<string, EffortHours>>;
}

/** One change that an override made to a feature, as the config file set it. */
export type AppliedOverride = {
  readonly featureId: string;
  /** Normalised detail, when the override was limited to one variant. */
  readonly detail?: string;
  /** The product a status override is limited to; both when absent. */
  readonly product?: Product;
  /** Description of the change, e.g. `status -> reviewManually on babelfish`. */
  readonly change: string;
} & (
  | { readonly field: "status"; readonly value: CatalogStatus }
  | { readonly field: "complexity"; readonly value: Complexity }
  | { readonly field: "effortHours"; readonly value: EffortHours }
);

/** One effort rate that an override changed. */
export interface RateChange {
  readonly complexity: Complexity;
  readonly from: EffortHours;
  readonly to: EffortHours;
}

export interface OverrideResult {
  readonly catalog: Catalog;
  /** Feature changes, in the order of the config file. */
  readonly applied: readonly AppliedOverride[];
  /** Changes to the catalog's rates, which the effort model charges once per feature. */
  readonly rates: readonly RateChange[];
  /** Changes to the rates of each further detail of a feature. */
  readonly detailRates: readonly RateChange[];
  readonly errors: readonly string[];
}

export type RateTable = Readonly<Record<Complexity, EffortHours>>;

export interface RateTableResult {
  readonly rates: RateTable;
  readonly changes: readonly RateChange[];
  readonly errors: readonly string[];
}

const COMPLEXITIES: readonly string[] = ["low", "medium", "high"];

const PRODUCTS: readonly Product[] = ["babelfish", "postgresql"];

/** The keys a feature override may have; any other is a typo that would be ignored. */
const OVERRIDE_KEYS: readonly string[] = [
  "featureId",
  "detail",
  "product",
  "status",
  "complexity",
  "effortHours",
];

const HOURS_KEYS: readonly string[] = ["low", "high"];

/** Applies `overrides` to a copy of `catalog`; the input is not changed. */
export function applyOverrides(
  catalog: Catalog,
  overrides: CatalogOverrides,
): OverrideResult {
  const applied: AppliedOverride[] = [];
  const rates = applyRateTable(catalog.rates, overrides.rates ?? {}, "rates");
  const detailRates = applyRateTable(catalog.detailRates, overrides.detailRates ?? {}, "detailRates");
  const errors: string[] = [...rates.errors, ...detailRates.errors];
  const entries = new Map(catalog.entries);

  for (const override of overrides.features ?? []) {
    const shape = checkShape(override);
    if (shape !== undefined) {
      errors.push(shape);
      continue;
    }

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

  return {
    catalog: createCatalog([...entries.values()], rates.rates, detailRates.rates),
    applied,
    rates: rates.changes,
    detailRates: detailRates.changes,
    errors,
  };
}

/**
 * Checks the keys of an override and its product, which the config file
 * may spell wrong. Without this check, a misspelt key would be ignored,
 * and a misspelt product would make overrideEntry change both products.
 */
function checkShape(override: FeatureOverride): string | undefined {
  const label =
    typeof override.featureId === "string" ? `override of '${override.featureId}'` : "override";
  const unknownKey = Object.keys(override).find((key) => !OVERRIDE_KEYS.includes(key));
  if (unknownKey !== undefined) {
    return `${label} has unknown key '${unknownKey}'; use ${OVERRIDE_KEYS.join(", ")}`;
  }
  if (typeof override.featureId !== "string") {
    return `override without a featureId (${JSON.stringify(override)}); add the feature id`;
  }

  const product: unknown = override.product;
  if (product !== undefined && !PRODUCTS.includes(product as Product)) {
    return (
      `${label} has invalid product ${quoteValue(product)}; use ` +
      `${PRODUCTS.join(", ")}, or leave product out to change both`
    );
  }
  return undefined;
}

/** Quotes a text value as messages do, and shows any other value as JSON. */
function quoteValue(value: unknown): string {
  return typeof value === "string" ? `'${value}'` : String(JSON.stringify(value));
}

function validate(
  entry: FeatureEntry,
  override: FeatureOverride,
): string | undefined {
  const id = override.featureId;

  // `ignored` would hide a finding as surely as `supported`, so a
  // --config file could silence a blocker and --fail-on with it.
  if (override.status === "supported" || override.status === "ignored") {
    return (
      `override of '${id}' to '${override.status}' rejected: overrides may only ` +
      `make a classification stricter or a review; remove the override`
    );
  }

  if (
    override.status !== undefined &&
    !CATALOG_STATUSES.includes(override.status as CatalogStatus)
  ) {
    return (
      `override of '${id}' has invalid status '${override.status}'; use ` +
      `one of ${CATALOG_STATUSES.filter((s) => s !== "supported" && s !== "ignored").join(", ")}`
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

  const hoursKey = unknownHoursKey(override.effortHours);
  if (hoursKey !== undefined) {
    return (
      `override of '${id}' has unknown key '${hoursKey}' in effortHours; ` +
      `use ${HOURS_KEYS.join(", ")}`
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
  const place = {
    featureId: override.featureId,
    ...(detail === undefined ? {} : { detail }),
  };

  if (override.status !== undefined) {
    applied.push({
      ...place,
      ...(override.product === undefined ? {} : { product: override.product }),
      field: "status",
      value: override.status as CatalogStatus,
      change: `status -> ${override.status} on ${where}`,
    });
  }
  if (override.complexity !== undefined) {
    applied.push({
      ...place,
      field: "complexity",
      value: override.complexity as Complexity,
      change: `complexity -> ${override.complexity}`,
    });
  }
  if (override.effortHours !== undefined) {
    const { low, high } = override.effortHours;
    applied.push({
      ...place,
      field: "effortHours",
      value: { low, high },
      change: `effort -> ${low}-${high} h`,
    });
  }
}

/**
 * Applies a rate table from the config file, for example `rates`,
 * `detailRates` or `occurrenceRates`, to `current`. `option` names the table in messages.
 * Bad entries are returned as errors that quote the value; good entries
 * still apply.
 */
export function applyRateTable(
  current: RateTable,
  overrides: unknown,
  option: string,
): RateTableResult {
  const rates: Record<Complexity, EffortHours> = { ...current };
  const changes: RateChange[] = [];
  const errors: string[] = [];

  if (typeof overrides !== "object" || overrides === null || Array.isArray(overrides)) {
    errors.push(
      `${option} must be an object such as {"medium": {"low": 1, "high": 4}}, ` +
        `not ${JSON.stringify(overrides)}`,
    );
    return { rates, changes, errors };
  }

  for (const [complexity, hours] of Object.entries(overrides)) {
    if (!COMPLEXITIES.includes(complexity)) {
      errors.push(
        `${option}: effort rate for unknown complexity '${complexity}'; ` +
          `use low, medium or high`,
      );
      continue;
    }
    const hoursKey = unknownHoursKey(hours);
    if (hoursKey !== undefined) {
      errors.push(
        `${option}: effort rate for '${complexity}' has unknown key ` +
          `'${hoursKey}'; use ${HOURS_KEYS.join(", ")}`,
      );
      continue;
    }
    if (!validHours(hours)) {
      errors.push(
        `${option}: effort rate for '${complexity}' is invalid ` +
          `(${JSON.stringify(hours) ?? String(hours)}); use ` +
          `{"low": L, "high": H} in hours with 0 <= L <= H`,
      );
      continue;
    }

    const key = complexity as Complexity;
    changes.push({
      complexity: key,
      from: { low: rates[key].low, high: rates[key].high },
      to: { low: hours.low, high: hours.high },
    });
    rates[key] = { low: hours.low, high: hours.high };
  }

  return { rates, changes, errors };
}

/** Returns the first key of an hours object that is not `low` or `high`. */
function unknownHoursKey(hours: unknown): string | undefined {
  if (typeof hours !== "object" || hours === null || Array.isArray(hours)) {
    return undefined;
  }
  return Object.keys(hours).find((key) => !HOURS_KEYS.includes(key));
}

function validHours(hours: unknown): hours is EffortHours {
  const h = hours as EffortHours;
  return (
    typeof hours === "object" &&
    hours !== null &&
    typeof h.low === "number" &&
    typeof h.high === "number" &&
    Number.isFinite(h.low) &&
    Number.isFinite(h.high) &&
    h.low >= 0 &&
    h.high >= h.low
  );
}
