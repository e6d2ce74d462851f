/**
 * The connection settings of a saved connection, in the form the live
 * source takes from the command line (src/sources/sqlserver/connection/
 * settings.ts), with the timeouts, retries and parallelism at their
 * defaults.
 */

import {
  parseServerAddress,
  readCaFile,
  ConnectionSettingsError,
  type ConnectionSettings,
} from "../../sources/sqlserver/connection/index.js";
import { parseLimits } from "../../sources/sqlserver/connection/limits.js";
import { Secret } from "../../security/secrets/secret.js";
import type { SavedConnectionRecord } from "../../store/saved-connections.js";
import { ConnectionValidationError } from "./connection-input.js";
import type { SavedConnection } from "./saved-connections.js";

/** A saved connection opened for one assessment. */
export interface AssessmentConnection {
  readonly connection: SavedConnection;
  /** Settings for `openServer`, with the password unsealed in memory only. */
  readonly settings: ConnectionSettings;
  /** Databases to collect; empty for every user database. */
  readonly databases: readonly string[];
}

/**
 * Builds the settings, reading the CA file. Throws a
 * ConnectionValidationError when the CA file is missing or invalid.
 *
 * NOTE: saved connections keep no timeouts or retry settings; they run
 * with the command line's defaults.
 */
export async function connectionSettingsOf(
  connection: SavedConnection,
  record: SavedConnectionRecord,
  password: string,
): Promise<AssessmentConnection> {
  const server = parseServerAddress(connection.server, "server");
  const ca = record.tlsCaFile === undefined ? undefined : await caFileOf(record.tlsCaFile);
  const databases = [...record.databases];

  const settings: ConnectionSettings = {
    server,
    user: record.login,
    password: new Secret(password, `saved connection '${record.name}'`),
    database: databases.length === 1 ? databases[0] : undefined,
    tls: {
      mode: record.tlsMode,
      ca,
      serverName: record.tlsServerName ?? server.host,
      trustServerCertificate: record.trustServerCertificate,
    },
    ...parseLimits({}, { ignoredKeywords: [] }),
    multiSubnetFailover: false,
    ignoredKeywords: [],
  };
  return { connection, settings, databases };
}

async function caFileOf(path: string): Promise<NonNullable<ConnectionSettings["tls"]["ca"]>> {
  try {
    return await readCaFile(path, "caFile");
  } catch (error) {
    if (error instanceof ConnectionSettingsError) {
      throw new ConnectionValidationError("caFile", path, `${error.message}; edit the connection`);
    }
    throw error;
  }
}
