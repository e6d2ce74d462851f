/**
 * Runs as the console's pages and API show them, and who may see one: the
 * user who started it, and every admin. Another assessor gets the same 404
 * as for a run that does not exist.
 */

import { authorizeObject } from "../auth/object-access.js";
import type { SignedInUser } from "../auth/sessions.js";
import type { JobSnapshot, JobState } from "../jobs/index.js";
import type { RouteContext } from "./registry.js";

/** The JSON of `GET /api/runs/:id` and of each progress event. */
export interface RunJson {
  readonly id: string;
  readonly state: JobState;
  readonly phase: string;
  readonly unitsDone: number;
  /** 0 while the number of code units is not known, as for a live server. */
  readonly unitsTotal: number;
  readonly lines: number;
  readonly findings: number;
  readonly elapsedMs: number;
  /** Set once the run is done and its assessment is in the store. */
  readonly assessmentId?: string;
  readonly error?: string;
}

/** Checks whether `user` may see and cancel `job`. */
export function canSeeRun(user: SignedInUser, job: JobSnapshot): boolean {
  return user.role === "admin" || job.owner === user.name;
}

/** Returns the run `id` for the route's user; throws a 404 HttpError when missing or not theirs. */
export function authorizeRun(context: RouteContext, id: string): Promise<JobSnapshot> {
  return authorizeObject(context, {
    kind: "run",
    id,
    load: async () => context.services.runner.get(id),
    allows: canSeeRun,
  });
}

/** Returns the runs `user` may see, newest first. */
export function visibleRuns(context: RouteContext): JobSnapshot[] {
  const { runner } = context.services;
  const user = context.user;
  return user.role === "admin" ? runner.list() : runner.list({ owner: user.name });
}

export function runJson(job: JobSnapshot): RunJson {
  const progress = job.progress;
  // The assessment id is set while the run writes it, but the store lists
  // the assessment only once the run is done, so a link before then would fail.
  const assessmentId = job.state === "done" ? job.assessmentId : undefined;
  return {
    id: job.id,
    state: job.state,
    phase: progress.phase,
    unitsDone: progress.units,
    unitsTotal: progress.unitsTotal ?? 0,
    lines: progress.lines,
    findings: progress.findings,
    elapsedMs: progress.elapsedMs,
    ...(assessmentId === undefined ? {} : { assessmentId }),
    ...(job.error === undefined ? {} : { error: job.error }),
  };
}
