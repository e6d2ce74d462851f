/**
 * The services that console routes use. `serve` builds them from the CLI's
 * store, audit trail and logger; tests build them over a temporary data
 * folder (test/helpers/web-console.ts).
 */

import type { ConsoleAccounts } from "../../store/console-accounts.js";
import type { Store } from "../../store/store.js";
import type { PasswordHasher } from "../auth/passwords.js";
import type { SavedConnections } from "../connections/index.js";
import type { JobRunner } from "../jobs/index.js";
import type { UploadLimits } from "../uploads/index.js";
import type { AssessmentCache } from "./assessment-cache.js";
import type { ConsoleAudit } from "./audit.js";

/** The console's log; the CLI passes its stderr logger. */
export interface ConsoleLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ConsoleServices {
  /** infio's data folder: keys, the embedded store, the audit log. */
  readonly dataDir: string;
  /** Assessments, and through `accounts` the console's users and sessions. */
  readonly store: Store;
  readonly accounts: ConsoleAccounts;
  readonly audit: ConsoleAudit;
  readonly hasher: PasswordHasher;
  readonly log: ConsoleLogger;
  /** The clock; tests pass a fake one to expire sessions and locks. */
  readonly now: () => Date;
  /** Loaded assessments and the listing, shared by the read pages. */
  readonly assessments: AssessmentCache;
  /** Assessment runs started from the console. */
  readonly runner: JobRunner;
  /** Saved live-server connections, with sealed passwords. */
  readonly connections: SavedConnections;
  /** Limits on the files uploaded for one run. */
  readonly uploadLimits: UploadLimits;
}
