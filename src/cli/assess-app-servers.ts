/**
 * The servers of `infio assess --app`: the assess options of each server,
 * the failed assessment that records a server that could not be assessed,
 * and the metrics filled from the live inventories read.
 */

import { statSync } from "node:fs";
import { join } from "node:path";

import { inventoryMetrics, type ReadServer } from "../assessment/environment-metrics.js";
import { newAssessmentId } from "../assessment/id.js";
import type { LiveSource } from "../assessment/model.js";
import { formatTarget } from "../catalog/targets.js";
import type { Application, ApplicationServer, MetricName, RowChange } from "../store/application-model.js";
import type { ApplicationModel } from "../store/applications-store.js";
import type { Store } from "../store/index.js";
import type { AssessOptions } from "./assess.js";
import type { AssessEnd } from "./assess-audit.js";
import { rawOfLive } from "./app-server-fields.js";
import type { CliContext } from "./context.js";
import { UsageError } from "./errors.js";
import { liveOptionsFrom, type LiveOptions } from "./live-options.js";
import { openSavedConnectionServer } from "./app-saved-connections.js";
import type { StoreKeyOptions } from "../store/store-keys.js";
import { infioVersion } from "./version.js";

/** The store, data folder and master key that a server's saved connection is opened with. */
export interface SavedConnectionAccess {
  readonly store: Store;
  readonly dataDir: string;
  readonly keys: StoreKeyOptions;
}

/**
 * Returns the options of one server's run, its source and `out` for its
 * reports, with the context to run it in. Throws UsageError when the
 * stored settings no longer pass the checks of `infio assess --server`, or
 * the script folder is gone, and FailureError when a saved connection
 * cannot be opened.
 */
export async function serverAssessOptions(
  options: AssessOptions,
  server: ApplicationServer,
  out: string,
  ctx: CliContext,
  saved: SavedConnectionAccess,
): Promise<{ options: AssessOptions; ctx: CliContext }> {
  const { app: _app, ...rest } = options;
  const source = server.source;

  if (source.kind === "scripts") {
    if (!isFolder(source.path)) {
      throw new UsageError(
        `script folder '${source.path}' not found; change the server with 'infio app servers change --scripts DIR'`,
      );
    }
    // TODO: a script folder has no live inventory, so its cost section has
    // no estate figures. The application's metrics could fill them through
    // CostRequest.metrics, but they are sums over all the application's
    // servers, and EstateMetrics describes one instance and its replicas.
    return { options: { ...rest, paths: [source.path], out }, ctx };
  }

  let live: LiveOptions;
  let runContext = ctx;
  if (source.secret.kind === "saved-connection") {
    ({ live, ctx: runContext } = await openSavedConnectionServer(saved, server, source.secret.id, ctx));
  } else {
    live = liveOptionsFrom(
      {
        ...rawOfLive(source.connection, source.secret),
        database: [...server.databases],
        ...(server.includeSystemDatabases ? { includeSystemDatabases: true } : {}),
      },
      ctx,
    );
  }
  const excluded = server.excludedDatabases;
  const collected = { kind: "live" as const, live: excluded.length === 0 ? live : { ...live, excludeDatabases: excluded } };
  return { options: { ...rest, paths: [], collected, out, include: [], exclude: [] }, ctx: runContext };
}

/**
 * Links the run's assessment to the application and server. A run that
 * stored nothing (the server could not be reached, say) gets a failed
 * assessment with the reason instead, so the application lists every
 * server's outcome. Returns the id linked, or undefined for an interrupted run.
 */
export async function recordServerOutcome(
  store: Store,
  model: ApplicationModel,
  run: { readonly application: Application; readonly server: ApplicationServer; readonly options: AssessOptions },
  id: string | undefined,
  end: AssessEnd,
): Promise<string | undefined> {
  const { application, server } = run;
  if (id !== undefined && (await model.applications.linkAssessment(id, application.key, server.key))) {
    return id;
  }
  if (end.interrupted === true) {
    return undefined;
  }

  const startedAt = new Date();
  const failedId = id ?? newAssessmentId(startedAt);
  const writer = await store.beginAssessment({
    id: failedId,
    startedAt: startedAt.toISOString(),
    infioVersion: infioVersion(),
    target: formatTarget(run.options.target),
    sources: [serverLabel(server)],
  });
  await writer.fail(end.error ?? `the run ended with exit code ${end.code}`);
  await model.applications.linkAssessment(failedId, application.key, server.key);
  return failedId;
}

/** A live server read in the run, for the metrics. */
export interface LiveRead {
  readonly server: ApplicationServer;
  readonly assessmentId: string;
  readonly live: LiveSource;
}

/** A metric set or kept by {@link fillInventoryMetrics}. */
export interface MetricOutcome {
  readonly name: MetricName;
  readonly value: number;
  /** `inventory`: stored from this run; `manual`: a hand-entered value was kept. */
  readonly kept: "inventory" | "manual";
}

/** Stores the metrics the live inventories give, except where a value was entered by hand. */
export async function fillInventoryMetrics(
  model: ApplicationModel,
  application: Application,
  reads: readonly LiveRead[],
  change: RowChange,
): Promise<MetricOutcome[]> {
  const servers: ReadServer[] = reads.map((read) => ({
    assessmentId: read.assessmentId,
    environment: read.server.environment,
    live: read.live,
    databases: read.server.databases,
    excludedDatabases: read.server.excludedDatabases,
    includeSystemDatabases: read.server.includeSystemDatabases,
  }));

  const outcomes: MetricOutcome[] = [];
  for (const metric of inventoryMetrics(servers)) {
    const stored = await model.metrics.setFromInventory(application.key, metric.name, metric.value, metric.assessments, change);
    outcomes.push({ name: metric.name, value: metric.value, kept: stored ? "inventory" : "manual" });
  }
  return outcomes;
}

/** Describes a server for logs and for a failed assessment's sources. */
export function serverLabel(server: ApplicationServer): string {
  const source = server.source;
  if (source.kind === "scripts") {
    return source.path;
  }
  return source.connection.server ?? `${server.name} (connection string)`;
}

/**
 * Returns a report folder under `out` for each server: its name with the
 * characters that Windows or POSIX paths reject replaced, and a number added
 * when two names give the same folder (compared without case, as on Windows).
 */
export function serverFolders(out: string, servers: readonly ApplicationServer[]): Map<number, string> {
  const used = new Set<string>();
  const folders = new Map<number, string>();
  for (const server of servers) {
    const base = server.name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, "_").replace(/^\.+/, "_");
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      name = `${base}-${n}`;
    }
    used.add(name.toLowerCase());
    folders.set(server.key, join(out, name));
  }
  return folders;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
