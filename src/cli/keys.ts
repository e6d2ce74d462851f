/**
 * `infio keys init` and `infio keys rotate`: the local master key file and
 * the re-wrapping of every data key under a new key file, or under an AWS
 * KMS key. Both are audited.
 */

import { rename } from "node:fs/promises";
import { join } from "node:path";

import { Command } from "commander";

import type { JsonValue } from "../security/audit/entry.js";
import { createKeyFile, openKeyFile } from "../security/keys/key-file.js";
import { FileDataKeyStore } from "../security/keys/key-store-file.js";
import { Keyring } from "../security/keys/keyring.js";
import { KmsProvider } from "../security/keys/kms-provider.js";
import { describeMasterKey, type MasterKeyProvider } from "../security/keys/master-key.js";
import { CONNECTION_KEYS_FOLDER } from "../web/connections/connection-secrets.js";
import type { AuditTrail } from "./audit-trail.js";
import { DATA_DIR_HELP, withExamples, type CommandHost } from "./command.js";
import { dataKeysDirectory, setUpCommand } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { resolveDataDir } from "./data-dir.js";
import { EXIT_FAILURE, EXIT_OK, FailureError } from "./errors.js";
import { openSourceKeys, type SourceKeys } from "./keys-sources.js";
import { createLogger } from "./log.js";
import {
  DEFAULT_KEY_FILE,
  KEY_FILE_ENV,
  KMS_KEY_ID_ENV,
  environmentValue,
  masterKeyOptionsFrom,
  type RawMasterKeyOptions,
} from "./master-key-options.js";

export interface KeysOptions {
  /** The master key file: created by init, replaced by a new one by rotate. */
  readonly keyFile: string;
  /**
   * With rotate: re-wrap every data key under this AWS KMS key instead of
   * a new key file, which is then not created.
   */
  readonly kmsKeyId?: string;
  /** The folder of wrapped data keys. */
  readonly keysDir: string;
  /** The data folder, for the audit log. */
  readonly dataDir: string;
}

export type KeysRun = (options: KeysOptions) => Promise<number>;

interface RawKeysOptions extends RawMasterKeyOptions {
  dataDir?: string;
}

const KEY_FILE_HELP = `master key file (default: $${KEY_FILE_ENV}, else ${DEFAULT_KEY_FILE} in the data folder)`;

