/**
 * Writes collected items to a bundle file (format.ts). The file is written
 * under a temporary name in the same folder with mode 0600, flushed to disk
 * and renamed at the end, so a bundle that exists is complete. A failed
 * collection leaves no file behind.
 */

import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";

import { createEncryptStream } from "../../security/envelope-stream.js";
import { syncDirectory } from "../../security/durable-file.js";
import { DataKey } from "../../security/keys/data-key.js";
import type { MasterKeyProvider } from "../../security/keys/master-key.js";
import type { CollectedItem } from "../sqlserver/collected.js";
import {
  BUNDLE_FIELD,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  BundleError,
  encodeHeader,
  headerDigest,
  type BundleHeader,
} from "./format.js";

export interface WriteBundleOptions {
  /** Wraps the bundle's data key. */
  readonly master: MasterKeyProvider;
  readonly infioVersion: string;
  /** The server as the user named it, for the header. */
  readonly server: string;
  readonly now?: () => Date;
}

/** Counts of the items in a written bundle, and its size. */
export interface BundleCounts {
  readonly bundleId: string;
  readonly modules: number;
  /** Inventory items over all parts. */
  readonly inventoryItems: number;
  readonly problems: number;
  /** Size of the file in bytes. */
  readonly bytes: number;
}

/** Owner read and write only: a bundle contains the server's code. */
const BUNDLE_MODE = 0o600;

/**
 * Writes `items` to `path`, replacing any file there only once the new one
 * is complete. Rejects with the error of `items` when the collection fails,
 * and with a BundleError when the key or the file fails.
 */
export async function writeBundle(
  path: string,
  items: AsyncIterable<CollectedItem>,
  options: WriteBundleOptions,
): Promise<BundleCounts> {
  const createdAt = (options.now ?? (() => new Date()))();
  const bundleId = newBundleId(createdAt);
  const key = DataKey.generate(bundleId);
  const wrapped = await options.master.wrap(key.keyBytes(), { assessmentId: bundleId, dataKeyId: key.id });
  if (!wrapped.ok) {
    throw new BundleError("wrong-key", `cannot write bundle '${path}': ${wrapped.error.message}`, {
      cause: wrapped.error,
    });
  }

  const header: BundleHeader = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    infioVersion: options.infioVersion,
    createdAt: createdAt.toISOString(),
    server: options.server,
    bundleId,
    key: {
      master: options.master.ref,
      dataKeyId: key.id,
      wrappedKey: Buffer.from(wrapped.value).toString("base64"),
    },
  };
  const headerBytes = encodeHeader(header);
  const counts = { modules: 0, inventoryItems: 0, problems: 0 };

  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let handle;
  try {
    handle = await open(temporary, "wx", BUNDLE_MODE);
  } catch (error) {
    throw ioError(path, error);
  }

  let size = 0;
  try {
    await handle.chmod(BUNDLE_MODE);
    await handle.write(headerBytes);
    size += headerBytes.length;

    const output = handle;
    await pipeline(
      Readable.from(jsonLines(items, counts)),
      createGzip(),
      createEncryptStream(key, { field: BUNDLE_FIELD, objectId: headerDigest(headerBytes) }),
      async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) {
          await output.write(chunk);
          size += chunk.length;
        }
      },
    );
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw isFileError(error) ? ioError(path, error) : error;
  }

  await syncDirectory(dirname(path));
  return { bundleId, ...counts, bytes: size };
}

/** Yields one line of JSON per item and counts what passes. */
async function* jsonLines(
  items: AsyncIterable<CollectedItem>,
  counts: { modules: number; inventoryItems: number; problems: number },
): AsyncGenerator<string> {
  for await (const item of items) {
    if (item.kind === "module") {
      counts.modules++;
    } else if (item.kind === "inventory") {
      counts.inventoryItems += item.items.length;
    } else if (item.kind === "problem") {
      counts.problems++;
    }
    yield `${JSON.stringify(item)}\n`;
  }
}

/** Returns an id that is valid as a data key's assessment id. */
function newBundleId(createdAt: Date): string {
  const stamp = createdAt.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return `bundle-${stamp}-${randomBytes(4).toString("hex")}`;
}

function isFileError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code);
}

function ioError(path: string, error: unknown): BundleError {
  const reason = error instanceof Error ? error.message : String(error);
  return new BundleError(
    "io-failed",
    `cannot write bundle '${path}': ${reason}; check that the folder exists and is writable`,
    { cause: error },
  );
}
