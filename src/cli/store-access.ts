/** Opens the store for a command, with the messages a user needs. */

import { existsSync } from "node:fs";

import {
  embeddedStoreDirectory,
  openStore,
  parseStoreSpec,
  StoreError,
  type Store,
} from "../store/index.js";
import type { Assessment } from "../assessment/model.js";
import type { CommandSetup } from "./command-setup.js";
import { FailureError, UsageError } from "./errors.js";
import type { Logger } from "./log.js";
import { applyRetention } from "./retention.js";
import { cliStoreKeys } from "./store-keys.js";

/**
 * Opens `spec` in `dataDir`; throws UsageError or FailureError. With
 * `setup`, the retention period of its settings is applied first. When
 * `signal` aborts, it stops at the next safe point (see openStore) and
 * throws StoreOpenInterrupted, with nothing stored.
 */
export async function openCliStore(
  spec: string,
  dataDir: string,
  log: Logger,
  setup?: CommandSetup,
  signal?: AbortSignal,
): Promise<Store> {
  const parsed = parseStoreSpec(spec);
  if (!parsed.ok) {
    throw new UsageError(parsed.error.message);
  }

  if (parsed.spec.kind === "embedded" && !existsSync(embeddedStoreDirectory(dataDir))) {
    log.info(`creating the embedded store in '${embeddedStoreDirectory(dataDir)}'; the first time takes a few seconds`);
  }
  const opened = await openStore(parsed.spec, {
    dataDir,
    keys: cliStoreKeys(log, setup),
    onBackgroundError: (error) => log.warn(error.message),
    ...(signal === undefined ? {} : { signal }),
  });
  if (!opened.ok) {
    if (opened.error.code === "interrupted") {
      throw new StoreOpenInterrupted(opened.error.message);
    }
    throw new FailureError(opened.error.message);
  }

  for (const m of opened.migrations) {
    log.info(`store ${opened.store.location}: applied migration ${m.version} ${m.name}`);
  }
  for (const id of opened.removedInterrupted) {
    log.warn(`removed the rows of interrupted assessment ${id}`);
  }
  // Checked again here: the opening may have ended after the signal, and
  // the retention purge can take long.
  if (signal?.aborted === true && opened.store.kind !== "none") {
    await closeQuietly(opened.store, log);
    throw new StoreOpenInterrupted("opening the store was interrupted; nothing was stored");
  }
  if (setup !== undefined) {
    try {
      await applyRetention(opened.store, setup);
    } catch (error) {
      await closeQuietly(opened.store, log);
      throw error;
    }
  }
  return opened.store;
}

/** Thrown by openCliStore when its signal aborted the opening. */
export class StoreOpenInterrupted extends Error {
  override readonly name = "StoreOpenInterrupted";
}

/** Closes the store, logging rather than throwing, as the work is done. */
export async function closeQuietly(store: Store, log: Logger): Promise<void> {
  try {
    await store.close();
  } catch (error) {
    log.warn(`closing the store failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Refuses commands that read assessments when nothing is stored. */
export function requireReadableStore(spec: string): void {
  if (spec === "none") {
    throw new UsageError(
      "--store none keeps no assessments, so there is nothing to read; use " +
        "--store embedded (the default) or a postgres:// URL",
    );
  }
}

/**
 * Checks whether an embedded store was ever created in `dataDir`. Reading
 * commands check this first, so that they do not create an empty store.
 */
export function embeddedStoreExists(spec: string, dataDir: string): boolean {
  return spec !== "embedded" || existsSync(embeddedStoreDirectory(dataDir));
}

/**
 * Reads complete assessments by id, in the order given, from one opening of
 * the store; throws UsageError naming an id that is not there. `whileOpen`
 * runs for each assessment read, before the store closes, to read more of it.
 */
export async function readAssessments(
  spec: string,
  dataDir: string,
  ids: readonly string[],
  log: Logger,
  setup?: CommandSetup,
  whileOpen?: (store: Store, a: Assessment) => Promise<void>,
): Promise<Assessment[]> {
  if (!embeddedStoreExists(spec, dataDir)) {
    throw new UsageError(
      `assessment '${ids[0]}' not found: no store in '${dataDir}' yet; pass ` +
        "--data-dir or --store where it was saved",
    );
  }

  const store = await openCliStore(spec, dataDir, log, setup);
  try {
    const found: Assessment[] = [];
    for (const id of ids) {
      const a = await readOne(store, id);
      if (a === undefined) {
        throw new UsageError(
          `assessment '${id}' not found in the store ${store.location}; run ` +
            "'infio list' to see the stored ids",
        );
      }
      found.push(withSortedTypes(a));
      await whileOpen?.(store, a);
    }
    return found;
  } finally {
    await closeQuietly(store, log);
  }
}

/**
 * Reads one assessment. A data key that the master key in use cannot open
 * is the user's to fix, so it ends the command with its message (which
 * names the key and what to pass) rather than as an unexpected error.
 */
async function readOne(store: Store, id: string): Promise<Assessment | undefined> {
  try {
    return await store.getAssessment(id);
  } catch (error) {
    if (error instanceof StoreError && (error.code === "key-unavailable" || error.code === "decrypt-failed")) {
      throw new FailureError(error.message, { cause: error });
    }
    throw error;
  }
}

/**
 * Puts `objectsByType` back in name order: the store keeps the summary as
 * jsonb, which reorders keys, and reports should not change with the trip.
 */
function withSortedTypes(a: Assessment): Assessment {
  const types = Object.keys(a.summary.objectsByType).sort();
  const objectsByType = Object.fromEntries(
    types.map((t) => [t, a.summary.objectsByType[t]!]),
  );
  return { ...a, summary: { ...a.summary, objectsByType } };
}
