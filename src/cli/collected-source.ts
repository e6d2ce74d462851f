/**
 * Opens what `infio assess --server` and `--bundle` read: a session on the
 * live server with its collection, or a bundle file. Opening checks what
 * can fail early (settings, password, login, TLS, the bundle's key), so
 * that a failure ends the run before anything is stored.
 */

import { BundleError, openBundle, readBundleItems, unwrapBundleKey } from "../sources/bundle/index.js";
import type { CollectedItem } from "../sources/sqlserver/collected.js";
import { masterKeyForReading } from "./bundle-keys.js";
import type { CollectedSourceOptions } from "./assess-source.js";
import { logCollection } from "./collection-log.js";
import type { CliContext } from "./context.js";
import { FailureError } from "./errors.js";
import { openLiveCollection } from "./live-connect.js";
import type { Logger } from "./log.js";

export interface CollectedSource {
  /** The assessment's sources: the server's address. */
  readonly sources: readonly string[];
  readonly items: AsyncIterable<CollectedItem>;
  /** Closes connections; safe to call after the items ended or failed. */
  close(): Promise<void>;
}

/** Opens the source; aborting `signal` (an interrupt) closes a live session at once. */
export async function openCollectedSource(
  options: CollectedSourceOptions,
  ctx: CliContext,
  log: Logger,
  signal?: AbortSignal,
): Promise<CollectedSource> {
  if (options.kind === "live") {
    const collection = await openLiveCollection(options.live, ctx, log, signal);
    return { ...collection, items: logCollection(collection.items, log) };
  }
  return openBundleSource(options.path, options, ctx, log);
}

async function openBundleSource(
  path: string,
  options: Extract<CollectedSourceOptions, { kind: "bundle" }>,
  ctx: CliContext,
  log: Logger,
): Promise<CollectedSource> {
  try {
    const bundle = await openBundle(path);
    const header = bundle.header;
    log.info(
      `reading bundle '${path}': server '${header.server}', collected ${header.createdAt} ` +
        `by infio ${header.infioVersion}`,
    );

    const master = await masterKeyForReading(header.key.master, options.keys, ctx, log);
    let key;
    try {
      key = await unwrapBundleKey(bundle, master);
    } catch (error) {
      closeProvider(master);
      throw error;
    }
    return {
      sources: [header.server],
      items: logCollection(readBundleItems(bundle, key), log),
      close: async () => closeProvider(master),
    };
  } catch (error) {
    if (error instanceof BundleError) {
      throw new FailureError(error.message);
    }
    throw error;
  }
}

/** Closes the AWS client of a KMS provider; key files hold nothing open. */
function closeProvider(provider: unknown): void {
  const destroy = (provider as { destroy?: unknown }).destroy;
  if (typeof destroy === "function") {
    destroy.call(provider);
  }
}
