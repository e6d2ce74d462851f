/**
 * Worker thread entry: builds the catalog once (with the user's overrides)
 * and assesses the units the pool sends, one at a time.
 */

import { parentPort, workerData } from "node:worker_threads";

import { defaultCatalog, type Catalog } from "../catalog/catalog.js";
import { applyOverrides, type CatalogOverrides } from "../catalog/overrides.js";
import type { Target } from "../catalog/targets.js";
import { runUnitTask, type UnitOutcome, type UnitTask } from "./unit-task.js";

/** What the pool passes to every worker as `workerData`. */
export interface WorkerSetup {
  readonly target: Target;
  readonly overrides?: CatalogOverrides;
  readonly encoding?: string;
  readonly variables?: Readonly<Record<string, string>>;
  readonly maxFileSize: number;
  /** Whether outcomes carry each unit's text compressed for the store. */
  readonly packText?: boolean;
}

/** Message from a worker: an outcome, or a crash of infio on one unit. */
export type WorkerReply =
  | { readonly ok: true; readonly outcome: UnitOutcome }
  | { readonly ok: false; readonly seq: number; readonly error: string };

const setup = workerData as WorkerSetup;

let catalog: Catalog = defaultCatalog();
if (setup.overrides !== undefined) {
  // The main thread reported any rejected override already.
  catalog = applyOverrides(catalog, setup.overrides).catalog;
}

parentPort?.on("message", (task: UnitTask) => {
  let reply: WorkerReply;
  try {
    const outcome = runUnitTask(task, { ...setup, catalog });
    reply = { ok: true, outcome };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    reply = { ok: false, seq: task.seq, error: message };
  }
  // The packed text owns its buffer, so it moves instead of being copied.
  const packed = reply.ok && reply.outcome.kind === "unit" ? reply.outcome.packedText : undefined;
  parentPort?.postMessage(reply, packed === undefined ? [] : [packed.buffer as ArrayBuffer]);
});
