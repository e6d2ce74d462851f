/**
 * Builds the console's services from an open store and audit trail, for
 * `infio serve` and for tests alike, so that both get the same services.
 * A service that needs stopping registers its stop in `closers`.
 */

import type { AuditTrail } from "../../cli/audit-trail.js";
import { consoleAccounts } from "../../store/console-accounts.js";
import type { Store } from "../../store/store.js";
import type { StoreKeyOptions } from "../../store/store-keys.js";
import { PasswordHasher, type Argon2Cost } from "../auth/passwords.js";
import { SavedConnections } from "../connections/index.js";
import { JobRunner, type AssessmentSettings } from "../jobs/index.js";
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "../uploads/index.js";
import { AssessmentCache } from "./assessment-cache.js";
import { ConsoleAudit } from "./audit.js";
import { runAuditHooks } from "./run-audit.js";
import type { ConsoleLogger, ConsoleServices } from "./services.js";

export interface ServiceInputs {
  readonly dataDir: string;
  readonly store: Store;
  readonly audit: AuditTrail;
  readonly log: ConsoleLogger;
  /** argon2id cost of new hashes; the default suits production. */
  readonly argon2Cost?: Argon2Cost;
  readonly now?: () => Date;
  /** The master key the store was opened with; saved connections' passwords are sealed under it. */
  readonly storeKeys?: StoreKeyOptions;
  /** Catalog and effort settings of runs, such as the configuration's; the built-in catalog by default. */
  readonly assessmentSettings?: AssessmentSettings;
  /** Limits on the files uploaded for one run; DEFAULT_UPLOAD_LIMITS by default. */
  readonly uploadLimits?: UploadLimits;
  /** Findings kept in memory across loaded assessments; DEFAULT_CACHE_FINDINGS_BUDGET by default. */
  readonly cacheFindingsBudget?: number;
}

export interface CreatedServices {
  readonly services: ConsoleServices;
  /** Stops what the services started, in reverse order; the store stays open. */
  close(): Promise<void>;
}

export function createConsoleServices(inputs: ServiceInputs): CreatedServices {
  const closers: (() => Promise<void>)[] = [];
  const audit = new ConsoleAudit(inputs.audit);
  const now = inputs.now ?? (() => new Date());

  const connections = new SavedConnections({
    store: inputs.store,
    dataDir: inputs.dataDir,
    ...(inputs.storeKeys === undefined ? {} : { keys: inputs.storeKeys }),
    clock: now,
  });
  closers.push(async () => connections.close());
  // The runner keeps real time, not `now`, so that a test's frozen clock
  // does not stop elapsed times and the expiry of finished runs.
  const runAudit = runAuditHooks(audit, inputs.log);
  const runner = new JobRunner({
    store: inputs.store,
    ...(inputs.assessmentSettings === undefined ? {} : { settings: inputs.assessmentSettings }),
    hooks: runAudit.hooks,
  });
  closers.push(async () => {
    await runner.close();
    await runAudit.settled();
  });

  const assessments = new AssessmentCache({
    store: inputs.store,
    ...(inputs.cacheFindingsBudget === undefined ? {} : { findingsBudget: inputs.cacheFindingsBudget }),
  });
  // A run's state changes add, finish or remove its assessment.
  const stopWatching = runner.watch((event) => {
    if (event.type !== "state") {
      return;
    }
    if (event.job.assessmentId === undefined) {
      assessments.invalidateListing();
    } else {
      assessments.invalidate(event.job.assessmentId);
    }
  });
  closers.push(async () => {
    stopWatching();
  });

  const services: ConsoleServices = {
    dataDir: inputs.dataDir,
    store: inputs.store,
    accounts: consoleAccounts(inputs.store),
    audit,
    hasher: new PasswordHasher(inputs.argon2Cost),
    log: inputs.log,
    now,
    assessments,
    runner,
    connections,
    uploadLimits: inputs.uploadLimits ?? DEFAULT_UPLOAD_LIMITS,
  };

  return {
    services,
    close: async () => {
      for (const close of closers.reverse()) {
        await close();
      }
    },
  };
}
