/**
 * The encrypted report file, version 1, which `--encrypt-output` writes as
 * `NAME.infio-enc` and `infio decrypt` opens:
 *
 *   line 1   `infio-encrypted-v1`
 *   line 2   the header, one line of JSON (EncryptedFileHeader), readable
 *            without a key: the file's name, the assessment, and the data
 *            key wrapped by the master key
 *   rest     a stream envelope (src/security/envelope-stream.ts) of the
 *            report's bytes
 *
 * The reports of one run share a data key made for them alone. The
 * envelope's associated data includes a SHA-256 of the first two lines, so
 * a changed header (another name, another key) fails to decrypt like
 * changed data, and a file renamed to another report's name still opens
 * under its own name only.
 */

import { createHash } from "node:crypto";

import type { MasterKeyRef } from "../security/keys/master-key.js";

export const ENCRYPTED_MAGIC = "infio-encrypted-v1";
export const ENCRYPTED_FORMAT = "infio-encrypted-file";
export const ENCRYPTED_VERSION = 1;
/** Extension added to the name of each encrypted report. */
export const ENCRYPTED_SUFFIX = ".infio-enc";
/** Envelope field name of the file's content. */
export const ENCRYPTED_FIELD = "report.file";
/** Maximum header size accepted when reading; headers infio writes are under 1 KiB. */
export const MAX_HEADER_BYTES = 64 * 1024;

export interface EncryptedFileHeader {
  readonly format: typeof ENCRYPTED_FORMAT;
  readonly version: typeof ENCRYPTED_VERSION;
  /** The file's name once decrypted, such as `assessment.json`. */
  readonly name: string;
  /** The assessment the report belongs to. */
  readonly assessmentId: string;
  /** infio version that wrote the file. */
  readonly infioVersion: string;
  /** ISO 8601 time the file was written. */
  readonly createdAt: string;
  /** Names the data key, as an assessment id names an assessment's own. */
  readonly keyName: string;
  readonly key: {
    readonly master: MasterKeyRef;
    readonly dataKeyId: string;
    /** The wrapped data key in base64. */
    readonly wrappedKey: string;
  };
}

/** Returns the first two lines of an encrypted file for `header`. */
export function encodeEncryptedHeader(header: EncryptedFileHeader): Buffer {
  return Buffer.from(`${ENCRYPTED_MAGIC}\n${JSON.stringify(header)}\n`, "utf8");
}

/** Returns the envelope object id that binds the content to its header. */
export function encryptedHeaderDigest(headerBytes: Uint8Array): string {
  return createHash("sha256").update(headerBytes).digest("hex");
}

/**
 * Parses the start of an encrypted file. Returns the header and the number
 * of bytes it takes, or a message naming `path` that describes the problem.
 */
export function parseEncryptedHeader(
  start: Buffer,
  path: string,
): { readonly header: EncryptedFileHeader; readonly bytes: number } | string {
  const firstBreak = start.indexOf(0x0a);
  const magic = firstBreak < 0 ? "" : start.subarray(0, firstBreak).toString("utf8");
  if (magic !== ENCRYPTED_MAGIC) {
    const other = /^infio-encrypted-v(\d+)$/.exec(magic);
    return other !== null
      ? `'${path}' has format version ${other[1]}, but this infio reads version ${ENCRYPTED_VERSION}; ` +
          "decrypt it with the infio version that wrote it, or a newer one"
      : `'${path}' is not a file that infio encrypted: its first line is not '${ENCRYPTED_MAGIC}'; ` +
          `pass a report written with --encrypt-output (its name ends in ${ENCRYPTED_SUFFIX})`;
  }

  const secondBreak = start.indexOf(0x0a, firstBreak + 1);
  if (secondBreak < 0) {
    return `'${path}' ends inside its header; copy it again from where the report was written`;
  }
  const header = checkHeader(start.subarray(firstBreak + 1, secondBreak).toString("utf8"));
  if (typeof header === "string") {
    return `the header of '${path}' is damaged: ${header}; copy it again from where the report was written`;
  }
  return { header, bytes: secondBreak + 1 };
}

function checkHeader(text: string): EncryptedFileHeader | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "it is not valid JSON";
  }

  const header = value as Partial<EncryptedFileHeader> | null;
  if (typeof header !== "object" || header === null || header.format !== ENCRYPTED_FORMAT) {
    return `it is not an object with format '${ENCRYPTED_FORMAT}'`;
  }
  if (header.version !== ENCRYPTED_VERSION) {
    return `its version ${String(header.version)} is not ${ENCRYPTED_VERSION}`;
  }
  for (const name of ["name", "assessmentId", "infioVersion", "createdAt", "keyName"] as const) {
    if (typeof header[name] !== "string") {
      return `'${name}' is missing or not a string`;
    }
  }
  if (!isPlainFileName(header.name!)) {
    return `'name' is not a plain file name`;
  }

  const key = header.key;
  const master = key?.master;
  const validKey =
    typeof key === "object" &&
    key !== null &&
    typeof key.dataKeyId === "string" &&
    /^[0-9a-f]{32}$/.test(key.dataKeyId) &&
    typeof key.wrappedKey === "string" &&
    typeof master === "object" &&
    master !== null &&
    (master.kind === "key-file" || master.kind === "aws-kms") &&
    typeof master.keyId === "string";
  return validKey ? (header as EncryptedFileHeader) : "'key' does not name a master key and a wrapped data key";
}

/**
 * True for a name without folders, so that a header cannot make `infio
 * decrypt` write outside the output folder.
 */
export function isPlainFileName(name: string): boolean {
  return (
    name !== "" &&
    name !== "." &&
    name !== ".." &&
    !/[/\\:\u0000-\u001f]/.test(name) &&
    name.length <= 255
  );
}
