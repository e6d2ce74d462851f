/**
 * Saved live-server connections: list, create, edit, delete and test. Every
 * user with `connections.manage` shares the same connections. Each change
 * and each test is audited before it is made, with the console user as the
 * actor. No page, log line or audit entry contains the password.
 */

import { authorizeObject } from "../auth/object-access.js";
import {
  ConnectionValidationError,
  connectionInputOf,
  type ConnectionField,
  type ConnectionInput,
  type SavedConnection,
} from "../connections/index.js";
import { checkConnection } from "../connections/connection-input.js";
import { connectionFormMain, connectionListMain } from "../pages/connections.js";
import type { SafeHtml } from "../pages/html.js";
import { notFound } from "../server/http-error.js";
import type { JsonValue } from "../../security/audit/entry.js";
import { checkSavedConnection, type ConnectionCheck } from "./connection-check.js";
import { connectionInputFrom, formValuesOf, type ConnectionFormValues } from "./connection-form.js";
import { declareRoute, type RouteContext, type RouteModule } from "./registry.js";

export const CONNECTION_ROUTES: RouteModule = {
  name: "connections",
  routes: [
    declareRoute({
      method: "GET",
      url: "/connections",
      permission: "connections.manage",
      navigation: { label: "Connections", order: 40 },
      handler: async (context) => listPage(context),
    }),
    declareRoute({
      method: "GET",
      url: "/connections/new",
      permission: "connections.manage",
      handler: (context) => formPage(context, { values: { tlsMode: "on" } }),
    }),
    declareRoute({
      method: "POST",
      url: "/connections",
      permission: "connections.manage",
      handler: (context) => createConnection(context),
    }),
    declareRoute({
      method: "GET",
      url: "/connections/:id/edit",
      permission: "connections.manage",
      handler: async (context) => {
        const connection = await loadConnection(context);
        return formPage(context, { connection, values: connectionInputOf(connection) });
      },
    }),
    declareRoute({
      method: "POST",
      url: "/connections/:id",
      permission: "connections.manage",
      handler: (context) => updateConnection(context),
    }),
    declareRoute({
      method: "POST",
      url: "/connections/:id/delete",
      permission: "connections.manage",
      handler: (context) => deleteConnection(context),
    }),
    declareRoute({
      method: "POST",
      url: "/connections/:id/test",
      permission: "connections.manage",
      handler: (context) => testConnection(context),
    }),
  ],
};

async function createConnection(context: RouteContext): Promise<unknown> {
  const { services, user } = context;
  const input = connectionInputFrom(context.request.body);
  const form = { values: formValuesOf(input) };
  // A typo is reported on the form without an audit entry. What passes is audited before it is saved.
  const details = precheck(input);
  if (details instanceof ConnectionValidationError) {
    return invalidForm(context, details, form);
  }

  await context.audit.before({ action: "connection.create", outcome: "started", details });
  let saved: SavedConnection;
  try {
    saved = await services.connections.create(input, user.name);
  } catch (error) {
    await auditFailure(context, "connection.create", undefined, error);
    return invalidForm(context, error, form);
  }

  const objects = { connection: saved.id, server: saved.server };
  await context.audit.after({ action: "connection.create", outcome: "succeeded", objects, details: { name: saved.name } });
  services.log.info(`'${user.name}' saved connection '${saved.name}' (${saved.id}) to ${saved.server}`);
  return context.reply.redirect("/connections", 303);
}

async function updateConnection(context: RouteContext): Promise<unknown> {
  const { services, user } = context;
  const connection = await loadConnection(context);
  const input = connectionInputFrom(context.request.body);
  const form = { connection, values: formValuesOf(input) };
  const checked = precheck(input);
  if (checked instanceof ConnectionValidationError) {
    return invalidForm(context, checked, form);
  }

  const objects = { connection: connection.id };
  const details = { ...checked, passwordChanged: (input.password ?? "") !== "" };
  await context.audit.before({ action: "connection.update", outcome: "started", objects, details });
  let saved: SavedConnection | undefined;
  try {
    saved = await services.connections.update(connection.id, input, user.name);
  } catch (error) {
    await auditFailure(context, "connection.update", objects, error);
    return invalidForm(context, error, form);
  }
  if (saved === undefined) {
    await auditFailure(context, "connection.update", objects, new Error("the connection was removed meanwhile"));
    throw notFound("The connection");
  }

  await context.audit.after({ action: "connection.update", outcome: "succeeded", objects, details: { name: saved.name } });
  services.log.info(`'${user.name}' changed saved connection '${saved.name}' (${saved.id})`);
  return context.reply.redirect("/connections", 303);
}

