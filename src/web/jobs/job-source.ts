/**
 * The source of a job: an upload or a live server. A source is opened
 * when its job starts rather than when it is queued, so that a live
 * connection is made only once a runner slot is free. It is closed when
 * the run ends.
 */

import type { MemoryInput } from "../../assessment/run.js";
import type { CollectedItem } from "../../sources/sqlserver/collected.js";
import type { JobKind } from "./job.js";

export interface JobSource {
  readonly kind: JobKind;
  /** Shown in job lists: the upload's file name or the connection's name. */
  readonly label: string;
  /**
   * Opens the source. Aborting `signal` cancels the job; a source that
   * connects rejects with the signal's reason or closes what it opened.
   * Rejects with an Error whose message states what failed, for the user.
   */
  open(signal: AbortSignal): Promise<OpenedSource>;
}

export interface OpenedSource {
  /** The assessment's sources: the upload's file name, or the server's address. */
  readonly sources: readonly string[];
  /** Scripts in memory (uploads). */
  readonly inputs?: readonly MemoryInput[];
  /** Items collected from a live server. */
  readonly collected?: AsyncIterable<CollectedItem>;
  /** `--encoding` for scripts without a byte order mark. */
  readonly encoding?: string;
  /** sqlcmd variables for `$(name)` in scripts. */
  readonly variables?: Readonly<Record<string, string>>;
  /**
   * Masks secrets, such as the login's password, in the job's error
   * message before pages show it.
   */
  readonly redact?: (text: string) => string;
  /** Warnings the job shows, such as a certificate that is not verified. */
  readonly warnings: readonly string[];
  /** Releases what `open` opened; called once the run has ended. */
  close(): Promise<void>;
}
