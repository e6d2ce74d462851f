/**
 * The local master key: 256 random bits in a file that only its owner may
 * read. The file is two lines of text, `infio-master-key-v1` and the key in
 * base64, so a wrong file is recognised instead of used as a key.
 */

import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";

import { encodeAssociatedData } from "../associated-data.js";
import { createFileExclusive } from "../durable-file.js";
import { describeError, errorCode, fail, ok, type Result } from "../errors.js";
import { readOwnerOnlyFile } from "../owner-only-file.js";
import {
  wrapContextPairs,
  type MasterKeyProvider,
  type MasterKeyRef,
  type WrapContext,
} from "./master-key.js";

export const KEY_FILE_HEADER = "infio-master-key-v1";
export const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const WRAP_LABEL = "infio-wrap-v1";

export interface KeyFileOptions {
  readonly platform?: NodeJS.Platform;
}

export interface CreatedKeyFile {
  readonly provider: KeyFileProvider;
  /** Checks that could not be made, such as Windows ACLs. */
  readonly notes: readonly string[];
}

/**
 * Creates a new key file at `path` with mode 0600, and its folder with mode
 * 0700 when missing. Never replaces an existing file, because every data
 * key wrapped by the old key would become unreadable.
 */
export async function createKeyFile(
  path: string,
  options: KeyFileOptions = {},
): Promise<Result<CreatedKeyFile>> {
  const key = randomBytes(KEY_BYTES);
  const text = `${KEY_FILE_HEADER}\n${key.toString("base64")}\n`;

  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await createFileExclusive(path, text, 0o600);
  } catch (error) {
    if (errorCode(error) === "EEXIST") {
      return fail(
        "key-file-exists",
        `key file '${path}' already exists and was left unchanged; ` +
          "replacing it would make every stored assessment unreadable " +
          "(use 'infio keys rotate' to change the master key)",
      );
    }
    return fail("io-failed", `cannot create key file '${path}': ${describeError(error)}`, error);
  }

  const notes = (options.platform ?? process.platform) === "win32"
    ? [`key file '${path}' was created, but Windows ACLs are not set or checked yet; make sure only you can read it`]
    : [];
  return ok({ provider: new KeyFileProvider(key, path), notes });
}

/** Reads and checks a key file: owner only, right header, 32-byte key. */
export async function openKeyFile(
  path: string,
  options: KeyFileOptions = {},
): Promise<Result<CreatedKeyFile>> {
  const read = await readOwnerOnlyFile(path, {
    what: "key file",
    maxBytes: 4096,
    ...(options.platform === undefined ? {} : { platform: options.platform }),
  });
  if (!read.ok) {
    return read;
  }

  const lines = read.value.bytes.toString("utf8").split(/\r?\n/);
  if (lines[0] !== KEY_FILE_HEADER) {
    return fail(
      "key-file-invalid",
      `'${path}' is not an infio key file (its first line is not '${KEY_FILE_HEADER}'); ` +
        "pass the file that 'infio keys init' created",
    );
  }

  const encoded = (lines[1] ?? "").trim();
  const key = Buffer.from(encoded, "base64");
  if (key.length !== KEY_BYTES || key.toString("base64") !== encoded) {
    return fail(
      "key-file-invalid",
      `key file '${path}' is damaged: its second line is not a ${KEY_BYTES}-byte key in base64; ` +
        "restore it from your backup",
    );
  }
  return ok({ provider: new KeyFileProvider(key, path), notes: read.value.notes });
}

/** Returns the fingerprint that names a key file's key in wrapped data keys. */
export function keyFingerprint(key: Uint8Array): string {
  return createHash("sha256")
    .update("infio master key id v1\0")
    .update(key)
    .digest("hex")
    .slice(0, 32);
}

/** Wraps data keys with AES-256-GCM under the key from a key file. */
export class KeyFileProvider implements MasterKeyProvider {
  readonly ref: MasterKeyRef;
  readonly path: string;
  readonly #key: Buffer;

  constructor(key: Uint8Array, path: string) {
    this.#key = Buffer.from(key);
    this.path = path;
    this.ref = { kind: "key-file", keyId: keyFingerprint(key) };
  }

  async wrap(key: Uint8Array, context: WrapContext): Promise<Result<Uint8Array>> {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#key, nonce);
    cipher.setAAD(wrapAssociatedData(context));
    const body = Buffer.concat([cipher.update(key), cipher.final()]);
    return ok(Buffer.concat([nonce, body, cipher.getAuthTag()]));
  }

  async unwrap(wrapped: Uint8Array, context: WrapContext): Promise<Result<Uint8Array>> {
    if (wrapped.length !== NONCE_BYTES + KEY_BYTES + TAG_BYTES) {
      return fail(
        "data-key-invalid",
        `wrapped data key ${context.dataKeyId} of assessment '${context.assessmentId}' ` +
          `is ${wrapped.length} bytes instead of ${NONCE_BYTES + KEY_BYTES + TAG_BYTES}; it is damaged`,
      );
    }

    const bytes = Buffer.from(wrapped);
    const decipher = createDecipheriv("aes-256-gcm", this.#key, bytes.subarray(0, NONCE_BYTES));
    decipher.setAAD(wrapAssociatedData(context));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      const body = bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES);
      return ok(Buffer.concat([decipher.update(body), decipher.final()]));
    } catch {
      return fail(
        "wrong-master-key",
        `cannot unwrap data key ${context.dataKeyId} of assessment '${context.assessmentId}' ` +
          `with key file '${this.path}': the key differs or the wrapped key was altered`,
      );
    }
  }
}

function wrapAssociatedData(context: WrapContext): Buffer {
  const pairs = wrapContextPairs(context);
  return encodeAssociatedData([
    WRAP_LABEL,
    ...Object.keys(pairs).sort().flatMap((name) => [name, pairs[name] ?? ""]),
  ]);
}
