/**
 * Creates the embedded store's PGlite database on first use, in a worker
 * thread and under a temporary name next to its folder, then renames it
 * into place. PGlite's initdb keeps the thread that runs it busy for
 * seconds, and no signal handler of that thread can run meanwhile. With
 * initdb in a worker, the main thread acts on an interrupt at once: it
 * stops the worker and deletes the temporary folder. So the store folder
 * either contains a complete database or does not exist.
 */

import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, rmdir, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Worker } from "node:worker_threads";

const WORKER_URL = new URL("./pglite-init-worker.js", import.meta.url);

/** Thrown when `signal` aborts the creation; nothing of it is left. */
export class StoreCreationAborted extends Error {
  override readonly name = "StoreCreationAborted";
}

/**
 * Creates a PGlite database in `directory` when the folder is missing or
 * empty, and does nothing when it contains files (an existing store). The
 * caller has taken the store's lock, so temporary folders of an earlier
 * process that stopped midway are deleted first.
 */
export async function createStoreIfMissing(directory: string, signal?: AbortSignal): Promise<void> {
  if (!(await isMissingOrEmpty(directory))) {
    return;
  }
  await removeStaleTemporaries(directory);
  throwIfAborted(signal);

  const temporary = `${directory}${TEMPORARY_INFIX}${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    // Created here, because PGlite would create it readable by everyone.
    await mkdir(temporary, { mode: 0o700 });
    await runWorker(temporary, signal);
    // An empty folder, as an earlier mkdir may have left, would make the rename fail.
    await rmdir(directory).catch(() => undefined);
    await rename(temporary, directory);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

/** Marks the temporary folders: `store.creating-PID-RANDOM`. */
const TEMPORARY_INFIX = ".creating-";

function runWorker(directory: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    // No inherited flags: `--input-type` or `-e` of the parent make a
    // worker started from a file fail at once.
    const worker = new Worker(WORKER_URL, { workerData: { directory }, execArgv: [] });
    let created = false;
    let aborted = false;
    let failure: Error | undefined;

    // terminate() ends the worker even in the middle of initdb.
    const onAbort = (): void => {
      aborted = true;
      void worker.terminate();
    };
    // The database is closed when the message comes; terminating the
    // worker then keeps a handle left open in it from holding the process.
    worker.once("message", () => {
      created = true;
      void worker.terminate();
    });
    worker.once("error", (error) => {
      failure = error;
    });
    worker.once("exit", (code) => {
      signal?.removeEventListener("abort", onAbort);
      if (aborted) {
        reject(new StoreCreationAborted("creating the store was interrupted"));
      } else if (created) {
        resolve();
      } else {
        reject(failure ?? new Error(`the worker that creates the store stopped with exit code ${code}`));
      }
    });

    if (signal?.aborted === true) {
      onAbort();
    } else {
      signal?.addEventListener("abort", onAbort, { once: true });
    }
  });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) {
    throw new StoreCreationAborted("creating the store was interrupted");
  }
}

async function isMissingOrEmpty(directory: string): Promise<boolean> {
  try {
    const info = await stat(directory);
    return info.isDirectory() && (await readdir(directory)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return true;
    }
    throw error;
  }
}

async function removeStaleTemporaries(directory: string): Promise<void> {
  const prefix = `${basename(directory)}${TEMPORARY_INFIX}`;
  const parent = dirname(directory);
  for (const name of await readdir(parent)) {
    if (name.startsWith(prefix)) {
      await rm(join(parent, name), { recursive: true, force: true });
    }
  }
}