export function keysCommand(
  host: CommandHost,
  runInit: KeysRun = (options) => executeKeysInit(options, host.ctx),
  runRotate: KeysRun = (options) => executeKeysRotate(options, host.ctx),
): Command {
  const init = new Command("init")
    .summary("create the master key file")
    .description(
      "Create a 256-bit master key in a file that only you can read (mode 600). " +
        "An existing key file is never replaced.",
    )
    .option("--key-file <path>", KEY_FILE_HELP)
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .action(async (raw: RawKeysOptions) => host.exit(await runInit(keysOptionsFrom(raw, host.ctx))));

  const rotate = new Command("rotate")
    .summary("re-wrap every data key under a new master key")
    .description(
      "Create a new master key, re-wrap every assessment's data key under it, then replace " +
        "the key file. Stored data is not re-encrypted. An interrupted rotation keeps both " +
        "keys (the new one in KEYFILE.next) and finishes when run again.\n\n" +
        "With --kms-key-id (or INFIO_KMS_KEY_ID), every data key is re-wrapped under that AWS " +
        "KMS key instead, and the key file is left as it is: data keys wrapped by a key file are " +
        "opened with --key-file (or INFIO_KEY_FILE, else master.key in the data folder), and " +
        "data keys wrapped by another KMS key with that key.",
    )
    .option("--key-file <path>", KEY_FILE_HELP)
    .option(
      "--kms-key-id <id>",
      `re-wrap every data key under this AWS KMS key (id, ARN or alias/NAME) (default: $${KMS_KEY_ID_ENV})`,
    )
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .action(async (raw: RawKeysOptions) => host.exit(await runRotate(keysOptionsFrom(raw, host.ctx))));

  const command = new Command("keys")
    .summary("manage the master key")
    .description("Create or rotate the master key that wraps each assessment's data key.");
  command.addCommand(withExamples(init, ["infio keys init", "infio keys init --key-file /secure/infio.key"]));
  command.addCommand(
    withExamples(rotate, [
      "infio keys rotate",
      "infio keys rotate --key-file /secure/infio.key",
      "infio keys rotate --kms-key-id arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    ]),
  );
  return command;
}

export function keysOptionsFrom(raw: RawKeysOptions, ctx: CliContext): KeysOptions {
  const dataDir = resolveDataDir({
    ...(raw.dataDir === undefined ? {} : { flag: raw.dataDir }),
    env: ctx.env,
    platform: ctx.platform,
    homedir: ctx.homedir,
    cwd: ctx.cwd,
  });
  // Unlike the other commands, rotate takes both options at once: the key
  // file then opens the data keys it wrapped, and the KMS key is the new one.
  const { kmsKeyId: _, ...fileOnly } = raw;
  const keyFile = masterKeyOptionsFrom(fileOnly, dataDir, ctx).keyFile;
  const kmsKeyId =
    raw.kmsKeyId === undefined
      ? raw.keyFile === undefined
        ? environmentValue(ctx, KMS_KEY_ID_ENV)
        : undefined
      : masterKeyOptionsFrom({ kmsKeyId: raw.kmsKeyId }, dataDir, ctx).kmsKeyId;
  return { keyFile, ...(kmsKeyId === undefined ? {} : { kmsKeyId }), keysDir: dataKeysDirectory(dataDir), dataDir };
}

export async function executeKeysInit(options: KeysOptions, ctx: CliContext): Promise<number> {
  const audit = await keysAudit(options, ctx);
  const event = { action: "master-key.create", details: { keyFile: options.keyFile } } as const;
  await audit.before({ ...event, outcome: "started" });

  const created = await createKeyFile(options.keyFile, { platform: ctx.platform });
  if (!created.ok) {
    await audit.after({ ...event, outcome: "failed", details: { ...event.details, error: created.error.message } });
    ctx.stderr.write(`error: ${created.error.message}\n`);
    return EXIT_FAILURE;
  }
  const keyId = describeMasterKey(created.value.provider.ref);
  await audit.after({ ...event, outcome: "succeeded", details: { ...event.details, masterKey: keyId } });

  for (const note of created.value.notes) {
    ctx.stderr.write(`warning: ${note}\n`);
  }
  ctx.stderr.write(
    `created master key ${describeMasterKey(created.value.provider.ref)}; ` +
      "back up this file: without it, stored assessments cannot be read\n",
  );
  ctx.stdout.write(`${options.keyFile}\n`);
  return EXIT_OK;
}

export async function executeKeysRotate(options: KeysOptions, ctx: CliContext): Promise<number> {
  const audit = await keysAudit(options, ctx);
  const details = {
    keyFile: options.keyFile,
    ...(options.kmsKeyId === undefined ? {} : { kmsKeyId: options.kmsKeyId }),
  };
  const event = { action: "master-key.rotate", details } as const;
  await audit.before({ ...event, outcome: "started" });
  const code = await rotate(options, ctx, async (outcome, details) => {
    await audit.after({ ...event, outcome, details: { ...event.details, ...details } });
  });
  return code;
}

/** Rotation proper; `record` receives its outcome for the audit log. */
async function rotate(
  options: KeysOptions,
  ctx: CliContext,
  record: (outcome: "succeeded" | "failed", details: Record<string, JsonValue>) => Promise<void>,
): Promise<number> {
  const fail = async (message: string): Promise<number> => {
    await record("failed", { error: message });
    ctx.stderr.write(`error: ${message}\n`);
    return EXIT_FAILURE;
  };
  if (options.kmsKeyId !== undefined) {
    return rotateToKms(options, options.kmsKeyId, ctx, record, fail);
  }

  const current = await openKeyFile(options.keyFile, { platform: ctx.platform });
  if (!current.ok) {
    return await fail(current.error.message);
  }

  // A key left by an interrupted rotation may already wrap some data keys,
  // so it is reused rather than replaced.
  const nextPath = `${options.keyFile}.next`;
  let next = await openKeyFile(nextPath, { platform: ctx.platform });
  if (!next.ok && next.error.code === "file-missing") {
    next = await createKeyFile(nextPath, { platform: ctx.platform });
  }
  if (!next.ok) {
    return await fail(next.error.message);
  }

  let count = 0;
  for (const store of dataKeyStores(options)) {
    let sources: SourceKeys;
    try {
      sources = await openSourceKeys(store, options.keyFile, next.value.provider.ref, ctx.platform);
    } catch (error) {
      return await failWith(error, fail);
    }
    const keyring = new Keyring(store, current.value.provider);
    const rotated = await keyring.rotate(next.value.provider, sources.providers).finally(() => sources.close());
    if (!rotated.ok) {
      return await fail(`${rotated.error.message}; both key files were kept ('${options.keyFile}' and '${nextPath}')`);
    }
    count += rotated.value.rewrapped.length + rotated.value.alreadyCurrent.length;
  }

  try {
    await rename(nextPath, options.keyFile);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return await fail(`every data key is now wrapped by '${nextPath}', but it could not replace '${options.keyFile}': ${reason}; move it there yourself`);
  }

  await record("succeeded", { masterKey: describeMasterKey(next.value.provider.ref), dataKeys: count });
  ctx.stderr.write(
    `re-wrapped ${count} data key${count === 1 ? "" : "s"} under ${describeMasterKey(next.value.provider.ref)}; ` +
      `'${options.keyFile}' now contains the new key and the old key is gone\n`,
  );
  return EXIT_OK;
}

/**
 * Re-wraps every data key under an AWS KMS key. The key file is left as it
 * is: encrypted reports and bundles made with it still need it.
 */
async function rotateToKms(
  options: KeysOptions,
  kmsKeyId: string,
  ctx: CliContext,
  record: (outcome: "succeeded" | "failed", details: Record<string, JsonValue>) => Promise<void>,
  fail: (message: string) => Promise<number>,
): Promise<number> {
  const next = new KmsProvider({ keyId: kmsKeyId });
  try {
    let count = 0;
    for (const store of dataKeyStores(options)) {
      let sources: SourceKeys;
      try {
        sources = await openSourceKeys(store, options.keyFile, next.ref, ctx.platform);
      } catch (error) {
        return await failWith(error, fail);
      }
      const rotated = await new Keyring(store, next).rotate(next, sources.providers).finally(() => sources.close());
      if (!rotated.ok) {
        return await fail(rotated.error.message);
      }
      count += rotated.value.rewrapped.length + rotated.value.alreadyCurrent.length;
    }

    await record("succeeded", { masterKey: describeMasterKey(next.ref), dataKeys: count });
    ctx.stderr.write(
      `re-wrapped ${count} data key${count === 1 ? "" : "s"} under ${describeMasterKey(next.ref)}; ` +
        `set ${KMS_KEY_ID_ENV}=${kmsKeyId} (or pass --kms-key-id) so that new assessments use it too. ` +
        `Key file '${options.keyFile}' was left as it is: reports and bundles encrypted with it still need it\n`,
    );
    return EXIT_OK;
  } finally {
    next.destroy();
  }
}

/**
 * Returns the folders of data keys that the master key wraps: the
 * assessments' and the saved connections' of the web console. Both are
 * re-wrapped, or saved passwords would stop opening after a rotation.
 */
function dataKeyStores(options: KeysOptions): FileDataKeyStore[] {
  return [
    new FileDataKeyStore(options.keysDir),
    new FileDataKeyStore(join(options.dataDir, CONNECTION_KEYS_FOLDER)),
  ];
}

/** Records a FailureError as the rotation's outcome; other errors are unexpected and rethrown. */
async function failWith(error: unknown, fail: (message: string) => Promise<number>): Promise<number> {
  if (error instanceof FailureError) {
    return fail(error.message);
  }
  throw error;
}

/** Keys live in the data folder, so both commands create the audit log when missing. */
function keysAudit(options: KeysOptions, ctx: CliContext): Promise<AuditTrail> {
  const log = createLogger(ctx.stderr);
  return setUpCommand({ ctx, dataDir: options.dataDir, keepsData: true, log }).then((setup) => setup.audit);
}
