/**
 * The master key of a bundle: a key file from `infio keys init` (the data
 * folder's master.key unless --key-file names another) or an AWS KMS key
 * (--kms-key-id). `collect` wraps the bundle's data key with it; `assess
 * --bundle` unwraps with the key the bundle's header names.
 */

import { posix, win32 } from "node:path";

import { Command } from "commander";

import { openKeyFile } from "../security/keys/key-file.js";
import { KmsProvider } from "../security/keys/kms-provider.js";
import type { MasterKeyProvider, MasterKeyRef } from "../security/keys/master-key.js";
import type { CliContext } from "./context.js";
import { FailureError, UsageError } from "./errors.js";
import type { Logger } from "./log.js";

export interface BundleKeyOptions {
  /** The key file, absolute; the data folder's master.key by default. */
  readonly keyFile: string;
  /** Whether --key-file was given, rather than the default. */
  readonly keyFileGiven: boolean;
  /** `--kms-key-id`: wrap with this AWS KMS key instead of the key file. */
  readonly kmsKeyId?: string;
}

export interface RawBundleKeyOptions {
  keyFile?: string;
  kmsKeyId?: string;
}

/**
 * Adds --key-file, and for writing --kms-key-id. Reading needs no KMS
 * option, because the bundle's header names its KMS key.
 */
export function addBundleKeyOptions(command: Command, purpose: "write" | "read"): Command {
  if (purpose === "read") {
    return command.option(
      "--key-file <file>",
      "master key file that decrypts the bundle, and with --encrypt-output encrypts the reports " +
        "(default: master.key in the data folder)",
    );
  }
  return command
    .option("--key-file <file>", "master key file that encrypts the bundle (default: master.key in the data folder)")
    .option(
      "--kms-key-id <id>",
      "wrap the bundle's key with this AWS KMS key (id, ARN or alias/NAME) instead of a key file",
    );
}

export function bundleKeyOptionsFrom(raw: RawBundleKeyOptions, dataDir: string, ctx: CliContext): BundleKeyOptions {
  const path = ctx.platform === "win32" ? win32 : posix;
  if (raw.keyFile !== undefined && raw.kmsKeyId !== undefined) {
    throw new UsageError("--key-file and --kms-key-id each name the master key; pass only one of them");
  }
  const kmsKeyId = raw.kmsKeyId?.trim();
  if (kmsKeyId === "") {
    throw new UsageError("invalid --kms-key-id '': pass a KMS key id, key ARN or alias/NAME");
  }
  return {
    keyFile: raw.keyFile === undefined ? path.join(dataDir, "master.key") : path.resolve(ctx.cwd, raw.keyFile),
    keyFileGiven: raw.keyFile !== undefined,
    ...(kmsKeyId === undefined ? {} : { kmsKeyId }),
  };
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
        ? "; create one with 'infio keys init', or pass --key-file"
        : "";
    throw new FailureError(`${opened.error.message}${hint}`);
  }

  for (const note of opened.value.notes) {
    log.warn(note);
  }
  return opened.value.provider;
}
