/**
 * The bundle file of `infio collect --out`: checked before infio connects,
 * so that a path that cannot take the file fails in a second rather than
 * after the whole collection. The bundle is written under a temporary name
 * in the same folder and renamed at the end, so the check creates and
 * deletes such a file there, as out-dir.ts does for report folders.
 */

import { randomBytes } from "node:crypto";
import { open, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

import { FailureError, UsageError } from "./errors.js";

/**
 * Throws UsageError when `path` is a folder or a special file, or when its
 * folder is missing, is not a folder or cannot be written, and
 * FailureError when the disk is full or failing. An existing regular file
 * passes: the new bundle replaces it once complete.
 */
export async function checkOutFile(path: string): Promise<void> {
  const existing = await statOrMissing(path, path);
  if (existing !== undefined && existing.isDirectory()) {
    throw outFileError(
      path,
      `it is a folder; pass --out with the path of a file, for example '${join(path, "bundle.infio")}'`,
    );
  }
  if (existing !== undefined && !existing.isFile()) {
    throw outFileError(path, "it is not a regular file; pass --out with the path of a file");
  }

  const folder = dirname(path);
  const info = await statOrMissing(folder, path);
  if (info === undefined) {
    throw outFileError(path, `folder '${folder}' does not exist; create it or pass --out with a path in another folder`);
  }
  if (!info.isDirectory()) {
    throw outFileError(path, `'${folder}' is not a folder; pass --out with a path in a folder`);
  }
  await checkWritable(folder, path);
}

/** Creates and deletes a file as writeBundle's temporary file will be. */
async function checkWritable(folder: string, path: string): Promise<void> {
  const probe = join(folder, `.${basename(path)}.write-check-${randomBytes(6).toString("hex")}.tmp`);
  let file;
  try {
    file = await open(probe, "wx", 0o600);
  } catch (error) {
    throw systemError(path, error, `cannot create a file in '${folder}'`);
  }
  await file.close().catch(() => undefined);
  await unlink(probe).catch(() => undefined);
}

/**
 * Returns the stats of `target`, or undefined when nothing is there (also
 * when a folder on the way is a file). Throws for any other error.
 */
async function statOrMissing(target: string, path: string) {
  try {
    return await stat(target);
  } catch (error) {
    const code = codeOf(error);
    if (code === "ENOENT") {
      return undefined;
    }
    if (code === "ENOTDIR") {
      throw outFileError(path, `a folder on the way to '${target}' is not a folder; check the path`);
    }
    throw systemError(path, error, `cannot read '${target}'`);
  }
}

function systemError(path: string, error: unknown, action: string): Error {
  switch (codeOf(error)) {
    case "EACCES":
    case "EPERM":
      return outFileError(path, `${action}: permission denied; pass --out with a path in a folder you can write to`);
    case "EROFS":
      return outFileError(path, `${action}: read-only file system; pass --out with a path on another file system`);
    case "ENOSPC":
    case "EDQUOT":
      return new FailureError(
        `cannot write the bundle to '${path}': no space left on the device; free space or pass --out with a path on another disk`,
      );
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return new FailureError(`cannot write the bundle to '${path}': ${action}: ${reason}`);
    }
  }
}

function outFileError(path: string, reason: string): UsageError {
  return new UsageError(`cannot write the bundle to '${path}': ${reason}`);
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
