import { open, readFile, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

import { StoreError, describeError } from "./errors.js";

/** Owner of a lock file: the process that created it, as recorded in it. */
export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** ISO 8601 time the lock was taken. */
  readonly startedAt: string;
}

export interface HeldLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Deletes the lock file if it is still this process's lock. */
  release(): Promise<void>;
}

export type AcquireLockResult =
  | { readonly ok: true; readonly lock: HeldLock }
  | { readonly ok: false; readonly error: StoreError };

/** Times to reread a lock file that another process created but not yet filled. */
const READ_RETRIES = 5;
const READ_RETRY_MS = 40;

/**
 * Takes the lock file at `path`, created exclusively (O_EXCL), recording this
 * process's pid, host name and start time. PGlite has no cross-process lock
 * of its own, so this file keeps a second process from opening the same
 * data directory.
 *
 * A lock left by a process that no longer exists on this host is stale and is
 * replaced. A lock from another host cannot be checked and is kept.
 * Returns failures as results and does not throw.
 */
export async function acquireLock(path: string): Promise<AcquireLockResult> {
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
  };
  const content = JSON.stringify(owner) + "\n";

  // One retry is enough: the first pass may remove a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    const created = await tryCreate(path, content);
    if (created === "created") {
      return { ok: true, lock: heldLock(path, owner, content) };
    }
    if (created !== "exists") {
      return { ok: false, error: created };
    }

    const existing = await readOwner(path);
    if (existing === "gone") {
      continue;
    }
    if (existing === "invalid") {
      return { ok: false, error: invalidLockError(path) };
    }
    if (!isStale(existing)) {
      return { ok: false, error: lockedError(path, existing) };
    }

    await removeStale(path, existing);
  }

  return {
    ok: false,
    error: new StoreError(
      "lock-failed",
      `cannot take the lock file '${path}': another process keeps ` +
        "replacing it; try again",
    ),
  };
}

async function tryCreate(
  path: string,
  content: string,
): Promise<"created" | "exists" | StoreError> {
  try {
    const file = await open(path, "wx", 0o600);
    try {
      await file.writeFile(content);
    } finally {
      await file.close();
    }
    return "created";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      return "exists";
    }
    return new StoreError(
      "lock-failed",
      `cannot create the lock file '${path}': ${describeError(error)}; ` +
        "check that the data directory is writable",
      { cause: error },
    );
  }
}

/**
 * Reads the owner recorded in a lock file. An empty or partial file may be
 * one that its creator is still writing, so it is reread a few times first.
 */
async function readOwner(path: string): Promise<LockOwner | "gone" | "invalid"> {
  for (let attempt = 0; attempt < READ_RETRIES; attempt++) {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return "gone";
      }
      return "invalid";
    }

    const owner = parseOwner(text);
    if (owner !== undefined) {
      return owner;
    }
    await sleep(READ_RETRY_MS);
  }
  return "invalid";
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (
      Number.isSafeInteger(value.pid) &&
      typeof value.hostname === "string" &&
      typeof value.startedAt === "string"
    ) {
      return value as LockOwner;
    }
  } catch {
    // Fall through: not a lock file this code wrote, or not yet complete.
  }
  return undefined;
}

function isStale(owner: LockOwner): boolean {
  if (owner.hostname !== hostname()) {
    return false;
  }

  try {
    // Signal 0 checks that the process exists without signalling it.
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * Deletes a stale lock file if it still records the same owner.
 *
 * NOTE: two processes replacing the same stale lock at the same moment can
 * race between the reread and the delete. The window lasts one unlink call.
 */
async function removeStale(path: string, stale: LockOwner): Promise<void> {
  const current = await readOwner(path);
  if (current === "gone" || current === "invalid") {
    return;
  }
  if (current.pid !== stale.pid || current.startedAt !== stale.startedAt) {
    return;
  }

  try {
    await unlink(path);
  } catch {
    // Another process removed it first; the next attempt decides.
  }
}

function heldLock(path: string, owner: LockOwner, content: string): HeldLock {
  let released = false;
  return {
    path,
    owner,
    release: async () => {
      if (released) {
        return;
      }

      released = true;
      let text: string;
      try {
        text = await readFile(path, "utf8");
      } catch {
        return;
      }
      if (text === content) {
        await unlink(path).catch(() => undefined);
      }
    },
  };
}

function lockedError(path: string, owner: LockOwner): StoreError {
  const self = owner.pid === process.pid && owner.hostname === hostname();
  const holder = self
    ? `this process (pid ${owner.pid})`
    : `process ${owner.pid} on host '${owner.hostname}'`;
  return new StoreError(
    "locked",
    `the store is in use: lock file '${path}' is held by ${holder} since ` +
      `${owner.startedAt}. Wait for that infio to finish, or, if no infio ` +
      `is running there, delete '${path}' and try again`,
  );
}

function invalidLockError(path: string): StoreError {
  return new StoreError(
    "lock-failed",
    `the lock file '${path}' exists but does not record its owner; if no ` +
      `infio is running, delete '${path}' and try again`,
  );
}
