/**
 * Runs one job: opens its source, runs the assessment into the store
 * through the library entry point that `infio assess` uses, and records
 * how it ended. The store's writer makes the assessment visible only at
 * commit and removes every row and its data key when the run is aborted
 * or fails, so a cancelled or failed job leaves nothing in the store.
 */

import { newAssessmentId } from "../../assessment/id.js";
import { recordOverrides, type OverrideChanges } from "../../assessment/override-records.js";
import type { RateTable } from "../../assessment/effort.js";
import { runAssessment, type Progress, type RunResult } from "../../assessment/run.js";
import type { Catalog } from "../../catalog/catalog.js";
import type { CatalogOverrides } from "../../catalog/overrides.js";
import type { Store } from "../../store/index.js";
import type { JobRecord } from "./job-record.js";
import type { JobSnapshot } from "./job.js";
import type { OpenedSource } from "./job-source.js";
import { ObservedStore } from "./observed-store.js";

/**
 * The catalog and effort settings every job runs with; a configuration
 * loaded by `loadSettings` (src/cli/settings.ts) has this shape.
 */
export interface AssessmentSettings extends OverrideChanges {
  /** The catalog with the overrides applied. */
  readonly catalog: Catalog;
  /** The overrides, which the worker threads apply to their own catalog. */
  readonly overrides?: CatalogOverrides;
  readonly occurrenceRates?: RateTable;
}

export interface JobContext {
  readonly store: Store;
  readonly settings: AssessmentSettings;
  readonly infioVersion: string;
  /** Worker threads of one assessment. */
  readonly workerThreads: number;
  readonly maxFileSize: number;
  readonly clock: () => number;
  readonly beforeStart?: (job: JobSnapshot) => Promise<void>;
  /** Emits a state or progress event of the job. */
  readonly emit: (record: JobRecord, type: "state" | "progress") => void;
}

/** Runs `record` to its end; never rejects. */
export async function runJob(record: JobRecord, context: JobContext): Promise<void> {
  const startedAt = context.clock();
  record.state = "running";
  record.phase = record.kind === "connection" ? "connecting" : "assessing";
  record.startedAt = startedAt;
  record.assessmentId = newAssessmentId(new Date(startedAt));
  context.emit(record, "state");

  let opened: OpenedSource | undefined;
  try {
    await context.beforeStart?.(record.snapshot());
    if (record.signal.aborted) {
      finish(record, context, "cancelled");
      return;
    }
    const source = record.source;
    if (source === undefined) {
      throw new Error(`job ${record.id} has no source to open; start the assessment again`);
    }
    opened = await source.open(record.signal);
    record.warnings = opened.warnings;
    if (record.signal.aborted) {
      finish(record, context, "cancelled");
      return;
    }

    record.phase = "assessing";
    context.emit(record, "progress");
    const result = await assess(record, opened, context);
    finishWith(record, context, result, opened.redact);
  } catch (error) {
    if (record.signal.aborted) {
      finish(record, context, "cancelled");
    } else {
      const message = error instanceof Error ? error.message : String(error);
      finish(record, context, "failed", opened?.redact?.(message) ?? message);
    }
  } finally {
    await opened?.close().catch(() => undefined);
  }
}

async function assess(record: JobRecord, opened: OpenedSource, context: JobContext): Promise<RunResult> {
  const settings = context.settings;
  const appliedOverrides = recordOverrides(settings, record.target);
  const store = new ObservedStore(context.store, {
    onFindings: (count) => {
      record.findings += count;
    },
    onCommit: () => {
      record.phase = "saving";
      context.emit(record, "progress");
    },
  });

  return runAssessment({
    id: record.assessmentId!,
    startedAt: new Date(record.startedAt!),
    infioVersion: context.infioVersion,
    sources: opened.sources,
    ...(opened.inputs === undefined ? {} : { inputs: opened.inputs }),
    ...(opened.collected === undefined ? {} : { collected: opened.collected }),
    target: record.target,
    ...(record.compare === undefined ? {} : { compare: record.compare }),
    catalog: settings.catalog,
    ...(settings.overrides === undefined ? {} : { overrides: settings.overrides }),
    ...(appliedOverrides === undefined ? {} : { appliedOverrides }),
    ...(settings.occurrenceRates === undefined ? {} : { occurrenceRates: settings.occurrenceRates }),
    ...(opened.encoding === undefined ? {} : { encoding: opened.encoding }),
    ...(opened.variables === undefined ? {} : { variables: opened.variables }),
    maxFileSize: context.maxFileSize,
    jobs: context.workerThreads,
    store,
    signal: record.signal,
    onProgress: (progress) => {
      updateProgress(record, progress);
      context.emit(record, "progress");
    },
  });
}

function updateProgress(record: JobRecord, progress: Progress): void {
  record.units = progress.files;
  record.bytes = progress.bytes;
  record.lines = progress.lines;
  if (progress.totals !== undefined) {
    record.unitsTotal = progress.totals.files;
    record.bytesTotal = progress.totals.bytes;
  }
}

/**
 * Records the run's result. A run that committed is done even when the
 * job was cancelled during the commit: the assessment is then complete in
 * the store.
 */
function finishWith(
  record: JobRecord,
  context: JobContext,
  result: RunResult,
  redact: ((text: string) => string) | undefined,
): void {
  if (!result.ok) {
    if (result.aborted || record.signal.aborted) {
      finish(record, context, "cancelled");
    } else {
      finish(record, context, "failed", redact?.(result.error) ?? result.error);
    }
    return;
  }

  finish(record, context, "done");
}

function finish(
  record: JobRecord,
  context: JobContext,
  state: "done" | "failed" | "cancelled",
  error?: string,
): void {
  record.state = state;
  record.phase = "finished";
  record.finishedAt = context.clock();
  if (error !== undefined) {
    record.error = error;
  }
  context.emit(record, "state");
}
