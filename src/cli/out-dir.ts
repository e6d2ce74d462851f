/**
 * The report folder (`--out`): created one level at a time and checked for
 * writing before any work starts, so that a bad path fails in a second
 * instead of after a long assessment.
 *
 * Node's `mkdir(path, { recursive: true })` is not used. When the parent
 * exists but the file system returns ENOENT for the child, as procfs does
 * for `/proc/x`, it retries the parent and the child forever, and the
 * promise never settles (seen with Node.js 20.20).
 */

import { randomBytes } from "node:crypto";
import { rmdirSync } from "node:fs";
import { lstat, mkdir, open, rmdir, stat, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";

import { FailureError, UsageError } from "./errors.js";

/** A report folder ready for writing. */
export interface OutDir {
  readonly path: string;
  /** Folders this process created, parents first; removed again by {@link removeCreatedFolders}. */
  readonly created: readonly string[];
}

/**
 * Creates `dir` and its missing parents, then creates and deletes a small
 * file in it. Throws UsageError when the path cannot hold reports (a file,
 * a folder that cannot be created, no write permission, a read-only file
 * system) and FailureError when the disk is full or failing.
 */
export async function prepareOutDir(dir: string): Promise<OutDir> {
  const created = await makeFolder(dir);
  try {
    await checkWritable(dir);
  } catch (error) {
    await removeCreatedFolders(created);
    throw error;
  }
  return { path: dir, created };
}

/**
 * Creates `dir` and its missing parents without Node's recursive mode (see
 * the file comment); returns the folders created, parents first. Throws
 * UsageError or FailureError naming the path that failed.
 */
export async function makeFolder(dir: string): Promise<string[]> {
  const missing: string[] = [];
  let current = dir;

  // Walk up to the nearest folder that exists.
  for (;;) {
    const found = await statIfExists(current, dir);
    if (found === "broken-link") {
      throw outDirError(dir, { text: `'${current}' is a symbolic link to a missing target` });
    }
    if (found === "missing") {
      const parent = dirname(current);
      if (parent === current) {
        throw outDirError(dir, { text: "the drive or root does not exist" });
      }
      missing.push(current);
      current = parent;
      continue;
    }
    if (!found.isDirectory()) {
      const what = current === dir ? "it" : `'${current}'`;
      throw outDirError(dir, { text: `${what} exists and is not a folder` });
    }
    break;
  }

  // Create the missing levels top-down, one mkdir each, so that a level the
  // file system rejects fails at once.
  const created: string[] = [];
  for (const path of missing.reverse()) {
    try {
      await mkdir(path);
      created.push(path);
    } catch (error) {
      if (codeOf(error) === "EEXIST" && (await isFolder(path))) {
        continue;
      }
      await removeCreatedFolders(created);
      throw outDirError(dir, mkdirReason(path, error));
    }
  }
  return created;
}

/** Removes the folders that {@link makeFolder} created, if they are still empty. */
export async function removeCreatedFolders(created: readonly string[]): Promise<void> {
  for (const path of [...created].reverse()) {
    // rmdir removes only empty folders, so nothing the user put there goes.
    await rmdir(path).catch(() => undefined);
  }
}

/**
 * Removes the created folders, if still empty, when the process exits
 * before the returned function is called: a second Ctrl+C ends infio with
 * process.exit, which runs no finally block.
 */
export function removeCreatedFoldersOnExit(created: readonly string[]): () => void {
  const onExit = (): void => {
    for (const path of [...created].reverse()) {
      try {
        rmdirSync(path);
      } catch {
        // Not empty, or already gone.
      }
    }
  };
  process.once("exit", onExit);
  return () => process.off("exit", onExit);
}

/** Creates, writes and deletes a probe file, as writing a report will. */
async function checkWritable(dir: string): Promise<void> {
  const probe = join(dir, `.infio-write-check-${randomBytes(6).toString("hex")}`);
  let file;
  try {
    file = await open(probe, "wx");
  } catch (error) {
    throw outDirError(dir, writeReason(error));
  }

  try {
    await file.writeFile("infio\n");
  } catch (error) {
    throw outDirError(dir, writeReason(error));
  } finally {
    await file.close().catch(() => undefined);
    await unlink(probe).catch(() => undefined);
  }
}

/**
 * Returns the stats of `path`, "missing" when nothing is there, or
 * "broken-link" for a symbolic link whose target is missing (creating a
 * folder in its place would fail). Throws UsageError or FailureError
 * naming `dir` on any other error.
 */
async function statIfExists(path: string, dir: string) {
  try {
    return await stat(path);
  } catch (error) {
    const code = codeOf(error);
    if (code !== "ENOENT" && code !== "ENOTDIR") {
      throw outDirError(dir, systemReason(error));
    }
  }

  const link = await lstat(path).catch(() => undefined);
  return link?.isSymbolicLink() === true ? ("broken-link" as const) : ("missing" as const);
}

interface Reason {
  readonly text: string;
  /** True when the machine is at fault (a full disk), not the chosen path. */
  readonly failure?: boolean;
}

function mkdirReason(path: string, error: unknown): Reason {
  switch (codeOf(error)) {
    case "EACCES":
    case "EPERM":
      return { text: `permission denied creating '${path}'` };
    case "EROFS":
      return { text: `'${dirname(path)}' is on a read-only file system` };
    case "ENOENT":
      // The parent exists (it was found or just created), so the file
      // system itself rejects the new folder: procfs, sysfs and the like.
      return { text: `'${dirname(path)}' does not accept new folders` };
    default:
      return systemReason(error);
  }
}

function writeReason(error: unknown): Reason {
  switch (codeOf(error)) {
    case "EACCES":
    case "EPERM":
      return { text: "the folder is not writable (permission denied)" };
    case "EROFS":
      return { text: "the folder is on a read-only file system" };
    default:
      return systemReason(error);
  }
}

function systemReason(error: unknown): Reason {
  const code = codeOf(error);
  if (code === "ENOSPC" || code === "EDQUOT") {
    return { text: "no space left on the device", failure: true };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { text, failure: code === "EIO" || code === "EMFILE" || code === "ENFILE" };
}

/**
 * Builds the error for a report folder that cannot be used: UsageError
 * (exit code 2) when another --out would do, FailureError (exit code 1)
 * when the disk is full or failing.
 */
function outDirError(dir: string, reason: Reason): Error {
  const fix =
    reason.failure === true
      ? "free space or pass --out with a folder on another disk"
      : "pass --out with a folder you can write to";
  const message = `cannot write the reports to '${dir}': ${reason.text}; ${fix}`;
  return reason.failure === true ? new FailureError(message) : new UsageError(message);
}

async function isFolder(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() === true;
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

