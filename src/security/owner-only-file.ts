/**
 * Reads files that must be private to their owner: key files and secret
 * files. Symbolic links are followed, because secret mounts (Docker and
 * Kubernetes secrets) are made of them. Every check applies to the file
 * actually opened, because its status comes from the open descriptor, so
 * the file cannot be swapped between the check and the read.
 */

import { open } from "node:fs/promises";

import { fileKind, NON_BLOCKING_READ } from "../util/regular-file.js";
import { describeError, errorCode, fail, ok, type Result } from "./errors.js";

export interface OwnerOnlyReadOptions {
  /** Kind of file, for messages: "key file", "secret file". */
  readonly what: string;
  /** Defaults to the running platform; tests pass another. */
  readonly platform?: NodeJS.Platform;
  /** Largest accepted size in bytes; secrets and keys are small. */
  readonly maxBytes?: number;
}

export interface OwnerOnlyFile {
  readonly bytes: Buffer;
  /** Checks that could not be made here, such as Windows ACLs. */
  readonly notes: readonly string[];
}

const DEFAULT_MAX_BYTES = 1024 * 1024;

// A pipe given as a key or secret file would hang an ordinary open; see
// regular-file.ts for why the non-blocking open avoids that.

/** Any permission for the group or others: read, write or execute. */
const GROUP_OR_OTHER_BITS = 0o077;

/**
 * Reads `path` after checking that it is a regular file that belongs to the
 * current user and that neither its group nor other users have any access.
 */
export async function readOwnerOnlyFile(
  path: string,
  options: OwnerOnlyReadOptions,
): Promise<Result<OwnerOnlyFile>> {
  const platform = options.platform ?? process.platform;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;

  let handle;
  try {
    handle = await open(path, NON_BLOCKING_READ);
  } catch (error) {
    if (errorCode(error) === "ENOENT") {
      return fail("file-missing", `${options.what} '${path}' not found; check the path`);
    }
    return fail("io-failed", `cannot open ${options.what} '${path}': ${describeError(error)}`, error);
  }

  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      return fail(
        "not-a-file",
        `${options.what} '${path}' is not a regular file (it is ${fileKind(stats)}); ` +
          "pass the path of a file",
      );
    }

    const notes: string[] = [];
    if (platform === "win32") {
      // NOTE: Windows keeps permissions in ACLs, which Node.js cannot read;
      // the mode bits it reports mean nothing there, so nothing is checked.
      notes.push(`the permissions of ${options.what} '${path}' were not checked: Windows ACLs are not checked yet`);
    } else {
      const rejected = checkPosixOwnership(path, stats.mode, stats.uid, options.what);
      if (rejected !== undefined) {
        return rejected;
      }
    }

    if (stats.size > maxBytes) {
      return fail("invalid-format", `${options.what} '${path}' is ${stats.size} bytes, more than the ${maxBytes} accepted; check the path`);
    }
    const bytes = await handle.readFile();
    return ok({ bytes, notes });
  } catch (error) {
    return fail("io-failed", `cannot read ${options.what} '${path}': ${describeError(error)}`, error);
  } finally {
    await handle.close();
  }
}

function checkPosixOwnership(
  path: string,
  mode: number,
  uid: number,
  what: string,
): Result<OwnerOnlyFile> | undefined {
  const permissions = mode & 0o777;
  if ((permissions & GROUP_OR_OTHER_BITS) !== 0) {
    return fail(
      "insecure-permissions",
      `${what} '${path}' is accessible to ${whoCanAccess(permissions)} ` +
        `(mode ${formatMode(permissions)}); run 'chmod 600 ${path}' so that only its owner can read it`,
    );
  }

  const currentUid = process.getuid?.();
  if (currentUid !== undefined && uid !== currentUid) {
    return fail(
      "not-owner",
      `${what} '${path}' belongs to user id ${uid}, not to the current user (id ${currentUid}); ` +
        `its owner could change it, so copy it to a file of your own with mode 600`,
    );
  }
  return undefined;
}

function whoCanAccess(permissions: number): string {
  const group = (permissions & 0o070) !== 0;
  const other = (permissions & 0o007) !== 0;
  if (group && other) {
    return "its group and all other users";
  }
  return group ? "its group" : "all other users";
}

/** Formats permission bits as the four octal digits that chmod takes. */
export function formatMode(permissions: number): string {
  return (permissions & 0o7777).toString(8).padStart(4, "0");
}
