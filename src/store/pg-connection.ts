import pg from "pg";

import type {
  ReservedSession,
  SqlConnection,
  SqlParameter,
  SqlRow,
  SqlSession,
} from "./connection.js";

export interface PgConnectionOptions {
  /** Called with errors of idle pooled connections, which have no caller. */
  readonly onIdleError?: (error: Error) => void;
}

/**
 * Connects a pool to the PostgreSQL server at `url` and checks that it
 * responds to a query. Rejects with the driver's error when it does not.
 */
export async function openPgConnection(
  url: string,
  options: PgConnectionOptions = {},
): Promise<SqlConnection> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: 15_000,
    application_name: "infio",
  });

  // Without a listener, an idle connection dropped by the server would crash
  // the process with an unhandled 'error' event.
  pool.on("error", (error) => options.onIdleError?.(error));

  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PgConnection(pool);
}

class PgConnection implements SqlConnection {
  readonly kind = "server";
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  query<R extends SqlRow>(
    sql: string,
    parameters: readonly SqlParameter[] = [],
  ): Promise<R[]> {
    return queryRows<R>(this.#pool, sql, parameters);
  }

  async exec(sql: string): Promise<void> {
    await this.#pool.query(sql);
  }

  async transaction<T>(body: (session: SqlSession) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken = false;

    try {
      return await runTransaction(client, body);
    } catch (error) {
      broken = error instanceof BrokenConnectionError;
      throw broken ? (error as BrokenConnectionError).cause : error;
    } finally {
      client.release(broken);
    }
  }

  async reserve(): Promise<ReservedSession> {
    const client = await this.#pool.connect();
    const session = new PgSession(client);
    return {
      query: (sql, parameters) => session.query(sql, parameters),
      exec: (sql) => session.exec(sql),
      transaction: async (body) => {
        try {
          return await runTransaction(client, body);
        } catch (error) {
          throw error instanceof BrokenConnectionError ? error.cause : error;
        }
      },
      release: async (broken = false) => client.release(broken),
    };
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}

class PgSession implements SqlSession {
  readonly #client: pg.PoolClient;

  constructor(client: pg.PoolClient) {
    this.#client = client;
  }

  query<R extends SqlRow>(
    sql: string,
    parameters: readonly SqlParameter[] = [],
  ): Promise<R[]> {
    return queryRows<R>(this.#client, sql, parameters);
  }

  async exec(sql: string): Promise<void> {
    await this.#client.query(sql);
  }
}

async function queryRows<R extends SqlRow>(
  target: pg.Pool | pg.PoolClient,
  sql: string,
  parameters: readonly SqlParameter[],
): Promise<R[]> {
  const result = await target.query<R>(sql, [...parameters]);
  return result.rows;
}

/** Wraps an error after which the connection could not even roll back. */
class BrokenConnectionError extends Error {
  constructor(cause: unknown) {
    super("connection failed during a transaction", { cause });
  }
}

async function runTransaction<T>(
  client: pg.PoolClient,
  body: (session: SqlSession) => Promise<T>,
): Promise<T> {
  await client.query("begin");
  try {
    const result = await body(new PgSession(client));
    await client.query("commit");
    return result;
  } catch (error) {
    try {
      await client.query("rollback");
    } catch {
      throw new BrokenConnectionError(error);
    }
    throw error;
  }
}
