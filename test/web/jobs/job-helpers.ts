/** Helpers of the job runner tests: a store in a temporary folder, uploads and event collection. */

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { parseTarget, type Target } from "../../../src/catalog/targets.js";
import { openStore } from "../../../src/store/open-store.js";
import type { Store } from "../../../src/store/store.js";
import type { JobEvent, JobRunner, JobSnapshot, JobSource } from "../../../src/web/jobs/index.js";
import { receiveUpload, type UploadIntake } from "../../../src/web/uploads/index.js";
import { buildZip, type ZipEntrySpec } from "../uploads/zip-writer.js";

export interface TempStore {
  readonly dataDir: string;
  readonly store: Store;
  remove(): Promise<void>;
}

/** Opens an embedded store in a new temporary data folder. */
export async function openTempStore(): Promise<TempStore> {
  const dataDir = mkdtempSync(join(tmpdir(), "infio-jobs-"));
  const opened = await openStore("embedded", { dataDir });
  if (!opened.ok) {
    throw opened.error;
  }
  return {
    dataDir,
    store: opened.store,
    remove: async () => {
      await opened.store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function babelfish(): Target {
  const parsed = parseTarget("babelfish");
  assert.ok(parsed.ok);
  return parsed.target;
}

export const CHECKPOINT_PROC = [
  "CREATE PROCEDURE dbo.FlushLog",
  "AS",
  "BEGIN",
  "    CHECKPOINT;",
  "END",
  "GO",
  "",
].join("\r\n");

/** Reads a zip built from `entries` through the upload intake. */
export function zipIntake(entries: readonly ZipEntrySpec[], name = "scripts.zip"): Promise<UploadIntake> {
  return receiveUpload({ name, content: buildZip(entries) });
}

/** Returns a zip of `count` small scripts, enough files for a run to be cancelled part way. */
export function manyScripts(count: number): Promise<UploadIntake> {
  const entries = Array.from({ length: count }, (_, i) => ({
    name: `s${String(i).padStart(4, "0")}.sql`,
    data: `SELECT ${i};\r\nGO\r\n${CHECKPOINT_PROC}`,
  }));
  return zipIntake(entries, "many.zip");
}

/** Collects the events of a job until its final state. */
export async function eventsUntilEnd(runner: JobRunner, id: string): Promise<JobEvent[]> {
  const subscription = runner.subscribe(id);
  assert.ok(subscription, `job ${id} is unknown`);
  const events: JobEvent[] = [];
  for await (const event of subscription) {
    events.push(event);
  }
  return events;
}

/** Waits for a job's final snapshot. */
export async function finalSnapshot(runner: JobRunner, id: string): Promise<JobSnapshot> {
  const events = await eventsUntilEnd(runner, id);
  return events.at(-1)!.job;
}

/**
 * Returns a source whose open() waits until `release` is called or the
 * job is cancelled, as a slow connection would.
 */
export function heldSource(label: string, inner: JobSource): { source: JobSource; release: () => void } {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const source: JobSource = {
    kind: "connection",
    label,
    open: async (signal) => {
      await new Promise<void>((resolve, reject) => {
        void released.then(resolve);
        if (signal.aborted) {
          reject(signal.reason);
        }
        signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
      return inner.open(signal);
    },
  };
  return { source, release };
}
