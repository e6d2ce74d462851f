/**
 * A ServerSession over a fixture without a network: queries go straight
 * to the responders, with the fixture's denied views and failing
 * databases applied, and a database that is not ONLINE cannot be opened.
 * Unit tests of inventory parts and of the collector use it; end-to-end
 * tests use the real driver and `startFixtureServer`.
 */

import { queryIdOf, type CatalogQuery } from "../../../src/sources/sqlserver/catalog-query.js";
import { SqlServerError } from "../../../src/sources/sqlserver/errors.js";
import type {
  QueryOptions,
  QueryParameters,
  Row,
  ServerSession,
  SqlReader,
} from "../../../src/sources/sqlserver/reader.js";
import type { RequestParameter } from "../tds-server/index.js";
import { openableDatabases } from "./database-list.js";
import type { FixtureServer } from "./fixture.js";
import { RESPONDERS } from "./responders/index.js";

export function memorySession(fixture: FixtureServer, server = "fixture"): ServerSession {
  const openable = new Set(openableDatabases(fixture).map((name) => name.toLowerCase()));

  return {
    server,
    async reader(database = "master"): Promise<SqlReader> {
      const known = fixture.databases.find((d) => d.name.toLowerCase() === database.toLowerCase());
      if (known === undefined || !openable.has(known.name.toLowerCase())) {
        throw new SqlServerError(
          "database-unavailable",
          `cannot connect to '${server}', database '${database}': database '${database}' cannot be opened ` +
            "(error 4060); check state_desc in sys.databases and the login's access",
          { server, database, number: 4060 },
        );
      }
      return memoryReader(fixture, server, known.name);
    },
    async release(): Promise<void> {},
    async close(): Promise<void> {},
  };
}

function memoryReader(fixture: FixtureServer, server: string, database: string): SqlReader {
  const all = async (
    query: CatalogQuery,
    parameters: QueryParameters = {},
    options: QueryOptions = {},
  ): Promise<Row[]> => {
    options.signal?.throwIfAborted();
    const id = queryIdOf(query.text) ?? query.id;
    const denied = [
      ...(fixture.faults?.deniedViews ?? []),
      ...(fixture.faults?.deniedViewsByDatabase?.[database] ?? []),
    ];
    const deniedView = query.reads.find((view) => denied.includes(view));
    if (deniedView !== undefined) {
      throw new SqlServerError(
        "permission-denied",
        `query ${id} failed on '${server}', database '${database}': ` +
          `the SELECT permission was denied on '${deniedView}' (error 229); ` +
          `grant the login ${query.permission} (infio grant-script prints the statements), ` +
          "or accept that this part stays unread",
        { server, database, queryId: id, number: 229 },
      );
    }

    const responder = RESPONDERS[id];
    if (responder === undefined) {
      throw new Error(`fixture: no responder for query '${id}'`);
    }
    const result = responder({
      server: fixture,
      database: fixture.databases.find((d) => d.name === database),
      parameters: toRequestParameters(parameters),
    });
    return result.rows.map((values) => {
      const row: Record<string, unknown> = {};
      result.columns.forEach((column, index) => {
        row[column.name] = values[index];
      });
      return row;
    });
  };

  return {
    server,
    database,
    all,
    async *rows(query, parameters, options) {
      for (const row of await all(query, parameters, options)) {
        options?.signal?.throwIfAborted();
        yield row;
      }
    },
  };
}

function toRequestParameters(parameters: QueryParameters): RequestParameter[] {
  return Object.entries(parameters).map(([name, parameter]) => ({
    name: `@${name}`,
    type: parameter.type,
    value: parameter.value,
    output: false,
  }));
}
