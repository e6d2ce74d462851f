/**
 * A ServerSession over mssql with one connection pool per database. The
 * database is given at login, so each connection is in that database
 * from the start. A pool opens on the first read of its database and
 * closes on release, and at most `maxOpenDatabases` databases besides
 * master are open at once. Closing the session cancels the queries still
 * running and the waits before retries, so it ends promptly.
 */

import sql from "mssql";

import type { SqlServerError } from "../errors.js";
import type { ServerSession, SqlReader } from "../reader.js";
import { classifyError } from "./classify.js";
import { DatabaseSlots } from "./database-slots.js";
import { driverErrorDetails } from "./driver-error.js";
import { driverConfig } from "./driver-config.js";
import type { ConnectionEventListener } from "./events.js";
import { loginMessagesOf, tlsEstablishedOf } from "./login-messages.js";
import { backoffDelay, waitBeforeRetry } from "./retry.js";
import type { ConnectionSettings } from "./settings.js";
import { prepareServerNameIndication } from "./server-name-indication.js";
import { createSqlReader } from "./sql-reader.js";
import { isTransient, TRANSIENT_ERROR_NUMBERS } from "./transient.js";

export interface OpenServerOptions {
  /** Receives retries and opened or released databases, for the log. */
  readonly onEvent?: ConnectionEventListener;
  /** Jitter source for the retry backoff, in [0, 1). */
  readonly random?: () => number;
  /** Rows a query queues before the driver is paused. Default 500. */
  readonly highWaterMark?: number;
}

const MASTER = "master";

/**
 * Opens a session on the server and connects to master, which checks
 * the login and the TLS certificate. Rejects with a SqlServerError of kind
 * `login-failed`, `tls`, `unreachable` or `database-unavailable`.
 */
export async function openServer(settings: ConnectionSettings, options: OpenServerOptions = {}): Promise<ServerSession> {
  const session = new PooledServerSession(settings, options);
  await session.reader(MASTER);
  return session;
}

interface OpenDatabase {
  readonly pool: sql.ConnectionPool;
  readonly reader: SqlReader;
}

class PooledServerSession implements ServerSession {
  readonly server: string;
  readonly #settings: ConnectionSettings;
  readonly #options: OpenServerOptions;
  readonly #databases = new Map<string, Promise<OpenDatabase>>();
  readonly #slots: DatabaseSlots;
  /** Aborted by close(); every reader's queries and every retry wait listen to it. */
  readonly #closing = new AbortController();

  constructor(settings: ConnectionSettings, options: OpenServerOptions) {
    this.server = settings.server.text;
    this.#settings = settings;
    this.#options = options;
    this.#slots = new DatabaseSlots(settings.maxOpenDatabases);
  }

  /**
   * Returns the reader of `database`, connecting first if needed. While
   * `maxOpenDatabases` other databases are open, waits until one is
   * released.
   */
  async reader(database = MASTER): Promise<SqlReader> {
    if (this.#closing.signal.aborted) {
      throw new Error(`the session on '${this.server}' is closed; open another one`);
    }

    let opening = this.#databases.get(database);
    if (opening === undefined) {
      opening = this.#open(database);
      this.#databases.set(database, opening);
      // A database that failed to open is tried afresh next time.
      opening.catch(() => {
        if (this.#databases.get(database) === opening) {
          this.#databases.delete(database);
        }
      });
    }
    return (await opening).reader;
  }

  /** Closes the pool of `database`, after the queries still running on it end. */
  async release(database: string): Promise<void> {
    const opening = this.#databases.get(database);
    if (opening === undefined) {
      return;
    }
    this.#databases.delete(database);

    let open: OpenDatabase;
    try {
      open = await opening;
    } catch {
      return;
    }
    try {
      await open.pool.close();
    } finally {
      this.#releaseSlot(database);
      this.#options.onEvent?.({ type: "database-released", server: this.server, database });
    }
  }

