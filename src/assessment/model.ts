/**
 * The assessment data model shared by analysis, the store and the reports.
 * Field names follow the `assessment.json` contract documented in
 * docs/output.md and schema/assessment.schema.json.
 */

import type {
  CollectionProblem,
  InventoryItem,
  ServerHeader,
} from "../sources/sqlserver/collected.js";
import type { WorkloadSource } from "../sources/workload/model.js";
import type { CostSection } from "./cost/model.js";
import type { ApplicationCodeSource } from "../sources/app-code/model.js";
import type { Readiness } from "./readiness/model.js";
import type { DependencyGraph } from "./dependencies/model.js";

/** How a feature fares on the chosen target. */
export type FindingStatus =
  | "supported"
  | "notSupported"
  | "reviewSemantics"
  | "reviewPerformance"
  | "reviewManually"
  | "ignored"
  | "unknown";

export const FINDING_STATUSES: readonly FindingStatus[] = [
  "supported",
  "notSupported",
  "reviewSemantics",
  "reviewPerformance",
  "reviewManually",
  "ignored",
  "unknown",
];

export type Complexity = "low" | "medium" | "high";

/** One classified feature occurrence. */
export interface Finding {
  readonly featureId: string;
  readonly status: FindingStatus;
  /** Script path relative to the assessed root, or `database.schema.name` of a module. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Enclosing object as `schema.name`, or empty at batch level. */
  readonly object: string;
  readonly message: string;
  /** Detail that classification used, for example the HASHBYTES algorithm. */
  readonly detail?: string;
  readonly complexity?: Complexity;
}

/** A statement the parser could not read; it is kept as an error node. */
export interface ParseErrorRecord {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly code?: string;
}

/** A file that was not assessed, with the reason and the fix. */
export interface SkippedInput {
  readonly file: string;
  /**
   * `not-sql`, `unreadable`, `special-file`, `binary`, `too-large`,
   * `undecodable`, `empty`, `failed`.
   */
  readonly reason: string;
  readonly message: string;
}

/** A database object defined in the assessed code. */
export interface AssessedObject {
  /** `schema.name`, or `database.schema.name` when the code names the database. */
  readonly name: string;
  /** `table`, `view`, `procedure`, `function`, `trigger`, `type`, `sequence`, ... */
  readonly type: string;
  readonly file: string;
  readonly line: number;
  readonly lines: number;
}

/** One code unit: a script file, or one module read from a server. */
export interface AssessedUnit {
  readonly file: string;
  readonly encoding: string;
  readonly lines: number;
  readonly bytes: number;
  readonly batches: number;
  readonly batchesWithErrors: number;
  readonly statements: number;
}

export interface EffortRange {
  /** Estimated hours, low and high end. */
  readonly low: number;
  readonly high: number;
}

export interface AssessmentSummary {
  readonly files: number;
  readonly lines: number;
  readonly bytes: number;
  readonly batches: number;
  readonly batchesWithErrors: number;
  readonly statements: number;
  readonly findingsByStatus: Readonly<Record<FindingStatus, number>>;
  readonly objectsByType: Readonly<Record<string, number>>;
  readonly effort: EffortRange;
  readonly elapsedMs: number;
}

/** Hours by complexity, for example the learning cost of each complexity. */
export type EffortRates = Readonly<Record<Complexity, EffortRange>>;

/** The effort of one distinct feature and detail. */
export interface FeatureEffort {
  readonly featureId: string;
  readonly detail?: string;
  /** Catalog title of the feature or its detail; the id when unknown. */
  readonly title: string;
  readonly complexity: Complexity;
  readonly occurrences: number;
  /**
   * `feature` when `learning` is the feature's learning cost (its first
   * detail), `detail` when it is the smaller cost of a further detail.
   * Absent in assessments stored before the detail rate existed, which
   * charged the full learning cost to every detail.
   */
  readonly learningBasis?: "feature" | "detail";
  /**
   * Charged once: finding the remedy, designing and testing it; for a
   * further detail, adapting that remedy to the detail.
   */
  readonly learning: EffortRange;
  /** Charged for every occurrence: applying the known fix again. */
  readonly perOccurrence: EffortRange;
  /** `learning` plus `occurrences` times `perOccurrence`. */
  readonly total: EffortRange;
}

/**
 * The per-occurrence effort of one place: an object, a file or an object
 * type. Learning costs belong to the features, so these totals leave them out.
 */
export interface ObjectEffort {
  readonly file: string;
  /** `schema.name`, or empty for code outside any object. */
  readonly object: string;
  /** Type from `objects[]`, or empty for code outside any object. */
  readonly objectType: string;
  readonly occurrences: number;
  readonly total: EffortRange;
}

export interface FileEffort {
  readonly file: string;
  readonly occurrences: number;
  readonly total: EffortRange;
}

export interface ObjectTypeEffort {
  /** Object type, or empty for code outside any object. */
  readonly objectType: string;
  readonly objects: number;
  readonly occurrences: number;
  readonly total: EffortRange;
}

/**
 * The effort estimate broken down. `total` is `learning` plus `repeat`, and
 * the `byFeature` totals add up to `total`. The totals by object, by file
 * and by object type each add up to `repeat`. Every figure is rounded to
 * hundredths, so sums may differ from totals by that rounding.
 *
 * NOTE: scripts carry no database or server, so the roll-ups stop at file
 * and object type; a live-server source would add database and server.
 */
