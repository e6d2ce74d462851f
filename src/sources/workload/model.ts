/**
 * The workload part of an assessment: which captures were read, and each
 * distinct statement the application sent, with how often and where it
 * ran. Field names follow `workload` in schema/assessment.schema.json.
 */

/** `extendedEvents` (event_file or ring_buffer XML) or `profilerTrace` (Profiler's trace XML). */
export type CaptureFormat = "extendedEvents" | "profilerTrace";

/** One capture file as read. */
export interface WorkloadCapture {
  /** The path as the user gave it. */
  readonly file: string;
  readonly format: CaptureFormat;
  readonly bytes: number;
  /** Events in the file, of every type. */
  readonly events: number;
  /** Events whose SQL text was counted. */
  readonly statementEvents: number;
  /** Events left out, by event name: other types, or no SQL text. */
  readonly ignored: Readonly<Record<string, number>>;
  /** ISO 8601 times of the earliest and latest counted event, when the capture has times. */
  readonly firstEvent?: string;
  readonly lastEvent?: string;
  /** Problems that left part of the capture unread, such as a truncated file. */
  readonly warnings: readonly string[];
}

/** One distinct statement: the events whose SQL is the same once literals are masked. */
export interface WorkloadStatement {
  /** Unit name of the statement in findings: `workload:<capture>#<n>`. */
  readonly file: string;
  /** First 16 hexadecimal digits of the SHA-256 of the normalised text. */
  readonly hash: string;
  /** The statement with literals masked, as assessed and shown. */
  readonly text: string;
  /** Events counted for it. */
  readonly executions: number;
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  /** Names seen with it, sorted, at most MAX_NAMES_KEPT of each. */
  readonly databases: readonly string[];
  readonly applications: readonly string[];
  readonly logins: readonly string[];
  /** Executions by event name. */
  readonly events: Readonly<Record<string, number>>;
  /** The procedure the statement was taken out of: `sp_executesql`, `sp_prepexec`, `sp_prepare`. */
  readonly calledThrough?: string;
}

export interface WorkloadSource {
  readonly captures: readonly WorkloadCapture[];
  /** Most executed first. */
  readonly statements: readonly WorkloadStatement[];
}

/** Names kept per statement for databases, applications and logins. */
export const MAX_NAMES_KEPT = 20;