  async close(): Promise<void> {
    if (!this.#closing.signal.aborted) {
      this.#closing.abort(new Error(`the session on '${this.server}' was closed while reading it`));
    }
    this.#slots.close(new Error(`the session on '${this.server}' was closed while waiting to open a database`));
    await Promise.all([...this.#databases.keys()].map((database) => this.release(database)));
  }

  async #open(database: string): Promise<OpenDatabase> {
    if (database !== MASTER) {
      await this.#slots.acquire();
    }

    let pool: sql.ConnectionPool;
    try {
      pool = await this.#connect(database);
    } catch (error) {
      this.#releaseSlot(database);
      throw error;
    }

    this.#options.onEvent?.({ type: "database-opened", server: this.server, database });
    const reader = createSqlReader({
      settings: this.#settings,
      database,
      pool,
      ...(this.#options.onEvent === undefined ? {} : { onEvent: this.#options.onEvent }),
      ...(this.#options.random === undefined ? {} : { random: this.#options.random }),
      ...(this.#options.highWaterMark === undefined ? {} : { highWaterMark: this.#options.highWaterMark }),
      signal: this.#closing.signal,
    });
    return { pool, reader };
  }

  /**
   * Connects a pool, retrying transient failures with backoff. Once the
   * session closes, the wait before a retry ends, and a pool that connects
   * after that is closed again.
   */
  async #connect(database: string): Promise<sql.ConnectionPool> {
    const settings = this.#settings;
    const closing = this.#closing.signal;

    prepareServerNameIndication(settings);
    for (let failed = 1; ; failed += 1) {
      closing.throwIfAborted();
      const pool = new sql.ConnectionPool(driverConfig(settings, database));
      // The pool also emits a failed connection as an 'error' event. The
      // request or connect call that hit it rejects with the same error,
      // so the event needs a listener, or Node.js would throw, but no
      // handling.
      pool.on("error", () => {});

      try {
        // NOTE: mssql's connect() logs in once to check the settings and
        // closes that connection, so the first query logs in again: the
        // server's login audit shows two logins per database.
        // NOTE: a login in progress is not cancelled by close(); it ends
        // within the connect timeout.
        await pool.connect();
      } catch (error) {
        const loginMessages = loginMessagesOf(error);
        const classified = this.#classifyConnectError(error, database, loginMessages, failed);
        // A reset before TLS is classified as a TLS failure (a server that
        // requires TDS 8.0), which another attempt would meet again.
        const transient =
          classified.kind !== "tls" &&
          (isTransient(driverErrorDetails(error)) || loginMessages.some((message) => TRANSIENT_ERROR_NUMBERS.has(message.number)));
        if (!transient || failed > settings.retry.count) {
          throw classified;
        }

        const delayMs = backoffDelay(settings.retry, failed, this.#options.random);
        this.#options.onEvent?.({
          type: "retry",
          server: this.server,
          database,
          queryId: undefined,
          attempt: failed,
          delayMs,
          error: classified,
        });
        await waitBeforeRetry(delayMs, closing);
        continue;
      }

      if (closing.aborted) {
        await pool.close().catch(() => undefined);
        throw closing.reason;
      }
      return pool;
    }
  }

  #classifyConnectError(
    error: unknown,
    database: string,
    loginMessages: ReturnType<typeof loginMessagesOf>,
    attempts: number,
  ): SqlServerError {
    const settings = this.#settings;
    return classifyError(error, {
      server: this.server,
      database,
      user: settings.user,
      ...(settings.server.instance === undefined ? {} : { instance: settings.server.instance }),
      serverName: settings.tls.serverName,
      tlsMode: settings.tls.mode,
      connectTimeoutMs: settings.connectTimeoutMs,
      loginMessages,
      ...(tlsEstablishedOf(error) === undefined ? {} : { tlsEstablished: tlsEstablishedOf(error) }),
      attempts,
      secrets: [settings.password],
    });
  }

  #releaseSlot(database: string): void {
    if (database !== MASTER) {
      this.#slots.release();
    }
  }
}
