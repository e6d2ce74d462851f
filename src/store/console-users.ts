/**
 * Users of the web console, in the `console_users` table of migration 5.
 * Names match regardless of case. The caller hashes passwords; this file
 * only stores the hash.
 */

import type { SqlConnection, SqlRow, SqlSession } from "./connection.js";
import { StoreError } from "./errors.js";

/** Roles from least to most powerful; each includes the ones before it. */
export const CONSOLE_ROLES = ["viewer", "assessor", "admin"] as const;

export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

export interface ConsoleUser {
  /** Internal key; sessions refer to it. */
  readonly key: number;
  readonly name: string;
  readonly role: ConsoleRole;
  /** argon2id hash in the PHC string format. */
  readonly passwordHash: string;
  readonly createdAt: Date;
  readonly passwordChangedAt: Date;
  readonly disabled: boolean;
  /** Wrong passwords since the last successful sign-in. */
  readonly failedSignIns: number;
  /** Sign-ins are rejected until then; undefined when never locked. */
  readonly lockedUntil: Date | undefined;
  readonly lastSignInAt: Date | undefined;
}

export interface NewConsoleUser {
  readonly name: string;
  readonly role: ConsoleRole;
  readonly passwordHash: string;
  readonly now: Date;
}

/** When repeated wrong passwords lock a user. */
export interface LockoutPolicy {
  /** Failures in a row that lock the user. */
  readonly maxFailures: number;
  /** How long the lock lasts, in milliseconds. */
  readonly lockMs: number;
}

/** A change that can take admin rights away, for {@link ConsoleUsers.changeKeepingAdmin}. */
export type AccessChange =
  | { readonly kind: "role"; readonly role: ConsoleRole }
  | { readonly kind: "disable" }
  | { readonly kind: "remove" };

/** `last-admin`: the change would have left no enabled admin, so it was not made. */
export type AccessChangeResult = "changed" | "not-found" | "last-admin";

/** The failure count and lock after a recorded failure. */
export interface FailureState {
  readonly failedSignIns: number;
  readonly lockedUntil: Date | undefined;
}

const UNIQUE_VIOLATION = "23505";

const COLUMNS =
  "user_key, name, role, password_hash, created_at, password_changed_at, " +
  "disabled, failed_sign_ins, locked_until, last_sign_in_at";

type UserRow = SqlRow & {
  readonly user_key: string | number;
  readonly name: string;
  readonly role: ConsoleRole;
  readonly password_hash: string;
  readonly created_at: Date | string;
  readonly password_changed_at: Date | string;
  readonly disabled: boolean;
  readonly failed_sign_ins: number;
  readonly locked_until: Date | string | null;
  readonly last_sign_in_at: Date | string | null;
};

export class ConsoleUsers {
  readonly #connection: SqlConnection;

  constructor(connection: SqlConnection) {
    this.#connection = connection;
  }

