/**
 * Paths that hold no script: named pipes, sockets and devices (special
 * files), broken symbolic links and link loops. The walk lists them as
 * skipped inputs without opening them, because opening a named pipe for
 * reading blocks until some other process writes to it.
 */

import type { Dirent, Stats } from "node:fs";
import { lstat, readlink } from "node:fs/promises";

/** Skipped-input reason of a named pipe, socket or device. */
export const SPECIAL_FILE = "special-file";

/** Returns the kind of a special file, or undefined for a file or folder. */
export function specialFileKind(info: Stats | Dirent): string | undefined {
  if (info.isFIFO()) {
    return "a named pipe (FIFO)";
  }
  if (info.isSocket()) {
    return "a socket";
  }
  if (info.isCharacterDevice()) {
    return "a character device";
  }
  if (info.isBlockDevice()) {
    return "a block device";
  }
  return undefined;
}

/**
 * Builds the message for a special file. `namedOnCommandLine` selects the
 * fix for a path the user gave, where standard input (`-`) is the way to
 * pass a pipe.
 */
export function specialFileMessage(path: string, kind: string, namedOnCommandLine: boolean): string {
  const fix = namedOnCommandLine
    ? "to assess a script that arrives through a pipe, redirect it to standard input and pass -"
    : "exclude it with --exclude to leave it out of this list";
  return `'${path}' is ${kind}, not a regular file, so infio did not open it; ${fix}`;
}

/**
 * Builds the message for a symbolic link that `stat` could not follow,
 * naming its target. Returns undefined when `path` is not a link, or when
 * the error has another cause.
 */
export async function brokenLinkMessage(
  path: string,
  displayPath: string,
  error: unknown,
): Promise<string | undefined> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ELOOP") {
    return (
      `cannot read '${displayPath}': its symbolic links form a loop; fix the ` +
      "link or exclude it with --exclude"
    );
  }
  if (code !== "ENOENT" && code !== "ENOTDIR") {
    return undefined;
  }

  const link = await lstat(path).catch(() => undefined);
  if (link?.isSymbolicLink() !== true) {
    return undefined;
  }
  const target = await readlink(path).catch(() => "?");
  return (
    `cannot read '${displayPath}': it is a symbolic link to '${target}', which ` +
    "does not exist; fix the link or exclude it with --exclude"
  );
}
