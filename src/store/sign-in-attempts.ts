/**
 * The console's sign-in attempt counters, in `console_sign_in_attempts`
 * (migration 8): one fixed window per key, such as a client address or a
 * user name. Kept in the store, the counts survive a restart of the console
 * and are shared by consoles on one PostgreSQL server.
 * web/auth/sign-in-limiter.ts decides what the counts mean.
 *
 * A key is stored as its SHA-256, so the table shows no address or name.
 * NOTE: an unsalted hash hides a short key (an address, or a password
 * typed as a name) only from someone who does not try to guess it.
 */

import { createHash } from "node:crypto";

import type { SqlConnection, SqlSession } from "./connection.js";

/** One key to count, with its limit. */
export interface AttemptKey {
  readonly key: string;
  /** Attempts allowed in one window. */
  readonly max: number;
  /** Length of a window, in milliseconds. */
  readonly windowMs: number;
}

export type AttemptOutcome =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /** Index in the keys given of the first key over its limit. */
      readonly limitedBy: number;
      readonly retryAfterMs: number;
    };

type WindowRow = {
  readonly key_hash: Uint8Array;
  readonly window_end_ms: string | number;
  readonly attempts: number;
};

export class ConsoleSignInAttempts {
  readonly #connection: SqlConnection;

  constructor(connection: SqlConnection) {
    this.#connection = connection;
  }

  /**
   * Counts one attempt for every key, unless a key has reached its limit in
   * its current window. Then nothing is counted, and the first such key is
   * returned. Windows that ended by `nowMs` are deleted first. Past
   * `maxTracked` windows the oldest are deleted too, which bounds the table.
   */
  countAttempt(keys: readonly AttemptKey[], nowMs: number, maxTracked: number): Promise<AttemptOutcome> {
    return this.#connection.transaction(async (session) => {
      await session.query("delete from console_sign_in_attempts where window_end_ms <= $1", [nowMs]);

      const hashes = keys.map((entry) => keyHash(entry.key));
      const windows = await readWindows(session, hashes);
      for (const [index, entry] of keys.entries()) {
        const window = windows.get(hashes[index]!.toString("hex"));
        if (window !== undefined && window.attempts >= entry.max) {
          return { allowed: false, limitedBy: index, retryAfterMs: Number(window.window_end_ms) - nowMs };
        }
      }

      for (const [index, entry] of keys.entries()) {
        await session.query(
          "insert into console_sign_in_attempts (key_hash, window_start_ms, window_end_ms, attempts) " +
            "values ($1, $2, $3, 1) on conflict (key_hash) " +
            "do update set attempts = console_sign_in_attempts.attempts + 1",
          [hashes[index], nowMs, nowMs + entry.windowMs],
        );
      }
      await dropOldest(session, maxTracked);
      return { allowed: true };
    });
  }

  /** Deletes the window of `key`, for example after a successful sign-in. */
  async forget(key: string): Promise<void> {
    await this.#connection.query("delete from console_sign_in_attempts where key_hash = $1", [keyHash(key)]);
  }
}

function keyHash(key: string): Buffer {
  return createHash("sha256").update(key, "utf8").digest();
}

/** Reads the windows of `hashes`, locked until the transaction ends, by hex hash. */
async function readWindows(session: SqlSession, hashes: readonly Buffer[]): Promise<Map<string, WindowRow>> {
  const placeholders = hashes.map((_, i) => `$${i + 1}`).join(", ");
  const rows = await session.query<WindowRow>(
    "select key_hash, window_end_ms, attempts from console_sign_in_attempts " +
      `where key_hash in (${placeholders}) for update`,
    [...hashes],
  );
  return new Map(rows.map((row) => [Buffer.from(row.key_hash).toString("hex"), row]));
}

/** Deletes the windows that started first until at most `maxTracked` are left. */
async function dropOldest(session: SqlSession, maxTracked: number): Promise<void> {
  await session.query(
    "delete from console_sign_in_attempts where seq in (" +
      "select seq from console_sign_in_attempts order by seq desc offset $1)",
    [maxTracked],
  );
}
