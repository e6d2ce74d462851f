/**
 * The master key of a bundle: a key file from `infio keys init` or an AWS
 * KMS key, chosen as master-key-options.ts describes. `collect` wraps the
 * bundle's data key with it; `assess --bundle` unwraps with the key the
 * bundle's header names.
 */

import { Command } from "commander";

import { openKeyFile } from "../security/keys/key-file.js";
import { KmsProvider } from "../security/keys/kms-provider.js";
import type { MasterKeyProvider, MasterKeyRef } from "../security/keys/master-key.js";
import type { CliContext } from "./context.js";
import { FailureError } from "./errors.js";
import type { Logger } from "./log.js";
import {
  KEY_FILE_ENV,
  KMS_KEY_ID_ENV,
  masterKeyOptionsFrom,
  type MasterKeyOptions,
  type RawMasterKeyOptions,
} from "./master-key-options.js";

/** The master key of a bundle or of encrypted reports: see master-key-options.ts. */
export type BundleKeyOptions = MasterKeyOptions;

export type RawBundleKeyOptions = RawMasterKeyOptions;

/** Adds --key-file and --kms-key-id to `collect`, whose master key wraps the bundle's key. */
export function addBundleKeyOptions(command: Command): Command {
  return command
    .option(
      "--key-file <file>",
      `master key file that encrypts the bundle (default: $${KEY_FILE_ENV}, else master.key in the data folder)`,
    )
    .option(
      "--kms-key-id <id>",
      "wrap the bundle's key with this AWS KMS key (id, ARN or alias/NAME) instead of a key file " +
        `(default: $${KMS_KEY_ID_ENV})`,
    );
}

/**
 * Returns the master key of the options, else of INFIO_KMS_KEY_ID or
 * INFIO_KEY_FILE, else the data folder's key file.
 */
export function bundleKeyOptionsFrom(raw: RawBundleKeyOptions, dataDir: string, ctx: CliContext): BundleKeyOptions {
  return masterKeyOptionsFrom(raw, dataDir, ctx);
}

/** Opens the master key that `collect` wraps a new bundle's key with. */
export async function masterKeyForWriting(
  options: BundleKeyOptions,
  ctx: CliContext,
  log: Logger,
): Promise<MasterKeyProvider> {
  if (options.kmsKeyId !== undefined) {
    return new KmsProvider({ keyId: options.kmsKeyId });
  }
  return openKey(options, ctx, log);
}

/**
 * Opens the master key that `ref`, from a bundle's header, names: the key
 * file given, or the KMS key (with the standard AWS configuration).
 */
export async function masterKeyForReading(
  ref: MasterKeyRef,
  options: BundleKeyOptions,
  ctx: CliContext,
  log: Logger,
): Promise<MasterKeyProvider> {
  if (ref.kind === "aws-kms") {
    return new KmsProvider({ keyId: ref.keyId });
  }
  return openKey(options, ctx, log);
}

async function openKey(options: BundleKeyOptions, ctx: CliContext, log: Logger): Promise<MasterKeyProvider> {
  const opened = await openKeyFile(options.keyFile, { platform: ctx.platform });
  if (!opened.ok) {
    const hint =
      opened.error.code === "file-missing" && !options.keyFileGiven
        ? `; create one with 'infio keys init', or pass --key-file or set ${KEY_FILE_ENV}`
        : "";
    throw new FailureError(`${opened.error.message}${hint}`);
  }

  for (const note of opened.value.notes) {
    log.warn(note);
  }
  return opened.value.provider;
}
