/**
 * Runs an assessment of script files, or of the items collected from a
 * live server (feed-collected.ts): walks the sources, assesses units in
 * worker threads, and streams the results into the store writer in walk
 * order, whatever order the workers finish in. At most `maxInFlight` units
 * are read, assessed or waiting at a time, so memory does not grow with the
 * number of files (see NOTE below for what the reports need).
 *
 * Library code: it reports through callbacks, never logs, and returns
 * failures instead of throwing.
 */

import type { Catalog } from "../catalog/catalog.js";
import type { CatalogOverrides } from "../catalog/overrides.js";
import { formatTarget, type Target } from "../catalog/targets.js";
import type { GlobMatcher } from "../sources/scripts/glob.js";
import { newWalkCounts, walkSources, type ScriptEntry, type WalkCounts } from "../sources/scripts/walk.js";
import type { CollectedItem } from "../sources/sqlserver/collected.js";
import { decodeFindingChunk } from "../store/finding-chunks.js";
import type { AssessmentWriter, Store } from "../store/index.js";
import { writeWorkloadSource } from "../store/workload-inventory.js";
import { writeCostSection } from "../store/cost-inventory.js";
import { buildCostSection, type CostRequest } from "./cost/section.js";
import { writeReadiness } from "../store/readiness-inventory.js";
import { assessReadiness } from "./readiness/assess-readiness.js";
import { assessScriptReadiness } from "./readiness/from-scripts.js";
import type { ReadinessThresholds } from "./readiness/model.js";
import type { WorkloadSource } from "../sources/workload/model.js";
import type { AppCodeFeed } from "../sources/app-code/scan.js";
import { writeAppCodeSource } from "../store/app-code-inventory.js";
import { writeDependencyGraph } from "../store/dependency-inventory.js";
import { TargetComparer } from "./compare.js";
import { buildDependencyGraph } from "./dependencies/build.js";
import type { UnitReferences } from "./dependencies/code-edges.js";
import type { RateTable } from "./effort.js";
import { feedCollected, LiveRecorder } from "./feed-collected.js";
import type {
  AppliedOverrides,
  AssessedObject,
  AssessedUnit,
  Assessment,
  Finding,
  ParseErrorRecord,
  SkippedInput,
} from "./model.js";
import { WorkerPool } from "./pool.js";
import { scanTotals, type Totals } from "./totals.js";
import { SummaryBuilder } from "./summary.js";
import type { UnitOutcome } from "./unit-task.js";

export interface RunOptions {
  readonly id: string;
  readonly startedAt: Date;
  readonly infioVersion: string;
  /**
   * Paths as the user gave them; `-` is standard input. With `collected`,
   * the server's address, which is all the assessment keeps of the source.
   */
  readonly sources: readonly string[];
  /**
   * Items collected from a live server or read from a bundle, assessed
   * instead of walking `sources`.
   */
  readonly collected?: AsyncIterable<CollectedItem>;
  readonly target: Target;
  /** The catalog with `overrides` applied, for the summary's effort. */
  readonly catalog: Catalog;
  /** Passed to the workers, which apply them to their own catalog. */
  readonly overrides?: CatalogOverrides;
  /** The changes the overrides made, kept with the assessment for the reports. */
  readonly appliedOverrides?: AppliedOverrides;
  /** Hours per occurrence by complexity; the effort model's defaults when absent. */
  readonly occurrenceRates?: RateTable;
  /** A second target to classify the findings for, as `--compare` gives it. */
  readonly compare?: Target;
  readonly encoding?: string;
  readonly variables?: Readonly<Record<string, string>>;
  readonly include?: readonly GlobMatcher[];
  readonly exclude?: readonly GlobMatcher[];
  readonly maxFileSize: number;
  readonly jobs: number;
  /** Folder that relative source paths start from; the process's by default. */
  readonly cwd?: string;
  readonly store: Store;
  /** Reads all of standard input; needed when a source is `-`. */
  readonly readStdin?: () => Promise<Uint8Array>;
  /**
   * Scripts already in memory, such as an upload, assessed in this order
   * instead of walking `sources`, which then only name them. Their decoded
   * texts come back in the result's `texts`.
   */
  readonly inputs?: readonly MemoryInput[];
  /** Sizes that decide the load strategy of the readiness part; the defaults when absent. */
  readonly readinessThresholds?: ReadinessThresholds;
  /** Workload captures whose statements `inputs` holds; stored and returned with the assessment. */
  readonly workload?: WorkloadSource;
  /** The price book and estate of the cost section; no cost section without it. */
  readonly cost?: CostRequest;
  /**
   * Application source trees (`--app-code`): their units are fed after the
   * other sources, and their part is stored and returned with the assessment.
   */
  readonly appCode?: AppCodeFeed;
  /**
   * Whether the store keeps each unit's source text, sealed and compressed,
   * for the console's source view and `infio report`. True when absent;
   * nothing is kept with `--store none` either way.
   */
  readonly keepSource?: boolean;
  /** Aborting stops the run and removes what was stored. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
  readonly onSkipped?: (skipped: SkippedInput) => void;
  /**
   * Fails the run and stores nothing when no script was assessed, because
   * every input was skipped or left out. Ignored with `collected`, whose
   * inventory is worth storing without any code.
   */
  readonly requireUnits?: boolean;
}

