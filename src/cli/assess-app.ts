/**
 * `infio assess --app NAME`: assesses every server of an application in
 * one run, one assessment per server, each linked to the application and
 * its server. Live servers go through the path of `assess --server` with
 * their stored settings, script folders through the path of `assess DIR`.
 * A server that fails is recorded as a failed assessment with its reason,
 * and the others are still assessed. After the run, the metrics that the
 * live inventories give are stored where no value was entered by hand.
 */

import type { Application, ApplicationServer } from "../store/application-model.js";
import { applicationModel, type ApplicationModel } from "../store/applications-store.js";
import type { Store } from "../store/index.js";
import type { AssessOptions } from "./assess.js";
import { assessWithStore, type AssessRun } from "./assess-run.js";
import type { AssessEnd } from "./assess-audit.js";
import {
  fillInventoryMetrics,
  recordServerOutcome,
  serverAssessOptions,
  serverFolders,
  serverLabel,
  type LiveRead,
} from "./assess-app-servers.js";
import type { RawSourceOptions } from "./assess-source.js";
import { setUpCommand, type CommandSetup } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { prepareReportEncryption, type ReportEncryption } from "./encrypt-output.js";
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, UsageError } from "./errors.js";
import { watchInterrupts, type InterruptWatch } from "./interrupts.js";
import { namesLiveServer, rejectConnectionOptions } from "./live-options.js";
import { createLogger, type Logger } from "./log.js";
import { prepareOutDir, removeCreatedFolders } from "./out-dir.js";
import { createProgress, type ProgressDisplay } from "./progress.js";
import { closeQuietly, openCliStore, StoreOpenInterrupted } from "./store-access.js";
import { cliStoreKeys } from "./store-keys.js";
import { parseGlob } from "./values.js";
import { currentOsActor } from "../security/audit/entry.js";

/**
 * Returns the `--app` name, or undefined without it. Throws UsageError
 * when `--app` comes with another source or with connection options,
 * because the application's servers carry their own.
 */
export function appNameFrom(paths: readonly string[], raw: RawSourceOptions & { app?: string }): string | undefined {
  if (raw.app === undefined) {
    return undefined;
  }
  if (raw.app.trim() === "") {
    throw new UsageError("invalid --app '': pass the name of an application (see 'infio app applications list')");
  }
  if (paths.length > 0 || namesLiveServer(raw) || raw.bundle !== undefined || (raw.workload?.length ?? 0) > 0) {
    throw new UsageError(
      "--app assesses the servers stored with the application; leave out script paths, --server, " +
        "--connection-string, --secret-arn, --bundle and --workload",
    );
  }
  rejectConnectionOptions(raw, "--app, whose servers keep their own settings (change them with 'infio app servers change')");
  return raw.app;
}

/** One server's run: its assessment id and how it ended. */
interface ServerResult {
  readonly server: ApplicationServer;
  readonly id: string | undefined;
  readonly end: AssessEnd;
}

/** The state that one `assess --app` run shares between its servers. */
interface AppRun {
  readonly options: AssessOptions;
  readonly ctx: CliContext;
  readonly store: Store;
  readonly model: ApplicationModel;
  readonly application: Application;
  readonly log: Logger;
  readonly setup: CommandSetup;
  readonly interrupts: InterruptWatch;
  readonly encryption: ReportEncryption | undefined;
  readonly progress: { display: ProgressDisplay };
}

export async function executeAppAssess(options: AssessOptions, ctx: CliContext): Promise<number> {
  const include = options.include.map((g) => parseGlob("--include", g));
  const exclude = options.exclude.map((g) => parseGlob("--exclude", g));
  if (options.store === "none") {
    throw new UsageError("--app reads the application from the store; use --store embedded (the default) or a postgres:// URL");
  }

  const progress = { display: createProgress(ctx.stderr, { quiet: true }) };
  const log = createLogger(ctx.stderr, {
    quiet: options.quiet,
    beforeWrite: () => progress.display.clear(),
    afterWrite: () => progress.display.redraw(),
  });
  const setup = await setUpCommand({
    ctx,
    dataDir: options.dataDir,
    ...(options.config === undefined ? {} : { configPath: options.config }),
    keepsData: true,
    masterKey: options.masterKey,
    log,
  });
  const encryption =
    options.encryptOutput === undefined ? undefined : await prepareReportEncryption(options.encryptOutput, ctx, log);
  const interrupts = watchInterrupts(ctx, (signal) => log.warn(`${signal} received; stopping`));

  try {
    let store: Store;
    try {
      store = await openCliStore(options.store, options.dataDir, log, setup, interrupts.signal);
    } catch (error) {
      if (!(error instanceof StoreOpenInterrupted)) {
        throw error;
      }
      log.warn(error.message);
      return interrupts.exitCode();
    }
    try {
      const model = applicationModel(store);
      const application = await model.applications.find(options.app!);
      if (application === undefined) {
        throw new UsageError(
          `application '${options.app}' not found in the store ${store.location}; run 'infio app applications list' to see the applications`,
        );
      }
      const run: AppRun = { options, ctx, store, model, application, log, setup, interrupts, encryption, progress };
      return await assessApplication(run, include, exclude);
    } finally {
      progress.display.stop();
      await closeQuietly(store, log);
    }
  } finally {
    interrupts.stop();
  }
}

