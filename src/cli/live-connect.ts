/**
 * Connects to a live SQL Server for `assess` and `collect`: resolves the
 * settings (reading the CA file and the password, which may prompt), logs
 * how it connects, opens the session and starts the collection. Nothing
 * logged here contains the password.
 */

import { SecurityError } from "../security/errors.js";
import { collectionError } from "../assessment/live-policy.js";
import { collectServer } from "../sources/sqlserver/collect.js";
import type { CollectedItem } from "../sources/sqlserver/collected.js";
import {
  connectionWarnings,
  describeConnection,
  formatDuration,
  openServer,
  resolveConnectionSettings,
  ConnectionSettingsError,
  type ConnectionSettings,
} from "../sources/sqlserver/connection/index.js";
import type { ServerSession } from "../sources/sqlserver/reader.js";
import { logCollectProgress, logConnectionEvent } from "./collection-log.js";
import type { CliContext } from "./context.js";
import { FailureError, UsageError } from "./errors.js";
import type { LiveOptions } from "./live-options.js";
import type { Logger } from "./log.js";

export interface LiveCollection {
  /** The server's address as the user gave it, for the assessment's sources. */
  readonly sources: readonly string[];
  readonly items: AsyncIterable<CollectedItem>;
  close(): Promise<void>;
}

/**
 * Connects and returns the collection, not yet started. Throws UsageError
 * for invalid settings and FailureError, naming server and database, when
 * the password cannot be read or the connection fails. Aborting `signal`
 * closes the session, which also ends a query that is still waiting.
 */
export async function openLiveCollection(
  live: LiveOptions,
  ctx: CliContext,
  log: Logger,
  signal?: AbortSignal,
): Promise<LiveCollection> {
  const settings = await resolveSettings(live, ctx);
  // Registered before anything could print it: messages from the driver
  // and the server are logged as they come.
  ctx.secrets?.add(settings.password);
  const server = settings.server.text;
  for (const warning of connectionWarnings(settings)) {
    log.warn(warning);
  }
  log.info(connectionLine(settings));

  let session: ServerSession;
  try {
    session = await openServer(settings, { onEvent: (event) => logConnectionEvent(event, log) });
  } catch (error) {
    throw new FailureError(collectionError(error, server).message);
  }

  const items = collectServer(session, {
    databases: live.databases,
    includeSystemDatabases: live.includeSystemDatabases,
    ...(live.excludeDatabases === undefined ? {} : { excludeDatabases: live.excludeDatabases }),
    tlsVerificationDisabled: settings.tls.trustServerCertificate,
    onProgress: (event) => logCollectProgress(event, server, log),
    ...(signal === undefined ? {} : { signal }),
  });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= session.close());
  const onAbort = (): void => void close().catch(() => undefined);
  signal?.addEventListener("abort", onAbort, { once: true });
  return {
    sources: [server],
    items,
    close: () => {
      signal?.removeEventListener("abort", onAbort);
      return close();
    },
  };
}

async function resolveSettings(live: LiveOptions, ctx: CliContext): Promise<ConnectionSettings> {
  try {
    // With --database, so that a Database= naming another database is rejected.
    return await resolveConnectionSettings({ ...live.connection, databases: live.databases }, {
      env: ctx.env,
      cwd: ctx.cwd,
      platform: ctx.platform,
      interactive: live.interactive,
      ...(ctx.terminal === undefined ? {} : { terminal: ctx.terminal }),
    });
  } catch (error) {
    if (error instanceof ConnectionSettingsError) {
      throw new UsageError(error.message);
    }
    if (error instanceof SecurityError) {
      throw new FailureError(error.message);
    }
    throw error;
  }
}

/** Describes how infio connects, for the log: everything but the password. */
function connectionLine(settings: ConnectionSettings): string {
  const d = describeConnection(settings);
  const protocol = d.tls.mode === "strict" ? "TDS 8.0 (strict TLS)" : "TDS 7.4 with TLS";
  const verification = !d.tls.certificateVerified
    ? "certificate NOT verified"
    : `certificate verified for '${d.tls.serverName}' against ${d.tls.caFile === null ? "the system CAs" : `'${d.tls.caFile}'`}`;
  return (
    `connecting to '${d.server}' (${d.endpoint}) as ${d.user} with the password from ${d.passwordOrigin}, over ` +
    `${protocol}, ${verification}, connect timeout ${formatDuration(d.connectTimeoutMs)}, ` +
    `statement timeout ${formatDuration(d.statementTimeoutMs)}, ` +
    `${d.retries} retries`
  );
}
