import { mkdir } from "node:fs/promises";
import { join } from "node:path";

import type { SqlConnection } from "./connection.js";
import { StoreError, describeError } from "./errors.js";
import { acquireLock } from "./lock-file.js";
import { migrate, type AppliedMigration } from "./migrator.js";
import { NullStore } from "./null-store.js";
import { openPgConnection } from "./pg-connection.js";
import { restrictToOwner } from "./owner-only-tree.js";
import { openPgliteConnection } from "./pglite-connection.js";
import { StoreCreationAborted } from "./pglite-init.js";
import { maskUrl, parseStoreSpec, type StoreSpec } from "./spec.js";
import { SqlStore } from "./sql-store.js";
import { StoreKeys, type StoreKeyOptions } from "./store-keys.js";
import type { Store } from "./store.js";

/** The schema version from which the store encrypts what it keeps. */
const SEALED_VERSION = 4;

export interface OpenStoreOptions {
  /**
   * infio's data directory; the embedded store lives in `store/` inside,
   * and the data keys of both kinds of store in `keys/`.
   */
  readonly dataDir: string;
  /**
   * The master key and where data keys are kept; by default the key file
   * `<dataDir>/master.key` (created on first use) and `<dataDir>/keys/`.
   */
  readonly keys?: StoreKeyOptions;
  /** Rows per bulk insert statement; the default suits most runs. */
  readonly chunkRows?: number;
  /**
   * Receives errors that no call is waiting for, such as a server closing an
   * idle connection. The store keeps working; the next query reconnects.
   */
  readonly onBackgroundError?: (error: StoreError) => void;
  /**
   * Aborting stops the opening at the next safe point and returns the
   * error `interrupted`: at once while a new embedded store is created
   * (which then leaves no folder), else before the schema migrations or
   * after them. Migrations run in one transaction, so none is half done.
   */
  readonly signal?: AbortSignal;
}

export type OpenStoreResult =
  | {
      readonly ok: true;
      readonly store: Store;
      /** Migrations applied while opening; empty when already current. */
      readonly migrations: readonly AppliedMigration[];
      /** Ids of running assessments whose writer had died, now removed. */
      readonly removedInterrupted: readonly string[];
    }
  | { readonly ok: false; readonly error: StoreError };

/** Directory of the embedded PGlite database inside the data directory. */
export function embeddedStoreDirectory(dataDir: string): string {
  return join(dataDir, "store");
}

/** Lock file that keeps a second process out of the embedded store. */
export function embeddedLockPath(dataDir: string): string {
  return join(dataDir, "store.lock");
}

/**
 * Opens the store named by `spec`: `embedded` (PGlite in the data directory,
 * locked against other processes), `none`, or a `postgres://` URL. Brings the
 * schema up to date and removes interrupted assessments.
 * Returns failures as results and does not throw.
 */
export async function openStore(
  spec: string | StoreSpec,
  options: OpenStoreOptions,
): Promise<OpenStoreResult> {
  let parsed: StoreSpec;
  if (typeof spec === "string") {
    const result = parseStoreSpec(spec);
    if (!result.ok) {
      return result;
    }
    parsed = result.spec;
  } else {
    parsed = spec;
  }

  switch (parsed.kind) {
    case "none":
      return {
        ok: true,
        store: new NullStore(),
        migrations: [],
        removedInterrupted: [],
      };
    case "embedded":
      return openEmbedded(options);
    case "server":
      return openServer(parsed.url, options);
  }
}

async function openEmbedded(options: OpenStoreOptions): Promise<OpenStoreResult> {
  const directory = embeddedStoreDirectory(options.dataDir);
  try {
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    return failure(
      "connection-failed",
      `cannot create the data directory '${options.dataDir}': ` +
        `${describeError(error)}; pass a writable --data-dir`,
      error,
    );
  }

  if (options.signal?.aborted === true) {
    return interrupted();
  }
  const locked = await acquireLock(embeddedLockPath(options.dataDir));
  if (!locked.ok) {
    return locked;
  }

  let connection: SqlConnection;
  try {
    connection = await openPgliteConnection(directory, options.signal);
  } catch (error) {
    await locked.lock.release();
    if (error instanceof StoreCreationAborted) {
      return interrupted();
    }
    return failure(
      "connection-failed",
      `cannot open the embedded store in '${directory}': ` +
        `${describeError(error)}; if the directory is damaged, move it ` +
        "away and infio will create a new, empty store",
      error,
    );
  }

  // The store contains customers' code and PGlite creates its files
  // readable by everyone, so they are restricted after every open and close.
  await restrictStore(directory, options);
  return finishOpening(connection, options, {
    location: directory,
    keys: new StoreKeys(options.dataDir, storeKeyOptions(options)),
    chunkRows: options.chunkRows,
    onClose: async () => {
      await restrictStore(directory, options);
      await locked.lock.release();
    },
  });
}

/** Restricts the store's files to their owner; a failure is reported, not thrown. */
async function restrictStore(directory: string, options: OpenStoreOptions): Promise<void> {
  const failures = await restrictToOwner(directory);
  if (failures.length === 0) {
    return;
  }
  const listed = failures.slice(0, 3).join("; ");
  const more = failures.length > 3 ? ` and ${failures.length - 3} more` : "";
  options.onBackgroundError?.(
    new StoreError(
      "permissions-not-restricted",
      `cannot make the embedded store in '${directory}' readable by its owner only: ` +
        `${listed}${more}; check that the files belong to the account running infio`,
    ),
  );
}

