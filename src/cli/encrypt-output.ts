/**
 * `--encrypt-output` of `infio assess` and `infio report`: every report file
 * is written encrypted (encrypted-file.ts) under a data key made for the
 * run's reports, wrapped by the master key: a key file or an AWS KMS key,
 * chosen as master-key-options.ts describes. The key is opened and the
 * data key wrapped before any work starts, so a missing or wrong key fails
 * at once.
 */

import { randomBytes } from "node:crypto";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type { Command } from "commander";

import { createEncryptStream } from "../security/envelope-stream.js";
import { DataKey } from "../security/keys/data-key.js";
import { describeMasterKey, type MasterKeyRef } from "../security/keys/master-key.js";
import {
  bundleKeyOptionsFrom,
  masterKeyForWriting,
  type BundleKeyOptions,
} from "./bundle-keys.js";
import type { CliContext } from "./context.js";
import {
  ENCRYPTED_FIELD,
  ENCRYPTED_FORMAT,
  ENCRYPTED_VERSION,
  encodeEncryptedHeader,
  encryptedHeaderDigest,
} from "./encrypted-file.js";
import { FailureError } from "./errors.js";
import type { Logger } from "./log.js";
import type { RawMasterKeyOptions } from "./master-key-options.js";
import { infioVersion } from "./version.js";

export interface RawEncryptOutputOptions extends RawMasterKeyOptions {
  encryptOutput?: boolean;
}

/** The data key of one run's reports, wrapped once for every file. */
export interface ReportEncryption {
  /** Names the data key in its wrapping, as an assessment id would. */
  readonly keyName: string;
  readonly key: DataKey;
  readonly master: MasterKeyRef;
  /** The wrapped data key in base64. */
  readonly wrappedKey: string;
}

/**
 * Adds `--encrypt-output`. The master key comes from `--key-file` and
 * `--kms-key-id` (master-key-options.ts), which the command adds.
 */
export function addEncryptOutputOptions(command: Command): Command {
  return command.option(
    "--encrypt-output",
    "write each report encrypted, as NAME.infio-enc, under the master key; open them with 'infio decrypt'",
  );
}

/**
 * Returns the master key that encrypts the reports with `--encrypt-output`
 * (the one the options or INFIO_KMS_KEY_ID and INFIO_KEY_FILE choose), or
 * undefined without it.
 */
export function encryptOutputFrom(
  raw: RawEncryptOutputOptions,
  dataDir: string,
  ctx: CliContext,
): BundleKeyOptions | undefined {
  return raw.encryptOutput === true ? bundleKeyOptionsFrom(raw, dataDir, ctx) : undefined;
}

/**
 * Opens the master key and wraps a new data key for the reports. Throws a
 * FailureError naming the key when it is missing, unreadable or refused.
 */
export async function prepareReportEncryption(
  options: BundleKeyOptions,
  ctx: CliContext,
  log: Logger,
  now: Date = new Date(),
): Promise<ReportEncryption> {
  const master = await masterKeyForWriting(options, ctx, log);
  try {
    const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    const keyName = `reports-${stamp}-${randomBytes(4).toString("hex")}`;
    const key = DataKey.generate(keyName);
    const wrapped = await master.wrap(key.keyBytes(), { assessmentId: keyName, dataKeyId: key.id });
    if (!wrapped.ok) {
      throw new FailureError(
        `cannot encrypt the reports with master key ${describeMasterKey(master.ref)}: ${wrapped.error.message}; ` +
          "nothing was written",
      );
    }
    return { keyName, key, master: master.ref, wrappedKey: Buffer.from(wrapped.value).toString("base64") };
  } finally {
    // A KMS provider owns an AWS client, which is closed here; a key file keeps nothing open.
    const destroy = (master as { destroy?: () => void }).destroy;
    destroy?.call(master);
  }
}

/** Characters of text gathered before each chunk is encrypted, as writeParts gathers them. */
const WRITE_CHUNK_CHARS = 1 << 20;

export interface EncryptedFileInfo {
  /** The file's name once decrypted. */
  readonly name: string;
  readonly assessmentId: string;
  /** Permissions of the new file, before the umask; 0o666 by default. */
  readonly mode?: number;
}

/**
 * Writes `parts` encrypted to `path`, which must not exist. Checks `signal`
 * between chunks. Rejects with the file system's error, or the signal's
 * reason; the caller removes the partial file.
 */
export async function writeEncryptedParts(
  path: string,
  parts: Iterable<string>,
  encryption: ReportEncryption,
  file: EncryptedFileInfo,
  signal?: AbortSignal,
): Promise<void> {
  const header = encodeEncryptedHeader({
    format: ENCRYPTED_FORMAT,
    version: ENCRYPTED_VERSION,
    name: file.name,
    assessmentId: file.assessmentId,
    infioVersion: infioVersion(),
    createdAt: new Date().toISOString(),
    keyName: encryption.keyName,
    key: { master: encryption.master, dataKeyId: encryption.key.id, wrappedKey: encryption.wrappedKey },
  });

  const handle = await open(path, "wx", file.mode);
  try {
    await handle.write(header);
    await pipeline(
      Readable.from(gathered(parts, signal)),
      createEncryptStream(encryption.key, { field: ENCRYPTED_FIELD, objectId: encryptedHeaderDigest(header) }),
      async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) {
          await handle.write(chunk);
        }
      },
    );
  } finally {
    await handle.close();
  }
}

/** Joins the parts into strings of about a megabyte. */
function* gathered(parts: Iterable<string>, signal: AbortSignal | undefined): Generator<string> {
  let pending = "";
  for (const part of parts) {
    pending += part;
    if (pending.length >= WRITE_CHUNK_CHARS) {
      signal?.throwIfAborted();
      yield pending;
      pending = "";
    }
  }
  if (pending !== "") {
    yield pending;
  }
}
