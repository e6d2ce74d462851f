import type {
  AssessedObject,
  AssessedUnit,
  Assessment,
  AssessmentSummary,
  Finding,
  ParseErrorRecord,
  SkippedInput,
} from "../assessment/model.js";
import type { FindingChunk } from "./finding-chunks.js";

/**
 * `running` while a writer streams rows in, `complete` once committed,
 * `failed` when the writer recorded a failure. Only complete assessments can
 * be read back.
 */
export type AssessmentStatus = "running" | "complete" | "failed";

/** Assessment fields known when the run starts. */
export type AssessmentHeader = Pick<
  Assessment,
  "id" | "startedAt" | "infioVersion" | "target" | "sources"
> & {
  /**
   * Whether the run stores each unit's source text through
   * {@link AssessmentWriter.addUnitText}; false when absent.
   */
  readonly sourceKept?: boolean;
};

/**
 * The stored source texts of some units of an assessment. `not-kept`: the
 * run was started with keepSource false (`--no-keep-source`). `not-stored`: the assessment is older
 * than the stored texts, so only the scripts on disk may still have them.
 * `not-found`: there is no complete assessment of that id.
 */
export type UnitTexts =
  | {
      readonly status: "kept";
      /** Texts by unit name; a name that is no unit of the assessment is absent. */
      readonly texts: ReadonlyMap<string, string>;
    }
  | { readonly status: "not-kept" | "not-stored" | "not-found" };

/**
 * Assessment fields that the writer stores at commit, beside the summary.
 * Each is optional, as in Assessment.
 */
export type AssessmentDetails = Pick<
  Assessment,
  "overrides" | "effort" | "comparison"
>;

/** One row of {@link Store.listAssessments}. */
export interface AssessmentListing {
  readonly id: string;
  readonly status: AssessmentStatus;
  /** ISO 8601 in UTC with milliseconds. */
  readonly startedAt: string;
  /** ISO 8601 in UTC; absent while running. */
  readonly finishedAt?: string;
  readonly infioVersion: string;
  readonly target: string;
  readonly sources: readonly string[];
  /** Present once complete. */
  readonly summary?: AssessmentSummary;
  /** The reason given when the assessment failed. */
  readonly error?: string;
  /**
   * Reason the assessment's data key could not be opened; `sources` is then
   * empty and `error` absent, because both are stored encrypted.
   */
  readonly unreadable?: string;
}

export type DeleteResult = "deleted" | "not-found" | "running";

/**
 * Streams one assessment into the store. Rows become visible to readers only
 * at {@link commit}; until then the assessment is `running` and readers skip
 * it. Calls may overlap: the writer runs them in call order.
 *
 * Rows are buffered up to the store's chunk size and then written, so memory
 * stays bounded however many rows are added.
 */
export interface AssessmentWriter {
  readonly id: string;
  addUnits(units: readonly AssessedUnit[]): Promise<void>;
  /**
   * Stores the source text of the unit added last, which must be named
   * `file`, as unit-text-packing.ts packed it. Rejects a text for another
   * unit with a StoreError `invalid-data`.
   */
  addUnitText(file: string, packed: Uint8Array): Promise<void>;
  addObjects(objects: readonly AssessedObject[]): Promise<void>;
  addFindings(findings: readonly Finding[]): Promise<void>;
  /**
   * Adds findings already encoded with `encodeFindings`, for example by a
   * worker thread, after the findings added before.
   */
  addFindingChunk(chunk: FindingChunk): Promise<void>;
  addParseErrors(errors: readonly ParseErrorRecord[]): Promise<void>;
  addSkipped(skipped: readonly SkippedInput[]): Promise<void>;
  /** Adds inventory items of one kind, for example `table` or `login`. */
  addInventory(kind: string, items: readonly unknown[]): Promise<void>;
  /** Writes what is buffered and makes the assessment visible, atomically. */
  commit(summary: AssessmentSummary, details?: AssessmentDetails): Promise<void>;
  /** Removes everything written so far; nothing of the assessment remains. */
  abort(): Promise<void>;
  /**
   * Removes the rows written so far and keeps the assessment as `failed`
   * with `reason`, so that listings show the failed run.
   */
  fail(reason: string): Promise<void>;
}

export interface Store {
  /** `embedded` (PGlite), `server` (PostgreSQL by URL) or `none`. */
  readonly kind: "embedded" | "server" | "none";
  /** Data directory, masked server URL, or `none`; safe to print. */
  readonly location: string;

  /** Starts a running assessment; rejects a duplicate id. */
  beginAssessment(header: AssessmentHeader): Promise<AssessmentWriter>;

  /** Stores a whole assessment in one go: all of it or, on error, nothing. */
  saveAssessment(assessment: Assessment): Promise<void>;

  /** Returns a complete assessment as saved, or undefined. */
  getAssessment(id: string): Promise<Assessment | undefined>;

  /**
   * Yields the findings of a complete assessment in saved order, in chunks,
   * so that reports of large assessments need not hold them all.
   */
  iterateFindings(
    id: string,
    chunkRows?: number,
  ): AsyncIterable<readonly Finding[]>;

  /**
   * Returns the stored source texts of the units named `files` of a
   * complete assessment, for showing the code around its findings.
   */
  getUnitTexts(id: string, files: readonly string[]): Promise<UnitTexts>;

  /** Returns inventory items of one kind in saved order. */
  getInventory(id: string, kind: string): Promise<unknown[]>;

  /** Lists every assessment, newest first. */
  listAssessments(): Promise<AssessmentListing[]>;

  /**
   * Deletes a complete or failed assessment; a running one is kept. Its
   * data key is destroyed first, so that no copy of its rows (a backup, a
   * file left on disk) can be decrypted even if deleting the rows fails.
   */
  deleteAssessment(id: string): Promise<DeleteResult>;

  /** Closes connections and releases the data directory lock. */
  close(): Promise<void>;
}
