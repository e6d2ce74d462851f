import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { defineQuery, queryIdOf, type CatalogQuery } from "../../../../src/sources/sqlserver/catalog-query.js";
import type { ConnectionEvent } from "../../../../src/sources/sqlserver/connection/events.js";
import { openServer } from "../../../../src/sources/sqlserver/connection/session.js";
import { SqlServerError } from "../../../../src/sources/sqlserver/errors.js";
import type { Row, ServerSession, SqlReader } from "../../../../src/sources/sqlserver/reader.js";
import {
  deadlockVictim,
  permissionDenied,
  waitOrAbort,
  type QueryContext,
  type QueryResponse,
  type TdsTestServer,
} from "../../../helpers/tds-server/index.js";
import { assertNoPassword, eventually, settingsFor, startServer } from "./live-server.js";

function query(id: string, sql: string, reads: string[] = ["sys.objects"]): CatalogQuery {
  return defineQuery({ id, scope: "database", sql, reads, permission: "VIEW DEFINITION" });
}

const OBJECTS_BY_SCHEMA = query(
  "test.objects-by-schema",
  "SELECT o.object_id, o.name FROM sys.objects AS o WHERE o.schema_id = @schema_id AND o.name LIKE @pattern " +
    "AND o.is_ms_shipped = @shipped AND o.object_id > @after",
);
const MANY_ROWS = query("test.many-rows", "SELECT c.object_id, c.column_id, c.name FROM sys.columns AS c", ["sys.columns"]);
const DENIED = query("test.denied", "SELECT s.name FROM sys.server_principals AS s", ["sys.server_principals"]);
const DEADLOCK_ONCE = query("test.deadlock-once", "SELECT o.name FROM sys.objects AS o");
const DEADLOCK_ALWAYS = query("test.deadlock-always", "SELECT o.name FROM sys.objects AS o");
const HANGING = query("test.hanging", "SELECT m.definition FROM sys.sql_modules AS m", ["sys.sql_modules"]);
const DROPPED = query("test.dropped", "SELECT m.object_id, m.definition FROM sys.sql_modules AS m", ["sys.sql_modules"]);
const DROPPED_AT_ONCE = query("test.dropped-at-once", "SELECT m.object_id FROM sys.sql_modules AS m", ["sys.sql_modules"]);

const ROW_COUNT = 50_000;
const manyRows = Array.from({ length: ROW_COUNT }, (_, index) => [index, (index % 20) + 1, `column_${index}`]);
const deadlocked = new Set<string>();

async function handler(context: QueryContext): Promise<QueryResponse> {
  const id = queryIdOf(context.sql);
  switch (id) {
    case OBJECTS_BY_SCHEMA.id:
      return {
        columns: [
          { name: "object_id", type: "int" },
          { name: "name", type: "sysname" },
        ],
        rows: [
          [101, "Orders"],
          [102, "OrderLines"],
        ],
      };
    case MANY_ROWS.id:
      return {
        columns: [
          { name: "object_id", type: "int" },
          { name: "column_id", type: "int" },
          { name: "name", type: "sysname" },
        ],
        rows: manyRows,
      };
    case DENIED.id:
      return permissionDenied("SELECT", "server_principals", context.session.database, "sys");
    case DEADLOCK_ONCE.id:
      if (!deadlocked.has(id)) {
        deadlocked.add(id);
        return deadlockVictim();
      }
      return { columns: [{ name: "name", type: "sysname" }], rows: [["Orders"]] };
    case DEADLOCK_ALWAYS.id:
      return deadlockVictim();
    case HANGING.id:
      await waitOrAbort(60_000, context.signal);
      return { columns: [{ name: "definition", type: "nvarchar(max)" }], rows: [] };
    case DROPPED.id:
      return {
        columns: [
          { name: "object_id", type: "int" },
          { name: "definition", type: "nvarchar(max)" },
        ],
        rows: Array.from({ length: 100 }, (_, index) => [index, `CREATE VIEW v${index} AS SELECT 1 AS one`]),
        dropConnectionAfterRows: 10,
      };
    case DROPPED_AT_ONCE.id:
      return { columns: [{ name: "object_id", type: "int" }], rows: [[1], [2]], dropConnectionAfterRows: 0 };
    default:
      return { number: 50000, state: 1, class: 16, message: `no response for ${id ?? "an untagged statement"}` };
  }
}

