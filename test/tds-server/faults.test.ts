import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import sql from "mssql";

import {
  createTdsTestServer,
  testCertificates,
  waitOrAbort,
  type QueryContext,
  type QueryResponse,
  type TdsTestServer,
  type TestCertificates,
} from "../helpers/tds-server/index.js";
import { clientConfig, withPool } from "./client.js";

const rows = Array.from({ length: 50 }, (_, index) => [index, `object ${index}`]);

async function handler({ sql: text, signal }: QueryContext): Promise<QueryResponse> {
  if (text.includes("drop")) {
    return {
      columns: [{ name: "object_id", type: "int" }, { name: "name", type: "sysname" }],
      rows,
      dropConnectionAfterRows: 10,
    };
  }

  if (text.includes("slow")) {
    await waitOrAbort(30_000, signal);
    return { columns: [{ name: "late", type: "int" }], rows: [[1]] };
  }

  if (text.includes("throw")) {
    throw new Error("fixture missing");
  }

  if (text.includes("bad value")) {
    return { columns: [{ name: "n", type: "int" }], rows: [["not a number"]] };
  }

  return { columns: [{ name: "ok", type: "int" }], rows: [[1]] };
}

/** Polls every 10 ms until `condition` holds; fails after 5 seconds. */
async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    if (condition()) {
      return;
    }

    await new Promise((resolve) => setTimeout(resolve, 10));
  }

  assert.fail("the condition did not hold within 5 seconds");
}

let certificates: TestCertificates;
let server: TdsTestServer;

before(async () => {
  certificates = await testCertificates();
  server = await createTdsTestServer({ tls: certificates.valid, handler });
});

after(() => server.close());

describe("fault injection", () => {
  test("connection dropped mid-result fails the query", async () => {
    const error = await withPool(clientConfig(server, certificates), (pool) =>
      pool.request().query("SELECT 'drop'").then(
        () => assert.fail("the query should fail"),
        (caught: Error & { code?: string }) => caught,
      ),
    );

    assert.equal(error.code, "ECONNRESET");
    assert.match(error.message, /socket hang up/);
    assert.equal(server.connections.at(-1)!.closed, true);
  });

  test("request timeout sends ATTENTION", async () => {
    const config = clientConfig(server, certificates, { requestTimeout: 300 });
    const error = await withPool(config, (pool) =>
      pool.request().query("SELECT 'slow'").then(
        () => assert.fail("the query should time out"),
        (caught: Error & { code?: string }) => caught,
      ),
    );

    assert.equal(error.code, "ETIMEOUT");
    assert.match(error.message, /failed to complete in 300ms/);
    assert.equal(server.queries.at(-1)!.cancelled, true);
    assert.equal(server.connections.at(-1)!.attentions, 1);
  });

  test("cancel acknowledges and keeps the connection", async () => {
    await withPool(clientConfig(server, certificates), async (pool) => {
      const request = pool.request();
      const pending = request.query("SELECT 'slow'");
      await until(() => server.queries.at(-1)?.sql === "SELECT 'slow'");
      request.cancel();
      const error = await pending.then(
        () => assert.fail("the query should be cancelled"),
        (caught: Error & { code?: string }) => caught,
      );

      assert.equal(error.code, "ECANCEL");
      const after = await pool.request().query("SELECT 'next'");
      assert.deepEqual(after.recordset, [{ ok: 1 }]);
    });

    const slow = server.queries.filter((query) => query.sql === "SELECT 'slow'");
    assert.equal(slow.at(-1)!.cancelled, true);
  });

  test("handler exception becomes error 50000", async () => {
    const error = await withPool(clientConfig(server, certificates), (pool) =>
      pool.request().query("SELECT 'throw'").then(
        () => assert.fail("the query should fail"),
        (caught: sql.RequestError) => caught,
      ),
    );

    assert.equal(error.number, 50000);
    assert.match(error.message, /it threw fixture missing/);
  });

  test("value of the wrong type becomes error 50000", async () => {
    const error = await withPool(clientConfig(server, certificates), (pool) =>
      pool.request().query("SELECT 'bad value'").then(
        () => assert.fail("the query should fail"),
        (caught: sql.RequestError) => caught,
      ),
    );

    assert.equal(error.number, 50000);
    assert.match(error.message, /could not be encoded/);
  });
});
