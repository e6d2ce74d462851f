/**
 * Opens mssql connection pools against the TDS test server with TLS and
 * certificate verification on, as infio connects by default.
 */
import sql from "mssql";

import type {
  TdsTestServer,
  TestCertificates,
} from "../helpers/tds-server/index.js";

export interface ClientOverrides {
  readonly user?: string;
  readonly password?: string;
  readonly database?: string;
  readonly requestTimeout?: number;
  readonly options?: sql.IOptions;
}

export function clientConfig(
  server: TdsTestServer,
  certificates: TestCertificates,
  overrides: ClientOverrides = {},
): sql.config {
  return {
    server: server.host,
    port: server.port,
    user: overrides.user ?? "infio_reader",
    password: overrides.password ?? "correct horse",
    database: overrides.database ?? "Sales",
    connectionTimeout: 5_000,
    requestTimeout: overrides.requestTimeout ?? 5_000,
    pool: { min: 0, max: 1 },
    options: {
      encrypt: true,
      trustServerCertificate: false,
      // The server is reached at 127.0.0.1; the certificate is checked
      // against this name, as infio's --server-name option does.
      serverName: "localhost",
      cryptoCredentialsDetails: { ca: certificates.ca },
      appName: "infio-test",
      ...overrides.options,
    },
  };
}

/** Connects, runs `body`, and always closes the pool. */
export async function withPool<T>(
  config: sql.config,
  body: (pool: sql.ConnectionPool) => Promise<T>,
): Promise<T> {
  const pool = new sql.ConnectionPool(config);
  await pool.connect();

  try {
    return await body(pool);
  } finally {
    await pool.close();
  }
}

/** Connects and returns the error the connection fails with. */
export async function connectError(config: sql.config): Promise<Error & { code?: string; number?: number }> {
  const pool = new sql.ConnectionPool(config);

  try {
    await pool.connect();
  } catch (error) {
    return error as Error;
  } finally {
    await pool.close();
  }

  throw new Error("The connection succeeded, a failure was expected.");
}