/** A script held in memory, named as in findings, or an input already skipped. */
export type MemoryInput =
  | { readonly kind: "bytes"; readonly name: string; readonly bytes: Uint8Array }
  /** Text that was never a file, such as a captured statement: no decoding, no sqlcmd commands. */
  | {
      readonly kind: "text";
      readonly name: string;
      readonly text: string;
      /** Whether to keep the text for the code view; true when absent. */
      readonly keepText?: boolean;
    }
  | { readonly kind: "skipped"; readonly skipped: SkippedInput };

export interface Progress {
  /** Files read so far, assessed or skipped. */
  readonly files: number;
  /** Bytes of those files. */
  readonly bytes: number;
  /** Lines assessed so far. */
  readonly lines: number;
  /** Totals from a scan before the run, when progress is wanted. */
  readonly totals?: Totals;
}

export type RunResult =
  | {
      readonly ok: true;
      readonly assessment: Assessment;
      /** Decoded text of standard input, which cannot be read again. */
      readonly texts: ReadonlyMap<string, string>;
      readonly counts: WalkCounts;
      /** Time spent waiting for the store, commit included. */
      readonly storeMs: number;
    }
  | {
      readonly ok: false;
      readonly aborted: boolean;
      readonly error: string;
      /** Present when `requireUnits` failed the run: what was skipped and left out. */
      readonly nothingAssessed?: { readonly skipped: readonly SkippedInput[]; readonly counts: WalkCounts };
    };

/**
 * Units in flight per worker: enough to keep the workers busy behind a slow
 * file and while the main thread writes to the store. A 2,000-line file of
 * the benchmark corpus (bench/corpus.ts) takes a worker about 10 ms, while
 * writing 10,000 buffered object rows, one sealed row each as they were
 * then, held the main thread, and so the feed, for 230 to 470 ms in a
 * profiled run on 2 cores.
 */
const IN_FLIGHT_PER_WORKER = 32;

/** Bytes of files in flight past which the feed waits, whatever their number. */
const MAX_IN_FLIGHT_BYTES = 32 * 1024 * 1024;

