import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { setFlagsFromString } from "node:v8";

import { PGlite, type Transaction } from "@electric-sql/pglite";

import type {
  ReservedSession,
  SqlConnection,
  SqlParameter,
  SqlRow,
  SqlSession,
} from "./connection.js";
import { createStoreIfMissing } from "./pglite-init.js";

/**
 * V8 flags that keep WebAssembly on Liftoff, V8's baseline compiler. By
 * default V8 recompiles the hot functions of PGlite's large module with its
 * optimizing compiler on background threads. In a run of a few seconds that
 * costs more CPU than the faster code saves, and it takes the CPU from the
 * worker threads. docs/benchmarks.md gives the figures of bench/store.ts.
 * NOTE: the flags hold for the whole process and must be set before the
 * module is compiled, so a long-running process keeps PGlite on Liftoff too.
 */
const BASELINE_WASM_FLAGS = "--no-wasm-tier-up --no-wasm-dynamic-tiering";

let baselineWasmSet = false;

/**
 * Opens (and on first use creates) a PGlite database in `directory`.
 * Aborting `signal` while the database is created stops at once and
 * leaves no folder (pglite-init.ts); once created, it is opened whatever
 * the signal.
 */
export async function openPgliteConnection(
  directory: string,
  signal?: AbortSignal,
): Promise<SqlConnection> {
  if (!baselineWasmSet) {
    setFlagsFromString(BASELINE_WASM_FLAGS);
    baselineWasmSet = true;
  }
  // The parent is created here, and the store folder by the rename that
  // ends its creation. The store contains customers' code, so only the
  // owner may read either.
  await mkdir(dirname(directory), { recursive: true, mode: 0o700 });
  await createStoreIfMissing(directory, signal);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const db = await PGlite.create({ dataDir: directory });
  return new PgliteConnection(db);
}

class PgliteConnection implements SqlConnection {
  readonly kind = "embedded";
  readonly #db: PGlite;

  constructor(db: PGlite) {
    this.#db = db;
  }

  query<R extends SqlRow>(
    sql: string,
    parameters: readonly SqlParameter[] = [],
  ): Promise<R[]> {
    return queryRows<R>(this.#db, sql, parameters);
  }

  async exec(sql: string): Promise<void> {
    await this.#db.exec(sql);
  }

  transaction<T>(body: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.#db.transaction((tx) => body(new PgliteTransaction(tx)));
  }

  async reserve(): Promise<ReservedSession> {
    // PGlite has exactly one backend session, so every reservation shares it;
    // releasing it must not close it.
    return {
      query: (sql, parameters) => this.query(sql, parameters),
      exec: (sql) => this.exec(sql),
      transaction: (body) => this.transaction(body),
      release: async () => {},
    };
  }

  async close(): Promise<void> {
    await this.#db.close();
  }
}

class PgliteTransaction implements SqlSession {
  readonly #tx: Transaction;

  constructor(tx: Transaction) {
    this.#tx = tx;
  }

  query<R extends SqlRow>(
    sql: string,
    parameters: readonly SqlParameter[] = [],
  ): Promise<R[]> {
    return queryRows<R>(this.#tx, sql, parameters);
  }

  async exec(sql: string): Promise<void> {
    await this.#tx.exec(sql);
  }
}

async function queryRows<R extends SqlRow>(
  target: PGlite | Transaction,
  sql: string,
  parameters: readonly SqlParameter[],
): Promise<R[]> {
  const result = await target.query<R>(sql, [...parameters]);
  return result.rows;
}
