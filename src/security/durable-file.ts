/**
 * File writes that survive a crash. Data is flushed with fsync before it
 * becomes visible under its final name, and the directory entry is flushed
 * too. A killed process or a power loss leaves the old content or the new.
 */

import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Creates `path` with `data` and `mode`, failing with EEXIST when it already
 * exists. The mode is set again on the descriptor because the umask may
 * have removed bits from it at creation.
 */
export async function createFileExclusive(
  path: string,
  data: Uint8Array | string,
  mode: number,
): Promise<void> {
  const handle = await open(path, "wx", mode);
  try {
    await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncDirectory(dirname(path));
}

/** Replaces `path` with `data` through a temporary file and a rename. */
export async function replaceFile(
  path: string,
  data: Uint8Array | string,
  mode: number,
): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );

  try {
    await createFileExclusive(temporary, data, mode);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

/**
 * Flushes a directory entry. Windows cannot open a directory for fsync, and
 * NTFS journals renames itself, so the flush is skipped there.
 */
export async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === "win32") {
    return;
  }
  const handle = await open(directory, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
