/**
 * Turns a fixture server into a TDS test server query handler: finds the
 * infio query by its tag comment, applies the fixture's faults, and lets
 * the query's responder answer.
 */

import { queryIdOf } from "../../../src/sources/sqlserver/catalog-query.js";
import { allQueries } from "../../../src/sources/sqlserver/queries.js";
import {
  deadlockVictim,
  permissionDenied,
  waitOrAbort,
  type QueryHandler,
  type QueryResponse,
  type ResultSet,
} from "../tds-server/index.js";
import type { FixtureServer } from "./fixture.js";
import { RESPONDERS } from "./responders/index.js";

export interface FixtureHandlerRecord {
  /** Query ids answered, in order, with the database they ran in. */
  readonly answered: { readonly id: string; readonly database: string }[];
}

export function fixtureHandler(
  server: FixtureServer,
  record: FixtureHandlerRecord = { answered: [] },
): QueryHandler {
  const queries = new Map(allQueries().map((query) => [query.id, query]));
  const deadlocked = new Set<string>();

  return async (context): Promise<QueryResponse> => {
    const id = queryIdOf(context.sql);
    const query = id === undefined ? undefined : queries.get(id);
    const responder = id === undefined ? undefined : RESPONDERS[id];
    if (id === undefined || query === undefined || responder === undefined) {
      return {
        number: 50000,
        state: 1,
        class: 16,
        message: `fixture server: no responder for ${id ?? "an untagged statement"}: ${context.sql.slice(0, 80)}`,
      };
    }

    const databaseName = context.session.database;
    const database = server.databases.find((d) => d.name.toLowerCase() === databaseName.toLowerCase());
    record.answered.push({ id, database: databaseName });
    const faults = server.faults ?? {};

    const denied = [
      ...(faults.deniedViews ?? []),
      ...(faults.deniedViewsByDatabase?.[databaseName] ?? []),
    ];
    const deniedView = query.reads.find((view) => denied.includes(view));
    if (deniedView !== undefined) {
      const [schema, object] = splitView(deniedView);
      return permissionDenied("SELECT", object, databaseName, schema);
    }

    if (faults.deadlockOnce?.includes(id) === true && !deadlocked.has(`${id}@${databaseName}`)) {
      deadlocked.add(`${id}@${databaseName}`);
      return deadlockVictim();
    }

    if (faults.hangingQueries?.includes(id) === true) {
      await waitOrAbort(3_600_000, context.signal);
    }

    const result: ResultSet = responder({ server, database, parameters: context.parameters });
    const dropAfter = faults.dropConnection?.[id];
    return dropAfter === undefined ? result : { ...result, dropConnectionAfterRows: dropAfter };
  };
}

function splitView(view: string): [string, string] {
  const parts = view.split(".");
  const object = parts.pop() ?? view;
  return [parts.pop() ?? "sys", object];
}
