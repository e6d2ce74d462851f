/**
 * Failures talking to SQL Server, classified so the collector can decide
 * whether to skip a part, skip a database or stop. Every message names the
 * server and the database and ends with the next step for the user, so a
 * caller adds context before it, never a second fix after it.
 */

export type SqlServerErrorKind =
  /** Error 18456 or similar: wrong user name or password. */
  | "login-failed"
  /** Certificate not trusted, host name mismatch, TLS handshake failed. */
  | "tls"
  /** Host not found, connection refused, connect timeout. */
  | "unreachable"
  /** Error 229, 230, 297, 300 and the like. */
  | "permission-denied"
  /** Error 4060 or 916, or a database offline, restoring or suspect. */
  | "database-unavailable"
  /** The statement timeout expired. */
  | "timeout"
  /** The connection broke during a query. */
  | "connection-lost"
  /** Anything else the server returned. */
  | "failed";

export class SqlServerError extends Error {
  readonly kind: SqlServerErrorKind;
  readonly server: string;
  readonly database: string | undefined;
  /** The catalog query that failed, if any. */
  readonly queryId: string | undefined;
  /** SQL Server's error number, when the server sent one. */
  readonly number: number | undefined;

  constructor(
    kind: SqlServerErrorKind,
    message: string,
    where: {
      readonly server: string;
      readonly database?: string;
      readonly queryId?: string;
      readonly number?: number;
      readonly cause?: unknown;
    },
  ) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause });
    this.name = "SqlServerError";
    this.kind = kind;
    this.server = where.server;
    this.database = where.database;
    this.queryId = where.queryId;
    this.number = where.number;
  }
}
