/**
 * Reads a bundle file (format.ts): checks the header, unwraps the data key
 * with the master key, and yields the collected items as they decrypt.
 * Every chunk is authenticated before its items are yielded, but a
 * truncated file shows only at its end, so a consumer must discard what it
 * read from a bundle whose iteration rejects.
 */

import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";

import { createDecryptStream } from "../../security/envelope-stream.js";
import { SecurityError } from "../../security/errors.js";
import { DataKey } from "../../security/keys/data-key.js";
import {
  describeMasterKey,
  sameMasterKey,
  type MasterKeyProvider,
} from "../../security/keys/master-key.js";
import type { CollectedItem } from "../sqlserver/collected.js";
import { NotRegularFileError, openRegularFile } from "../../util/regular-file.js";
import {
  BUNDLE_FIELD,
  BundleError,
  MAX_HEADER_BYTES,
  headerDigest,
  parseHeader,
  type BundleHeader,
} from "./format.js";

export interface OpenedBundle {
  readonly path: string;
  readonly header: BundleHeader;
  /** Bytes of the plain header; the encrypted stream starts here. */
  readonly headerBytes: Buffer;
}

/** Reads and checks the plain header, which needs no key. */
export async function openBundle(path: string): Promise<OpenedBundle> {
  let start: Buffer;
  try {
    const handle = await openRegularFile(path);
    try {
      const buffer = Buffer.alloc(MAX_HEADER_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, MAX_HEADER_BYTES, 0);
      start = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof NotRegularFileError) {
      throw new BundleError(
        "io-failed",
        `cannot read the bundle: ${error.message}; pass the file that 'infio collect' wrote`,
        { cause: error },
      );
    }
    const code = (error as { code?: unknown }).code;
    const reason = code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    throw new BundleError("io-failed", `cannot read bundle '${path}': ${reason}; check the path`, { cause: error });
  }

  const parsed = parseHeader(start, path);
  return { path, header: parsed.header, headerBytes: start.subarray(0, parsed.bytes) };
}

/**
 * Unwraps the bundle's data key with `master`. Throws a BundleError of code
 * `wrong-key` when `master` is not the key that wrapped it.
 */
export async function unwrapBundleKey(bundle: OpenedBundle, master: MasterKeyProvider): Promise<DataKey> {
  const { header, path } = bundle;
  if (!sameMasterKey(header.key.master, master.ref)) {
    throw new BundleError(
      "wrong-key",
      `bundle '${path}' was encrypted under master key ${describeMasterKey(header.key.master)}, ` +
        `not ${describeMasterKey(master.ref)}; pass the key that 'infio collect' used ` +
        "(--key-file, or --kms-key-id for AWS KMS)",
    );
  }

  const unwrapped = await master.unwrap(Buffer.from(header.key.wrappedKey, "base64"), {
    assessmentId: header.bundleId,
    dataKeyId: header.key.dataKeyId,
  });
  if (!unwrapped.ok) {
    throw new BundleError("wrong-key", `cannot open bundle '${path}': ${unwrapped.error.message}`, {
      cause: unwrapped.error,
    });
  }
  return new DataKey(header.bundleId, header.key.dataKeyId, unwrapped.value);
}

/**
 * Yields the items of an opened bundle. Rejects with a BundleError when the
 * file is truncated, altered or damaged.
 */
export async function* readBundleItems(
  bundle: OpenedBundle,
  key: DataKey,
): AsyncGenerator<CollectedItem, void, undefined> {
  const file = createReadStream(bundle.path, { start: bundle.headerBytes.length });
  const decrypt = createDecryptStream(key, { field: BUNDLE_FIELD, objectId: headerDigest(bundle.headerBytes) });
  const gunzip = createGunzip();
  // Each stage's error ends the last one, whose iteration then rejects.
  file.on("error", (error) => gunzip.destroy(error));
  decrypt.on("error", (error) => gunzip.destroy(error));
  file.pipe(decrypt).pipe(gunzip);

  const decoder = new StringDecoder("utf8");
  let pending = "";
  let line = 0;
  try {
    for await (const chunk of gunzip) {
      pending += decoder.write(chunk as Buffer);
      let end = pending.indexOf("\n");
      while (end >= 0) {
        line++;
        yield parseItem(pending.slice(0, end), line, bundle.path);
        pending = pending.slice(end + 1);
        end = pending.indexOf("\n");
      }
    }
  } catch (error) {
    throw readError(error, bundle.path);
  } finally {
    file.destroy();
    decrypt.destroy();
    gunzip.destroy();
  }

  pending += decoder.end();
  if (pending !== "") {
    throw new BundleError("altered", `bundle '${bundle.path}' ends inside an item; copy it again`);
  }
}

/** Opens a bundle and yields its items, unwrapping the key with `master`. */
export async function* readBundle(path: string, master: MasterKeyProvider): AsyncGenerator<CollectedItem, void, undefined> {
  const bundle = await openBundle(path);
  const key = await unwrapBundleKey(bundle, master);
  yield* readBundleItems(bundle, key);
}

const ITEM_KINDS = new Set(["server", "inventory", "module", "problem"]);

function parseItem(text: string, line: number, path: string): CollectedItem {
  let item: unknown;
  try {
    item = JSON.parse(text);
  } catch {
    item = undefined;
  }

  const kind = (item as { kind?: unknown } | null | undefined)?.kind;
  if (typeof kind !== "string" || !ITEM_KINDS.has(kind)) {
    throw new BundleError(
      "altered",
      `item ${line} of bundle '${path}' is not a collected item; the bundle was written ` +
        "by another program or is damaged",
    );
  }
  return item as CollectedItem;
}

function readError(error: unknown, path: string): BundleError {
  if (error instanceof BundleError) {
    return error;
  }
  if (error instanceof SecurityError && error.code === "truncated") {
    return new BundleError(
      "truncated",
      `bundle '${path}' is truncated: it ends before its last encrypted chunk; ` +
        "copy it again from the host that collected it",
      { cause: error },
    );
  }
  if (error instanceof SecurityError) {
    return new BundleError(
      "altered",
      `bundle '${path}' was altered or damaged: ${error.message}; copy it again from ` +
        "the host that collected it, or collect the server again",
      { cause: error },
    );
  }

  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code.startsWith("Z_")) {
    return new BundleError("altered", `bundle '${path}' is damaged: its items do not decompress (${code})`, {
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new BundleError("io-failed", `cannot read bundle '${path}': ${reason}`, { cause: error });
}
