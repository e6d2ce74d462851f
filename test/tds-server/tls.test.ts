import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import {
  createTdsTestServer,
  testCertificates,
  type KeyAndCertificate,
  type TdsTestServer,
  type TdsTestServerOptions,
  type TestCertificates,
} from "../helpers/tds-server/index.js";
import { clientConfig, connectError, withPool } from "./client.js";

const versionHandler = () => [
  {
    columns: [{ name: "", type: "nvarchar(256)" }],
    rows: [["Microsoft SQL Server 2022 (RTM) - 16.0.1000.6 (X64)"]],
  },
];

let certificates: TestCertificates;

before(async () => {
  certificates = await testCertificates();
});

async function withServer<T>(
  options: TdsTestServerOptions,
  body: (server: TdsTestServer) => Promise<T>,
): Promise<T> {
  const server = await createTdsTestServer(options);

  try {
    return await body(server);
  } finally {
    await server.close();
  }
}

describe("TDS 7.x TLS inside PRELOGIN", () => {
  test("verified connection runs SELECT @@VERSION", async () => {
    await withServer({ tls: certificates.valid, handler: versionHandler }, async (server) => {
      const result = await withPool(clientConfig(server, certificates), (pool) =>
        pool.request().query("SELECT @@VERSION"),
      );

      assert.match(String(result.recordset[0]![""]), /^Microsoft SQL Server 2022/);
      const connection = server.connections.at(-1)!;
      assert.equal(connection.encryption, "full");
      assert.equal(connection.loginEncrypted, true);
      assert.equal(connection.tlsVersion, "TLSv1.2");
      assert.equal(connection.tlsServerName, "localhost");
      assert.deepEqual(
        server.applicationQueries().map((query) => query.sql),
        ["SELECT @@VERSION"],
      );
    });
  });

  const rejected: Array<[string, () => KeyAndCertificate, RegExp]> = [
    ["wrong host name", () => certificates.wrongHost, /does not match certificate's altnames/],
    ["expired certificate", () => certificates.expired, /certificate has expired/],
    ["untrusted CA", () => certificates.untrusted, /unable to verify the first certificate/],
  ];

  for (const [name, certificate, message] of rejected) {
    test(`${name} is rejected`, async () => {
      await withServer({ tls: certificate(), handler: versionHandler }, async (server) => {
        const error = await connectError(clientConfig(server, certificates));

        assert.match(error.message, message);
        assert.equal(server.connections.some((c) => c.login !== undefined), false);
        assert.deepEqual(server.queries, []);
      });
    });
  }

  test("trusting the server certificate skips the check", async () => {
    await withServer({ tls: certificates.untrusted, handler: versionHandler }, async (server) => {
      const config = clientConfig(server, certificates, {
        options: { trustServerCertificate: true },
      });
      await withPool(config, (pool) => pool.request().query("SELECT @@VERSION"));

      assert.equal(server.connections.at(-1)!.encryption, "full");
    });
  });

  test("server requiring encryption rejects a clear client", async () => {
    await withServer({ tls: certificates.valid, encryption: "on" }, async (server) => {
      const config = clientConfig(server, certificates, { options: { encrypt: false } });
      const error = await connectError(config);

      assert.match(error.message, /requires encryption/);
      assert.equal(server.connections[0]!.login, undefined);
    });
  });

  test("client without encryption is recorded", async () => {
    await withServer({ tls: certificates.valid, handler: versionHandler }, async (server) => {
      const config = clientConfig(server, certificates, { options: { encrypt: false } });
      await withPool(config, (pool) => pool.request().query("SELECT @@VERSION"));

      const connection = server.connections.at(-1)!;
      assert.equal(connection.encryption, "none");
      assert.equal(connection.loginEncrypted, false);
      assert.equal(connection.login?.password, "correct horse");
    });
  });
});

describe("TDS 8.0 strict encryption", () => {
  test("TLS comes first with ALPN tds/8.0", async () => {
    await withServer({ tls: certificates.valid, handler: versionHandler }, async (server) => {
      const config = clientConfig(server, certificates, { options: { encrypt: "strict" } });
      const result = await withPool(config, (pool) => pool.request().query("SELECT @@VERSION"));

      assert.equal(result.recordset.length, 1);
      const connection = server.connections.at(-1)!;
      assert.equal(connection.encryption, "strict");
      assert.equal(connection.alpn, "tds/8.0");
      assert.equal(connection.tlsVersion, "TLSv1.3");
      assert.equal(connection.loginEncrypted, true);
    });
  });

  test("wrong host name is rejected", async () => {
    await withServer({ tls: certificates.wrongHost }, async (server) => {
      const config = clientConfig(server, certificates, { options: { encrypt: "strict" } });
      const error = await connectError(config);

      assert.match(error.message, /does not match certificate's altnames/);
      assert.equal(server.connections[0]!.login, undefined);
    });
  });

  test("server requiring strict rejects TDS 7.x", async () => {
    await withServer({ tls: certificates.valid, requireStrict: true }, async (server) => {
      const error = await connectError(clientConfig(server, certificates));

      assert.ok(error instanceof Error);
      assert.equal(server.connections[0]!.encryption, "rejected");
      assert.equal(server.connections[0]!.login, undefined);
    });
  });
});
