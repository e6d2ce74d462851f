/** The run function of `infio assess`: see assess.ts for the options. */

import { stat } from "node:fs/promises";
import { resolve } from "node:path";

import { countAtOrAbove } from "../assessment/fail-on.js";
import { newAssessmentId } from "../assessment/id.js";
import { recordOverrides } from "../assessment/override-records.js";
import type { Assessment, SkippedInput, TargetComparison } from "../assessment/model.js";
import { runAssessment } from "../assessment/run.js";
import { formatTarget } from "../catalog/targets.js";
import type { Store } from "../store/index.js";
import { resolveEncoding } from "../tsql/decode/encodings.js";
import { listedEncodings } from "../tsql/decode/encodings.js";
import type { AssessOptions } from "./assess.js";
import { assessmentFinished, assessmentStarted, tlsUnverified, type AssessEnd } from "./assess-audit.js";
import { setUpCommand, type CommandSetup } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { prepareReportEncryption, type ReportEncryption } from "./encrypt-output.js";
import {
  EXIT_FAILURE,
  EXIT_FINDINGS,
  EXIT_OK,
  UsageError,
} from "./errors.js";
import { openCollectedSource } from "./collected-source.js";
import { featureLookup } from "./feature-lookup.js";
import { watchInterrupts, type InterruptWatch } from "./interrupts.js";
import { createLogger, type Logger } from "./log.js";
import { costRequestFor } from "./price-book-option.js";
import { nothingAssessedMessage } from "./nothing-assessed.js";
import { prepareOutDir, removeCreatedFolders, removeCreatedFoldersOnExit } from "./out-dir.js";
import { reportRedaction } from "./redact-reports.js";
import { createProgress, formatCount, type ProgressDisplay } from "./progress.js";
import { SourceTexts, originsOf } from "./source-texts.js";
import { closeQuietly, openCliStore, StoreOpenInterrupted } from "./store-access.js";
import { parseGlob } from "./values.js";
import { infioVersion } from "./version.js";
import { writeReports } from "./write-reports.js";
import { readWorkloadCaptures } from "./workload-source.js";
import { checkAppCodeRoots, createAppCodeScan, logAppCode } from "./app-code-source.js";

/** Skipped inputs logged one by one before the rest are only counted. */
const SKIPPED_LOGGED = 20;

export async function executeAssess(options: AssessOptions, ctx: CliContext): Promise<number> {
  const include = options.include.map((g) => parseGlob("--include", g));
  const exclude = options.exclude.map((g) => parseGlob("--exclude", g));
  if (options.encoding !== undefined && resolveEncoding(options.encoding) === undefined) {
    throw new UsageError(
      `unknown --encoding '${options.encoding}'; use one of ${listedEncodings().join(", ")}`,
    );
  }

  // The display starts with the run, so that opening the store does not
  // count towards the time the estimate is based on.
  const progress: { display: ProgressDisplay } = {
    display: createProgress(ctx.stderr, { quiet: true }),
  };
  const log = createLogger(ctx.stderr, {
    quiet: options.quiet,
    beforeWrite: () => progress.display.clear(),
    afterWrite: () => progress.display.redraw(),
  });
  const setup = await setUpCommand({
    ctx,
    dataDir: options.dataDir,
    ...(options.config === undefined ? {} : { configPath: options.config }),
    keepsData: options.store !== "none",
    masterKey: options.masterKey,
    log,
  });
  await checkPaths(options.paths, ctx.cwd);
  // A missing or unreadable master key fails before anything is created.
  const encryption =
    options.encryptOutput === undefined ? undefined : await prepareReportEncryption(options.encryptOutput, ctx, log);
  // Checked before the run, so that a bad --out fails in a second rather
  // than after a long assessment.
  const outDir = await prepareOutDir(options.out);
  const dropExitHook = removeCreatedFoldersOnExit(outDir.created);
  const interrupts = watchInterrupts(ctx, (signal) => {
    log.warn(`${signal} received; stopping`);
  });

  let code: number = EXIT_FAILURE;
  try {
    let store: Store;
    try {
      store = await openCliStore(options.store, options.dataDir, log, setup, interrupts.signal);
    } catch (error) {
      if (!(error instanceof StoreOpenInterrupted)) {
        throw error;
      }
      log.warn(error.message);
      code = interrupts.exitCode();
      return code;
    }
    try {
      progress.display = createProgress(ctx.stderr, { quiet: options.quiet });
      const run = { options, ctx, store, log, progress: progress.display, interrupts, setup, encryption };
      code = await assessWithStore(run, include, exclude);
      return code;
    } finally {
      progress.display.stop();
      await closeQuietly(store, log);
    }
  } finally {
    interrupts.stop();
    dropExitHook();
    if (code !== EXIT_OK && code !== EXIT_FINDINGS) {
      // Only folders this run created and left empty are removed.
      await removeCreatedFolders(outDir.created);
    }
  }
}

