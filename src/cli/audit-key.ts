/**
 * The audit key: 256 random bits that seal each audit entry and the head
 * with HMAC-SHA-256, in `<log>.key` beside the log, mode 0600. Text like a
 * master key file, with its own first line, so that neither file is taken
 * for the other: `infio-audit-key-v1` and the key in base64.
 */

import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";

import { createFileExclusive } from "../security/durable-file.js";
import { errorCode } from "../security/errors.js";
import { readOwnerOnlyFile } from "../security/owner-only-file.js";
import { FailureError } from "./errors.js";

export const AUDIT_KEY_HEADER = "infio-audit-key-v1";
const KEY_BYTES = 32;

/** Returns the key file of the audit log at `logPath`. */
export function auditKeyPath(logPath: string): string {
  return `${logPath}.key`;
}

/**
 * Reads the audit key; undefined when the file does not exist. Throws a
 * FailureError when it is readable by others, not ours, or damaged.
 */
export async function readAuditKey(path: string, platform: NodeJS.Platform): Promise<Buffer | undefined> {
  const read = await readOwnerOnlyFile(path, { what: "audit key file", maxBytes: 4096, platform });
  if (!read.ok) {
    if (read.error.code === "file-missing") {
      return undefined;
    }
    throw new FailureError(read.error.message);
  }

  const lines = read.value.bytes.toString("utf8").split(/\r?\n/);
  const encoded = (lines[1] ?? "").trim();
  const key = Buffer.from(encoded, "base64");
  if (lines[0] !== AUDIT_KEY_HEADER || key.length !== KEY_BYTES || key.toString("base64") !== encoded) {
    throw new FailureError(
      `audit key file '${path}' is damaged: it is not '${AUDIT_KEY_HEADER}' and a ${KEY_BYTES}-byte key ` +
        "in base64; restore it from a backup, or move the log and its key aside to start a new log",
    );
  }
  return key;
}

/**
 * Creates a new audit key file, mode 0600, in a folder created with mode
 * 0700. When another process created it first, returns that key instead.
 */
export async function createAuditKey(path: string, platform: NodeJS.Platform): Promise<Buffer> {
  const key = randomBytes(KEY_BYTES);
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await createFileExclusive(path, `${AUDIT_KEY_HEADER}\n${key.toString("base64")}\n`, 0o600);
    return key;
  } catch (error) {
    if (errorCode(error) === "EEXIST") {
      const existing = await readAuditKey(path, platform);
      if (existing !== undefined) {
        return existing;
      }
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new FailureError(`cannot create audit key file '${path}': ${reason}; check that its folder is writable`);
  }
}