async function deleteConnection(context: RouteContext): Promise<unknown> {
  const { services, user } = context;
  const connection = await loadConnection(context);
  const objects = { connection: connection.id, server: connection.server };
  await context.audit.before({ action: "connection.delete", outcome: "started", objects, details: { name: connection.name } });
  const removed = await services.connections.remove(connection.id);
  await context.audit.after({
    action: "connection.delete",
    outcome: removed ? "succeeded" : "failed",
    objects,
    details: { name: connection.name, ...(removed ? {} : { reason: "already removed" }) },
  });
  services.log.info(`'${user.name}' deleted saved connection '${connection.name}' (${connection.id})`);
  return context.reply.redirect("/connections", 303);
}

async function testConnection(context: RouteContext): Promise<SafeHtml> {
  const { services, user } = context;
  const connection = await loadConnection(context);
  const objects = { connection: connection.id, server: connection.server };
  await context.audit.before({ action: "connection.test", outcome: "started", objects, details: { name: connection.name } });

  const result = await checkSavedConnection(services.connections, connection.id);
  if (result === undefined) {
    await auditFailure(context, "connection.test", objects, new Error("the connection was removed meanwhile"));
    throw notFound("The connection");
  }
  const details: Record<string, JsonValue> = result.ok
    ? { name: connection.name, version: result.version }
    : { name: connection.name, kind: result.kind, error: result.message };
  await context.audit.after({ action: "connection.test", outcome: result.ok ? "succeeded" : "failed", objects, details });
  if (result.ok) {
    services.log.info(`'${user.name}' tested saved connection '${connection.name}': SQL Server ${result.version}`);
  } else {
    services.log.warn(`'${user.name}' tested saved connection '${connection.name}': ${result.kind}: ${result.message}`);
  }
  return listPage(context, { connection, result });
}

/** Records the failure of an action whose `started` entry is written. */
async function auditFailure(
  context: RouteContext,
  action: string,
  objects: Record<string, string> | undefined,
  error: unknown,
): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const details: Record<string, JsonValue> = { error: message };
  if (error instanceof ConnectionValidationError) {
    details.field = error.field;
  }
  await context.audit.after({ action, outcome: "failed", ...(objects === undefined ? {} : { objects }), details });
}

/** Shows the form again with a validation error, or rethrows anything else. */
function invalidForm(
  context: RouteContext,
  error: unknown,
  form: { connection?: SavedConnection; values: ConnectionFormValues },
): SafeHtml {
  if (!(error instanceof ConnectionValidationError)) {
    throw error;
  }
  context.services.log.warn(`'${context.user.name}' entered an invalid saved connection: ${error.message}`);
  context.reply.code(422);
  return formPage(context, { ...form, error: { message: error.message, field: error.field } });
}

async function listPage(
  context: RouteContext,
  check?: { connection: SavedConnection; result: ConnectionCheck },
): Promise<SafeHtml> {
  const connections = await context.services.connections.list();
  return context.page({
    title: "Saved connections",
    main: connectionListMain({ csrfToken: context.csrfToken, connections, ...(check === undefined ? {} : { check }) }),
  });
}

function formPage(
  context: RouteContext,
  form: {
    connection?: SavedConnection;
    values: ConnectionFormValues;
    error?: { message: string; field: ConnectionField | undefined };
  },
): SafeHtml {
  const title = form.connection === undefined ? "Save a connection" : `Edit connection ${form.connection.name}`;
  return context.page({ title, main: connectionFormMain({ csrfToken: context.csrfToken, ...form }) });
}

function loadConnection(context: RouteContext): Promise<SavedConnection> {
  const id = (context.request.params as { id: string }).id;
  return authorizeObject(context, { kind: "connection", id, load: () => context.services.connections.get(id) });
}

/**
 * Checks the form's fields and returns what an audit entry records of
 * them (never the password), or the validation error.
 */
function precheck(input: ConnectionInput): Record<string, JsonValue> | ConnectionValidationError {
  let checked: ReturnType<typeof checkConnection>;
  try {
    checked = checkConnection(input);
  } catch (error) {
    if (error instanceof ConnectionValidationError) {
      return error;
    }
    throw error;
  }
  return {
    name: checked.name,
    server: checked.serverHost,
    ...(checked.serverPort === undefined ? {} : { port: checked.serverPort }),
    ...(checked.serverInstance === undefined ? {} : { instance: checked.serverInstance }),
    user: checked.login,
    databases: [...checked.databases],
    tlsMode: checked.tlsMode,
    trustServerCertificate: checked.trustServerCertificate,
  };
}
