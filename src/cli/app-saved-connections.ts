/**
 * Servers of applications that are reached through a saved connection of
 * the web console: finding the connection by name when a server is added,
 * and opening it, with its sealed password, when the server is assessed.
 */

import type { ApplicationServer, ServerFields } from "../store/application-model.js";
import type { Store } from "../store/index.js";
import { savedConnectionTable } from "../store/saved-connections.js";
import type { StoreKeyOptions } from "../store/store-keys.js";
import { SavedConnections } from "../web/connections/saved-connections.js";
import type { CliContext } from "./context.js";
import { FailureError } from "./errors.js";
import { liveOptionsFrom, type LiveOptions } from "./live-options.js";

/**
 * The environment variable through which a saved connection's unsealed
 * password reaches the connector, in the run's own environment only (never
 * the process's), as `--password-env` would.
 */
const PASSWORD_VARIABLE = "INFIO_APP_SAVED_CONNECTION_PASSWORD";

/**
 * Replaces the saved connection's name in `fields` by its id. Fields of
 * another kind, or that already hold an id, are returned as they are.
 * Throws a FailureError when no saved connection has that name.
 */
export async function resolveSavedConnection(store: Store, fields: ServerFields): Promise<ServerFields> {
  const source = fields.source;
  if (source.kind !== "live" || source.secret.kind !== "saved-connection") {
    return fields;
  }

  const reference = source.secret.id;
  const connections = await savedConnectionTable(store).list();
  const found =
    connections.find((c) => c.id === reference) ??
    connections.find((c) => c.name.toLowerCase() === reference.toLowerCase());
  if (found === undefined) {
    throw new FailureError(
      `saved connection '${reference}' not found; save it in the web console ('infio serve', Connections) first, ` +
        "or give the server its own connection options",
    );
  }
  return { ...fields, source: { ...source, secret: { kind: "saved-connection", id: found.id } } };
}

/**
 * Opens a server's saved connection for one run: returns the live options
 * of `infio assess --server` for its settings and the server's databases,
 * and a context whose environment carries the unsealed password. Throws a
 * FailureError when the connection was removed or its password cannot be
 * opened.
 */
export async function openSavedConnectionServer(
  options: { readonly store: Store; readonly dataDir: string; readonly keys: StoreKeyOptions },
  server: ApplicationServer,
  id: string,
  ctx: CliContext,
): Promise<{ live: LiveOptions; ctx: CliContext }> {
  const connections = new SavedConnections({ store: options.store, dataDir: options.dataDir, keys: options.keys });
  let opened;
  try {
    opened = await connections.openForAssessment(id);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FailureError(`cannot open the saved connection of server '${server.name}': ${reason}`, { cause: error });
  } finally {
    connections.close();
  }
  if (opened === undefined) {
    throw new FailureError(
      `server '${server.name}' refers to saved connection ${id}, which was removed; change the server with ` +
        "'infio app servers change --saved-connection NAME' or give it its own connection options",
    );
  }

  const password = opened.settings.password.reveal();
  ctx.secrets?.add(password);
  const saved = opened.connection;
  const databases = server.databases.length > 0 ? server.databases : opened.databases;
  const runContext: CliContext = { ...ctx, env: { ...ctx.env, [PASSWORD_VARIABLE]: password } };
  const live = liveOptionsFrom(
    {
      server: saved.server,
      user: saved.user,
      passwordEnv: PASSWORD_VARIABLE,
      tls: saved.tls.mode,
      ...(saved.tls.caFile === undefined ? {} : { tlsCa: saved.tls.caFile }),
      ...(saved.tls.serverName === undefined ? {} : { serverName: saved.tls.serverName }),
      ...(saved.tls.trustServerCertificate ? { trustServerCertificate: true } : {}),
      database: [...databases],
      ...(server.includeSystemDatabases ? { includeSystemDatabases: true } : {}),
    },
    runContext,
  );
  return { live, ctx: runContext };
}
