/**
 * What the responders of the security, Agent and server-feature queries
 * share: building a result set from named rows, ordering as the server's
 * case-insensitive collation does, and the lookups of metadata functions
 * (SCHEMA_NAME, OBJECT_NAME, SUSER_SNAME) over fixture rows.
 */

import type { ResultSet, SqlValue } from "../../tds-server/index.js";
import type { FixtureDatabase, FixtureServer } from "../fixture.js";
import { viewRows } from "../responder.js";

/** A fixture row, or a row a responder built, by column name. */
export type NamedRow = Readonly<Record<string, unknown>>;

/** [column name, T-SQL type] in result order. */
export type ColumnSpec = readonly [name: string, type: string];

/**
 * Builds a result set with `columns` in order, taking each value from the
 * row by column name. A row without one of the columns is a fixture bug
 * and throws, naming the column.
 */
export function resultTable(columns: readonly ColumnSpec[], rows: readonly NamedRow[]): ResultSet {
  return {
    columns: columns.map(([name, type]) => ({ name, type })),
    rows: rows.map((row) =>
      columns.map(([name]) => {
        if (!(name in row)) {
          throw new Error(`fixture row has no column '${name}': ${JSON.stringify(Object.keys(row))}`);
        }
        return row[name] as SqlValue;
      }),
    ),
  };
}

/** Returns the rows of a server-scope view (master, msdb tables, server-level DMVs). */
export function serverView(server: FixtureServer, view: string): readonly NamedRow[] {
  return viewRows(server.views, view);
}

/** Returns the rows of a view of the connection's database, none in a database the fixture lacks. */
export function databaseView(database: FixtureDatabase | undefined, view: string): readonly NamedRow[] {
  return database === undefined ? [] : viewRows(database.views, view);
}

/**
 * Compares two values as ORDER BY does under a case-insensitive
 * collation: NULL first, numbers by value, text without regard to case.
 * NOTE: punctuation sorts by code point here, which can differ from the
 * server's collation for names that differ only in punctuation.
 */
export function compareValues(a: unknown, b: unknown): number {
  if (a === null || a === undefined) {
    return b === null || b === undefined ? 0 : -1;
  }
  if (b === null || b === undefined) {
    return 1;
  }
  if (typeof a === "number" && typeof b === "number") {
    return a - b;
  }

  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  if (x === y) {
    return 0;
  }
  return x < y ? -1 : 1;
}

/** Returns the rows sorted by the columns in order, as ORDER BY c1, c2, ... */
export function orderBy<T extends NamedRow>(rows: readonly T[], ...columns: readonly string[]): T[] {
  return [...rows].sort((a, b) => {
    for (const column of columns) {
      const order = compareValues(a[column], b[column]);
      if (order !== 0) {
        return order;
      }
    }
    return 0;
  });
}

/** Compares two varbinary values byte by byte. NULL equals nothing, as in SQL. */
export function sameBytes(a: unknown, b: unknown): boolean {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) {
    return false;
  }
  return Buffer.from(a).equals(Buffer.from(b));
}

/** Compares text as the case-insensitive collation does for `=`. */
export function sameText(a: unknown, b: unknown): boolean {
  return typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();
}

/**
 * Groups rows as GROUP BY the columns with COUNT(*) AS countColumn does.
 * Groups come in order of first appearance, so callers sort them as the
 * query's ORDER BY does.
 */
export function countGroups(
  rows: readonly NamedRow[],
  columns: readonly string[],
  countColumn: string,
): NamedRow[] {
  const groups = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const key = JSON.stringify(columns.map((column) => row[column]));
    const group = groups.get(key);
    if (group === undefined) {
      const first: Record<string, unknown> = { [countColumn]: 1 };
      for (const column of columns) {
        first[column] = row[column];
      }
      groups.set(key, first);
    } else {
      group[countColumn] = (group[countColumn] as number) + 1;
    }
  }
  return [...groups.values()];
}

/** Counts the rows of a view whose column equals a value, as a correlated COUNT(*). */
export function countWhere(rows: readonly NamedRow[], column: string, value: unknown): number {
  return rows.filter((row) => row[column] === value).length;
}

/** Returns SUSER_SNAME(sid): the login with this SID, or NULL. */
export function loginNameOf(server: FixtureServer, sid: unknown): string | null {
  const login = serverView(server, "sys.server_principals").find((p) => sameBytes(p["sid"], sid));
  return login === undefined ? null : (login["name"] as string);
}

/** Returns SCHEMA_NAME(schema_id) in the connection's database, or NULL. */
export function schemaNameOf(database: FixtureDatabase | undefined, schemaId: unknown): string | null {
  const schema = databaseView(database, "sys.schemas").find((s) => s["schema_id"] === schemaId);
  return schema === undefined ? null : (schema["name"] as string);
}

/** Returns OBJECT_NAME and OBJECT_SCHEMA_NAME of an object of the connection's database, or NULLs. */
export function objectNameOf(
  database: FixtureDatabase | undefined,
  objectId: unknown,
): { readonly schema: string | null; readonly name: string | null } {
  const object = databaseView(database, "sys.objects").find((o) => o["object_id"] === objectId);
  if (object === undefined) {
    return { schema: null, name: null };
  }
  return { schema: schemaNameOf(database, object["schema_id"]), name: object["name"] as string };
}

/** Reads a bit, tinyint or int flag of a fixture row as SQL compares it to 1. */
export function isOn(value: unknown): boolean {
  return value === true || value === 1;
}
