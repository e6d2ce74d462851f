/**
 * The assessment data model shared by analysis, the store and the reports.
 * Field names follow the `assessment.json` contract documented in
 * docs/output.md and schema/assessment.schema.json.
 */

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
  /** `not-sql`, `unreadable`, `binary`, `too-large`, `undecodable`, `empty`. */
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
}
