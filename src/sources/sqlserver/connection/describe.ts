/**
 * Connection settings as plain JSON for the log, the audit trail and the
 * report, without the password, and the warnings a caller shows.
 */

import { formatEndpoint } from "./server-address.js";
import type { ConnectionSettings } from "./settings.js";

export interface ConnectionDescription {
  readonly server: string;
  readonly endpoint: string;
  readonly user: string;
  /** Source of the password, e.g. `environment variable SQLPASS`. */
  readonly passwordOrigin: string;
  readonly database: string | null;
  readonly tls: {
    readonly mode: "on" | "strict";
    readonly caFile: string | null;
    readonly serverName: string;
    /** False when `--trust-server-certificate` turned verification off. */
    readonly certificateVerified: boolean;
  };
  readonly connectTimeoutMs: number;
  readonly statementTimeoutMs: number;
  readonly retries: number;
  readonly maxOpenDatabases: number;
  readonly connectionsPerDatabase: number;
}

export function describeConnection(settings: ConnectionSettings): ConnectionDescription {
  return {
    server: settings.server.text,
    endpoint: formatEndpoint(settings.server),
    user: settings.user,
    passwordOrigin: settings.password.origin,
    database: settings.database ?? null,
    tls: {
      mode: settings.tls.mode,
      caFile: settings.tls.ca?.path ?? null,
      serverName: settings.tls.serverName,
      certificateVerified: !settings.tls.trustServerCertificate,
    },
    connectTimeoutMs: settings.connectTimeoutMs,
    statementTimeoutMs: settings.statementTimeoutMs,
    retries: settings.retry.count,
    maxOpenDatabases: settings.maxOpenDatabases,
    connectionsPerDatabase: settings.connectionsPerDatabase,
  };
}

/** Warnings to show before connecting: verification off, ignored keywords. */
export function connectionWarnings(settings: ConnectionSettings): string[] {
  const warnings: string[] = [];
  if (settings.tls.trustServerCertificate) {
    warnings.push(
      `the certificate of '${settings.server.text}' is not verified (--trust-server-certificate): the ` +
        "connection is encrypted, but a server impersonating it would receive the password; pass " +
        "--tls-ca FILE with the CA that signed the server's certificate instead",
    );
  }
  if (settings.ignoredKeywords.length > 0) {
    warnings.push(
      `--connection-string keywords without effect in infio were ignored: ${settings.ignoredKeywords.join(", ")}`,
    );
  }
  return warnings;
}
