/**
 * Rebuilds the user tables of one database as DDL modules, a page of
 * tables at a time in object_id order: the page's tables, then their
 * columns, indexes, CHECK constraints and foreign keys for the page's
 * object_id range. Memory keeps one page of catalog rows, whatever the
 * number of tables.
 */

import { quoteName } from "../catalog-query.js";
import type { CollectedItem, CollectedModule } from "../collected.js";
import type { Row, SqlReader } from "../reader.js";
import { integerOf } from "./row-values.js";
import { tableDdl } from "./table-ddl.js";
import {
  checkOf,
  columnOf,
  foreignKeysOf,
  indexesOf,
  tableHeaderOf,
  type TableHeader,
} from "./table-model.js";
import {
  TABLE_CHECKS_QUERY,
  TABLE_FOREIGN_KEYS_QUERY,
  TABLE_INDEXES_QUERY,
  TABLE_PAGE_SIZE,
  tableQueriesFor,
} from "./table-queries.js";

/** Part name of rebuilt tables in problems. */
export const TABLE_DEFINITIONS_PART = "table-definitions";

export interface RebuildTablesOptions {
  readonly database: string;
  /** The database's default collation, from sys.databases. */
  readonly databaseCollation: string | null;
  readonly majorVersion: number;
  /** Tables per page; TABLE_PAGE_SIZE unless a test needs small pages. */
  readonly pageSize?: number;
  readonly signal?: AbortSignal;
}

/**
 * Yields one `rebuilt-table` module per user table, and a problem for a
 * table whose columns the login cannot see. A failing query rejects with
 * its SqlServerError after the tables of earlier pages were yielded.
 */
export async function* rebuildTables(
  reader: SqlReader,
  options: RebuildTablesOptions,
): AsyncGenerator<CollectedItem, void, undefined> {
  const queries = tableQueriesFor(options.majorVersion);
  const pageSize = options.pageSize ?? TABLE_PAGE_SIZE;
  let after = -2_147_483_648;

  for (;;) {
    options.signal?.throwIfAborted();
    const rows = await reader.all(queries.tables, {
      page_size: { type: "int", value: pageSize },
      after_object_id: { type: "int", value: after },
    });
    const headers = uniqueHeaders(rows);
    if (headers.length === 0) {
      return;
    }

    const page = await readPage(reader, headers, queries.columns);
    for (const header of headers) {
      yield tableItem(header, page, options);
    }

    if (rows.length < pageSize) {
      return;
    }
    after = headers[headers.length - 1]!.objectId;
  }
}

interface Page {
  readonly columns: Map<number, Row[]>;
  readonly indexes: Map<number, Row[]>;
  readonly checks: Map<number, Row[]>;
  readonly foreignKeys: Map<number, Row[]>;
}

async function readPage(
  reader: SqlReader,
  headers: readonly TableHeader[],
  columnsQuery: Parameters<SqlReader["all"]>[0],
): Promise<Page> {
  const range = {
    first_object_id: { type: "int", value: headers[0]!.objectId },
    last_object_id: { type: "int", value: headers[headers.length - 1]!.objectId },
  } as const;

  return {
    columns: byTable(await reader.all(columnsQuery, range)),
    indexes: byTable(await reader.all(TABLE_INDEXES_QUERY, range)),
    checks: byTable(await reader.all(TABLE_CHECKS_QUERY, range)),
    foreignKeys: byTable(await reader.all(TABLE_FOREIGN_KEYS_QUERY, range)),
  };
}

function tableItem(header: TableHeader, page: Page, options: RebuildTablesOptions): CollectedItem {
  const id = header.objectId;
  const definition = tableDdl(
    {
      header,
      columns: (page.columns.get(id) ?? []).map(columnOf),
      indexes: indexesOf(page.indexes.get(id) ?? []),
      checks: (page.checks.get(id) ?? []).map(checkOf),
      foreignKeys: foreignKeysOf(page.foreignKeys.get(id) ?? []),
    },
    { databaseCollation: options.databaseCollation },
  );

  if (definition === undefined) {
    const name = `${quoteName(options.database)}.${quoteName(header.schema)}.${quoteName(header.name)}`;
    return {
      kind: "problem",
      problem: {
        part: TABLE_DEFINITIONS_PART,
        database: options.database,
        reason: "permission-denied",
        message:
          `table ${name} shows no columns to the login, so its definition cannot be rebuilt; ` +
          "grant VIEW DEFINITION in the database (see docs/permissions.md)",
      },
    };
  }

  const module: CollectedModule = {
    database: options.database,
    schema: header.schema,
    name: header.name,
    type: "table",
    typeCode: "U",
    origin: "rebuilt-table",
    definition,
  };
  return { kind: "module", module };
}

/** Rows of one table id each; the LEFT JOINs of the tables query give one row per table. */
function uniqueHeaders(rows: readonly Row[]): TableHeader[] {
  const seen = new Set<number>();
  const headers: TableHeader[] = [];
  for (const row of rows) {
    const header = tableHeaderOf(row);
    if (!seen.has(header.objectId)) {
      seen.add(header.objectId);
      headers.push(header);
    }
  }
  return headers;
}

function byTable(rows: readonly Row[]): Map<number, Row[]> {
  const map = new Map<number, Row[]>();
  for (const row of rows) {
    const id = integerOf(row, "object_id") ?? 0;
    let list = map.get(id);
    if (list === undefined) {
      list = [];
      map.set(id, list);
    }
    list.push(row);
  }
  return map;
}
