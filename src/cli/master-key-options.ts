/**
 * The choice of a command's master key, for the store's data keys,
 * encrypted reports and bundles alike:
 *
 * - `--kms-key-id ID` or `--key-file FILE` (at most one of them), else
 * - `INFIO_KMS_KEY_ID`, else `INFIO_KEY_FILE`, else
 * - the key file `master.key` in the data folder, which the store creates
 *   on first use.
 *
 * The chosen key wraps new data keys. A data key wrapped earlier is opened
 * with the key its record names: an AWS KMS key through the standard AWS
 * configuration, or the key file. With a KMS key chosen, the key file that
 * opens key-file data is `INFIO_KEY_FILE`, else the data folder's default.
 */

import { posix, win32 } from "node:path";

import type { Command } from "commander";

import type { CliContext } from "./context.js";
import { UsageError } from "./errors.js";

/** The environment variable that names the master key file. */
export const KEY_FILE_ENV = "INFIO_KEY_FILE";
/** The environment variable that names the AWS KMS master key. */
export const KMS_KEY_ID_ENV = "INFIO_KMS_KEY_ID";
/** Name of the default key file in the data folder. */
export const DEFAULT_KEY_FILE = "master.key";

export interface MasterKeyOptions {
  /**
   * The key file, absolute: it wraps new data keys unless `kmsKeyId` is
   * set, and opens the data keys that a key file wrapped.
   */
  readonly keyFile: string;
  /** Whether `--key-file` or `INFIO_KEY_FILE` named the key file, rather than the default. */
  readonly keyFileGiven: boolean;
  /** An AWS KMS key id, ARN or alias that wraps new data keys instead of the key file. */
  readonly kmsKeyId?: string;
}

export interface RawMasterKeyOptions {
  keyFile?: string;
  kmsKeyId?: string;
}

export const KEY_FILE_HELP =
  `master key file from 'infio keys init' (default: $${KEY_FILE_ENV}, else ${DEFAULT_KEY_FILE} in the data folder)`;
export const KMS_KEY_ID_HELP =
  `use this AWS KMS key (key id, ARN or alias/NAME) as the master key instead of a key file ` +
  `(default: $${KMS_KEY_ID_ENV}); region and credentials come from the standard AWS configuration`;

/** Adds `--key-file` and `--kms-key-id` with the help of the store's master key. */
export function addMasterKeyOptions(command: Command): Command {
  return command.option("--key-file <file>", KEY_FILE_HELP).option("--kms-key-id <id>", KMS_KEY_ID_HELP);
}

/**
 * Returns the master key that the options and the environment choose, or
 * undefined when neither names one (the default key file). Throws
 * UsageError for both options at once or an empty value.
 */
export function chosenMasterKey(
  raw: RawMasterKeyOptions,
  dataDir: string,
  ctx: CliContext,
): MasterKeyOptions | undefined {
  if (raw.keyFile !== undefined && raw.kmsKeyId !== undefined) {
    throw new UsageError("--key-file and --kms-key-id each name the master key; pass only one of them");
  }
  const path = ctx.platform === "win32" ? win32 : posix;
  const flagFile = given("--key-file", raw.keyFile);
  const flagKms = given("--kms-key-id", raw.kmsKeyId);
  const envFile = environmentValue(ctx, KEY_FILE_ENV);
  const envKms = environmentValue(ctx, KMS_KEY_ID_ENV);

  // An option overrides both variables, so --key-file ignores INFIO_KMS_KEY_ID.
  const kmsKeyId = flagFile === undefined ? (flagKms ?? envKms) : undefined;
  const file = flagFile ?? envFile;
  if (file === undefined && kmsKeyId === undefined) {
    return undefined;
  }
  return {
    keyFile: file === undefined ? path.join(dataDir, DEFAULT_KEY_FILE) : path.resolve(ctx.cwd, file),
    keyFileGiven: file !== undefined,
    ...(kmsKeyId === undefined ? {} : { kmsKeyId }),
  };
}

/** Returns the chosen master key, or the default key file of `dataDir`. */
export function masterKeyOptionsFrom(raw: RawMasterKeyOptions, dataDir: string, ctx: CliContext): MasterKeyOptions {
  const path = ctx.platform === "win32" ? win32 : posix;
  return chosenMasterKey(raw, dataDir, ctx) ?? { keyFile: path.join(dataDir, DEFAULT_KEY_FILE), keyFileGiven: false };
}

function given(option: string, value: string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (value.trim() === "") {
    const what = option === "--key-file" ? "the path of a key file" : "a KMS key id, key ARN or alias/NAME";
    throw new UsageError(`invalid ${option} '': pass ${what}`);
  }
  return option === "--key-file" ? value : value.trim();
}

/** Returns the variable's value; an empty one counts as unset, as for INFIO_HOME. */
export function environmentValue(ctx: CliContext, name: string): string | undefined {
  const value = ctx.env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}
