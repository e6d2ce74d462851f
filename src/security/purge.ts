/**
 * Retention: removes files older than a retention period from one folder
 * tree, without ever leaving it. Symbolic links are neither followed nor
 * removed, and a folder replaced by a link while the purge runs is noticed
 * before anything inside it is removed.
 */

import { lstat, opendir, realpath, rm, rmdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

import { describeError, errorCode, fail, ok, type Result } from "./errors.js";

export interface PurgeOptions {
  /** Files last modified before now minus this many milliseconds are removed. */
  readonly olderThanMs: number;
  readonly now?: Date;
  /** Lists what would be removed without removing it. */
  readonly dryRun?: boolean;
  /** Removes folders left empty by the purge (never `directory` itself). */
  readonly removeEmptyFolders?: boolean;
}

export interface PurgeSkip {
  readonly path: string;
  readonly reason: string;
}

export interface PurgeReport {
  /** Removed files, or files that would be removed in a dry run. */
  readonly removed: readonly string[];
  readonly removedFolders: readonly string[];
  /** Symbolic links, special files and files that could not be removed. */
  readonly skipped: readonly PurgeSkip[];
}

const UNITS: Readonly<Record<string, number>> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/** Parses a retention period such as `30d`, `12h`, `2w` or `90m` into milliseconds. */
export function parseRetention(text: string): Result<number> {
  const match = /^(\d{1,6})([mhdw])$/.exec(text.trim());
  if (match === null || Number(match[1]) === 0) {
    return fail(
      "invalid-argument",
      `invalid retention period '${text}': use a positive number and a unit, m (minutes), h (hours), ` +
        "d (days) or w (weeks), such as 30d",
    );
  }
  return ok(Number(match[1]) * UNITS[match[2]!]!);
}

/** Removes the files under `directory` older than the retention period. */
export async function purgeOlderThan(directory: string, options: PurgeOptions): Promise<Result<PurgeReport>> {
  if (!Number.isFinite(options.olderThanMs) || options.olderThanMs <= 0) {
    return fail("invalid-argument", `invalid retention period of ${options.olderThanMs} ms: it must be positive`);
  }

  let root: string;
  try {
    root = await realpath(directory);
    if (!(await lstat(root)).isDirectory()) {
      return fail("not-a-file", `cannot purge '${directory}': it is not a folder`);
    }
  } catch (error) {
    if (errorCode(error) === "ENOENT") {
      return ok({ removed: [], removedFolders: [], skipped: [] });
    }
    return fail("io-failed", `cannot purge '${directory}': ${describeError(error)}`, error);
  }

  const cutoff = (options.now ?? new Date()).getTime() - options.olderThanMs;
  const report: MutableReport = { removed: [], removedFolders: [], skipped: [] };
  try {
    await purgeFolder(root, root, cutoff, options, report);
  } catch (error) {
    return fail("io-failed", `cannot purge '${directory}': ${describeError(error)}`, error);
  }
  return ok(report);
}

interface MutableReport {
  removed: string[];
  removedFolders: string[];
  skipped: PurgeSkip[];
}

/** Returns true when the folder is empty afterwards. */
async function purgeFolder(
  root: string,
  folder: string,
  cutoff: number,
  options: PurgeOptions,
  report: MutableReport,
): Promise<boolean> {
  let remaining = 0;
  const names: string[] = [];
  for await (const entry of await opendir(folder)) {
    names.push(entry.name);
  }

  for (const name of names) {
    const path = join(folder, name);
    const stats = await lstat(path);

    if (stats.isSymbolicLink()) {
      report.skipped.push({ path, reason: "symbolic link: not followed and not removed" });
      remaining += 1;
    } else if (stats.isDirectory()) {
      const empty = await purgeFolder(root, path, cutoff, options, report);
      if (empty && options.removeEmptyFolders === true && !options.dryRun) {
        await rmdir(path);
        report.removedFolders.push(path);
      } else {
        remaining += 1;
      }
    } else if (!stats.isFile()) {
      report.skipped.push({ path, reason: "not a regular file" });
      remaining += 1;
    } else if (stats.mtimeMs >= cutoff) {
      remaining += 1;
    } else if (options.dryRun === true) {
      report.removed.push(path);
      remaining += 1;
    } else if (await removeInside(root, folder, path, report)) {
      report.removed.push(path);
    } else {
      remaining += 1;
    }
  }
  return remaining === 0;
}

/**
 * Removes `path` after checking that its folder still resolves to the same
 * place inside `root`, since a folder on the way may have been swapped for
 * a link since it was listed.
 */
async function removeInside(root: string, folder: string, path: string, report: MutableReport): Promise<boolean> {
  const resolved = await realpath(folder);
  const inside = relative(root, resolved);
  if (resolved !== folder || inside.startsWith("..") || inside.split(sep).includes("..")) {
    report.skipped.push({ path, reason: `its folder now resolves to '${resolved}', outside the purged folder` });
    return false;
  }

  try {
    // NOTE: Node.js has no unlinkat, so a swap between this check and the
    // removal is still possible for someone who can write to the folder.
    await rm(path);
    return true;
  } catch (error) {
    report.skipped.push({ path, reason: `cannot remove: ${describeError(error)}` });
    return false;
  }
}
