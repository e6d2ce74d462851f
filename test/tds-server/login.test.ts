import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import {
  createTdsTestServer,
  testCertificates,
  type TdsTestServer,
  type TestCertificates,
} from "../helpers/tds-server/index.js";
import { clientConfig, connectError, withPool } from "./client.js";

let certificates: TestCertificates;
let server: TdsTestServer;

before(async () => {
  certificates = await testCertificates();
  server = await createTdsTestServer({
    tls: certificates.valid,
    logins: [{ userName: "infio_reader", password: "correct horse" }],
    databases: ["master", "Sales"],
    handler: () => [],
  });
});

after(() => server.close());

describe("LOGIN7", () => {
  test("records the login fields", async () => {
    const config = clientConfig(server, certificates, {
      options: { readOnlyIntent: true, appName: "infio 0.1.0" },
    });
    await withPool(config, async () => {});

    const login = server.connections.at(-1)!.login!;
    assert.equal(login.userName, "infio_reader");
    assert.equal(login.password, "correct horse");
    assert.equal(login.database, "Sales");
    assert.equal(login.appName, "infio 0.1.0");
    assert.equal(login.readOnlyIntent, true);
    assert.equal(login.tdsVersion, "0x74000004");
    assert.equal(login.integratedSecurity, false);
  });

  test("read-write intent is recorded too", async () => {
    await withPool(clientConfig(server, certificates), async () => {});

    assert.equal(server.connections.at(-1)!.login!.readOnlyIntent, false);
  });

  test("wrong password fails with 18456", async () => {
    const config = clientConfig(server, certificates, { password: "wrong" });
    const error = await connectError(config);

    assert.equal(error.message, "Login failed for user 'infio_reader'.");
    assert.equal(error.code, "ELOGIN");
    const connection = server.connections.at(-1)!;
    assert.equal(connection.loggedIn, false);
    assert.equal(connection.loginError?.number, 18456);
  });

  test("unknown user fails with 18456", async () => {
    const error = await connectError(clientConfig(server, certificates, { user: "sa" }));

    assert.equal(error.message, "Login failed for user 'sa'.");
  });

  test("unknown database fails with 4060", async () => {
    const config = clientConfig(server, certificates, { database: "Missing" });
    const error = await connectError(config);

    assert.match(error.message, /Login failed for user 'infio_reader'/);
    const connection = server.connections.at(-1)!;
    assert.equal(connection.loginError?.number, 4060);
    assert.equal(connection.loggedIn, false);
  });

  test("session reports the database", async () => {
    const databases: string[] = [];
    const recording = await createTdsTestServer({
      tls: certificates.valid,
      handler: ({ session }) => {
        databases.push(session.database);
        return [];
      },
    });

    try {
      const config = clientConfig(recording, certificates, { database: "Inventory" });
      await withPool(config, (pool) => pool.request().batch("SELECT name FROM sys.tables"));
    } finally {
      await recording.close();
    }

    assert.deepEqual(databases, ["Inventory"]);
  });
});
