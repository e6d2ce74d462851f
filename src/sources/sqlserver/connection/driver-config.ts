/**
 * The mssql pool configuration for one database: TLS from the settings,
 * read-only application intent, the database given at login, and the
 * application name `infio`, which DBAs find in sys.dm_exec_sessions.
 */

import type sql from "mssql";

import { recordLoginMessages } from "./login-messages.js";
import type { ConnectionSettings } from "./settings.js";

export const APPLICATION_NAME = "infio";

/** How long an idle pooled connection stays open, in milliseconds. */
const IDLE_TIMEOUT_MS = 30_000;

export function driverConfig(settings: ConnectionSettings, database: string): sql.config {
  const { server, tls } = settings;

  return {
    server: server.host,
    // tedious takes either a port or an instance name; a port given with
    // an instance wins, as in SqlClient.
    ...(server.port === undefined ? {} : { port: server.port }),
    user: settings.user,
    password: settings.password.reveal(),
    database,
    connectionTimeout: settings.connectTimeoutMs,
    requestTimeout: settings.statementTimeoutMs,
    pool: {
      min: 0,
      max: settings.connectionsPerDatabase,
      idleTimeoutMillis: IDLE_TIMEOUT_MS,
      // A query waits for a busy connection to finish its statement, or
      // for a new one to connect. A longer wait means that the caller keeps
      // every connection busy, for example by reading two results at once.
      acquireTimeoutMillis: settings.connectTimeoutMs + settings.statementTimeoutMs,
    },
    // Checks the socket of a pooled connection before reuse instead of
    // sending `SELECT 1` to the server each time.
    validateConnection: "socket",
    beforeConnect: recordLoginMessages,
    options: {
      encrypt: tls.mode === "strict" ? "strict" : true,
      trustServerCertificate: tls.trustServerCertificate,
      ...(certificateName(settings) === undefined ? {} : { serverName: certificateName(settings) }),
      ...(tls.ca === undefined ? {} : { cryptoCredentialsDetails: { ca: tls.ca.pem } }),
      ...(server.port === undefined && server.instance !== undefined ? { instanceName: server.instance } : {}),
      readOnlyIntent: true,
      appName: APPLICATION_NAME,
      multiSubnetFailover: settings.multiSubnetFailover,
      // Transient login errors are retried by the session, which reports
      // each retry; tedious' own retries would hide them.
      maxRetriesOnTransientErrors: 0,
    },
  };
}

/**
 * Returns the name tedious checks the certificate against (and sends as
 * SNI) when it is not the host itself, which tedious uses by default.
 */
function certificateName(settings: ConnectionSettings): string | undefined {
  const name = settings.tls.serverName;
  return name === settings.server.host ? undefined : name;
}
