/** The interface of every audit log backend: append, read back, verify. */

import type { Result } from "../errors.js";
import type { Redactor } from "../secrets/redact.js";
import type { AuditEntry, AuditEvent } from "./entry.js";
import type { AuditVerification } from "./verify.js";

export interface AuditLogOptions {
  /** Audit key for HMACs; without it, entries are only hash-chained. */
  readonly macKey?: Uint8Array;
  /** Masks secrets in every string of an event before it is written. */
  readonly redact?: Redactor;
  readonly now?: () => Date;
}

export interface AuditLog {
  /** Appends one entry after the last, durably, and returns it. */
  append(event: AuditEvent): Promise<Result<AuditEntry>>;

  /**
   * Checks the whole chain. Returns a failed Result only when the log cannot
   * be read; a broken chain is an ok Result with `ok: false` inside.
   */
  verify(): Promise<Result<AuditVerification>>;

  /** Returns the entries in order, for export; stops at a damaged one. */
  entries(): AsyncIterable<AuditEntry>;
}
