/**
 * A short-lived lock around one append, so that two processes never give
 * two entries the same sequence number. The lock is a file created with
 * O_EXCL that records the holder's pid and host. A lock left by a process
 * that has died on this host is removed.
 */

import { randomInt } from "node:crypto";
import { hostname } from "node:os";
import { readFile, rm } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

import { createFileExclusive } from "../durable-file.js";
import { describeError, errorCode, fail, ok, type Result } from "../errors.js";

export interface AppendLockOptions {
  /** How long to wait for another holder, in milliseconds; 10 s by default. */
  readonly timeoutMs?: number;
}

interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
}

/** Runs `body` while holding the lock file at `path`. */
export async function withAppendLock<T>(
  path: string,
  options: AppendLockOptions,
  body: () => Promise<Result<T>>,
): Promise<Result<T>> {
  const acquired = await acquire(path, options.timeoutMs ?? 10_000);
  if (!acquired.ok) {
    return acquired;
  }
  try {
    return await body();
  } finally {
    await rm(path, { force: true });
  }
}

async function acquire(path: string, timeoutMs: number): Promise<Result<void>> {
  const me: LockHolder = { pid: process.pid, hostname: hostname() };
  const deadline = Date.now() + timeoutMs;
  let holder: LockHolder | undefined;

  for (;;) {
    try {
      await createFileExclusive(path, `${JSON.stringify(me)}\n`, 0o600);
      return ok(undefined);
    } catch (error) {
      if (errorCode(error) !== "EEXIST") {
        return fail("io-failed", `cannot create the audit log lock '${path}': ${describeError(error)}`, error);
      }
    }

    holder = await readHolder(path);
    if (holder !== undefined && isDead(holder)) {
      // NOTE: two processes that find the same dead holder at once may both
      // remove the lock, and the second may remove the first one's new lock.
      // This needs a crash and contention at the same moment.
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      break;
    }
    // Appends take milliseconds; random waits keep waiters from colliding.
    await sleep(5 + randomInt(20));
  }

  const who = holder === undefined ? "another process" : `process ${holder.pid} on ${holder.hostname}`;
  return fail(
    "audit-locked",
    `the audit log is locked by ${who} (lock file '${path}') for more than ${timeoutMs} ms; ` +
      "try again, or delete the lock file if that process no longer runs",
  );
}

async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    const value = JSON.parse(await readFile(path, "utf8")) as Partial<LockHolder>;
    if (typeof value.pid === "number" && typeof value.hostname === "string") {
      return { pid: value.pid, hostname: value.hostname };
    }
  } catch {
    // Missing, or created but not yet written: treat as held, and retry.
  }
  return undefined;
}

/** True when the holder ran on this host and its process no longer exists. */
function isDead(holder: LockHolder): boolean {
  if (holder.hostname !== hostname() || holder.pid === process.pid) {
    return false;
  }
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return errorCode(error) === "ESRCH";
  }
}
