/**
 * The small SQL surface the store needs, implemented over PGlite and over
 * node-postgres so that one data layer serves both.
 */

/** A bound value; a Uint8Array is sent as bytea. */
export type SqlParameter =
  | string
  | number
  | boolean
  | null
  | Uint8Array
  | readonly unknown[];

export type SqlRow = Record<string, unknown>;

/** Something that runs one statement at a time. */
export interface SqlSession {
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<R extends SqlRow = SqlRow>(
    sql: string,
    parameters?: readonly SqlParameter[],
  ): Promise<R[]>;

  /** Runs statements separated by semicolons, without parameters. */
  exec(sql: string): Promise<void>;
}

/** A session kept for one user until released, such as a writer. */
export interface ReservedSession extends SqlSession {
  /** Runs `body` in one transaction on this session, as the connection does. */
  transaction<T>(body: (session: SqlSession) => Promise<T>): Promise<T>;

  /** Returns the session; `broken` discards it (server connections only). */
  release(broken?: boolean): Promise<void>;
}

export interface SqlConnection extends SqlSession {
  readonly kind: "embedded" | "server";

  /**
   * Runs `body` in one transaction and commits when it resolves, or rolls
   * back and rethrows when it rejects.
   */
  transaction<T>(body: (session: SqlSession) => Promise<T>): Promise<T>;

  /**
   * Reserves a session whose session-level state, such as advisory locks,
   * lasts until release. Embedded PGlite has one session, shared by all.
   */
  reserve(): Promise<ReservedSession>;

  close(): Promise<void>;
}
