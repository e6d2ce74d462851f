/**
 * Catalog queries: every statement infio sends to a SQL Server is one of
 * these, declared once with the catalog views it reads and the permission
 * it needs. The declarations drive the permission check, the generated
 * docs/permissions.md and the test kit's fixture server.
 */

export type QueryScope = "server" | "database";

export interface CatalogQuery {
  /** Stable dotted id, for example `inventory.databases`. */
  readonly id: string;
  /** `server` runs in master; `database` runs once in each database. */
  readonly scope: QueryScope;
  /**
   * The statement, starting with the tag comment `taggedSql` adds, so a
   * DBA who traces the server sees which infio query is running.
   */
  readonly text: string;
  /** Catalog views, DMVs and functions read, e.g. `sys.databases`. */
  readonly reads: readonly string[];
  /**
   * The permission that makes every row visible, as SQL Server names it,
   * e.g. `VIEW SERVER STATE` or `VIEW DEFINITION`.
   */
  readonly permission: string;
  /** Lowest SQL Server major version with these views (13 is 2016). */
  readonly minVersion?: number;
}

const TAG = /^\/\* infio:([a-z0-9.-]+) \*\//;

/** Declares a query; the text gets its tag comment here. */
export function defineQuery(query: Omit<CatalogQuery, "text"> & { readonly sql: string }): CatalogQuery {
  const { sql, ...rest } = query;
  return Object.freeze({ ...rest, text: `/* infio:${query.id} */\n${sql.trim()}` });
}

/** Returns the query id from a tagged statement, or undefined. */
export function queryIdOf(text: string): string | undefined {
  return TAG.exec(text)?.[1];
}

/**
 * Quotes an identifier as QUOTENAME does: brackets, with `]` doubled.
 * Names longer than sysname's 128 characters are rejected, as QUOTENAME
 * returns NULL for them.
 */
export function quoteName(name: string): string {
  if (name.length > 128) {
    throw new RangeError(`invalid identifier '${name.slice(0, 40)}…': longer than 128 characters`);
  }
  return `[${name.replaceAll("]", "]]")}]`;
}
