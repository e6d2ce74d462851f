/**
 * A fixture SQL Server: catalog view rows written after SQL Server's
 * documented catalog views (column names as in sys.databases,
 * sys.objects and so on), plus the faults a test wants. Responders read
 * these rows to answer infio's catalog queries.
 */

import type { SqlValue } from "../tds-server/index.js";

/** Rows of one catalog view or DMV, by column name as SQL Server names them. */
export type ViewRows = readonly Readonly<Record<string, SqlValue>>[];

/** Catalog views by name, lower case with schema, e.g. `sys.objects`. */
export type CatalogViews = Readonly<Record<string, ViewRows>>;

export interface FixtureDatabase {
  readonly name: string;
  /** Views of this database, e.g. `sys.objects`, `sys.sql_modules`. */
  readonly views: CatalogViews;
}

export interface FixtureFaults {
  /** Views the login may not read: a query reading one fails with error 229. */
  readonly deniedViews?: readonly string[];
  /** Same, per database name. */
  readonly deniedViewsByDatabase?: Readonly<Record<string, readonly string[]>>;
  /** Databases whose login fails with error 4060, though sys.databases lists them online. */
  readonly failingDatabases?: readonly string[];
  /** Query ids that never answer until cancelled, to test timeouts. */
  readonly hangingQueries?: readonly string[];
  /** Query ids whose connection drops after sending this many rows. */
  readonly dropConnection?: Readonly<Record<string, number>>;
  /** Query ids that fail once with a deadlock (1205) before answering. */
  readonly deadlockOnce?: readonly string[];
}

export interface FixtureServer {
  /** `@@SERVERNAME`. */
  readonly name: string;
  /** Server-scope views and functions: `serverproperty`, `sys.configurations`, `sys.server_principals`, `msdb.dbo.sysjobs`, ... */
  readonly views: CatalogViews;
  /** Every database, system ones included, in `sys.databases` order. */
  readonly databases: readonly FixtureDatabase[];
  readonly faults?: FixtureFaults;
}
