/**
 * Catalog lookup: classifies a feature id (and its detail) for a target.
 * Ids the catalog lacks come back as `unknown`, never as supported.
 */
import type { Complexity, FindingStatus } from "../assessment/model.js";
import { ALL_FEATURES } from "./features/index.js";
import type {
  CatalogStatus,
  DetailVariant,
  DocReference,
  EffortHours,
  FeatureEntry,
  StatusStep,
} from "./model.js";
import { compareVersions, type Target } from "./targets.js";

export type EffortRates = Readonly<Record<Complexity, EffortHours>>;

/**
 * Learning cost by complexity: hours to find, design and test the fix of
 * a feature once. An estimate to start from; users
 * change it with overrides.
 */
export const DEFAULT_EFFORT_RATES: EffortRates = Object.freeze({
  low: Object.freeze({ low: 0.25, high: 1 }),
  medium: Object.freeze({ low: 1, high: 4 }),
  high: Object.freeze({ low: 4, high: 16 }),
});

/**
 * Learning cost of each further detail of a feature already learnt, by the
 * detail's complexity. It is about a quarter of the learning cost, because
 * the details of one feature (the options of ALTER DATABASE, the
 * algorithms of HASHBYTES) share most of the research, design and tests.
 * An estimate to start from, like the learning cost.
 */
export const DEFAULT_DETAIL_RATES: EffortRates = Object.freeze({
  low: Object.freeze({ low: 0.1, high: 0.25 }),
  medium: Object.freeze({ low: 0.25, high: 1 }),
  high: Object.freeze({ low: 1, high: 4 }),
});

export interface Catalog {
  readonly entries: ReadonlyMap<string, FeatureEntry>;
  /** Learning cost by complexity, charged once per feature id. */
  readonly rates: EffortRates;
  /** Learning cost of each further detail of a feature, by complexity. */
  readonly detailRates: EffortRates;
}

export interface Classification {
  readonly featureId: string;
  readonly detail?: string;
  readonly status: FindingStatus;
  readonly complexity: Complexity;
  /** Learning cost of the feature; absent when nothing needs changing. */
  readonly effortHours?: EffortHours;
  readonly remedy: string;
  readonly docs: readonly DocReference[];
  readonly title: string;
  readonly group: string;
  readonly verified: boolean;
  readonly example?: string;
}

/** Builds a catalog from entries; later duplicates do not replace earlier ones. */
export function createCatalog(
  entries: readonly FeatureEntry[] = ALL_FEATURES,
  rates: EffortRates = DEFAULT_EFFORT_RATES,
  detailRates: EffortRates = DEFAULT_DETAIL_RATES,
): Catalog {
  const map = new Map<string, FeatureEntry>();

  for (const entry of entries) {
    if (!map.has(entry.id)) map.set(entry.id, entry);
  }

  return { entries: map, rates, detailRates };
}

let builtIn: Catalog | undefined;

/** Returns the catalog shipped with infio, built on first use. */
export function defaultCatalog(): Catalog {
  builtIn ??= createCatalog();
  return builtIn;
}

export function listFeatures(
  catalog: Catalog = defaultCatalog(),
): readonly FeatureEntry[] {
  return [...catalog.entries.values()];
}

export function featureById(
  id: string,
  catalog: Catalog = defaultCatalog(),
): FeatureEntry | undefined {
  return catalog.entries.get(id);
}

/** Lower-cases and trims a detail value so `'MD5'` matches `md5`. */
export function normalizeDetail(detail: string): string {
  return detail.trim().toLowerCase();
}

/** Finds the variant for `detail`, by value or alias. */
export function findVariant(
  entry: FeatureEntry,
  detail: string,
): DetailVariant | undefined {
  const key = normalizeDetail(detail);

  return entry.details?.find(
    (variant) => variant.detail === key || variant.aliases?.includes(key),
  );
}

/**
 * Returns the status in force at `version`: the last step whose `from` is
 * not after it. A version before the first step gets `reviewManually`,
 * because the catalog states nothing for it.
 */
export function statusAt(
  steps: readonly StatusStep[],
  version: string,
): CatalogStatus {
  let status: CatalogStatus = "reviewManually";

  for (const step of steps) {
    if (compareVersions(step.from, version) <= 0) status = step.status;
  }

  return status;
}

/**
 * Classifies one occurrence. A detail that the entry does not list is
 * classified by the base entry, which describes the unlisted case.
 */
export function classify(
  featureId: string,
  detail: string | undefined,
  target: Target,
  catalog: Catalog = defaultCatalog(),
): Classification {
  const entry = catalog.entries.get(featureId);
  if (entry === undefined) return unknownFeature(featureId, detail, catalog);

  const variant =
    detail === undefined ? undefined : findVariant(entry, detail);
  const onBabelfish = target.product === "babelfish";

  const steps = onBabelfish
    ? (variant?.babelfish ?? entry.babelfish)
    : (variant?.postgresql ?? entry.postgresql);
  const status = statusAt(steps, target.version);

  const complexity =
    variant?.complexity ??
    (onBabelfish
      ? entry.complexity
      : (entry.postgresqlComplexity ?? entry.complexity));
  const remedy = onBabelfish
    ? (variant?.remedy ?? entry.remedy)
    : (variant?.postgresqlRemedy ?? entry.postgresqlRemedy);
  const needsWork = status !== "supported" && status !== "ignored";
  const example = variant?.example ?? entry.example;

  return {
    featureId,
    ...(detail === undefined ? {} : { detail: normalizeDetail(detail) }),
    status,
    complexity,
    ...(needsWork
      ? { effortHours: entry.effortHours ?? catalog.rates[complexity] }
      : {}),
    remedy,
    docs: variant?.docs ?? entry.docs,
    title: variant?.title ?? entry.title,
    group: entry.group,
    verified: (variant?.verified ?? entry.verified) !== false,
    ...(example === undefined ? {} : { example }),
  };
}

function unknownFeature(
  featureId: string,
  detail: string | undefined,
  catalog: Catalog,
): Classification {
  return {
    featureId,
    ...(detail === undefined ? {} : { detail: normalizeDetail(detail) }),
    status: "unknown",
    complexity: "medium",
    effortHours: catalog.rates.medium,
    remedy:
      `the catalog has no entry for '${featureId}'; check this ` +
      `construct on the target by hand`,
    docs: [],
    title: featureId,
    group: "Unknown",
    verified: false,
  };
}
