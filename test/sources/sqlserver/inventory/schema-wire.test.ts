/**
 * The schema parts over the real driver: each part reads the Kestrel
 * fixture through mssql and tedious and the TDS test server, and must
 * build the same items as over the in-memory session. This checks that
 * the responders' column types carry the values and that the parts read
 * what tedious returns (bigint as text, bit as boolean, Date).
 */

import { after, before, test } from "node:test";
import assert from "node:assert/strict";

import sql from "mssql";

import { DATABASE_PARTS, SERVER_PARTS } from "../../../../src/sources/sqlserver/inventory/index.js";
import type { InventoryPart } from "../../../../src/sources/sqlserver/inventory/part.js";
import type { Row, SqlReader } from "../../../../src/sources/sqlserver/reader.js";
import { startFixtureServer, type RunningFixtureServer } from "../../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { clientConfig } from "../../../tds-server/client.js";
import { runPart } from "./harness.js";

const SCHEMA_PARTS = new Set([
  "server",
  "host",
  "configuration",
  "databases",
  "database-files",
  "tde",
  "availability-groups",
  "cluster-nodes",
  "log-shipping",
  "objects",
  "tables",
  "column-types",
  "indexes",
  "constraints",
  "partitioning",
  "query-store",
]);

let fixture: RunningFixtureServer;
const pools = new Map<string, sql.ConnectionPool>();

before(async () => {
  fixture = await startFixtureServer(kestrelServer());
});

after(async () => {
  for (const pool of pools.values()) {
    await pool.close();
  }
  await fixture.close();
});

/** Opens a SqlReader over one mssql pool: enough for parts, without the connector's retries. */
async function wireReader(database: string): Promise<SqlReader> {
  let pool = pools.get(database);
  if (pool === undefined) {
    pool = new sql.ConnectionPool(clientConfig(fixture.tds, fixture.certificates, { database }));
    await pool.connect();
    pools.set(database, pool);
  }
  const connected = pool;
  const all = async (query: { readonly text: string }): Promise<Row[]> =>
    (await connected.request().query(query.text)).recordset as Row[];
  return {
    server: "KESTREL-SQL01",
    database,
    all,
    async *rows(query) {
      yield* await all(query);
    },
  };
}

async function compare(part: InventoryPart, database: string | undefined, majorVersion: number): Promise<void> {
  const expected = await runPart(part, { ...(database === undefined ? {} : { database }), majorVersion });
  const reader = await wireReader(database ?? "master");
  const actual = await part.collect(reader, { majorVersion, edition: "Enterprise Edition" });
  assert.deepEqual(actual.items, expected.items, `${part.name} in ${database ?? "master"}`);
}

for (const majorVersion of [13, 16]) {
  test(`server parts over TDS, major version ${majorVersion}`, async () => {
    for (const part of SERVER_PARTS.filter((p) => SCHEMA_PARTS.has(p.name))) {
      await compare(part, undefined, majorVersion);
    }
  });

  test(`database parts over TDS, major version ${majorVersion}`, async () => {
    for (const database of ["KestrelColdChain", "Archive"]) {
      for (const part of DATABASE_PARTS.filter((p) => SCHEMA_PARTS.has(p.name))) {
        await compare(part, database, majorVersion);
      }
    }
  });
}
