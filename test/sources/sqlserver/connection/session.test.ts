import assert from "node:assert/strict";
import { networkInterfaces } from "node:os";
import { after, before, describe, test } from "node:test";

import { defineQuery } from "../../../../src/sources/sqlserver/catalog-query.js";
import type { ConnectionEvent } from "../../../../src/sources/sqlserver/connection/events.js";
import { openServer } from "../../../../src/sources/sqlserver/connection/session.js";
import { SqlServerError } from "../../../../src/sources/sqlserver/errors.js";
import type { ServerSession } from "../../../../src/sources/sqlserver/reader.js";
import {
  testCertificates,
  type KeyAndCertificate,
  type QueryContext,
  type QueryResponse,
  type TdsTestServer,
  type TdsTestServerOptions,
  type TestCertificates,
} from "../../../helpers/tds-server/index.js";
import { assertNoPassword, eventually, settingsFor, startServer, USER } from "./live-server.js";

const CURRENT_DATABASE = defineQuery({
  id: "test.current-database",
  scope: "database",
  sql: "SELECT DB_NAME() AS name",
  reads: ["DB_NAME"],
  permission: "CONNECT",
});

function handler({ session }: QueryContext): QueryResponse {
  return { columns: [{ name: "name", type: "sysname" }], rows: [[session.database]] };
}

let certificates: TestCertificates;

const hasIpv6Loopback = Object.values(networkInterfaces()).some((addresses) =>
  (addresses ?? []).some((address) => address.address === "::1"),
);
const ipv6Only = { skip: hasIpv6Loopback ? false : "no IPv6 loopback on this machine" };

before(async () => {
  certificates = await testCertificates();
});

async function withServer<T>(options: TdsTestServerOptions, body: (server: TdsTestServer) => Promise<T>): Promise<T> {
  const server = await startServer({ handler, ...options });
  try {
    return await body(server);
  } finally {
    await server.close();
  }
}

/** Opens a session, expecting it to fail, and returns the error. */
async function openError(server: TdsTestServer, options: Parameters<typeof settingsFor>[1] = {}): Promise<SqlServerError> {
  const settings = await settingsFor(server, options);
  try {
    const session = await openServer(settings);
    await session.close();
  } catch (error) {
    assert.ok(error instanceof SqlServerError, String(error));
    assertNoPassword(error);
    return error;
  }
  assert.fail("the session opened, a failure was expected");
}

