/**
 * Connecting by IP address without --server-name: the certificate is
 * checked against the IP address, and Node.js prints no DEP0123 warning
 * about an IP address as the TLS server name. This file runs in a process
 * of its own, so no earlier connection can have printed the warning.
 */

import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { defineQuery } from "../../../../src/sources/sqlserver/catalog-query.js";
import { sentServerName } from "../../../../src/sources/sqlserver/connection/server-name-indication.js";
import { openServer } from "../../../../src/sources/sqlserver/connection/session.js";
import { resolveConnectionSettings, type ConnectionSettings } from "../../../../src/sources/sqlserver/connection/settings.js";
import { SqlServerError } from "../../../../src/sources/sqlserver/errors.js";
import { testCertificates, type TdsTestServer } from "../../../helpers/tds-server/index.js";
import { tempDir } from "../../../security/temp-dir.js";
import { PASSWORD, startServer, USER } from "./live-server.js";

const CURRENT_DATABASE = defineQuery({
  id: "test.current-database",
  scope: "database",
  sql: "SELECT DB_NAME() AS name",
  reads: ["DB_NAME"],
  permission: "CONNECT",
});

const warnings: Error[] = [];
const onWarning = (warning: Error): void => {
  warnings.push(warning);
};

/** Settings for `server` by its IP address, with the test CA and no --server-name. */
async function byAddress(server: TdsTestServer, tls: "on" | "strict"): Promise<ConnectionSettings> {
  const ca = join(await tempDir("infio-ip-"), "ca.pem");
  await writeFile(ca, (await testCertificates()).ca);
  return resolveConnectionSettings(
    { server: `${server.host},${server.port}`, user: USER, passwordEnv: "PW", tlsCa: ca, tls, retries: 0 },
    { env: { PW: PASSWORD }, cwd: process.cwd(), interactive: false },
  );
}

/** Waits until warnings emitted so far have been delivered; Node.js emits them on the next tick. */
function warningsDelivered(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe("connecting by IP address", () => {
  before(() => {
    process.on("warning", onWarning);
  });
  after(() => {
    process.off("warning", onWarning);
  });

  for (const tls of ["on", "strict"] as const) {
    test(`checks the certificate against the IP with --tls ${tls}, without a warning`, async () => {
      const earlier = warnings.length;
      const server = await startServer({ handler: () => ({ columns: [{ name: "name", type: "sysname" }], rows: [["master"]] }) });
      try {
        const session = await openServer(await byAddress(server, tls));
        try {
          const reader = await session.reader();
          assert.deepEqual(await reader.all(CURRENT_DATABASE), [{ name: "master" }]);
        } finally {
          await session.close();
        }
      } finally {
        await server.close();
      }
      await warningsDelivered();

      assert.deepEqual(warnings.slice(earlier).map((warning) => `${warning.name} ${(warning as { code?: string }).code ?? ""}`), []);
    });
  }

  test("sends no IP address as SNI with --tls strict", async () => {
    const server = await startServer();
    try {
      assert.equal(sentServerName(await byAddress(server, "strict")), undefined);
      assert.equal(sentServerName(await byAddress(server, "on")), "127.0.0.1");
    } finally {
      await server.close();
    }
  });

  test("rejects a certificate that lacks the IP address", async () => {
    const certificates = await testCertificates();
    const server = await startServer({ tls: certificates.wrongHost });
    try {
      const settings = await byAddress(server, "on");
      await assert.rejects(openServer(settings), (error) => {
        assert.ok(error instanceof SqlServerError);
        assert.equal(error.kind, "tls");
        assert.match(error.message, /not issued for the name '127\.0\.0\.1'/);
        return true;
      });
    } finally {
      await server.close();
    }
  });
});