let server: TdsTestServer;
let session: ServerSession;
let reader: SqlReader;
const events: ConnectionEvent[] = [];

before(async () => {
  server = await startServer({ handler, databases: ["master", "Sales"] });
  const settings = await settingsFor(server, { statementTimeout: "400ms", retries: 3 });
  session = await openServer(settings, { onEvent: (event) => events.push(event) });
  reader = await session.reader("Sales");
});

after(async () => {
  await session.close();
  await server.close();
});

/** Queries of `query` the server received, in order. */
function received(catalogQuery: CatalogQuery) {
  return server.applicationQueries().filter((record) => queryIdOf(record.sql) === catalogQuery.id);
}

function retriesOf(catalogQuery: CatalogQuery): Extract<ConnectionEvent, { type: "retry" }>[] {
  return events.filter((event): event is Extract<ConnectionEvent, { type: "retry" }> => event.type === "retry" && event.queryId === catalogQuery.id);
}

async function failure(run: () => Promise<unknown>): Promise<SqlServerError> {
  try {
    await run();
  } catch (error) {
    assert.ok(error instanceof SqlServerError, String(error));
    assertNoPassword(error);
    return error;
  }
  assert.fail("the query succeeded, a failure was expected");
}

async function collect(rows: AsyncIterable<Row>): Promise<Row[]> {
  const collected: Row[] = [];
  for await (const row of rows) {
    collected.push(row);
  }
  return collected;
}

describe("SqlReader queries", () => {
  test("sends typed parameters with sp_executesql", async () => {
    const rows = await reader.all(OBJECTS_BY_SCHEMA, {
      schema_id: { type: "int", value: 1 },
      pattern: { type: "nvarchar", value: "Order%" },
      shipped: { type: "bit", value: false },
      after: { type: "bigint", value: 100 },
    });

    assert.deepEqual(rows, [
      { object_id: 101, name: "Orders" },
      { object_id: 102, name: "OrderLines" },
    ]);
    const sent = received(OBJECTS_BY_SCHEMA).at(-1)!;
    assert.equal(sent.procedure, "sp_executesql");
    assert.equal(sent.sql, OBJECTS_BY_SCHEMA.text);
    assert.equal(sent.database, "Sales");
    assert.equal(sent.declarations, "@schema_id int, @pattern nvarchar(4000), @shipped bit, @after bigint");
    assert.deepEqual(
      sent.parameters.map((parameter) => [parameter.name, parameter.type, parameter.value]),
      [
        ["@schema_id", "int", 1],
        ["@pattern", "nvarchar", "Order%"],
        ["@shipped", "bit", false],
        ["@after", "bigint", 100n],
      ],
    );
  });

  test("rejects an invalid parameter name", async () => {
    await assert.rejects(reader.all(OBJECTS_BY_SCHEMA, { "x; DROP": { type: "int", value: 1 } }), TypeError);
  });

  test("streams a large result in order", async () => {
    let count = 0;
    let ordered = true;
    for await (const row of reader.rows(MANY_ROWS)) {
      ordered &&= row.object_id === count;
      count += 1;
    }

    assert.equal(count, ROW_COUNT);
    assert.equal(ordered, true);
    assert.equal(received(MANY_ROWS).at(-1)!.cancelled, false);
  });

  test("an early break cancels the request", async () => {
    const seen: Row[] = [];
    for await (const row of reader.rows(MANY_ROWS)) {
      seen.push(row);
      if (seen.length === 100) {
        break;
      }
    }

    assert.equal(seen.length, 100);
    // The test server sends a whole response at once, so the ATTENTION
    // arrives after it and the server only acknowledges it. A real server
    // stops the query.
    const connection = server.connections.find((record) => record.id === received(MANY_ROWS).at(-1)!.connectionId)!;
    await eventually(() => connection.attentions === 1, "the cancel reaching the server");
    assert.equal(connection.closed, false, "the connection stays open for the next query");

    const after = await reader.all(OBJECTS_BY_SCHEMA, {
      schema_id: { type: "int", value: 1 },
      pattern: { type: "nvarchar", value: "%" },
      shipped: { type: "bit", value: false },
      after: { type: "bigint", value: 0 },
    });
    assert.equal(after.length, 2);
  });
});

