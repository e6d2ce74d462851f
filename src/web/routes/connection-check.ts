/**
 * The "test" of a saved connection: log in to the server with its settings
 * and password, read the server's name, version and edition, and close.
 * The timeouts are short and there are no retries, so a user waiting on
 * the page gets the result within seconds. Failures are classified as the
 * connector classifies them (login failed, TLS, unreachable, ...), with
 * the password masked in the message.
 */

import { collectionError } from "../../assessment/live-policy.js";
import { SERVER_HEADER_QUERY } from "../../sources/sqlserver/collector-queries.js";
import { openServer, type ConnectionSettings } from "../../sources/sqlserver/connection/index.js";
import { SqlServerError } from "../../sources/sqlserver/errors.js";
import type { ServerSession } from "../../sources/sqlserver/reader.js";
import { createRedactor } from "../../security/secrets/redact.js";
import { StoreError } from "../../store/errors.js";
import { ConnectionValidationError, type SavedConnections } from "../connections/index.js";

/** Milliseconds a connection test may take to connect, and then to read. */
export const CONNECTION_TEST_TIMEOUT_MS = 10_000;

export type ConnectionCheck =
  | {
      readonly ok: true;
      readonly server: string;
      readonly serverName: string;
      readonly version: string;
      readonly edition: string;
    }
  | {
      readonly ok: false;
      readonly server: string;
      /** The connector's kind, such as `login-failed`, or `settings` for a saved setting that no longer works. */
      readonly kind: string;
      readonly message: string;
    };

/**
 * Tests the saved connection `id`; returns undefined when there is no such
 * connection. Never rejects for a failure to connect: that is the result.
 */
export async function checkSavedConnection(
  connections: SavedConnections,
  id: string,
  timeoutMs = CONNECTION_TEST_TIMEOUT_MS,
): Promise<ConnectionCheck | undefined> {
  const saved = await connections.get(id);
  if (saved === undefined) {
    return undefined;
  }

  let settings: ConnectionSettings;
  try {
    const opened = await connections.openForAssessment(id);
    if (opened === undefined) {
      return undefined;
    }
    settings = opened.settings;
  } catch (error) {
    // A CA file that is gone, or a password that no longer opens: the
    // messages name the fix (edit the connection) and contain no secret.
    if (error instanceof ConnectionValidationError) {
      return { ok: false, server: saved.server, kind: "settings", message: error.message };
    }
    if (error instanceof StoreError) {
      return { ok: false, server: saved.server, kind: "password", message: error.message };
    }
    throw error;
  }
  return probe(limited(settings, timeoutMs));
}

function limited(settings: ConnectionSettings, timeoutMs: number): ConnectionSettings {
  return {
    ...settings,
    connectTimeoutMs: timeoutMs,
    statementTimeoutMs: timeoutMs,
    retry: { ...settings.retry, count: 0 },
  };
}

async function probe(settings: ConnectionSettings): Promise<ConnectionCheck> {
  const server = settings.server.text;
  const redact = createRedactor([settings.password]);
  let session: ServerSession | undefined;
  try {
    session = await openServer(settings);
    const reader = await session.reader();
    const [row] = await reader.all(SERVER_HEADER_QUERY);
    return {
      ok: true,
      server,
      serverName: textOf(row?.server_name),
      version: textOf(row?.product_version),
      edition: textOf(row?.edition),
    };
  } catch (error) {
    const kind = error instanceof SqlServerError ? error.kind : "failed";
    return { ok: false, server, kind, message: redact(collectionError(error, server).message) };
  } finally {
    await session?.close().catch(() => undefined);
  }
}

function textOf(value: unknown): string {
  return typeof value === "string" && value !== "" ? value : "(not reported)";
}
