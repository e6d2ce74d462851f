/**
 * The TDS test server with TLS and one SQL login, and connection
 * settings for it built the way the command line builds them: through
 * resolveConnectionSettings, with the password in an environment
 * variable and the test CA in a file.
 */

import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";

import {
  resolveConnectionSettings,
  type ConnectionOptions,
  type ConnectionSettings,
} from "../../../../src/sources/sqlserver/connection/settings.js";
import {
  createTdsTestServer,
  testCertificates,
  type TdsTestServer,
  type TdsTestServerOptions,
} from "../../../helpers/tds-server/index.js";
import { tempDir } from "../../../security/temp-dir.js";

export const USER = "infio_reader";
/** Distinctive, so that a search of any message for it cannot miss. */
export const PASSWORD = "Canary-Pa55w0rd!";
const PASSWORD_VARIABLE = "INFIO_TEST_SQL_PASSWORD";

let caPath: Promise<string> | undefined;

/** Writes the test CA to a file once per test process. */
function testCaFile(): Promise<string> {
  caPath ??= (async () => {
    const certificates = await testCertificates();
    const path = join(await tempDir("infio-connection-"), "test-ca.pem");
    await writeFile(path, certificates.ca);
    return path;
  })();
  return caPath;
}

/** Starts a server with the valid localhost certificate and the test login. */
export async function startServer(options: TdsTestServerOptions = {}): Promise<TdsTestServer> {
  const certificates = await testCertificates();
  return createTdsTestServer({
    tls: certificates.valid,
    logins: [{ userName: USER, password: PASSWORD }],
    ...options,
  });
}

/**
 * Settings for `server`: TLS verified against the test CA for the name
 * localhost, short retry delays and timeouts for tests.
 */
export async function settingsFor(server: TdsTestServer, options: ConnectionOptions = {}): Promise<ConnectionSettings> {
  return resolveConnectionSettings(
    {
      server: `${server.host},${server.port}`,
      user: USER,
      passwordEnv: PASSWORD_VARIABLE,
      serverName: "localhost",
      retryDelay: "10ms",
      connectTimeout: "5s",
      statementTimeout: "10s",
      ...(options.trustServerCertificate === true ? {} : { tlsCa: await testCaFile() }),
      ...options,
    },
    { env: { [PASSWORD_VARIABLE]: PASSWORD }, cwd: process.cwd(), interactive: false },
  );
}

/** Fails when the password appears in an error's message, its JSON or its causes' messages. */
export function assertNoPassword(value: unknown): void {
  const texts: string[] = [];
  for (let error = value; error instanceof Error; error = error.cause) {
    texts.push(error.message, String(error));
  }
  texts.push(JSON.stringify(value) ?? "");

  for (const text of texts) {
    assert.equal(text.includes(PASSWORD), false, `the password appears in: ${text}`);
  }
}

/** Polls until `condition` holds, for server-side effects that follow a client call. */
export async function eventually(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    if (condition()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`${what} did not happen within 5 seconds`);
}