describe("SqlReader failures", () => {
  test("permission denied is not retried", async () => {
    const error = await failure(() => reader.all(DENIED));

    assert.equal(error.kind, "permission-denied");
    assert.equal(error.number, 229);
    assert.equal(error.queryId, "test.denied");
    assert.equal(error.database, "Sales");
    assert.match(error.message, /^query test.denied failed on '127\.0\.0\.1,\d+', database 'Sales': permission denied \(error 229: The SELECT permission was denied/);
    assert.match(error.message, /grant the login VIEW DEFINITION/);
    assert.equal(received(DENIED).length, 1);
    assert.deepEqual(retriesOf(DENIED), []);
  });

  test("a deadlock victim is retried and succeeds", async () => {
    const rows = await collect(reader.rows(DEADLOCK_ONCE));

    assert.deepEqual(rows, [{ name: "Orders" }]);
    assert.equal(received(DEADLOCK_ONCE).length, 2);
    const retries = retriesOf(DEADLOCK_ONCE);
    assert.equal(retries.length, 1);
    assert.equal(retries[0]!.attempt, 1);
    assert.equal(retries[0]!.database, "Sales");
    assert.equal(retries[0]!.error.number, 1205);
    assert.ok(retries[0]!.delayMs >= 5, "at least half the 10ms base delay");
    assert.ok(retries[0]!.delayMs <= 10, "at most the 10ms base delay");
    assertNoPassword(retries[0]!.error);
  });

  test("retries stop after the configured count", async () => {
    const error = await failure(() => reader.all(DEADLOCK_ALWAYS));

    assert.equal(error.kind, "failed");
    assert.equal(error.number, 1205);
    assert.match(error.message, /deadlock victim \(error 1205: .*\), 4 attempts/);
    assert.equal(received(DEADLOCK_ALWAYS).length, 4);
    assert.deepEqual(retriesOf(DEADLOCK_ALWAYS).map((event) => event.attempt), [1, 2, 3]);
  });

  test("a hanging query times out", async () => {
    const error = await failure(() => reader.all(HANGING));

    assert.equal(error.kind, "timeout");
    assert.equal(error.server, `127.0.0.1,${server.port}`);
    assert.equal(error.database, "Sales");
    assert.equal(error.queryId, "test.hanging");
    assert.match(error.message, /^query test.hanging failed on '127\.0\.0\.1,\d+', database 'Sales': timed out after 400ms/);
    assert.match(error.message, /raise --timeout/);
    assert.equal(received(HANGING).length, 1, "a timeout is not retried");
    await eventually(() => received(HANGING)[0]!.cancelled, "the cancel reaching the server");
  });

  test("a connection dropped mid-stream is lost", async () => {
    const seen: Row[] = [];
    const error = await failure(async () => {
      for await (const row of reader.rows(DROPPED)) {
        seen.push(row);
      }
    });

    assert.equal(seen.length, 10);
    assert.equal(error.kind, "connection-lost");
    assert.equal(error.queryId, "test.dropped");
    assert.equal(error.database, "Sales");
    assert.match(error.message, /^query test.dropped failed on '127\.0\.0\.1,\d+', database 'Sales': the connection broke \(ECONNRESET/);
    assert.equal(received(DROPPED).length, 1, "rows already yielded are not read twice");
  });

  test("a drop before the first row is retried", async () => {
    const before = received(DROPPED_AT_ONCE).length;
    const error = await failure(() => collect(reader.rows(DROPPED_AT_ONCE)));

    assert.equal(error.kind, "connection-lost");
    assert.match(error.message, /4 attempts/);
    assert.equal(received(DROPPED_AT_ONCE).length - before, 4);
  });

  test("the reader works after failures", async () => {
    const rows = await reader.all(OBJECTS_BY_SCHEMA, {
      schema_id: { type: "int", value: 1 },
      pattern: { type: "nvarchar", value: null },
      shipped: { type: "bit", value: null },
      after: { type: "bigint", value: null },
    });
    assert.equal(rows.length, 2);
  });

  test("events carry no password", () => {
    assert.ok(events.some((event) => event.type === "retry"));
    assertNoPassword(events);
  });
});
