/**
 * The connector's interface as inventory parts use it: run one catalog
 * query in one database and read its rows. Implemented over mssql by the
 * connector and in memory by tests.
 */

import type { CatalogQuery } from "./catalog-query.js";

/** A row by column name, with the driver's JavaScript values. */
export type Row = Readonly<Record<string, unknown>>;

/** A parameter value; each is sent typed, never spliced into the text. */
export type QueryParameter =
  | { readonly type: "int"; readonly value: number | null }
  | { readonly type: "bigint"; readonly value: number | null }
  | { readonly type: "nvarchar"; readonly value: string | null }
  | { readonly type: "bit"; readonly value: boolean | null };

export type QueryParameters = Readonly<Record<string, QueryParameter>>;

export interface QueryOptions {
  /**
   * Ends the query at once when aborted: a running request is cancelled
   * (an ATTENTION to the server) and a wait before a retry stops. The
   * query then rejects with the signal's reason.
   */
  readonly signal?: AbortSignal;
}

export interface SqlReader {
  /** Server as the user named it, e.g. `sql01,1433` or `sql01\PROD`. */
  readonly server: string;
  /** Database the reader's connections open; `master` for server scope. */
  readonly database: string;
  /**
   * Streams the rows of a query, pausing the driver while the consumer
   * is busy, so a large result never sits in memory whole. Transient
   * failures are retried before the first row only, and a failure
   * rejects with a `SqlServerError` naming server, database and query.
   */
  rows(query: CatalogQuery, parameters?: QueryParameters, options?: QueryOptions): AsyncIterable<Row>;
  /** Reads a small result whole. */
  all(query: CatalogQuery, parameters?: QueryParameters, options?: QueryOptions): Promise<Row[]>;
}

/** Readers for one server, a database at a time. */
export interface ServerSession {
  /** Server as the user named it. */
  readonly server: string;
  /**
   * Returns a reader whose connections open `database` (master when
   * omitted). Rejects with a `SqlServerError` of kind
   * `database-unavailable` when the login cannot open it.
   */
  reader(database?: string): Promise<SqlReader>;
  /** Closes the connections of one database once it has been read. */
  release(database: string): Promise<void>;
  /**
   * Cancels the queries still running, which reject, and closes every
   * connection.
   */
  close(): Promise<void>;
}