export async function runAssessment(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const keepSource = options.keepSource !== false && options.store.kind !== "none";
  // The workers load and compile their code while the sources are counted
  // and the store begins the assessment.
  const pool = new WorkerPool(options.jobs, {
    target: options.target,
    maxFileSize: options.maxFileSize,
    packText: keepSource,
    ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.variables === undefined ? {} : { variables: options.variables }),
  });
  let totals: Totals | undefined;
  let writer: AssessmentWriter;
  try {
    totals = await runTotals(options);
    writer = await options.store.beginAssessment({
      id: options.id,
      startedAt: options.startedAt.toISOString(),
      infioVersion: options.infioVersion,
      target: formatTarget(options.target),
      sources: options.sources,
      sourceKept: keepSource,
    });
  } catch (error) {
    await pool.close();
    return { ok: false, aborted: false, error: messageOf(error) };
  }

  const sink = new Sink(options, writer, totals);
  const live =
    options.collected === undefined
      ? undefined
      : new LiveRecorder(writer, sink, options.sources[0] ?? "");
  // Stopping the pool ends the files in flight at once, so an interrupt
  // does not wait for a large file to finish.
  const stop = (): void => void pool.close();
  options.signal?.addEventListener("abort", stop, { once: true });

  try {
    if (options.collected === undefined || live === undefined) {
      await feed(options, pool, sink);
    } else {
      await feedCollected(options.collected, {
        pool,
        sink,
        live,
        maxInFlight: Math.max(2, pool.size * IN_FLIGHT_PER_WORKER),
        server: options.sources[0] ?? "",
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
    }
    if (options.appCode !== undefined) {
      await feed(options, pool, sink, options.appCode.inputs());
    }
    if (options.signal?.aborted === true) {
      await writer.abort();
      return { ok: false, aborted: true, error: "the run was interrupted" };
    }
    if (options.requireUnits === true && options.collected === undefined && sink.units.length === 0) {
      await writer.abort();
      const nothingAssessed = { skipped: sink.skipped, counts: sink.counts };
      return { ok: false, aborted: false, error: "no script was assessed", nothingAssessed };
    }
    const liveSource = live?.result();
    const readinessOptions = {
      target: formatTarget(options.target),
      ...(options.readinessThresholds === undefined ? {} : { thresholds: options.readinessThresholds }),
    };
    // Scripts give table-level items from their CREATE TABLE statements only.
    const readiness =
      liveSource === undefined
        ? assessScriptReadiness(sink.objects, sink.findings, readinessOptions)
        : assessReadiness(liveSource, readinessOptions);
    if (readiness !== undefined) {
      await sink.timed(() => writeReadiness(writer, readiness));
    }
    const workload = options.workload;
    if (workload !== undefined) {
      await sink.timed(() => writeWorkloadSource(writer, workload));
    }
    const applicationCode = options.appCode?.result();
    if (applicationCode !== undefined) {
      await sink.timed(() => writeAppCodeSource(writer, applicationCode));
    }
    const dependencies = buildDependencyGraph(sink.references, liveSource?.inventory);
    await sink.timed(() => writeDependencyGraph(writer, dependencies));

    const effort = sink.summary.effort();
    const cost = options.cost === undefined ? undefined : buildCostSection(options.cost, liveSource, effort.total);
    if (cost !== undefined) {
      await sink.timed(() => writeCostSection(writer, cost));
    }
    const summary = sink.summary.build(Math.round(performance.now() - started), effort);
    const details = {
      ...(options.appliedOverrides === undefined ? {} : { overrides: options.appliedOverrides }),
      effort,
      ...(sink.comparer === undefined ? {} : { comparison: sink.comparer.result() }),
    };
    await sink.timed(() => writer.commit(summary, details));
    return {
      ok: true,
      assessment: {
        id: options.id,
        startedAt: options.startedAt.toISOString(),
        infioVersion: options.infioVersion,
        target: formatTarget(options.target),
        sources: [...options.sources],
        summary,
        units: sink.units,
        objects: sink.objects,
        findings: sink.findings,
        parseErrors: sink.parseErrors,
        skipped: sink.skipped,
        ...details,
        ...(liveSource === undefined ? {} : { live: liveSource }),
        ...(workload === undefined ? {} : { workload }),
        ...(cost === undefined ? {} : { cost }),
        ...(applicationCode === undefined ? {} : { applicationCode }),
        ...(readiness === undefined ? {} : { readiness }),
        dependencies,
      },
      texts: sink.texts,
      counts: sink.counts,
      storeMs: sink.storeMs,
    };
  } catch (error) {
    await writer.abort().catch(() => undefined);
    const aborted = options.signal?.aborted === true;
    return { ok: false, aborted, error: messageOf(error) };
  } finally {
    options.signal?.removeEventListener("abort", stop);
    await pool.close();
  }
}

/**
 * Walks the sources and hands units to the pool, releasing outcomes to the
 * sink in walk order. The queue contains promises in walk order; the head is
 * awaited once the queue is full, which bounds the units in flight.
 */
async function feed(
  options: RunOptions,
  pool: WorkerPool,
  sink: Sink,
  entries?: AsyncIterable<ScriptEntry | MemoryInput>,
): Promise<void> {
  const maxInFlight = Math.max(2, pool.size * IN_FLIGHT_PER_WORKER);
  const queue: Pending[] = [];
  let inFlightBytes = 0;
  let seq = 0;

  const walk = entries ?? options.inputs ?? walkSources(
    options.sources,
    {
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(options.include === undefined ? {} : { include: options.include }),
      ...(options.exclude === undefined ? {} : { exclude: options.exclude }),
    },
    sink.counts,
  );

  for await (const entry of walk) {
    if (options.signal?.aborted === true) {
      return;
    }

    const at = seq++;
    if (entry.kind === "skipped") {
      const outcome: UnitOutcome = { seq: at, kind: "skipped", skipped: entry.skipped };
      queue.push({ outcome: Promise.resolve(outcome), size: 0, read: false });
    } else if (entry.kind === "stdin") {
      const bytes = options.readStdin === undefined ? new Uint8Array() : await options.readStdin();
      const size = bytes.length;
      const outcome = pool.run({ seq: at, name: entry.name, bytes, keepText: true });
      queue.push({ outcome, size, read: true });
    } else if (entry.kind === "bytes") {
      const outcome = pool.run({ seq: at, name: entry.name, bytes: entry.bytes, keepText: true });
      queue.push({ outcome, size: entry.bytes.length, read: true });
    } else if (entry.kind === "text") {
      const outcome = pool.run({ seq: at, name: entry.name, text: entry.text, keepText: entry.keepText ?? true });
      queue.push({ outcome, size: entry.text.length * 2, read: true });
    } else {
      const outcome = pool.run({
        seq: at,
        name: entry.name,
        path: entry.path,
        displayPath: entry.displayPath,
      });
      queue.push({ outcome, size: entry.size, read: true });
    }
    inFlightBytes += queue[queue.length - 1]!.size;

    while (queue.length >= maxInFlight || (queue.length > 1 && inFlightBytes > MAX_IN_FLIGHT_BYTES)) {
      const pending = queue.shift()!;
      inFlightBytes -= pending.size;
      await release(pending, sink);
    }
  }

  while (queue.length > 0 && options.signal?.aborted !== true) {
    await release(queue.shift()!, sink);
  }
}

/** Counts what the run will read, for progress; undefined when no progress is wanted. */
async function runTotals(options: RunOptions): Promise<Totals | undefined> {
  if (options.onProgress === undefined || options.collected !== undefined) {
    return undefined;
  }
  if (options.inputs === undefined) {
    return scanTotals(options);
  }

  let files = 0;
  let bytes = 0;
  for (const input of options.inputs) {
    if (input.kind === "bytes") {
      files++;
      bytes += input.bytes.length;
    } else if (input.kind === "text") {
      files++;
      bytes += input.text.length * 2;
    }
  }
  return { files, bytes };
}

/** A unit in flight, with what progress needs once it is done. */
interface Pending {
  readonly outcome: Promise<UnitOutcome>;
  readonly size: number;
  /** Whether it was a file to read (rather than a walk problem). */
  readonly read: boolean;
}

async function release(pending: Pending, sink: Sink): Promise<void> {
  const outcome = await pending.outcome;
  await sink.accept(outcome);
  if (pending.read) {
    sink.progressed(pending.size);
  }
}

/**
 * Receives outcomes in walk order: adds them to the summary, the store
 * writer and the collected arrays.
 *
 * NOTE: the arrays keep the whole assessment in memory, because the report
 * renderers take a complete Assessment; the store side is streamed.
 */
class Sink {
  readonly summary: SummaryBuilder;
  readonly comparer: TargetComparer | undefined;
  readonly counts = newWalkCounts();
  readonly units: AssessedUnit[] = [];
  readonly objects: AssessedObject[] = [];
  readonly findings: Finding[] = [];
  readonly parseErrors: ParseErrorRecord[] = [];
  readonly skipped: SkippedInput[] = [];
  /** Units' object references, for the dependency graph built at the end. */
  readonly references: UnitReferences[] = [];
  readonly texts = new Map<string, string>();
  storeMs = 0;
  readonly #options: RunOptions;
  readonly #writer: AssessmentWriter;
  readonly #totals: Totals | undefined;
  #doneFiles = 0;
  #doneBytes = 0;

  constructor(options: RunOptions, writer: AssessmentWriter, totals: Totals | undefined) {
    this.#options = options;
    this.#writer = writer;
    this.#totals = totals;
    this.summary = new SummaryBuilder(options.catalog, options.occurrenceRates);
    this.comparer =
      options.compare === undefined
        ? undefined
        : new TargetComparer(options.target, options.compare, options.catalog);
  }

  async accept(unmapped: UnitOutcome): Promise<void> {
    const outcome = this.#options.appCode?.mapOutcome(unmapped) ?? unmapped;
    if (outcome.kind === "skipped") {
      this.skipped.push(outcome.skipped);
      this.#options.onSkipped?.(outcome.skipped);
      await this.timed(() => this.#writer.addSkipped([outcome.skipped]));
      return;
    }

    const findings = decodeFindingChunk(outcome.findings);
    this.summary.addUnit(outcome.unit);
    this.summary.addFindings(findings);
    this.summary.addObjects(outcome.objects);
    this.comparer?.addAll(findings);
    this.units.push(outcome.unit);
    pushAll(this.findings, findings);
    pushAll(this.objects, outcome.objects);
    pushAll(this.parseErrors, outcome.parseErrors);
    const dependencies = outcome.dependencies;
    if (dependencies.references.length > 0 || dependencies.definitions.length > 0) {
      this.references.push({ file: outcome.unit.file, ...dependencies });
    }
    if (outcome.text !== undefined) {
      this.texts.set(outcome.unit.file, outcome.text);
    }

    const packedText = outcome.packedText;
    await this.timed(async () => {
      await this.#writer.addUnits([outcome.unit]);
      if (packedText !== undefined) {
        await this.#writer.addUnitText(outcome.unit.file, packedText);
      }
      await this.#writer.addObjects(outcome.objects);
      await this.#writer.addFindingChunk(outcome.findings);
      await this.#writer.addParseErrors(outcome.parseErrors);
    });
  }

  /** Counts one more file read, of `size` bytes, and reports progress. */
  progressed(size: number): void {
    this.#doneFiles++;
    this.#doneBytes += size;
    this.#options.onProgress?.({
      files: this.#doneFiles,
      bytes: this.#doneBytes,
      lines: this.summary.lines,
      ...(this.#totals === undefined ? {} : { totals: this.#totals }),
    });
  }

  async timed(action: () => Promise<void>): Promise<void> {
    const started = performance.now();
    try {
      await action();
    } finally {
      this.storeMs += performance.now() - started;
    }
  }
}

/** Appends without spreading, which overflows the stack on huge arrays. */
function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) {
    target.push(item);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