/** The state of one run of `infio assess`: options, store, logger, progress and interrupts. */
export interface AssessRun {
  readonly options: AssessOptions;
  readonly ctx: CliContext;
  readonly store: Store;
  readonly log: Logger;
  readonly progress: ProgressDisplay;
  readonly interrupts: InterruptWatch;
  readonly setup: CommandSetup;
  readonly encryption: ReportEncryption | undefined;
  /** Called with the assessment id once it is chosen, before anything is stored. */
  readonly onStarted?: (id: string) => void;
  /** Called with how the run ended, also when it throws. */
  readonly onEnd?: (end: AssessEnd) => void;
}

/**
 * Records the start in the audit log, runs the assessment and records how
 * it ended, also when it throws.
 */
export async function assessWithStore(
  run: AssessRun,
  include: ReturnType<typeof parseGlob>[],
  exclude: ReturnType<typeof parseGlob>[],
): Promise<number> {
  const { options, store, log, interrupts, setup } = run;
  if (interrupts.signal.aborted) {
    log.warn("interrupted before the assessment started; nothing of it was stored");
    return interrupts.exitCode();
  }

  const startedAt = new Date();
  const id = newAssessmentId(startedAt);
  run.onStarted?.(id);
  await setup.audit.before(assessmentStarted(id, options, store.location));
  if (options.collected?.kind === "live" && options.collected.live.parsed.trustServerCertificate) {
    await setup.audit.before(tlsUnverified("assess", options.collected.live, id));
  }

  const stored = store.kind !== "none";
  const encrypted = run.encryption !== undefined;
  let end: AssessEnd;
  try {
    end = await assessAndReport(run, { id, startedAt }, include, exclude);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    run.onEnd?.({ code: EXIT_FAILURE, error: message });
    await setup.audit.after(assessmentFinished(id, { code: EXIT_FAILURE, error: message }, stored, encrypted));
    throw error;
  }
  run.onEnd?.(end);
  await setup.audit.after(assessmentFinished(id, end, stored, encrypted));
  return end.code;
}

