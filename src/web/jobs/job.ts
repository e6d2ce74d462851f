/**
 * The jobs of the web console's assessment runner, as pages and progress
 * streams read them. Snapshots are plain JSON values, copied on every
 * change, so a page can keep one while the job goes on.
 */

export type JobKind = "upload" | "connection";

/** `queued` and `running` may change; the others are final. */
export type JobState = "queued" | "running" | "done" | "failed" | "cancelled";

/**
 * The step a running job is at: connecting to a server (live jobs only),
 * assessing units, or saving (committing the assessment to the store).
 */
export type JobPhase = "queued" | "connecting" | "assessing" | "saving" | "finished";

export interface JobProgress {
  readonly phase: JobPhase;
  /** Files or modules read so far, assessed or skipped. */
  readonly units: number;
  /** Files to read, when known before the run (uploads); absent for live servers. */
  readonly unitsTotal?: number;
  readonly bytes: number;
  readonly bytesTotal?: number;
  /** Lines assessed so far. */
  readonly lines: number;
  /** Findings of the units assessed so far. */
  readonly findings: number;
  /** Milliseconds since the job started, or its run time once finished; 0 while queued. */
  readonly elapsedMs: number;
}

export interface JobSnapshot {
  readonly id: string;
  /** The console user who started the job. */
  readonly owner: string;
  readonly kind: JobKind;
  /** The assessed source: the upload's file name or the saved connection's name. */
  readonly label: string;
  /** The target, for example `babelfish@5.5.0`. */
  readonly target: string;
  readonly state: JobState;
  readonly progress: JobProgress;
  /**
   * The id of the assessment the job writes, from the moment it runs. The
   * store lists the assessment only once the job is `done`.
   */
  readonly assessmentId?: string;
  /** The reason the job failed, when it did. */
  readonly error?: string;
  /** Warnings to show beside the job, such as a certificate that is not verified. */
  readonly warnings: readonly string[];
  /** ISO 8601 times. */
  readonly createdAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
}

/** One change of a job: its state, or its progress while it runs. */
export interface JobEvent {
  readonly type: "state" | "progress";
  /**
   * The job's event number, from 1, so a subscriber can order events. A
   * subscription's first event repeats the number of the newest event.
   */
  readonly sequence: number;
  readonly job: JobSnapshot;
}

export function isFinal(state: JobState): boolean {
  return state === "done" || state === "failed" || state === "cancelled";
}
