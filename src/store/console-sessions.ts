/**
 * Sessions of the web console, in the `console_sessions` table of
 * migration 5. Rows are keyed by the SHA-256 of the session id: the id
 * itself is only ever in the visitor's cookie.
 */

import type { SqlConnection } from "./connection.js";
import { toUser, type ConsoleUser, type UserRow } from "./console-users.js";

export interface NewConsoleSession {
  /** SHA-256 of the session id, 32 bytes. */
  readonly idHash: Uint8Array;
  readonly userKey: number;
  readonly csrfToken: string;
  readonly now: Date;
  /** End of the session's absolute lifetime. */
  readonly expiresAt: Date;
}

/** A stored session with the user it belongs to, as that user is now. */
export interface ConsoleSessionRecord {
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly user: ConsoleUser;
}

const USER_COLUMNS =
  "u.user_key, u.name, u.role, u.password_hash, u.created_at, " +
  "u.password_changed_at, u.disabled, u.failed_sign_ins, u.locked_until, " +
  "u.last_sign_in_at";

type SessionRow = UserRow & {
  readonly csrf_token: string;
  readonly session_created_at: Date | string;
  readonly last_seen_at: Date | string;
  readonly expires_at: Date | string;
};

export class ConsoleSessions {
  readonly #connection: SqlConnection;

  constructor(connection: SqlConnection) {
    this.#connection = connection;
  }

  async create(session: NewConsoleSession): Promise<void> {
    const now = session.now.toISOString();
    await this.#connection.query(
      "insert into console_sessions (id_hash, user_key, csrf_token, created_at, " +
        "last_seen_at, expires_at) values ($1, $2, $3, $4, $4, $5)",
      [session.idHash, session.userKey, session.csrfToken, now, session.expiresAt.toISOString()],
    );
  }

  /** Returns the session with this id hash and its user, or undefined. */
  async find(idHash: Uint8Array): Promise<ConsoleSessionRecord | undefined> {
    const rows = await this.#connection.query<SessionRow>(
      `select ${USER_COLUMNS}, s.csrf_token, s.created_at as session_created_at, ` +
        "s.last_seen_at, s.expires_at from console_sessions s " +
        "join console_users u on u.user_key = s.user_key where s.id_hash = $1",
      [idHash],
    );
    const row = rows[0];
    if (row === undefined) {
      return undefined;
    }
    return {
      csrfToken: row.csrf_token,
      createdAt: new Date(row.session_created_at),
      lastSeenAt: new Date(row.last_seen_at),
      expiresAt: new Date(row.expires_at),
      user: toUser(row),
    };
  }

  /** Records activity, which restarts the idle timeout. */
  async touch(idHash: Uint8Array, now: Date): Promise<void> {
    await this.#connection.query(
      "update console_sessions set last_seen_at = $2 where id_hash = $1",
      [idHash, now.toISOString()],
    );
  }

  /** Deletes one session; returns false when it did not exist. */
  async delete(idHash: Uint8Array): Promise<boolean> {
    const rows = await this.#connection.query(
      "delete from console_sessions where id_hash = $1 returning user_key",
      [idHash],
    );
    return rows.length > 0;
  }

  /**
   * Deletes sessions past their absolute end, or idle since before
   * `idleSince`; returns how many.
   */
  async deleteExpired(now: Date, idleSince: Date): Promise<number> {
    const rows = await this.#connection.query(
      "delete from console_sessions where expires_at <= $1 or last_seen_at <= $2 " +
        "returning user_key",
      [now.toISOString(), idleSince.toISOString()],
    );
    return rows.length;
  }

  /** Counts the sessions of one user, for listings and tests. */
  async countFor(userKey: number): Promise<number> {
    const rows = await this.#connection.query<{ count: number }>(
      "select count(*)::integer as count from console_sessions where user_key = $1",
      [userKey],
    );
    return Number(rows[0]!.count);
  }
}
