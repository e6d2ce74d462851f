/**
 * A job source that assesses a live SQL Server through a saved
 * connection: it opens the connection when the job starts, connects, and
 * hands the runner the collection of the server, as `infio assess
 * --server` does (src/cli/live-connect.ts).
 */

import { collectionError } from "../../assessment/live-policy.js";
import { collectServer } from "../../sources/sqlserver/collect.js";
import { openServer } from "../../sources/sqlserver/connection/index.js";
import type { ServerSession } from "../../sources/sqlserver/reader.js";
import { createRedactor } from "../../security/secrets/redact.js";
import type { JobSource, OpenedSource } from "../jobs/index.js";
import type { SavedConnection, SavedConnections } from "./saved-connections.js";

/**
 * Returns the source of a job that assesses `connection`. A non-empty
 * `databases` replaces the connection's saved list for this job only.
 */
export function savedConnectionJobSource(
  connections: SavedConnections,
  connection: SavedConnection,
  databases: readonly string[] = [],
): JobSource {
  return {
    kind: "connection",
    label: connection.name,
    open: (signal) => openSavedConnection(connections, connection, databases, signal),
  };
}

async function openSavedConnection(
  connections: SavedConnections,
  connection: SavedConnection,
  databasesOverride: readonly string[],
  signal: AbortSignal,
): Promise<OpenedSource> {
  const opened = await connections.openForAssessment(connection.id);
  if (opened === undefined) {
    throw new Error(`saved connection '${connection.name}' no longer exists; choose another connection`);
  }
  const settings = opened.settings;
  const databases = databasesOverride.length > 0 ? databasesOverride : opened.databases;
  const server = settings.server.text;
  // The driver's and the server's messages are shown on the page; none may carry the password.
  const redact = createRedactor([settings.password]);

  let session: ServerSession;
  try {
    session = await connectUnlessAborted(settings, signal);
  } catch (error) {
    if (signal.aborted) {
      throw error;
    }
    throw new Error(redact(collectionError(error, server).message), { cause: error });
  }

  const items = collectServer(session, {
    ...(databases.length === 0 ? {} : { databases }),
    tlsVerificationDisabled: settings.tls.trustServerCertificate,
    signal,
  });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= session.close());
  const onAbort = (): void => void close().catch(() => undefined);
  signal.addEventListener("abort", onAbort, { once: true });

  return {
    sources: [server],
    collected: items,
    warnings: settings.tls.trustServerCertificate ? [unverifiedWarning(server, connection.name)] : [],
    redact,
    close: () => {
      signal.removeEventListener("abort", onAbort);
      return close();
    },
  };
}

/**
 * Opens the session, rejecting with the signal's reason as soon as the job
 * is cancelled. A session that opens after the cancel is closed at once.
 */
function connectUnlessAborted(
  settings: Parameters<typeof openServer>[0],
  signal: AbortSignal,
): Promise<ServerSession> {
  signal.throwIfAborted();
  const opening = openServer(settings);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      reject(signal.reason);
      void opening.then((session) => session.close()).catch(() => undefined);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    opening.then(
      (session) => {
        signal.removeEventListener("abort", onAbort);
        resolve(session);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function unverifiedWarning(server: string, name: string): string {
  return (
    `the certificate of '${server}' is not verified, because saved connection '${name}' trusts ` +
    "the server certificate: the connection is encrypted, but a server impersonating it would " +
    "receive the password; give the connection the CA file that signed the server's certificate instead"
  );
}