describe("openServer over TLS", () => {
  test("TDS 7.4 with TLS verifies and reads master", async () => {
    await withServer({}, async (server) => {
      const session = await openServer(await settingsFor(server));
      try {
        const reader = await session.reader();
        assert.deepEqual(await reader.all(CURRENT_DATABASE), [{ name: "master" }]);
        assert.equal(reader.database, "master");
        assert.equal(reader.server, `127.0.0.1,${server.port}`);
      } finally {
        await session.close();
      }

      const connection = server.connections.at(-1)!;
      assert.equal(connection.encryption, "full");
      assert.equal(connection.tlsVersion, "TLSv1.2");
      assert.equal(connection.loginEncrypted, true);
      assert.equal(connection.tlsServerName, "localhost");
    });
  });

  test("TDS 8.0 strict starts with TLS", async () => {
    await withServer({ requireStrict: true }, async (server) => {
      const session = await openServer(await settingsFor(server, { tls: "strict" }));
      try {
        const reader = await session.reader();
        assert.deepEqual(await reader.all(CURRENT_DATABASE), [{ name: "master" }]);
      } finally {
        await session.close();
      }

      const connection = server.connections.at(-1)!;
      assert.equal(connection.encryption, "strict");
      assert.equal(connection.alpn, "tds/8.0");
      assert.equal(connection.tlsVersion, "TLSv1.3");
    });
  });

  test("connects to an IPv6 address in brackets", ipv6Only, async () => {
    await withServer({ listenIpv6: true }, async (server) => {
      const settings = await settingsFor(server, { server: `[::1],${server.port}`, serverName: undefined });
      assert.equal(settings.tls.serverName, "::1");

      const session = await openServer(settings);
      try {
        const reader = await session.reader();
        assert.deepEqual(await reader.all(CURRENT_DATABASE), [{ name: "master" }]);
      } finally {
        await session.close();
      }
      assert.equal(server.connections.at(-1)!.remoteAddress, "::1");
    });
  });

  test("logs in read-only as infio", async () => {
    await withServer({}, async (server) => {
      const session = await openServer(await settingsFor(server));
      await session.close();

      const login = server.connections.at(-1)!.login!;
      assert.equal(login.readOnlyIntent, true);
      assert.equal(login.appName, "infio");
      assert.equal(login.userName, USER);
      assert.equal(login.database, "master");
      assert.equal(login.tdsVersion, "0x74000004");
    });
  });

  const rejected: [string, () => KeyAndCertificate, "on" | "strict", RegExp][] = [
    ["wrong host name", () => certificates.wrongHost, "on", /not issued for the name 'localhost' \(ERR_TLS_CERT_ALTNAME_INVALID.*--server-name NAME/],
    ["wrong host name with strict", () => certificates.wrongHost, "strict", /ERR_TLS_CERT_ALTNAME_INVALID/],
    ["untrusted CA", () => certificates.untrusted, "on", /not signed by a trusted CA \(UNABLE_TO_VERIFY_LEAF_SIGNATURE.*pass --tls-ca FILE with the CA that signed the server's certificate/],
    ["expired certificate", () => certificates.expired, "on", /certificate has expired \(CERT_HAS_EXPIRED/],
    ["expired certificate with strict", () => certificates.expired, "strict", /CERT_HAS_EXPIRED/],
  ];
  for (const [name, certificate, tls, message] of rejected) {
    test(`${name} is rejected`, async () => {
      await withServer({ tls: certificate() }, async (server) => {
        const error = await openError(server, { tls });

        assert.equal(error.kind, "tls");
        assert.match(error.message, new RegExp(`^cannot connect to '127\\.0\\.0\\.1,${server.port}', database 'master': `));
        assert.match(error.message, message);
        assert.equal(server.connections.some((connection) => connection.login !== undefined), false);
      });
    });
  }

  test("--trust-server-certificate connects to an untrusted certificate", async () => {
    await withServer({ tls: certificates.untrusted }, async (server) => {
      const settings = await settingsFor(server, { trustServerCertificate: true });
      assert.equal(settings.tls.trustServerCertificate, true);

      const session = await openServer(settings);
      try {
        const reader = await session.reader();
        assert.deepEqual(await reader.all(CURRENT_DATABASE), [{ name: "master" }]);
      } finally {
        await session.close();
      }
      assert.equal(server.connections.at(-1)!.encryption, "full");
    });
  });
});

describe("openServer failures", () => {
  test("login failure names the server and user", async () => {
    await withServer({ logins: [{ userName: USER, password: "another password" }] }, async (server) => {
      const error = await openError(server);

      assert.equal(error.kind, "login-failed");
      assert.equal(error.number, 18456);
      assert.equal(error.server, `127.0.0.1,${server.port}`);
      assert.equal(error.database, "master");
      assert.match(error.message, /^cannot connect to '127\.0\.0\.1,\d+', database 'master': login failed for user 'infio_reader' \(error 18456/);
      assert.equal(server.connections.length, 1, "a login failure is not retried");
    });
  });

  test("a closed port is unreachable", async () => {
    const server = await startServer();
    await server.close();
    const error = await openError(server);

    assert.equal(error.kind, "unreachable");
    assert.match(error.message, /the connection was refused/);
  });

  test("--tls strict against a TDS 7.x-only server fails", async () => {
    await withServer({ tls: undefined }, async (server) => {
      const error = await openError(server, { tls: "strict" });

      assert.equal(error.kind, "tls");
      assert.match(error.message, /^cannot connect to '127\.0\.0\.1,\d+', database 'master': the TLS handshake failed \(ECONNRESET: /);
      assert.match(error.message, /--tls strict needs TDS 8\.0 \(SQL Server 2022 or later\); use --tls on/);
      assert.equal(server.connections.length, 1, "a handshake reset is not retried");
    });
  });

  test("--tls on against a strict-only server suggests --tls strict", async () => {
    await withServer({ requireStrict: true }, async (server) => {
      const error = await openError(server, { tls: "on", retries: "3" });

      assert.equal(error.kind, "tls");
      assert.match(error.message, /^cannot connect to '127\.0\.0\.1,\d+', database 'master': the server closed the connection before TLS was set up \(ECONNRESET: /);
      assert.match(error.message, /the server may require TDS 8\.0 strict encryption \(SQL Server 2022 and later\), so pass --tls strict/);
      assert.equal(server.connections.length, 1, "a reset before TLS is not retried");
    });
  });
});

describe("ServerSession databases", () => {
  let server: TdsTestServer;
  let session: ServerSession;
  const events: ConnectionEvent[] = [];

  before(async () => {
    server = await startServer({ handler, databases: ["master", "Sales", "Archive", "Inventory"] });
    session = await openServer(await settingsFor(server, { maxOpenDatabases: 1 }), {
      onEvent: (event) => events.push(event),
    });
  });
  after(async () => {
    await session.close();
    await server.close();
  });

  test("opens each database at login", async () => {
    const reader = await session.reader("Sales");
    assert.equal(reader.database, "Sales");
    assert.deepEqual(await reader.all(CURRENT_DATABASE), [{ name: "Sales" }]);
    assert.equal(await session.reader("Sales"), reader, "a database opens once");
    await session.release("Sales");

    const logins = server.connections.filter((connection) => connection.login?.database === "Sales");
    assert.ok(logins.length > 0);
    assert.ok(logins.every((connection) => connection.login!.readOnlyIntent));
  });

  test("release closes the database's connections", async () => {
    const reader = await session.reader("Archive");
    await reader.all(CURRENT_DATABASE);
    await session.release("Archive");

    const archive = () => server.connections.filter((connection) => connection.login?.database === "Archive");
    await eventually(() => archive().every((connection) => connection.closed), "closing Archive's connections");
    assert.ok(events.some((event) => event.type === "database-released" && event.database === "Archive"));
  });

  test("an unavailable database is reported, the rest still read", async () => {
    const before = server.connections.length;
    const error = await session.reader("Payroll").then(
      () => assert.fail("Payroll should not open"),
      (caught: unknown) => caught,
    );

    assert.ok(error instanceof SqlServerError);
    assert.equal(error.kind, "database-unavailable");
    assert.equal(error.number, 4060);
    assert.equal(error.database, "Payroll");
    assert.match(error.message, /^cannot connect to '127\.0\.0\.1,\d+', database 'Payroll': database 'Payroll' cannot be opened \(error 4060\)/);
    assertNoPassword(error);
    assert.equal(server.connections.length - before, 1, "error 4060 is not retried");

    const master = await session.reader();
    assert.deepEqual(await master.all(CURRENT_DATABASE), [{ name: "master" }]);
    const inventory = await session.reader("Inventory");
    assert.deepEqual(await inventory.all(CURRENT_DATABASE), [{ name: "Inventory" }], "the failed open freed its slot");
    await session.release("Inventory");
  });

  test("opens no more databases at once than allowed", async () => {
    events.length = 0;
    const sales = await session.reader("Sales");
    const waiting = session.reader("Archive");
    const master = await session.reader();
    await master.all(CURRENT_DATABASE);
    await sales.all(CURRENT_DATABASE);

    await session.release("Sales");
    await waiting;
    await session.release("Archive");

    const order = events.map((event) => `${event.type} ${event.database}`);
    assert.deepEqual(order, [
      "database-opened Sales",
      "database-released Sales",
      "database-opened Archive",
      "database-released Archive",
    ]);
  });

  test("events carry no password", () => {
    assert.ok(events.length > 0);
    assertNoPassword(events);
  });

  test("close ends every connection", async () => {
    const local = await startServer({ handler, databases: ["master", "Sales"] });
    try {
      const opened = await openServer(await settingsFor(local));
      await (await opened.reader("Sales")).all(CURRENT_DATABASE);
      await opened.close();

      await eventually(() => local.connections.every((connection) => connection.closed), "closing every connection");
      await assert.rejects(opened.reader(), /the session on '127\.0\.0\.1,\d+' is closed/);
    } finally {
      await local.close();
    }
  });
});

