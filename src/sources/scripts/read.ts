/**
 * Reads one script file and decides whether it can be assessed: too large,
 * empty, unreadable and binary files become skipped inputs with a message
 * that names the path and the fix. Synchronous, because it runs in a worker
 * thread whose only job is this file.
 */

import { closeSync, fstatSync, openSync, readSync } from "node:fs";

import type { SkippedInput } from "../../assessment/model.js";
import { looksBinary } from "../../tsql/decode/binary.js";
import { SPECIAL_FILE, specialFileKind, specialFileMessage } from "./file-kinds.js";
import { formatOverLimit } from "../../util/byte-size.js";
import { NON_BLOCKING_READ } from "../../util/regular-file.js";
import { cannotRead } from "./walk.js";

// Opened without blocking, in case a named pipe took the place of a file
// after the walk; see regular-file.ts.

/**
 * Default of `--max-file-size`. Scripts past 16 MB are mostly data dumps,
 * and a parsed file takes several times its size in memory (about 120
 * bytes per byte for a file of one-line statements such as `SELECT 1;`).
 */
export const DEFAULT_MAX_FILE_SIZE = 16 * 1024 * 1024;

export type ReadScriptResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly skipped: SkippedInput };

/**
 * Reads `path`, named `name` in findings, if it can be assessed. Messages
 * quote `displayPath`, the path as the user would write it.
 */
export function readScript(
  path: string,
  name: string,
  maxFileSize: number,
  displayPath: string = path,
): ReadScriptResult {
  let fd: number;
  try {
    fd = openSync(path, NON_BLOCKING_READ);
  } catch (error) {
    return unreadable(name, displayPath, error);
  }

  try {
    const info = fstatSync(fd);
    const kind = specialFileKind(info);
    if (kind !== undefined) {
      return skip(name, SPECIAL_FILE, specialFileMessage(displayPath, kind, false));
    }
    if (!info.isFile()) {
      return skip(name, "unreadable", `cannot read '${displayPath}': it is not a regular file; pass the files or folders to assess`);
    }
    const size = info.size;
    const tooBig = checkSize(name, displayPath, size, maxFileSize);
    if (tooBig !== undefined) {
      return tooBig;
    }

    const bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) {
        break;
      }
      read += n;
    }
    return checkScriptBytes(name, displayPath, bytes.subarray(0, read), maxFileSize);
  } catch (error) {
    return unreadable(name, displayPath, error);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks bytes already in memory (standard input, or a file just read)
 * for the same problems as {@link readScript}.
 */
export function checkScriptBytes(
  name: string,
  path: string,
  bytes: Uint8Array,
  maxFileSize: number,
): ReadScriptResult {
  const tooBig = checkSize(name, path, bytes.length, maxFileSize);
  if (tooBig !== undefined) {
    return tooBig;
  }

  if (looksBinary(bytes)) {
    return skip(
      name,
      "binary",
      `'${path}' looks like a binary file, not a script (NUL or control ` +
        "bytes in its first 8 KiB); if it is a UTF-16 or UTF-32 script " +
        "without a byte order mark, pass --encoding utf-16le (or the right " +
        "one); otherwise exclude it with --exclude",
    );
  }
  return { ok: true, bytes };
}

function checkSize(
  name: string,
  path: string,
  size: number,
  maxFileSize: number,
): ReadScriptResult | undefined {
  if (size === 0) {
    return skip(name, "empty", `'${path}' is empty; nothing to assess`);
  }
  if (size > maxFileSize) {
    return skip(
      name,
      "too-large",
      `'${path}' is ${formatOverLimit(size, maxFileSize)}; ` +
        "pass --max-file-size with a larger value to assess it, or " +
        "exclude it with --exclude",
    );
  }
  return undefined;
}

function unreadable(name: string, path: string, error: unknown): ReadScriptResult {
  return skip(name, "unreadable", cannotRead(path, error));
}

function skip(file: string, reason: string, message: string): ReadScriptResult {
  return { ok: false, skipped: { file, reason, message } };
}
