/**
 * Takes group and other permissions away from every file and folder of the
 * embedded store. PGlite writes its data files through Emscripten's file
 * system, which sets mode 0666 on the files it creates whatever the
 * process umask is. With @electric-sql/pglite 0.5.17 on Linux, a new store
 * had PG_VERSION and about 1,000 other files at 0666. The store folder
 * itself is 0700, so others cannot reach the files, but a copy or a later
 * chmod of the folder would expose them. So the store is walked when it
 * opens and when it closes.
 *
 * NOTE: files that PGlite creates while the store is open (new WAL
 * segments, new relation files) keep 0666 until the next close or open;
 * the 0700 folder is what protects them meanwhile.
 */

import { chmod, lstat, readdir } from "node:fs/promises";
import { join } from "node:path";

/** Permission bits of group and others. */
const OTHERS = 0o077;

/**
 * Clears the group and other permission bits of `root` and everything
 * under it, without following symbolic links. Does nothing on Windows,
 * where access is set by ACLs that these bits do not describe. Entries
 * that disappear during the walk are skipped. Returns the paths that
 * could not be changed, with the error, for the caller to report.
 */
export async function restrictToOwner(
  root: string,
  platform: NodeJS.Platform = process.platform,
): Promise<string[]> {
  if (platform === "win32") {
    return [];
  }
  const failures: string[] = [];
  await restrict(root, failures);
  return failures;
}

async function restrict(path: string, failures: string[]): Promise<void> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if (codeOf(error) !== "ENOENT") {
      failures.push(`${path}: ${messageOf(error)}`);
    }
    return;
  }
  if (info.isSymbolicLink()) {
    return;
  }

  if ((info.mode & OTHERS) !== 0) {
    try {
      await chmod(path, info.mode & 0o7777 & ~OTHERS);
    } catch (error) {
      if (codeOf(error) !== "ENOENT") {
        failures.push(`${path}: ${messageOf(error)}`);
      }
    }
  }
  if (!info.isDirectory()) {
    return;
  }

  let names: string[];
  try {
    names = await readdir(path);
  } catch (error) {
    if (codeOf(error) !== "ENOENT") {
      failures.push(`${path}: ${messageOf(error)}`);
    }
    return;
  }
  for (const name of names) {
    await restrict(join(path, name), failures);
  }
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