async function openServer(
  url: string,
  options: OpenStoreOptions,
): Promise<OpenStoreResult> {
  const location = maskUrl(url);
  const onIdleError = (error: Error): void => {
    const message =
      `connection to the PostgreSQL server at ${location} failed while ` +
      `idle: ${scrubPassword(describeError(error), url)}`;
    options.onBackgroundError?.(new StoreError("connection-failed", message));
  };

  let connection: SqlConnection;
  try {
    connection = await openPgConnection(url, { onIdleError });
  } catch (error) {
    return failure(
      "connection-failed",
      `cannot connect to the PostgreSQL server at ${location}: ` +
        `${scrubPassword(describeError(error), url)}; check the URL and ` +
        "that the server accepts connections (keep the password in " +
        "PGPASSWORD or ~/.pgpass rather than in the URL)",
      undefined,
    );
  }

  return finishOpening(connection, options, {
    location,
    keys: new StoreKeys(options.dataDir, storeKeyOptions(options)),
    chunkRows: options.chunkRows,
  });
}

async function finishOpening(
  connection: SqlConnection,
  options: OpenStoreOptions,
  storeOptions: ConstructorParameters<typeof SqlStore>[1],
): Promise<OpenStoreResult> {
  const keys = storeOptions.keys;
  const stop = async (): Promise<void> => {
    keys.close();
    await closeQuietly(connection);
    await storeOptions.onClose?.();
  };
  if (isAborted(options)) {
    await stop();
    return interrupted();
  }

  const migrated = await migrate(connection, undefined, {
    openOrCreateKey: (id) => keys.openOrCreate(id),
  });
  if (!migrated.ok) {
    await stop();
    return migrated;
  }
  if (isAborted(options)) {
    await stop();
    return interrupted();
  }
  if (migrated.fromVersion > 0 && migrated.fromVersion < SEALED_VERSION) {
    await discardPlainText(connection, options);
  }

  const store = new SqlStore(connection, storeOptions);
  try {
    const removedInterrupted = await store.removeInterrupted();
    return {
      ok: true,
      store,
      migrations: migrated.applied,
      removedInterrupted,
    };
  } catch (error) {
    await store.close().catch(() => undefined);
    return failure("query-failed", describeError(error), error);
  }
}

/** Passes the caller's warning handler on to the keys. */
function storeKeyOptions(options: OpenStoreOptions): StoreKeyOptions {
  const keys = options.keys ?? {};
  if (keys.onWarning !== undefined || options.onBackgroundError === undefined) {
    return keys;
  }
  const report = options.onBackgroundError;
  return { ...keys, onWarning: (message) => report(new StoreError("key-unavailable", message)) };
}

/**
 * Rewrites the tables after migration 4 sealed a store's plain rows, so the
 * old row versions (and values of the dropped columns, which PostgreSQL
 * keeps until a rewrite) leave the table files. For PGlite a checkpoint
 * then lets it recycle the write-ahead log that contained them.
 * NOTE: recycled WAL segments are overwritten only as new WAL is written,
 * and a server's WAL archive, replicas and backups keep their copies.
 */
async function discardPlainText(
  connection: SqlConnection,
  options: OpenStoreOptions,
): Promise<void> {
  try {
    await connection.exec("vacuum full");
    if (connection.kind === "embedded") {
      await connection.exec("checkpoint");
    }
  } catch (error) {
    options.onBackgroundError?.(
      new StoreError(
        "query-failed",
        "the store's rows are now encrypted, but rewriting its tables to " +
          `discard the old plain rows failed: ${describeError(error)}; run ` +
          "VACUUM FULL on the store's database",
      ),
    );
  }
}

/**
 * Removes the URL's password from a driver message. The driver's messages
 * are not a contract, so this guards against one that quotes the URL.
 */
function scrubPassword(message: string, url: string): string {
  let password: string;
  try {
    password = new URL(url).password;
  } catch {
    return message;
  }
  if (password === "") {
    return message;
  }

  let scrubbed = message.split(password).join("****");
  const decoded = safeDecode(password);
  if (decoded !== password && decoded !== "") {
    scrubbed = scrubbed.split(decoded).join("****");
  }
  return scrubbed;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

async function closeQuietly(connection: SqlConnection): Promise<void> {
  try {
    await connection.close();
  } catch {
    // Opening already failed; that error is the one to report.
  }
}

/** A function, so that TypeScript does not keep a check's result across awaits. */
function isAborted(options: OpenStoreOptions): boolean {
  return options.signal?.aborted === true;
}

function interrupted(): OpenStoreResult {
  return {
    ok: false,
    error: new StoreError("interrupted", "opening the store was interrupted; nothing was stored"),
  };
}

function failure(
  code: StoreError["code"],
  message: string,
  cause: unknown,
): OpenStoreResult {
  const options = cause === undefined ? undefined : { cause };
  return { ok: false, error: new StoreError(code, message, options) };
}
