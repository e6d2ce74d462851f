/**
 * The runner's mutable record of one job. Only the runner changes it.
 * Callers read the snapshots and events it makes.
 */

import { formatTarget, type Target } from "../../catalog/targets.js";
import type { JobEvent, JobKind, JobPhase, JobSnapshot, JobState } from "./job.js";
import type { JobSource } from "./job-source.js";
import { JobSubscription } from "./subscription.js";

export class JobRecord {
  readonly id: string;
  readonly owner: string;
  readonly kind: JobKind;
  readonly label: string;
  /**
   * The job's source, until the job ends. The runner then drops it, so an
   * upload's scripts do not stay in memory with the finished job.
   */
  source: JobSource | undefined;
  readonly target: Target;
  readonly compare: Target | undefined;
  readonly createdAt: number;
  /** Aborted by cancel; the run and the source listen to it. */
  readonly controller = new AbortController();

  state: JobState = "queued";
  phase: JobPhase = "queued";
  startedAt: number | undefined;
  finishedAt: number | undefined;
  assessmentId: string | undefined;
  error: string | undefined;
  warnings: readonly string[] = [];

  units = 0;
  unitsTotal: number | undefined;
  bytes = 0;
  bytesTotal: number | undefined;
  lines = 0;
  findings = 0;

  readonly #clock: () => number;
  readonly #subscriptions = new Set<JobSubscription>();
  #sequence = 0;

  constructor(
    fields: {
      readonly id: string;
      readonly owner: string;
      readonly source: JobSource;
      readonly target: Target;
      readonly compare?: Target;
    },
    clock: () => number,
  ) {
    this.id = fields.id;
    this.owner = fields.owner;
    this.source = fields.source;
    this.kind = fields.source.kind;
    this.label = fields.source.label;
    this.target = fields.target;
    this.compare = fields.compare;
    this.#clock = clock;
    this.createdAt = clock();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  snapshot(): JobSnapshot {
    const iso = (ms: number | undefined): string | undefined =>
      ms === undefined ? undefined : new Date(ms).toISOString();
    const started = iso(this.startedAt);
    const finished = iso(this.finishedAt);

    return {
      id: this.id,
      owner: this.owner,
      kind: this.kind,
      label: this.label,
      target: formatTarget(this.target),
      state: this.state,
      progress: {
        phase: this.phase,
        units: this.units,
        ...(this.unitsTotal === undefined ? {} : { unitsTotal: this.unitsTotal }),
        bytes: this.bytes,
        ...(this.bytesTotal === undefined ? {} : { bytesTotal: this.bytesTotal }),
        lines: this.lines,
        findings: this.findings,
        elapsedMs: this.#elapsedMs(),
      },
      ...(this.assessmentId === undefined ? {} : { assessmentId: this.assessmentId }),
      ...(this.error === undefined ? {} : { error: this.error }),
      warnings: [...this.warnings],
      createdAt: new Date(this.createdAt).toISOString(),
      ...(started === undefined ? {} : { startedAt: started }),
      ...(finished === undefined ? {} : { finishedAt: finished }),
    };
  }

  /** Makes the next event of this job and hands it to its subscriptions. */
  event(type: JobEvent["type"]): JobEvent {
    this.#sequence++;
    const event: JobEvent = { type, sequence: this.#sequence, job: this.snapshot() };
    for (const subscription of this.#subscriptions) {
      subscription.push(event);
    }
    return event;
  }

  /**
   * Returns a subscription that starts with the job's current state. For
   * a finished job it yields that one event and ends.
   */
  subscribe(signal?: AbortSignal): JobSubscription {
    const onAbort = (): void => void subscription.return();
    const subscription = new JobSubscription(() => {
      this.#subscriptions.delete(subscription);
      signal?.removeEventListener("abort", onAbort);
    });
    this.#subscriptions.add(subscription);
    subscription.push({ type: "state", sequence: this.#sequence, job: this.snapshot() });

    if (signal?.aborted === true) {
      onAbort();
    } else {
      signal?.addEventListener("abort", onAbort, { once: true });
    }
    return subscription;
  }

  #elapsedMs(): number {
    if (this.startedAt === undefined) {
      return 0;
    }
    return (this.finishedAt ?? this.#clock()) - this.startedAt;
  }
}