async function assessApplication(
  run: AppRun,
  include: ReturnType<typeof parseGlob>[],
  exclude: ReturnType<typeof parseGlob>[],
): Promise<number> {
  const { model, application, log, setup } = run;
  const servers = await model.servers.list(application.key);
  if (servers.length === 0) {
    throw new UsageError(
      `application '${application.name}' has no servers; add one with 'infio app servers add ${application.name} NAME'`,
    );
  }

  const event = {
    action: "application.assess",
    objects: { application: application.name },
    details: { servers: servers.map((s) => s.name) },
  };
  await setup.audit.before({ ...event, outcome: "started" });
  log.info(`assessing application '${application.name}' (company '${application.companyName}'): ${servers.length} server(s)`);

  const folders = serverFolders(run.options.out, servers);
  const results: ServerResult[] = [];
  for (const server of servers) {
    if (run.interrupts.signal.aborted) {
      break;
    }
    results.push(await assessServer(run, server, folders.get(server.key)!, include, exclude));
  }

  const reads = liveReads(results);
  const actor = currentOsActor(run.ctx.env).name;
  const metrics = await fillInventoryMetrics(model, application, reads, { actor, at: new Date() });
  for (const metric of metrics) {
    log.info(
      metric.kept === "inventory"
        ? `metric ${metric.name} = ${metric.value}, read from the inventory of ${reads.length} live server(s)`
        : `metric ${metric.name}: kept the value entered by hand; the inventory gives ${metric.value}`,
    );
  }

  const code = exitCodeOf(run, results);
  const failed = results.filter((r) => !succeeded(r.end));
  await setup.audit.after({
    ...event,
    outcome: failed.length === 0 && !run.interrupts.signal.aborted ? "succeeded" : "failed",
    details: {
      ...event.details,
      exitCode: code,
      assessments: results.map((r) => ({ server: r.server.name, assessment: r.id ?? null, exitCode: r.end.code })),
      metricsFromInventory: metrics.filter((m) => m.kept === "inventory").map((m) => m.name),
    },
  });
  log.info(
    `application '${application.name}': ${results.length - failed.length} of ${servers.length} server(s) assessed` +
      (failed.length === 0 ? "" : `, ${failed.length} failed: ${failed.map((r) => r.server.name).join(", ")}`),
  );
  return code;
}

/** Runs one server through the path of `infio assess`, and links or records its outcome. */
async function assessServer(
  run: AppRun,
  server: ApplicationServer,
  out: string,
  include: ReturnType<typeof parseGlob>[],
  exclude: ReturnType<typeof parseGlob>[],
): Promise<ServerResult> {
  const { log, ctx } = run;
  log.info(`server '${server.name}' (${server.environment}): ${serverLabel(server)}`);

  let id: string | undefined;
  let end: AssessEnd | undefined;
  let options = run.options;
  let created: string[] = [];
  try {
    const saved = { store: run.store, dataDir: run.options.dataDir, keys: cliStoreKeys(log, run.setup) };
    const prepared = await serverAssessOptions(run.options, server, out, ctx, saved);
    options = prepared.options;
    created = [...(await prepareOutDir(out)).created];
    run.progress.display = createProgress(ctx.stderr, { quiet: options.quiet });
    const assessRun: AssessRun = {
      options,
      ctx: prepared.ctx,
      store: run.store,
      log,
      progress: run.progress.display,
      interrupts: run.interrupts,
      setup: run.setup,
      encryption: run.encryption,
      onStarted: (started) => (id = started),
      onEnd: (ended) => (end = ended),
    };
    const code = await assessWithStore(assessRun, include, exclude);
    end ??= { code };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    end = { code: EXIT_FAILURE, error: message };
  } finally {
    run.progress.display.stop();
  }

  if (!succeeded(end)) {
    await removeCreatedFolders(created);
    if (end.interrupted !== true) {
      log.error(`server '${server.name}' of application '${run.application.name}' failed: ${end.error ?? `exit code ${end.code}`}`);
    }
  }
  const linked = await recordServerOutcome(run.store, run.model, { application: run.application, server, options }, id, end);
  return { server, id: linked, end };
}

function liveReads(results: readonly ServerResult[]): LiveRead[] {
  const reads: LiveRead[] = [];
  for (const result of results) {
    const live = result.end.assessment?.live;
    if (live !== undefined && result.id !== undefined && succeeded(result.end)) {
      reads.push({ server: result.server, assessmentId: result.id, live });
    }
  }
  return reads;
}

function succeeded(end: AssessEnd): boolean {
  return (end.code === EXIT_OK || end.code === EXIT_FINDINGS) && end.interrupted !== true;
}

/** Interrupted first, then any failure (1), then findings at or above --fail-on (3), else 0. */
function exitCodeOf(run: AppRun, results: readonly ServerResult[]): number {
  if (run.interrupts.signal.aborted) {
    return run.interrupts.exitCode();
  }
  if (results.some((r) => !succeeded(r.end))) {
    return EXIT_FAILURE;
  }
  return results.some((r) => r.end.code === EXIT_FINDINGS) ? EXIT_FINDINGS : EXIT_OK;
}