export interface EffortBreakdown {
  readonly total: EffortRange;
  /** Sum of the learning costs: one per feature id, plus one per further detail. */
  readonly learning: EffortRange;
  /** Sum of the per-occurrence costs. */
  readonly repeat: EffortRange;
  /** The rates the estimate used, after `--config` overrides. */
  readonly rates: {
    readonly learning: EffortRates;
    /** Absent in assessments stored before the detail rate existed. */
    readonly perDetail?: EffortRates;
    readonly perOccurrence: EffortRates;
  };
  readonly byFeature: readonly FeatureEffort[];
  readonly byObject: readonly ObjectEffort[];
  readonly byFile: readonly FileEffort[];
  readonly byObjectType: readonly ObjectTypeEffort[];
}

/**
 * One applied catalog override of a feature. `from` is the value on the
 * assessed target without overrides and `to` the value the override set.
 */
export type FeatureOverrideRecord = {
  readonly featureId: string;
  readonly detail?: string;
  /** The product a status override is limited to; both when absent. */
  readonly product?: "babelfish" | "postgresql";
} & (
  | {
      readonly field: "status";
      readonly from: FindingStatus;
      readonly to: FindingStatus;
    }
  | {
      readonly field: "complexity";
      readonly from: Complexity;
      readonly to: Complexity;
    }
  | {
      readonly field: "effortHours";
      readonly from: EffortRange;
      readonly to: EffortRange;
    }
);

/**
 * One changed effort rate: `learning` is the config file's `rates`,
 * `perDetail` its `detailRates` and `perOccurrence` its `occurrenceRates`.
 */
export interface RateOverrideRecord {
  readonly rates: "learning" | "perDetail" | "perOccurrence";
  readonly complexity: Complexity;
  readonly from: EffortRange;
  readonly to: EffortRange;
}

/** The `--config` overrides that the run applied. */
export interface AppliedOverrides {
  readonly features: readonly FeatureOverrideRecord[];
  readonly rates: readonly RateOverrideRecord[];
}

/** The statuses of one distinct feature and detail on two targets. */
export interface FeatureComparison {
  readonly featureId: string;
  readonly detail?: string;
  readonly title: string;
  readonly occurrences: number;
  readonly baseline: FindingStatus;
  readonly candidate: FindingStatus;
}

/** The findings classified for a second target (`--compare`). */
export interface TargetComparison {
  /** The assessed target, for example `babelfish@4.4.0`. */
  readonly baseline: string;
  /** The compared target, for example `babelfish@5.5.0`. */
  readonly candidate: string;
  /** Needing work on the baseline, supported or ignored on the candidate. */
  readonly unblocked: readonly FeatureComparison[];
  /** Needing work on the baseline, not supported on the candidate. */
  readonly stillBlocking: readonly FeatureComparison[];
  /** Supported or ignored on the baseline, needing work on the candidate. */
  readonly regressed: readonly FeatureComparison[];
  /** Other status changes, such as notSupported to reviewSemantics. */
  readonly changed: readonly FeatureComparison[];
}

/** Everything one run of `infio assess` produced; the reports render this. */
export interface Assessment {
  readonly id: string;
  /** ISO 8601 time the run started. */
  readonly startedAt: string;
  readonly infioVersion: string;
  /** Normalised target, for example `babelfish@5.5` or `postgresql@17`. */
  readonly target: string;
  /** The paths or server the user pointed infio at. */
  readonly sources: readonly string[];
  readonly summary: AssessmentSummary;
  readonly units: readonly AssessedUnit[];
  readonly objects: readonly AssessedObject[];
  readonly findings: readonly Finding[];
  readonly parseErrors: readonly ParseErrorRecord[];
  readonly skipped: readonly SkippedInput[];
  /** Present when `--config` changed the catalog or the rates. */
  readonly overrides?: AppliedOverrides;
  /** Absent in assessments stored before infio kept the breakdown. */
  readonly effort?: EffortBreakdown;
  /** Present when the run or the report was given `--compare`. */
  readonly comparison?: TargetComparison;
  /** Present when the source was a live server or a bundle collected from one. */
  readonly live?: LiveSource;
  /** Present when the source was workload captures (`--workload`). */
  readonly workload?: WorkloadSource;
  /** The yearly cost today against the target options, with the price book used. */
  readonly cost?: CostSection;
  /** Present when application source trees were scanned (`--app-code`). */
  readonly applicationCode?: ApplicationCodeSource;
  /** Data-migration readiness, present when a live inventory was assessed. */
  readonly readiness?: Readiness;
  /** Object dependencies; absent in assessments stored before infio built the graph. */
  readonly dependencies?: DependencyGraph;
}

/** What was read from a live SQL Server, besides its code. */
export interface LiveSource {
  readonly server: ServerHeader;
  /** Items by inventory part name (`databases`, `tables`, ...), in collection order. */
  readonly inventory: Readonly<Record<string, readonly InventoryItem[]>>;
  /** Parts, databases and modules that could not be read, with the reason. */
  readonly problems: readonly CollectionProblem[];
}
