/**
 * `--encrypt-output` of `infio assess` and `infio report`: every report file
 * is written encrypted (encrypted-file.ts) under a data key made for the
 * run's reports, wrapped by the master key: the key file (`--key-file`,
 * default master.key in the data folder) or an AWS KMS key
 * (`--kms-key-id`). The key is opened and the data key wrapped before any
 * work starts, so a missing or wrong key fails at once.
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
import { FailureError, UsageError } from "./errors.js";
import type { Logger } from "./log.js";
import { infioVersion } from "./version.js";

export interface RawEncryptOutputOptions {
  encryptOutput?: boolean;
  keyFile?: string;
  kmsKeyId?: string;
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
 * Adds `--encrypt-output` and `--kms-key-id`, and `--key-file` unless the
 * command has it already (assess, for --bundle).
 */
export function addEncryptOutputOptions(command: Command, options: { readonly keyFile: boolean }): Command {
  command
    .option("--encrypt-output", "write each report encrypted, as NAME.infio-enc; open them with 'infio decrypt'")
    .option(
      "--kms-key-id <id>",
      "with --encrypt-output: wrap the reports' key with this AWS KMS key (id, ARN or alias/NAME) instead of a key file",
    );
  if (options.keyFile) {
    command.option(
      "--key-file <file>",
      "with --encrypt-output: master key file that wraps the reports' key (default: master.key in the data folder)",
    );
  }
  return command;
}

/**
 * Returns the master key options of `--encrypt-output`, or undefined
 * without it. Throws UsageError for --kms-key-id without --encrypt-output,
 * and for --key-file without it when `keyFileOnlyForOutput`.
 */
export function encryptOutputFrom(
  raw: RawEncryptOutputOptions,
  dataDir: string,
  ctx: CliContext,
  keyFileOnlyForOutput: boolean,
): BundleKeyOptions | undefined {
  if (raw.encryptOutput !== true) {
    if (raw.kmsKeyId !== undefined) {
      throw new UsageError("--kms-key-id applies to --encrypt-output only; add --encrypt-output or leave it out");
    }
    if (keyFileOnlyForOutput && raw.keyFile !== undefined) {
      throw new UsageError("--key-file applies to --encrypt-output only; add --encrypt-output or leave it out");
    }
    return undefined;
  }
  return bundleKeyOptionsFrom(raw, dataDir, ctx);
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

  const handle = await open(path, "wx");
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