async function assessAndReport(
  run: AssessRun,
  started: { readonly id: string; readonly startedAt: Date },
  include: ReturnType<typeof parseGlob>[],
  exclude: ReturnType<typeof parseGlob>[],
): Promise<AssessEnd> {
  const { options, ctx, store, log, progress, interrupts } = run;
  const config = run.setup.settings;
  const { id, startedAt } = started;

  // Connecting (or opening the bundle) comes first: a failure there ends
  // the run before anything is stored.
  const collected =
    options.collected === undefined
      ? undefined
      : await openCollectedSource(options.collected, ctx, log, interrupts.signal);
  const workload =
    options.workload === undefined ? undefined : await readWorkloadCaptures(options.workload, log, interrupts.signal);

  let what = collected === undefined ? `${options.paths.length} path(s)` : `server '${collected.sources[0]}'`;
  if (workload !== undefined) {
    what = `${workload.sources.length} workload capture(s)`;
  }
  const appCodeAlone = collected === undefined && workload === undefined && options.paths.length === 0;
  if (options.appCode !== undefined) {
    await checkAppCodeRoots(options.appCode);
    const folders = `${options.appCode.length} source folder(s)`;
    what = appCodeAlone ? folders : `${what} and ${folders}`;
  }
  const appCode =
    options.appCode === undefined
      ? undefined
      : createAppCodeScan(options.appCode, appCodeAlone, { include, exclude, maxFileSize: options.maxFileSize });
  log.info(
    `assessment ${id} started: ${what}, target ` +
      `${formatTarget(options.target)}` +
      (options.compare === undefined ? "" : ` compared with ${formatTarget(options.compare)}`) +
      `, store ${store.location}, ${options.jobs} worker(s)`,
  );
  for (const o of config.applied) {
    const detail = o.detail === undefined ? "" : ` (${o.detail})`;
    log.info(`override applied: ${o.featureId}${detail}: ${o.change}`);
  }
  for (const [name, changes] of [
    ["rates", config.rateChanges],
    ["detailRates", config.detailRateChanges],
    ["occurrenceRates", config.occurrenceRateChanges],
  ] as const) {
    for (const c of changes) {
      log.info(
        `override applied: ${name}.${c.complexity}: ${c.from.low}-${c.from.high} h -> ` +
          `${c.to.low}-${c.to.high} h`,
      );
    }
  }
  const appliedOverrides = recordOverrides(config, options.target);
  const cost = await costRequestFor(options.priceBook, config.cost, log);

  let skippedLogged = 0;
  const onSkipped = (s: SkippedInput): void => {
    if (s.reason === "not-sql") {
      return;
    }
    skippedLogged++;
    if (skippedLogged <= SKIPPED_LOGGED) {
      log.warn(`skipped ${s.file}: ${s.message}`);
    }
  };

  const result = await runAssessment({
    id,
    startedAt,
    infioVersion: infioVersion(),
    sources:
      collected?.sources ??
      workload?.sources ??
      (appCodeAlone && options.appCode !== undefined ? options.appCode.map((r) => r.given) : options.paths),
    ...(workload === undefined ? {} : { inputs: workload.inputs, workload: workload.workload }),
    ...(appCode === undefined ? {} : { appCode }),
    // The roots name the assessment's sources but are not script folders.
    ...(appCodeAlone && appCode !== undefined ? { inputs: [] } : {}),
    ...(collected === undefined ? {} : { collected: collected.items }),
    target: options.target,
    catalog: config.catalog,
    ...(config.overrides === undefined ? {} : { overrides: config.overrides }),
    ...(appliedOverrides === undefined ? {} : { appliedOverrides }),
    occurrenceRates: config.occurrenceRates,
    ...(config.readinessThresholds === undefined ? {} : { readinessThresholds: config.readinessThresholds }),
    ...(options.compare === undefined ? {} : { compare: options.compare }),
    ...(cost === undefined ? {} : { cost }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    variables: options.variables,
    include,
    exclude,
    maxFileSize: options.maxFileSize,
    jobs: options.jobs,
    cwd: ctx.cwd,
    ...(options.keepSource === false ? { keepSource: false } : {}),
    store,
    readStdin: ctx.readStdin,
    signal: interrupts.signal,
    ...(options.quiet ? {} : { onProgress: (p) => progress.update(p) }),
    onSkipped,
    // A scan of source code is worth storing even when it found no SQL.
    requireUnits: appCode === undefined,
  }).finally(() => collected?.close());
  progress.stop();

  if (!result.ok) {
    if (result.aborted) {
      log.warn(`assessment ${id} interrupted; nothing of it was stored`);
      return { code: interrupts.exitCode(), interrupted: true };
    }
    if (result.nothingAssessed !== undefined) {
      const paths = workload?.sources ?? options.paths;
      const message = nothingAssessedMessage({ ...options, paths, ...result.nothingAssessed });
      log.error(`${message}; nothing was stored`);
      return { code: EXIT_FAILURE, error: message };
    }
    log.error(`assessment ${id} failed: ${result.error}`);
    return { code: EXIT_FAILURE, error: result.error };
  }

  const a = result.assessment;
  logTotals(a, result.counts, skippedLogged, log);
  if (a.applicationCode !== undefined) {
    logAppCode(a.applicationCode, log);
  }
  if (a.comparison !== undefined) {
    log.info(comparisonLine(a.comparison));
  }

  // A server's modules cannot be read again: their texts came with the result.
  const origins = collected === undefined ? originsOf(a.sources, ctx.cwd) : [];
  const sources = new SourceTexts(a.units, origins, ctx.cwd, result.texts);
  let written: string[];
  try {
    written = await writeReports(a, {
      dir: options.out,
      formats: options.formats,
      features: featureLookup(config.catalog),
      sources,
      signal: interrupts.signal,
      ...(run.encryption === undefined ? {} : { encryption: run.encryption }),
      ...(options.redact === undefined ? {} : { redaction: reportRedaction(options.redact) }),
    });
  } catch (error) {
    const kept =
      store.kind === "none"
        ? "; nothing was stored, so run the assessment again"
        : `; the assessment is stored, run 'infio report ${id}' to write them`;
    if (interrupts.signal.aborted) {
      log.warn(`interrupted while writing the reports; no report file was written${kept}`);
      return { code: interrupts.exitCode(), assessment: a, interrupted: true };
    }
    const reason = error instanceof Error ? error.message : String(error);
    log.error(`cannot write the reports to '${options.out}': ${reason}${kept}`);
    return { code: EXIT_FAILURE, assessment: a, error: `cannot write the reports: ${reason}` };
  }
  for (const path of written) {
    log.info(`wrote ${path}`);
  }
  if (sources.missingCount > 0) {
    log.warn(`${sources.missingCount} file(s) could not be read again; the code view leaves them out`);
  }

  ctx.stdout.write(`assessment ${id}${store.kind === "none" ? " (not stored)" : ""}\n`);
  ctx.stdout.write(`report ${options.out}\n`);

  if (options.failOn !== undefined) {
    const count = countAtOrAbove(a.summary, options.failOn);
    if (count > 0) {
      log.warn(`${formatCount(count)} finding(s) at or above --fail-on ${options.failOn}`);
      return { code: EXIT_FINDINGS, assessment: a, reports: written };
    }
  }
  return { code: EXIT_OK, assessment: a, reports: written };
}

function logTotals(
  a: Assessment,
  counts: { excluded: number; duplicates: number },
  skippedLogged: number,
  log: Logger,
): void {
  const s = a.summary;
  const findings = Object.values(s.findingsByStatus).reduce((x, y) => x + y, 0);
  log.info(
    `assessment ${a.id} done in ${(s.elapsedMs / 1000).toFixed(1)} s: ` +
      `${formatCount(s.files)} ${a.live === undefined ? "files" : "modules"}, ${formatCount(s.lines)} lines, ` +
      `${formatCount(findings)} findings (${formatCount(s.findingsByStatus.notSupported)} not supported), ` +
      `${formatCount(a.parseErrors.length)} parse errors`,
  );

  const notSql = a.skipped.filter((x) => x.reason === "not-sql").length;
  if (notSql > 0) {
    log.info(`${formatCount(notSql)} non-SQL file(s) skipped; the report lists them`);
  }
  if (skippedLogged > SKIPPED_LOGGED) {
    log.warn(`${formatCount(skippedLogged - SKIPPED_LOGGED)} more skipped input(s); the report lists them`);
  }
  if (counts.excluded > 0) {
    log.info(`${formatCount(counts.excluded)} file(s) left out by --include or --exclude`);
  }
}

/** Returns the one-line outcome of `--compare` for the log. */
export function comparisonLine(c: TargetComparison): string {
  const features = (list: readonly unknown[]) => `${formatCount(list.length)} feature(s)`;
  return (
    `${c.candidate} against ${c.baseline}: unblocks ${features(c.unblocked)}, ` +
    `still blocking ${features(c.stillBlocking)}, regressed ${features(c.regressed)}, ` +
    `otherwise changed ${features(c.changed)}`
  );
}

/** Every path must exist; `-` is standard input. */
async function checkPaths(paths: readonly string[], cwd: string): Promise<void> {
  for (const path of paths) {
    if (path === "-") {
      continue;
    }
    try {
      await stat(resolve(cwd, path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === "ENOENT" ? "no such file or folder" : (error as Error).message;
      throw new UsageError(`cannot assess '${path}': ${reason}; check the path`);
    }
  }
}
