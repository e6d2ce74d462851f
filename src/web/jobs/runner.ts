/**
 * The web console's in-process assessment runner: a queue of jobs with
 * progress events, cancellation and a bounded list of finished jobs for
 * the pages. Jobs run one at a time by default, because one assessment
 * already uses a worker thread per core.
 *
 * Library code: it never logs. The caller learns about every change
 * through `watch` and can audit each start and end through the hooks.
 */

import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";

import { defaultCatalog } from "../../catalog/catalog.js";
import type { Target } from "../../catalog/targets.js";
import { infioVersion } from "../../cli/version.js";
import { DEFAULT_MAX_FILE_SIZE } from "../../sources/scripts/read.js";
import type { Store } from "../../store/index.js";
import type { JobEvent, JobSnapshot } from "./job.js";
import { JobRecord } from "./job-record.js";
import type { JobSource } from "./job-source.js";
import { runJob, type AssessmentSettings, type JobContext } from "./run-job.js";

export interface JobRunnerOptions {
  /** The store that receives the assessments; the runner does not close it. */
  readonly store: Store;
  /** Jobs that run at once; 1 by default. */
  readonly concurrency?: number;
  /** Worker threads of one assessment; the number of cores by default. */
  readonly workerThreads?: number;
  /** Catalog and effort settings; the built-in catalog by default. */
  readonly settings?: AssessmentSettings;
  /** Bytes past which a script is skipped as too large. */
  readonly maxFileSize?: number;
  /** Finished jobs kept for the pages; older ones are dropped first. Default 100. */
  readonly maxFinishedJobs?: number;
  /** Milliseconds a finished job is kept. Default one hour. */
  readonly finishedJobTtlMs?: number;
  readonly hooks?: JobHooks;
  /** Milliseconds since the epoch; `Date.now` by default. */
  readonly clock?: () => number;
}

export interface JobHooks {
  /**
   * Runs when a job starts, before its source is opened, for example to
   * write the audit log. A rejection fails the job with its message, and
   * nothing is stored.
   */
  readonly beforeStart?: (job: JobSnapshot) => Promise<void>;
  /** Runs once a job has ended, whatever its final state. */
  readonly afterEnd?: (job: JobSnapshot) => Promise<void>;
  /** Receives what `afterEnd` rejected with and what a watcher threw, since no caller waits for them. */
  readonly onHookError?: (error: unknown, job: JobSnapshot) => void;
}

export interface JobRequest {
  /** The console user who starts the job. */
  readonly owner: string;
  readonly source: JobSource;
  readonly target: Target;
  /** A second target to classify the findings for. */
  readonly compare?: Target;
}

const DEFAULT_MAX_FINISHED = 100;
const DEFAULT_FINISHED_TTL_MS = 60 * 60 * 1000;

export class JobRunner {
  readonly #concurrency: number;
  readonly #maxFinished: number;
  readonly #finishedTtlMs: number;
  readonly #hooks: JobHooks;
  readonly #clock: () => number;
  readonly #context: JobContext;
  /** Every job still listed, in submission order. */
  readonly #jobs = new Map<string, JobRecord>();
  readonly #queue: JobRecord[] = [];
  readonly #running = new Map<JobRecord, Promise<void>>();
  /** Finished jobs, oldest first. */
  readonly #finished: JobRecord[] = [];
  readonly #watchers = new Set<(event: JobEvent) => void>();
  #closed = false;

  constructor(options: JobRunnerOptions) {
    this.#concurrency = positive("concurrency", options.concurrency ?? 1);
    this.#maxFinished = positive("maxFinishedJobs", options.maxFinishedJobs ?? DEFAULT_MAX_FINISHED);
    this.#finishedTtlMs = positive("finishedJobTtlMs", options.finishedJobTtlMs ?? DEFAULT_FINISHED_TTL_MS);
    this.#hooks = options.hooks ?? {};
    this.#clock = options.clock ?? Date.now;
    this.#context = {
      store: options.store,
      settings: options.settings ?? defaultSettings(),
      infioVersion: infioVersion(),
      workerThreads: positive("workerThreads", options.workerThreads ?? availableParallelism()),
      maxFileSize: positive("maxFileSize", options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE),
      clock: this.#clock,
      ...(this.#hooks.beforeStart === undefined ? {} : { beforeStart: this.#hooks.beforeStart }),
      emit: (record, type) => this.#emit(record, type),
    };
  }

