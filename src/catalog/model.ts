/**
 * Types of the feature catalog: what each feature id means and how it fares
 * on each target. The data lives in `features/`, one module per family.
 */
import type { Complexity, FindingStatus } from "../assessment/model.js";

/** A catalog status; `unknown` is reserved for ids the catalog lacks. */
export type CatalogStatus = Exclude<FindingStatus, "unknown">;

export const CATALOG_STATUSES: readonly CatalogStatus[] = [
  "supported",
  "notSupported",
  "reviewSemantics",
  "reviewPerformance",
  "reviewManually",
  "ignored",
];

/**
 * One step of a status history. For Babelfish `from` is a release
 * (`"3.2.0"`); for PostgreSQL it is a major version (`"16"`). The status
 * holds from that version until the next step.
 */
export interface StatusStep {
  readonly from: string;
  readonly status: CatalogStatus;
  /** Note on the change at this version, where one is needed. */
  readonly note?: string;
}

/** A page a status was taken from, with the product version it describes. */
export interface DocReference {
  readonly url: string;
  readonly title: string;
  /** Product version the cited text describes, for example `Babelfish 3.1.0`. */
  readonly version: string;
}

/** Estimated hours to fix one occurrence, low and high end. */
export interface EffortHours {
  readonly low: number;
  readonly high: number;
}

/**
 * An argument-sensitive variant of a feature: a HASHBYTES algorithm, a
 * DATEPART unit, a SERVERPROPERTY property. Fields left out are taken from
 * the base entry.
 */
export interface DetailVariant {
  /** Lower-case detail value as the analysis emits it, e.g. `md2`. */
  readonly detail: string;
  /** Other spellings of the same detail, e.g. `dd` for `day`. */
  readonly aliases?: readonly string[];
  readonly title?: string;
  readonly babelfish?: readonly StatusStep[];
  readonly postgresql?: readonly StatusStep[];
  readonly complexity?: Complexity;
  readonly remedy?: string;
  readonly postgresqlRemedy?: string;
  readonly docs?: readonly DocReference[];
  readonly example?: string;
  readonly verified?: boolean;
}

/** One catalog entry. */
export interface FeatureEntry {
  /** Stable, dotted, lower-case id, for example `ddl.table.filestream`. */
  readonly id: string;
  readonly title: string;
  /** Feature family, the first id segment group, e.g. `Data types`. */
  readonly group: string;
  readonly description: string;
  /** Status by Babelfish release, ordered by `from`. */
  readonly babelfish: readonly StatusStep[];
  /** Status by PostgreSQL major version, ordered by `from`. */
  readonly postgresql: readonly StatusStep[];
  readonly complexity: Complexity;
  /** Complexity on native PostgreSQL when it differs from Babelfish. */
  readonly postgresqlComplexity?: Complexity;
  /** Learning cost of this feature when the complexity rate does not fit. */
  readonly effortHours?: EffortHours;
  /** Remedy on Babelfish. */
  readonly remedy: string;
  /** Remedy on native PostgreSQL. */
  readonly postgresqlRemedy: string;
  readonly docs: readonly DocReference[];
  /** T-SQL that shows a behaviour difference; required for `reviewSemantics`. */
  readonly example?: string;
  /**
   * False when no opened document confirmed the Babelfish statuses; such
   * entries classify as `reviewManually` where a guess would claim
   * `supported`.
   */
  readonly verified?: boolean;
  readonly details?: readonly DetailVariant[];
}