  /** Adds a user; throws a StoreError `duplicate-id` when the name is taken. */
  async add(user: NewConsoleUser): Promise<ConsoleUser> {
    const now = user.now.toISOString();
    let rows: UserRow[];
    try {
      rows = await this.#connection.query<UserRow>(
        "insert into console_users (name, role, password_hash, created_at, " +
          "password_changed_at) values ($1, $2, $3, $4, $4) " +
          `returning ${COLUMNS}`,
        [user.name, user.role, user.passwordHash, now],
      );
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) {
        throw new StoreError(
          "duplicate-id",
          `console user '${user.name}' already exists (names match regardless ` +
            "of case); choose another name, or change the existing user",
          { cause: error },
        );
      }
      throw error;
    }
    return toUser(rows[0]!);
  }

  /** Returns the user named `name` in any case, or undefined. */
  async find(name: string): Promise<ConsoleUser | undefined> {
    const rows = await this.#connection.query<UserRow>(
      `select ${COLUMNS} from console_users where lower(name) = lower($1)`,
      [name],
    );
    return rows.length === 0 ? undefined : toUser(rows[0]!);
  }

  /** Lists every user in name order. */
  async list(): Promise<ConsoleUser[]> {
    const rows = await this.#connection.query<UserRow>(
      `select ${COLUMNS} from console_users order by lower(name), user_key`,
    );
    return rows.map(toUser);
  }

  /** Removes a user and its sessions; returns false when there is none. */
  async remove(name: string): Promise<boolean> {
    const rows = await this.#connection.query(
      "delete from console_users where lower(name) = lower($1) returning user_key",
      [name],
    );
    return rows.length > 0;
  }

  /** Changes a user's role; its sessions see the new role on their next request. */
  async setRole(name: string, role: ConsoleRole): Promise<boolean> {
    const rows = await this.#connection.query(
      "update console_users set role = $2 where lower(name) = lower($1) returning user_key",
      [name, role],
    );
    return rows.length > 0;
  }

  /** Enables or disables a user; a disabled user's sessions stop working. */
  async setDisabled(name: string, disabled: boolean): Promise<boolean> {
    const rows = await this.#connection.query(
      "update console_users set disabled = $2 where lower(name) = lower($1) returning user_key",
      [name, disabled],
    );
    return rows.length > 0;
  }

  /**
   * Replaces a user's password hash, clears its failures and lock, and ends
   * all its sessions, in one transaction.
   */
  async setPasswordHash(name: string, passwordHash: string, now: Date): Promise<boolean> {
    return this.#connection.transaction(async (session) => {
      const rows = await session.query<{ user_key: string | number }>(
        "update console_users set password_hash = $2, password_changed_at = $3, " +
          "failed_sign_ins = 0, locked_until = null " +
          "where lower(name) = lower($1) returning user_key",
        [name, passwordHash, now.toISOString()],
      );
      if (rows.length === 0) {
        return false;
      }

      await deleteSessionsOf(session, Number(rows[0]!.user_key));
      return true;
    });
  }

  /** Clears a user's failure count and lock; returns false when there is no such user. */
  async unlock(name: string): Promise<boolean> {
    const rows = await this.#connection.query(
      "update console_users set failed_sign_ins = 0, locked_until = null " +
        "where lower(name) = lower($1) returning user_key",
      [name],
    );
    return rows.length > 0;
  }

  /**
   * Changes a user's role, disables or removes it, and ends its sessions, in
   * one transaction. Returns `last-admin`, changing nothing, when the user is
   * the only enabled admin and would stop being one. Every enabled admin's
   * row is locked first, so that two admins demoting each other at the same
   * time on a PostgreSQL server cannot both succeed.
   */
  async changeKeepingAdmin(name: string, change: AccessChange): Promise<AccessChangeResult> {
    return this.#connection.transaction(async (session) => {
      const admins = await session.query(
        "select user_key from console_users where role = 'admin' and not disabled " +
          "order by user_key for update",
      );
      const found = await session.query<{ user_key: string | number; role: ConsoleRole; disabled: boolean }>(
        "select user_key, role, disabled from console_users where lower(name) = lower($1) for update",
        [name],
      );
      const target = found[0];
      if (target === undefined) {
        return "not-found";
      }

      const isAdmin = target.role === "admin" && !target.disabled;
      const staysAdmin = change.kind === "role" && change.role === "admin";
      if (isAdmin && !staysAdmin && admins.length <= 1) {
        return "last-admin";
      }

      const key = Number(target.user_key);
      if (change.kind === "remove") {
        // Sessions go with the user: the foreign key cascades.
        await session.query("delete from console_users where user_key = $1", [key]);
        return "changed";
      }
      if (change.kind === "role") {
        await session.query("update console_users set role = $2 where user_key = $1", [key, change.role]);
      } else {
        await session.query("update console_users set disabled = true where user_key = $1", [key]);
      }
      await deleteSessionsOf(session, key);
      return "changed";
    });
  }

  /**
   * Counts one more wrong password and locks the user once `policy` allows
   * no more. A lock that has run out starts a new count, so that a user is
   * not locked again by the first failure after it.
   */
  async recordFailure(key: number, now: Date, policy: LockoutPolicy): Promise<FailureState> {
    const lockedUntil = new Date(now.getTime() + policy.lockMs).toISOString();
    const rows = await this.#connection.query<{
      failed_sign_ins: number;
      locked_until: Date | string | null;
    }>(
      "update console_users u set " +
        "failed_sign_ins = c.failures, " +
        "locked_until = case when c.failures >= $3 then $4::timestamptz " +
        "  when c.expired then null else u.locked_until end " +
        "from (select user_key, " +
        "  (locked_until is not null and locked_until <= $2::timestamptz) as expired, " +
        "  case when locked_until is not null and locked_until <= $2::timestamptz " +
        "    then 1 else failed_sign_ins + 1 end as failures " +
        "  from console_users where user_key = $1) c " +
        "where u.user_key = c.user_key " +
        "returning u.failed_sign_ins, u.locked_until",
      [key, now.toISOString(), policy.maxFailures, lockedUntil],
    );
    const row = rows[0];
    if (row === undefined) {
      return { failedSignIns: 0, lockedUntil: undefined };
    }
    return {
      failedSignIns: Number(row.failed_sign_ins),
      lockedUntil: optionalDate(row.locked_until),
    };
  }

  /** Clears the failure count and lock after a successful sign-in. */
  async recordSuccess(key: number, now: Date): Promise<void> {
    await this.#connection.query(
      "update console_users set failed_sign_ins = 0, locked_until = null, " +
        "last_sign_in_at = $2 where user_key = $1",
      [key, now.toISOString()],
    );
  }
}

/** Deletes every session of one user. */
export async function deleteSessionsOf(session: SqlSession, userKey: number): Promise<number> {
  const rows = await session.query(
    "delete from console_sessions where user_key = $1 returning user_key",
    [userKey],
  );
  return rows.length;
}

/** Converts a row of {@link COLUMNS}, as selected by the queries above. */
export function toUser(row: UserRow): ConsoleUser {
  return {
    key: Number(row.user_key),
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    createdAt: new Date(row.created_at),
    passwordChangedAt: new Date(row.password_changed_at),
    disabled: row.disabled,
    failedSignIns: Number(row.failed_sign_ins),
    lockedUntil: optionalDate(row.locked_until),
    lastSignInAt: optionalDate(row.last_sign_in_at),
  };
}

export type { UserRow };

function optionalDate(value: Date | string | null): Date | undefined {
  return value === null ? undefined : new Date(value);
}

/** Returns the SQLSTATE of a PostgreSQL error from pg or PGlite. */
function sqlState(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}
