import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import sql from "mssql";

import {
  createTdsTestServer,
  deadlockVictim,
  permissionDenied,
  testCertificates,
  type QueryContext,
  type QueryResponse,
  type TdsTestServer,
  type TestCertificates,
} from "../helpers/tds-server/index.js";
import { clientConfig, withPool } from "./client.js";

const GUID = "6F9619FF-8B86-D011-B42D-00C04FC964FF";
const LONG_TEXT = "ab€".repeat(34_134);

/** Picks the response by the first word after a leading comment, e.g. "-- types". */
function handler({ sql: text, parameters }: QueryContext): QueryResponse {
  const name = /^--\s*(\S+)/.exec(text)?.[1];

  switch (name) {
    case "echo":
      return {
        columns: [{ name: "schema_name", type: "sysname" }, { name: "object_id", type: "int" }],
        rows: [[parameters[0]!.value as string, parameters[1]!.value as number]],
      };
    case "two-sets":
      return [
        { columns: [{ name: "a", type: "int" }], rows: [[1], [2]] },
        { columns: [{ name: "b", type: "varchar(10)" }], rows: [["x"]] },
      ];
    case "long":
      return { columns: [{ name: "definition", type: "nvarchar(max)" }], rows: [[LONG_TEXT]] };
    case "types":
      return {
        columns: [
          { name: "i", type: "int" },
          { name: "b", type: "bigint" },
          { name: "s", type: "smallint" },
          { name: "t", type: "tinyint" },
          { name: "bit", type: "bit" },
          { name: "v", type: "varchar(20)" },
          { name: "n", type: "nvarchar(20)" },
          { name: "d2", type: "datetime2(3)" },
          { name: "dt", type: "datetime" },
          { name: "dec", type: "decimal(18, 2)" },
          { name: "bin", type: "varbinary(8)" },
          { name: "binmax", type: "varbinary(max)" },
          { name: "g", type: "uniqueidentifier" },
          { name: "f", type: "float" },
          { name: "day", type: "date" },
        ],
        rows: [
          [
            -5, 9_007_199_254_740_993n, -300, 255, true, "plain", "ünï",
            new Date("2024-02-29T13:14:15.678Z"), new Date("2001-01-01T00:00:00.000Z"),
            "-12345.67", Buffer.from([1, 2, 3]), Buffer.alloc(10_000, 7), GUID, 0.5,
            new Date("1999-12-31T00:00:00Z"),
          ],
          Array(15).fill(null),
        ],
      };
    case "error":
      return { number: 208, state: 1, class: 16, message: "Invalid object name 'sys.nothing'." };
    case "partial-permission":
      return [
        { columns: [{ name: "name", type: "sysname" }], rows: [["Sales"]] },
        permissionDenied("SELECT", "sql_logins", "master", "sys"),
      ];
    case "deadlock":
      return deadlockVictim();
    case "info":
      return [
        { number: 0, state: 1, class: 0, message: "Starting." },
        { columns: [{ name: "x", type: "int" }], rows: [[1]] },
      ];
    default:
      return { number: 50000, state: 1, class: 16, message: `Unexpected ${text}` };
  }
}

let certificates: TestCertificates;
let server: TdsTestServer;
let pool: sql.ConnectionPool;

before(async () => {
  certificates = await testCertificates();
  server = await createTdsTestServer({ tls: certificates.valid, handler });
  pool = new sql.ConnectionPool(clientConfig(server, certificates));
  await pool.connect();
});

after(async () => {
  await pool.close();
  await server.close();
});

