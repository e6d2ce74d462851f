/**
 * The job runner's hooks for the console: each run's start and end go to
 * the audit log, with the console user who started the run as the actor,
 * and to the console's log. The start is recorded before the run opens its
 * source, so a run the audit log cannot record fails without assessing.
 */

import type { JobHooks, JobSnapshot } from "../jobs/index.js";
import type { ConsoleAudit, ConsoleAuditRecord } from "./audit.js";
import type { ConsoleLogger } from "./services.js";

export interface RunAuditHooks {
  readonly hooks: JobHooks;
  /**
   * Waits for the end entries still being written. The runner does not
   * wait for them, so the console calls this after closing the runner and
   * before closing the audit log.
   */
  settled(): Promise<void>;
}

export function runAuditHooks(audit: ConsoleAudit, log: ConsoleLogger): RunAuditHooks {
  const writing = new Set<Promise<void>>();
  const recordEnd = async (job: JobSnapshot): Promise<void> => {
    if (job.state === "failed") {
      log.warn(runEndLine(job));
    } else {
      log.info(runEndLine(job));
    }
    await audit.forUser(job.owner).after(runEnded(job));
  };

  const hooks: JobHooks = {
    beforeStart: async (job) => {
      await audit.forUser(job.owner).before(runStarted(job));
      log.info(`run ${job.id} of '${job.owner}' started: ${job.kind} '${job.label}', target ${job.target}`);
    },
    afterEnd: (job) => {
      const written = recordEnd(job);
      writing.add(written);
      void written.catch(() => undefined).finally(() => writing.delete(written));
      return written;
    },
    onHookError: (error, job) => {
      const message = error instanceof Error ? error.message : String(error);
      log.error(`run ${job.id} of '${job.owner}': recording its end failed: ${message}`);
    },
  };
  return {
    hooks,
    settled: async () => {
      await Promise.allSettled([...writing]);
    },
  };
}

/** `assessment.run`, outcome `started`, as `infio assess` records it, with the console's run id. */
function runStarted(job: JobSnapshot): ConsoleAuditRecord {
  return {
    action: "assessment.run",
    outcome: "started",
    objects: { run: job.id, ...(job.assessmentId === undefined ? {} : { assessment: job.assessmentId }) },
    details: {
      via: "console",
      source: job.kind === "upload" ? "upload" : "saved-connection",
      label: job.label,
      target: job.target,
    },
  };
}

/**
 * `assessment.run` with its outcome. A cancelled run has outcome `failed`
 * and state `cancelled`, because audit outcomes have no cancelled value.
 */
function runEnded(job: JobSnapshot): ConsoleAuditRecord {
  return {
    action: "assessment.run",
    outcome: job.state === "done" ? "succeeded" : "failed",
    objects: { run: job.id, ...(job.assessmentId === undefined ? {} : { assessment: job.assessmentId }) },
    details: {
      via: "console",
      state: job.state,
      units: job.progress.units,
      lines: job.progress.lines,
      findings: job.progress.findings,
      elapsedMs: Math.round(job.progress.elapsedMs),
      ...(job.error === undefined ? {} : { error: job.error }),
    },
  };
}

function runEndLine(job: JobSnapshot): string {
  const head = `run ${job.id} of '${job.owner}' ${job.state}`;
  if (job.state === "done") {
    return `${head}: assessment ${job.assessmentId ?? "(none)"}, ${job.progress.findings} findings`;
  }
  return job.error === undefined ? head : `${head}: ${job.error}`;
}