  /** Queues a job and returns its first snapshot. Throws once the runner is closed. */
  submit(request: JobRequest): JobSnapshot {
    if (this.#closed) {
      throw new Error(
        "cannot start a job: the assessment runner is shutting down; try again once the console is back",
      );
    }
    if (request.owner.trim() === "") {
      throw new RangeError("cannot start a job without an owner: pass the signed-in user's name");
    }

    const record = new JobRecord(
      {
        id: randomUUID(),
        owner: request.owner,
        source: request.source,
        target: request.target,
        ...(request.compare === undefined ? {} : { compare: request.compare }),
      },
      this.#clock,
    );
    this.#jobs.set(record.id, record);
    this.#queue.push(record);
    this.#emit(record, "state");
    this.#startQueued();
    return record.snapshot();
  }

  /** Returns the job's snapshot, or undefined when it is unknown or no longer kept. */
  get(id: string): JobSnapshot | undefined {
    this.#prune();
    return this.#jobs.get(id)?.snapshot();
  }

  /** Lists the jobs kept, newest first, optionally only those of `owner`. */
  list(filter: { readonly owner?: string } = {}): JobSnapshot[] {
    this.#prune();
    const records = [...this.#jobs.values()].reverse();
    return records.filter((r) => filter.owner === undefined || r.owner === filter.owner).map((r) => r.snapshot());
  }

  /**
   * Cancels a job. A queued job is cancelled at once; a running one stops
   * and its snapshot turns `cancelled` once the store has removed what it
   * wrote. Returns the snapshot, or undefined for an unknown job. A job
   * that has already ended is returned unchanged.
   */
  cancel(id: string): JobSnapshot | undefined {
    const record = this.#jobs.get(id);
    if (record === undefined) {
      return undefined;
    }

    if (record.state === "queued") {
      this.#queue.splice(this.#queue.indexOf(record), 1);
      record.controller.abort();
      record.state = "cancelled";
      record.phase = "finished";
      record.finishedAt = this.#clock();
      this.#emit(record, "state");
      this.#ended(record);
    } else if (record.state === "running") {
      record.controller.abort();
    }
    return record.snapshot();
  }

  /**
   * Returns the job's events, starting with its current state and ending
   * after its final state, or undefined for an unknown job. Aborting
   * `signal` ends the iteration early.
   */
  subscribe(id: string, signal?: AbortSignal): AsyncIterableIterator<JobEvent> | undefined {
    return this.#jobs.get(id)?.subscribe(signal);
  }

  /**
   * Calls `listener` with every event of every job, for example to log
   * them; returns the function that stops it. What the listener throws
   * goes to the `onHookError` hook.
   */
  watch(listener: (event: JobEvent) => void): () => void {
    this.#watchers.add(listener);
    return () => this.#watchers.delete(listener);
  }

  /** Cancels every queued and running job and waits for the running ones to end. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const record of [...this.#queue]) {
      this.cancel(record.id);
    }
    for (const record of this.#running.keys()) {
      record.controller.abort();
    }
    await Promise.all(this.#running.values());
  }

  #startQueued(): void {
    while (this.#running.size < this.#concurrency && this.#queue.length > 0) {
      const record = this.#queue.shift()!;
      const run = runJob(record, this.#context).then(() => {
        this.#running.delete(record);
        this.#ended(record);
        this.#startQueued();
      });
      this.#running.set(record, run);
    }
  }

  /** Keeps a finished job without its source, and runs the end hook. */
  #ended(record: JobRecord): void {
    record.source = undefined;
    this.#finished.push(record);
    this.#prune();

    const afterEnd = this.#hooks.afterEnd;
    if (afterEnd !== undefined) {
      const snapshot = record.snapshot();
      afterEnd(snapshot).catch((error: unknown) => this.#hooks.onHookError?.(error, snapshot));
    }
  }

  #emit(record: JobRecord, type: "state" | "progress"): void {
    const event = record.event(type);
    for (const watcher of this.#watchers) {
      try {
        watcher(event);
      } catch (error) {
        this.#hooks.onHookError?.(error, event.job);
      }
    }
  }

  /** Drops finished jobs past the count and age limits. */
  #prune(): void {
    const now = this.#clock();
    while (
      this.#finished.length > this.#maxFinished ||
      (this.#finished.length > 0 && now - this.#finished[0]!.finishedAt! > this.#finishedTtlMs)
    ) {
      const dropped = this.#finished.shift()!;
      this.#jobs.delete(dropped.id);
    }
  }
}

/** Returns the built-in catalog and effort rates, without overrides. */
function defaultSettings(): AssessmentSettings {
  return { catalog: defaultCatalog(), applied: [], rateChanges: [], occurrenceRateChanges: [] };
}

function positive(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`invalid ${name} ${value}: give a whole number of at least 1`);
  }
  return value;
}
