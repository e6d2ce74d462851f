/**
 * `infio decrypt FILE... [--out DIR]`: opens reports that `--encrypt-output`
 * wrote. Every file's header and key are checked before anything is
 * written, each file is decrypted to a temporary name, and only files that
 * decrypted completely get their final name. An existing file is never
 * replaced and no input is changed, so a wrong or missing key, or an
 * altered or truncated file, destroys nothing.
 */

import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { link, lstat, open, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";

import { Command } from "commander";

import { createDecryptStream } from "../security/envelope-stream.js";
import { SecurityError } from "../security/errors.js";
import { DataKey } from "../security/keys/data-key.js";
import { openKeyFile } from "../security/keys/key-file.js";
import { KmsProvider } from "../security/keys/kms-provider.js";
import { describeMasterKey, sameMasterKey, type MasterKeyProvider } from "../security/keys/master-key.js";
import { bundleKeyOptionsFrom, type BundleKeyOptions } from "./bundle-keys.js";
import { DATA_DIR_HELP, withExamples, type CommandHost } from "./command.js";
import { setUpCommand } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { resolveDataDir } from "./data-dir.js";
import {
  ENCRYPTED_FIELD,
  ENCRYPTED_SUFFIX,
  MAX_HEADER_BYTES,
  encryptedHeaderDigest,
  parseEncryptedHeader,
  type EncryptedFileHeader,
} from "./encrypted-file.js";
import { EXIT_OK, FailureError, UsageError } from "./errors.js";
import { createLogger, type Logger } from "./log.js";
import { makeFolder, removeCreatedFolders } from "./out-dir.js";

export interface DecryptOptions {
  /** Encrypted files, absolute. */
  readonly files: readonly string[];
  /** Folder for the decrypted files; each file's own folder when absent. */
  readonly out?: string;
  readonly keys: BundleKeyOptions;
  readonly dataDir: string;
}

export type DecryptRun = (options: DecryptOptions) => Promise<number>;

interface RawDecryptOptions {
  out?: string;
  keyFile?: string;
  dataDir?: string;
}

export function decryptCommand(
  host: CommandHost,
  run: DecryptRun = (options) => executeDecrypt(options, host.ctx),
): Command {
  const command = new Command("decrypt")
    .summary("decrypt reports written with --encrypt-output")
    .description(
      "Decrypt report files that 'infio assess' or 'infio report' wrote with --encrypt-output " +
        `(named NAME${ENCRYPTED_SUFFIX}). Each file gets its name back without ${ENCRYPTED_SUFFIX}. ` +
        "Every key is checked before anything is written; an existing file is never replaced, " +
        "and a file that fails to decrypt leaves nothing behind. A file encrypted with an AWS KMS " +
        "key is opened with that key, named in its header.",
    )
    .argument("<files...>", `encrypted report files (NAME${ENCRYPTED_SUFFIX})`)
    .option("-o, --out <dir>", "folder for the decrypted files (default: the folder of each file)")
    .option("--key-file <file>", "master key file that encrypted the reports (default: master.key in the data folder)")
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .action(async (files: string[], raw: RawDecryptOptions) => host.exit(await run(decryptOptionsFrom(files, raw, host.ctx))));

  return withExamples(command, [
    `infio decrypt report/assessment.json${ENCRYPTED_SUFFIX}`,
    `infio decrypt report/*${ENCRYPTED_SUFFIX} --out ./plain --key-file /secure/infio.key`,
  ]);
}

export function decryptOptionsFrom(files: readonly string[], raw: RawDecryptOptions, ctx: CliContext): DecryptOptions {
  const dataDir = resolveDataDir({
    ...(raw.dataDir === undefined ? {} : { flag: raw.dataDir }),
    env: ctx.env,
    platform: ctx.platform,
    homedir: ctx.homedir,
    cwd: ctx.cwd,
  });
  if (raw.out !== undefined && raw.out.trim() === "") {
    throw new UsageError("invalid --out '': pass the folder for the decrypted files");
  }
  return {
    files: files.map((f) => resolve(ctx.cwd, f)),
    ...(raw.out === undefined ? {} : { out: resolve(ctx.cwd, raw.out) }),
    keys: bundleKeyOptionsFrom({ ...(raw.keyFile === undefined ? {} : { keyFile: raw.keyFile }) }, dataDir, ctx),
    dataDir,
  };
}

/** One file ready to decrypt: its header, its key and where it goes. */
interface OpenedFile {
  readonly path: string;
  readonly header: EncryptedFileHeader;
  readonly headerBytes: Buffer;
  readonly key: DataKey;
  readonly target: string;
}

export async function executeDecrypt(options: DecryptOptions, ctx: CliContext): Promise<number> {
  const log = createLogger(ctx.stderr);
  const setup = await setUpCommand({ ctx, dataDir: options.dataDir, keepsData: false, log });

  // Every check that can fail comes before the first write.
  const opened = await openAll(options, ctx, log);
  const event = {
    action: "report.decrypt",
    details: { files: [...options.files], outputs: opened.map((f) => f.target) },
  } as const;
  await setup.audit.before({ ...event, outcome: "started" });

  try {
    await decryptAll(opened);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await setup.audit.after({ ...event, outcome: "failed", details: { ...event.details, error: message } });
    throw error;
  }
  await setup.audit.after({ ...event, outcome: "succeeded" });

  for (const file of opened) {
    ctx.stdout.write(`decrypted ${file.target}\n`);
  }
  return EXIT_OK;
}

async function openAll(options: DecryptOptions, ctx: CliContext, log: Logger): Promise<OpenedFile[]> {
  const opened: OpenedFile[] = [];
  const targets = new Set<string>();
  for (const path of options.files) {
    const { header, headerBytes } = await readHeader(path);
    const folder = options.out ?? dirname(path);
    const target = join(folder, outputName(path, header));
    if (targets.has(target)) {
      throw new UsageError(`two files decrypt to '${target}'; decrypt them into different --out folders`);
    }
    targets.add(target);
    if (await exists(target)) {
      throw new FailureError(
        `'${target}' already exists and was left unchanged; nothing was decrypted. Move it, or pass --out with another folder`,
      );
    }

    const key = await unwrapKey(path, header, options.keys, ctx, log);
    opened.push({ path, header, headerBytes, key, target });
  }
  return opened;
}

/** Strips the extension; a renamed file gets the name its header records. */
function outputName(path: string, header: EncryptedFileHeader): string {
  const name = basename(path);
  return name.endsWith(ENCRYPTED_SUFFIX) && name.length > ENCRYPTED_SUFFIX.length
    ? name.slice(0, -ENCRYPTED_SUFFIX.length)
    : header.name;
}

async function readHeader(path: string): Promise<{ header: EncryptedFileHeader; headerBytes: Buffer }> {
  let start: Buffer;
  try {
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(MAX_HEADER_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, MAX_HEADER_BYTES, 0);
      start = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot read '${path}': ${reason}; check the path`);
  }

  const parsed = parseEncryptedHeader(start, path);
  if (typeof parsed === "string") {
    throw new FailureError(`${parsed}; nothing was decrypted`);
  }
  return { header: parsed.header, headerBytes: start.subarray(0, parsed.bytes) };
}

async function unwrapKey(
  path: string,
  header: EncryptedFileHeader,
  keys: BundleKeyOptions,
  ctx: CliContext,
  log: Logger,
): Promise<DataKey> {
  const master = await openMasterKey(header, keys, ctx, log);
  try {
    if (!sameMasterKey(header.key.master, master.ref)) {
      throw new FailureError(
        `'${path}' was encrypted under master key ${describeMasterKey(header.key.master)}, not ` +
          `${describeMasterKey(master.ref)} from '${keys.keyFile}'; nothing was decrypted. Pass the key ` +
          "file that encrypted it with --key-file",
      );
    }
    const unwrapped = await master.unwrap(Buffer.from(header.key.wrappedKey, "base64"), {
      assessmentId: header.keyName,
      dataKeyId: header.key.dataKeyId,
    });
    if (!unwrapped.ok) {
      throw new FailureError(`cannot decrypt '${path}': ${unwrapped.error.message}; nothing was decrypted`);
    }
    return new DataKey(header.keyName, header.key.dataKeyId, unwrapped.value);
  } finally {
    closeProvider(master);
  }
}

/**
 * Opens the master key that the header names: its KMS key, or the key
 * file given (the data folder's master.key by default).
 */
async function openMasterKey(
  header: EncryptedFileHeader,
  keys: BundleKeyOptions,
  ctx: CliContext,
  log: Logger,
): Promise<MasterKeyProvider> {
  if (header.key.master.kind === "aws-kms") {
    return new KmsProvider({ keyId: header.key.master.keyId });
  }
  const opened = await openKeyFile(keys.keyFile, { platform: ctx.platform });
  if (!opened.ok) {
    throw new FailureError(
      `${opened.error.message}; nothing was decrypted. Pass the key file that encrypted the reports with --key-file`,
    );
  }
  for (const note of opened.value.notes) {
    log.warn(note);
  }
  return opened.value.provider;
}

/**
 * Decrypts every file to a temporary name, then gives each its final name
 * with link(), which fails rather than replace a file that appeared since
 * the check. On any failure the temporary files are removed.
 */
async function decryptAll(files: readonly OpenedFile[]): Promise<void> {
  const temporaries: string[] = [];
  const created: string[] = [];
  let done = false;
  try {
    for (const file of files) {
      created.push(...(await makeFolder(dirname(file.target))));
      const temporary = join(dirname(file.target), `.${basename(file.target)}.${randomBytes(6).toString("hex")}.tmp`);
      temporaries.push(temporary);
      await decryptFile(file, temporary);
    }
    for (const [index, file] of files.entries()) {
      await linkNew(temporaries[index]!, file.target);
    }
    done = true;
  } finally {
    for (const temporary of temporaries) {
      await unlink(temporary).catch(() => undefined);
    }
    if (!done) {
      // Only folders created here and left empty go.
      await removeCreatedFolders(created);
    }
  }
}

async function decryptFile(file: OpenedFile, temporary: string): Promise<void> {
  // Owner only: the user asked for these reports encrypted.
  const handle = await open(temporary, "wx", 0o600);
  try {
    await pipeline(
      createReadStream(file.path, { start: file.headerBytes.length }),
      createDecryptStream(file.key, { field: ENCRYPTED_FIELD, objectId: encryptedHeaderDigest(file.headerBytes) }),
      async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) {
          await handle.write(chunk);
        }
      },
    );
    await handle.sync();
  } catch (error) {
    throw decryptError(file.path, error);
  } finally {
    await handle.close();
  }
}

function decryptError(path: string, error: unknown): Error {
  if (error instanceof SecurityError && error.code === "truncated") {
    return new FailureError(
      `'${path}' is truncated: it ends before its last encrypted chunk; nothing was decrypted. Copy it again`,
    );
  }
  if (error instanceof SecurityError) {
    return new FailureError(`'${path}' was altered or damaged: ${error.message}; nothing was decrypted`);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new FailureError(`cannot decrypt '${path}': ${reason}; nothing was decrypted`);
}

async function linkNew(temporary: string, target: string): Promise<void> {
  try {
    await link(temporary, target);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = code === "EEXIST" ? "it appeared while decrypting and was left unchanged" : String(error);
    throw new FailureError(`cannot write '${target}': ${reason}; pass --out with another folder`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code !== "ENOENT";
  }
}

function closeProvider(provider: MasterKeyProvider): void {
  const destroy = (provider as { destroy?: unknown }).destroy;
  if (typeof destroy === "function") {
    destroy.call(provider);
  }
}
