import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import sql from "mssql";

import type { CatalogQuery } from "../../../../src/sources/sqlserver/catalog-query.js";
import { startFixtureServer, type RunningFixtureServer } from "../../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { memorySession } from "../../../helpers/sqlserver-fixture/memory-session.js";
import { clientConfig } from "../../../tds-server/client.js";
import { FEATURE_PARTS } from "./part-runner.js";

// The responders' result sets go through the real driver here, so a
// column type that TDS cannot carry, or a value that does not fit its
// type, fails as it would in an end-to-end run.

let server: RunningFixtureServer;
const pools = new Map<string, sql.ConnectionPool>();

before(async () => {
  server = await startFixtureServer(kestrelServer());
});

after(async () => {
  for (const pool of pools.values()) {
    await pool.close();
  }
  await server.close();
});

async function poolFor(database: string): Promise<sql.ConnectionPool> {
  let pool = pools.get(database);
  if (pool === undefined) {
    pool = new sql.ConnectionPool(clientConfig(server.tds, server.certificates, { database }));
    pools.set(database, pool);
    await pool.connect();
  }
  return pool;
}

/** Makes driver and fixture values comparable: bytes as hex, dates as ISO text. */
function comparable(rows: readonly Readonly<Record<string, unknown>>[]): unknown[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([name, value]) => {
        if (value instanceof Uint8Array) {
          return [name, Buffer.from(value).toString("hex")];
        }
        return [name, value instanceof Date ? value.toISOString() : value];
      }),
    ),
  );
}

async function memoryRows(query: CatalogQuery, database: string): Promise<unknown[]> {
  const reader = await memorySession(kestrelServer()).reader(database);
  return comparable(await reader.all(query));
}

for (const part of FEATURE_PARTS) {
  const database = part.scope === "server" ? "master" : "KestrelColdChain";

  for (const query of part.queries) {
    test(`query ${query.id} returns the same rows over TDS`, async () => {
      const pool = await poolFor(database);
      const result = await pool.request().query(query.text);

      assert.deepEqual(comparable(result.recordset), await memoryRows(query, database));
    });
  }
}
