/**
 * Small helpers that keep the feature tables short: status histories for
 * the common shapes, and the entry defaults shared by whole families.
 */
import type { CatalogStatus, FeatureEntry, StatusStep } from "./model.js";

export const FIRST_BABELFISH = "1.0.0";
export const FIRST_POSTGRESQL = "16";

/** The same status on every Babelfish release. */
export function always(status: CatalogStatus): readonly StatusStep[] {
  return [{ from: FIRST_BABELFISH, status }];
}

/**
 * `status` from Babelfish `version` on, `before` earlier. A feature present
 * since 1.0.0 gets a single step.
 */
export function since(
  version: string,
  status: CatalogStatus = "supported",
  before: CatalogStatus = "notSupported",
  note?: string,
): readonly StatusStep[] {
  if (version === FIRST_BABELFISH) return [{ from: version, status }];

  const step: StatusStep =
    note === undefined ? { from: version, status } : { from: version, status, note };
  return [{ from: FIRST_BABELFISH, status: before }, step];
}

/**
 * A history written as `[version, status]` pairs in release order; the
 * first pair must be `1.0.0`.
 */
export function steps(
  ...pairs: readonly (readonly [string, CatalogStatus])[]
): readonly StatusStep[] {
  return pairs.map(([from, status]) => ({ from, status }));
}

/**
 * `status` on the 4.x line from `first4` and on the 5.x line from
 * `first5`, `before` elsewhere. Sources give the two lines separate first
 * releases (UNPIVOT: 4.6.0 and 5.2.0), so 5.1.0 can lack what 4.6.0 has.
 */
export function sinceOnBothLines(
  first4: string,
  first5: string,
  status: CatalogStatus = "supported",
  before: CatalogStatus = "notSupported",
): readonly StatusStep[] {
  return steps(
    [FIRST_BABELFISH, before],
    [first4, status],
    ["5.1.0", before],
    [first5, status],
  );
}

/** The same status on every PostgreSQL major. */
export function pg(status: CatalogStatus): readonly StatusStep[] {
  return [{ from: FIRST_POSTGRESQL, status }];
}

/** `status` from PostgreSQL `major` on, `before` on earlier majors. */
export function pgSince(
  major: string,
  status: CatalogStatus,
  before: CatalogStatus,
  note?: string,
): readonly StatusStep[] {
  const step: StatusStep =
    note === undefined ? { from: major, status } : { from: major, status, note };
  return [{ from: FIRST_POSTGRESQL, status: before }, step];
}

/**
 * Stamps every entry of a family with its group and freezes it. An entry
 * or detail variant marked `verified: false` never claims Babelfish
 * support: its `supported` steps become `reviewManually`, so a guess cannot
 * hide a blocker. A variant without its own flag inherits the entry's.
 */
export function family(
  group: string,
  entries: readonly Omit<FeatureEntry, "group">[],
): readonly FeatureEntry[] {
  return Object.freeze(
    entries.map((entry) => {
      const babelfish =
        entry.verified === false
          ? withoutSupported(entry.babelfish)
          : entry.babelfish;
      const details = entry.details?.map((variant) =>
        (variant.verified ?? entry.verified) === false &&
        variant.babelfish !== undefined
          ? { ...variant, babelfish: withoutSupported(variant.babelfish) }
          : variant,
      );

      return Object.freeze({
        ...entry,
        babelfish,
        group,
        ...(details === undefined ? {} : { details }),
      });
    }),
  );
}

/** Turns unconfirmed `supported` steps into `reviewManually`. */
function withoutSupported(
  history: readonly StatusStep[],
): readonly StatusStep[] {
  return history.map((step) =>
    step.status === "supported"
      ? { ...step, status: "reviewManually" as const }
      : step,
  );
}

/** Entry fields that rows may add beyond the positional ones. */
export type RowExtras = Partial<
  Pick<
    FeatureEntry,
    "example" | "verified" | "details" | "postgresqlComplexity" | "effortHours"
  >
>;

/**
 * Builds an entry from positional fields, so long tables stay one row per
 * feature.
 */
export function row(
  id: string,
  title: string,
  description: string,
  babelfish: readonly StatusStep[],
  postgresql: readonly StatusStep[],
  complexity: FeatureEntry["complexity"],
  remedy: string,
  postgresqlRemedy: string,
  docs: FeatureEntry["docs"],
  extras: RowExtras = {},
): Omit<FeatureEntry, "group"> {
  return {
    id,
    title,
    description,
    babelfish,
    postgresql,
    complexity,
    remedy,
    postgresqlRemedy,
    docs,
    ...extras,
  };
}