describe("queries through mssql", () => {
  test("parameterised query sends sp_executesql", async () => {
    const result = await pool
      .request()
      .input("schema", sql.NVarChar(128), "dbo")
      .input("id", sql.Int, 42)
      .query("-- echo\nSELECT @schema, @id");

    assert.deepEqual(result.recordset[0], { schema_name: "dbo", object_id: 42 });
    const query = server.queries.at(-1)!;
    assert.equal(query.kind, "rpc");
    assert.equal(query.procedure, "sp_executesql");
    assert.equal(query.declarations, "@schema nvarchar(128), @id int");
    assert.deepEqual(
      query.parameters.map(({ name, type, value }) => ({ name, type, value })),
      [
        { name: "@schema", type: "nvarchar", value: "dbo" },
        { name: "@id", type: "int", value: 42 },
      ],
    );
  });

  test("parameter types are decoded", async () => {
    await pool
      .request()
      .input("big", sql.BigInt, "9007199254740993")
      .input("flag", sql.Bit, true)
      .input("amount", sql.Decimal(10, 3), 12.345)
      .input("when", sql.DateTime2(7), new Date("2024-01-02T03:04:05.006Z"))
      .input("guid", sql.UniqueIdentifier, GUID)
      .input("bytes", sql.VarBinary(sql.MAX), Buffer.from("hi"))
      .input("nothing", sql.NVarChar(10), null)
      .query("-- echo-types")
      .catch(() => undefined);

    const values = Object.fromEntries(
      server.queries.at(-1)!.parameters.map((p) => [p.name, p.value]),
    );
    assert.equal(values["@big"], 9_007_199_254_740_993n);
    assert.equal(values["@flag"], true);
    assert.equal(values["@amount"], "12.345");
    assert.deepEqual(values["@when"], new Date("2024-01-02T03:04:05.006Z"));
    assert.equal(values["@guid"], GUID);
    assert.deepEqual(values["@bytes"], Buffer.from("hi"));
    assert.equal(values["@nothing"], null);
  });

  test("multiple result sets arrive in order", async () => {
    const result = await pool.request().batch("-- two-sets");
    const sets = result.recordsets as unknown as Array<Array<Record<string, unknown>>>;

    assert.deepEqual(sets[0], [{ a: 1 }, { a: 2 }]);
    assert.deepEqual(sets[1], [{ b: "x" }]);
    assert.deepEqual(result.rowsAffected, [2, 1]);
    assert.equal(server.queries.at(-1)!.kind, "batch");
  });

  test("nvarchar(max) of 100 KB streams as PLP", async () => {
    const result = await pool.request().query("-- long");

    assert.equal(result.recordset[0]!.definition, LONG_TEXT);
    assert.ok(Buffer.byteLength(LONG_TEXT, "utf16le") > 200_000);
  });

  test("column types and NULLs decode in mssql", async () => {
    const result = await pool.request().query("-- types");
    const [row, empty] = result.recordset;

    assert.deepEqual(row, {
      i: -5,
      b: "9007199254740993",
      s: -300,
      t: 255,
      bit: true,
      v: "plain",
      n: "ünï",
      d2: new Date("2024-02-29T13:14:15.678Z"),
      dt: new Date("2001-01-01T00:00:00.000Z"),
      dec: -12345.67,
      bin: Buffer.from([1, 2, 3]),
      binmax: Buffer.alloc(10_000, 7),
      g: GUID,
      f: 0.5,
      day: new Date("1999-12-31T00:00:00Z"),
    });
    assert.ok(Object.values(empty!).every((value) => value === null));
    assert.equal(result.recordset.columns.dec!.precision, 18);
    assert.equal(result.recordset.columns.dec!.scale, 2);
  });

  test("error carries number, state and class", async () => {
    const error = await pool.request().query("-- error").then(
      () => assert.fail("the query should fail"),
      (caught: sql.RequestError) => caught,
    );

    assert.equal(error.message, "Invalid object name 'sys.nothing'.");
    assert.equal(error.number, 208);
    assert.equal(error.state, 1);
    assert.equal(error.class, 16);
    assert.equal(error.serverName, "infio-tds-test");
  });

  test("permission error after a result set", async () => {
    const error = await pool.request().query("-- partial-permission").then(
      () => assert.fail("the query should fail"),
      (caught: sql.RequestError) => caught,
    );

    assert.equal(error.number, 229);
    assert.match(error.message, /SELECT permission was denied on the object 'sql_logins'/);
  });

  test("deadlock victim is error 1205", async () => {
    const error = await pool.request().query("-- deadlock").then(
      () => assert.fail("the query should fail"),
      (caught: sql.RequestError) => caught,
    );

    assert.equal(error.number, 1205);
    assert.equal(error.class, 13);
  });

  test("informational messages reach the client", async () => {
    const request = pool.request();
    const messages: string[] = [];
    request.on("info", (info: { message: string }) => messages.push(info.message));
    const result = await request.query("-- info");

    assert.deepEqual(messages, ["Starting."]);
    assert.deepEqual(result.recordset, [{ x: 1 }]);
  });

  test("driver housekeeping is recorded apart", async () => {
    const housekeeping = server.queries.filter((query) => query.driverHousekeeping);

    assert.ok(housekeeping.some((query) => /^set /m.test(query.sql)));
    assert.ok(server.applicationQueries().every((query) => query.sql.startsWith("--")));
  });
});
