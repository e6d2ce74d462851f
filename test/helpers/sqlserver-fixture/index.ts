/**
 * The fixture SQL Server: a TDS test server with TLS that returns results
 * for infio's catalog queries from a fixture. Import everything a test needs from here.
 */

import {
  createTdsTestServer,
  testCertificates,
  type TdsTestServer,
  type TdsTestServerOptions,
  type TestCertificates,
} from "../tds-server/index.js";
import { openableDatabases } from "./database-list.js";
import type { FixtureServer } from "./fixture.js";
import { fixtureHandler, type FixtureHandlerRecord } from "./handler.js";

export type { FixtureDatabase, FixtureFaults, FixtureServer, CatalogViews, ViewRows } from "./fixture.js";
export { fixtureHandler, type FixtureHandlerRecord } from "./handler.js";
export { listedDatabases, openableDatabases, type ListedDatabase } from "./database-list.js";

export const FIXTURE_LOGIN = { userName: "infio_reader", password: "correct horse" } as const;

export interface RunningFixtureServer {
  readonly tds: TdsTestServer;
  readonly certificates: TestCertificates;
  readonly record: FixtureHandlerRecord;
  close(): Promise<void>;
}

/**
 * Starts the TDS test server on 127.0.0.1 with the test CA's certificate
 * for `localhost`. A login to a database that is not ONLINE in
 * sys.databases, or that the fixture's faults list as failing, fails with
 * error 4060.
 */
export async function startFixtureServer(
  fixture: FixtureServer,
  options: Partial<TdsTestServerOptions> = {},
): Promise<RunningFixtureServer> {
  const certificates = await testCertificates();
  const record: FixtureHandlerRecord = { answered: [] };
  const tds = await createTdsTestServer({
    tls: certificates.valid,
    logins: [FIXTURE_LOGIN],
    databases: openableDatabases(fixture),
    serverName: fixture.name,
    handler: fixtureHandler(fixture, record),
    ...options,
  });
  return { tds, certificates, record, close: () => tds.close() };
}
