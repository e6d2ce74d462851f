/**
 * Opening files the user names without hanging on a named pipe. Opening a
 * pipe for reading waits until a writer opens it, so a pipe given where a
 * file is expected would stall infio with no message. With O_NONBLOCK the
 * open returns at once and the type check rejects the pipe; regular files
 * ignore the flag. Windows has no O_NONBLOCK (the constant is undefined
 * there), and its named pipes are not files on a path.
 */

import { constants, type Stats } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";

export const NON_BLOCKING_READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Thrown when a path names a folder, pipe, socket or device. */
export class NotRegularFileError extends Error {
  readonly path: string;
  /** For example `a named pipe`. */
  readonly kind: string;

  constructor(path: string, kind: string) {
    super(`'${path}' is not a regular file (it is ${kind})`);
    this.name = "NotRegularFileError";
    this.path = path;
    this.kind = kind;
  }
}

/** Names the type of a file that is not a regular one, for messages. */
export function fileKind(stats: Stats): string {
  if (stats.isDirectory()) {
    return "a folder";
  }
  if (stats.isFIFO()) {
    return "a named pipe";
  }
  if (stats.isSocket()) {
    return "a socket";
  }
  if (stats.isCharacterDevice() || stats.isBlockDevice()) {
    return "a device";
  }
  return "another kind of file";
}

/**
 * Opens `path` for reading and checks that it is a regular file. Throws
 * NotRegularFileError for anything else, and the system error (ENOENT,
 * EACCES) when it cannot be opened.
 */
export async function openRegularFile(path: string): Promise<FileHandle> {
  const handle = await open(path, NON_BLOCKING_READ);

  let stats: Stats;
  try {
    stats = await handle.stat();
  } catch (error) {
    await handle.close();
    throw error;
  }

  if (!stats.isFile()) {
    await handle.close();
    throw new NotRegularFileError(path, fileKind(stats));
  }
  return handle;
}

/** Reads a whole regular file as UTF-8 text. Throws as openRegularFile does. */
export async function readRegularTextFile(path: string): Promise<string> {
  const handle = await openRegularFile(path);
  try {
    return await handle.readFile("utf8");
  } finally {
    await handle.close();
  }
}
