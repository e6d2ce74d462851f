/**
 * The servers of an application: the forms that add, change and remove
 * one. All need `applications.manage`. Each change is audited with the old
 * and new fields, which name a saved connection by id and never contain a
 * password.
 */

import type { Application, ApplicationServer, ServerFields } from "../../store/application-model.js";
import type { JsonValue } from "../../security/audit/entry.js";
import { serverFieldsFrom, serverFormValues, valuesOfServer, type ServerFormValues } from "../applications/server-form.js";
import { serverFormMain } from "../pages/application-server.js";
import type { SafeHtml } from "../pages/html.js";
import { HttpError } from "../server/http-error.js";
import {
  auditedModelChange,
  formFields,
  FormValueError,
  loadApplication,
  loadServer,
  modelOf,
  rowChange,
} from "./application-access.js";
import { declareRoute, type RouteContext, type RouteModule } from "./registry.js";

export const APPLICATION_SERVER_ROUTES: RouteModule = {
  name: "application servers",
  routes: [
    declareRoute({
      method: "GET",
      url: "/applications/:key/servers/new",
      permission: "applications.manage",
      handler: async (context) => {
        const application = await loadApplication(context);
        return formPage(context, application, undefined, serverFormValues({ environment: "production" }));
      },
    }),
    declareRoute({
      method: "POST",
      url: "/applications/:key/servers",
      permission: "applications.manage",
      handler: (context) => saveServer(context, false),
    }),
    declareRoute({
      method: "GET",
      url: "/applications/:key/servers/:server/edit",
      permission: "applications.manage",
      handler: async (context) => {
        const application = await loadApplication(context);
        const server = await loadServer(context, application);
        return formPage(context, application, server, valuesOfServer(server));
      },
    }),
    declareRoute({
      method: "POST",
      url: "/applications/:key/servers/:server",
      permission: "applications.manage",
      handler: (context) => saveServer(context, true),
    }),
    declareRoute({
      method: "POST",
      url: "/applications/:key/servers/:server/remove",
      permission: "applications.manage",
      handler: (context) => removeServer(context),
    }),
  ],
};

async function saveServer(context: RouteContext, changing: boolean): Promise<unknown> {
  const application = await loadApplication(context);
  const current = changing ? await loadServer(context, application) : undefined;
  const values = serverFormValues(formFields(context));
  const connections = await context.services.connections.list();
  const invalid = (error: FormValueError) =>
    formPage(context, application, current, values, { message: error.message, field: error.field });

  let fields: ServerFields;
  try {
    fields = serverFieldsFrom(values, connections, current);
  } catch (error) {
    if (error instanceof FormValueError) {
      return invalid(error);
    }
    throw error;
  }

  const model = modelOf(context);
  try {
    if (current === undefined) {
      const event = { action: "application.server.add", objects: { application: application.name, server: fields.name } };
      await auditedModelChange(context, event, async () => {
        const added = await model.servers.add(application.key, fields, rowChange(context));
        if (added === "duplicate") {
          throw duplicateServer(fields.name, application);
        }
        return { result: added, details: { new: fieldsJson(fields) } };
      });
      context.services.log.info(`'${context.user.name}' added server '${fields.name}' to application '${application.name}'`);
    } else {
      const event = {
        action: "application.server.change",
        objects: { application: application.name, server: current.name },
        details: { old: fieldsJson(current) },
      };
      await auditedModelChange(context, event, async () => {
        const changed = await model.servers.update(current.key, fields, rowChange(context));
        if (changed === "duplicate") {
          throw duplicateServer(fields.name, application);
        }
        if (changed === "not-found") {
          throw new HttpError(404, "The server was removed while it was being changed.");
        }
        return { result: changed, details: { new: fieldsJson(fields) } };
      });
      context.services.log.info(`'${context.user.name}' changed server '${current.name}' of application '${application.name}'`);
    }
  } catch (error) {
    if (error instanceof FormValueError) {
      return invalid(error);
    }
    throw error;
  }
  return context.reply.redirect(`/applications/${application.key}`, 303);
}

async function removeServer(context: RouteContext): Promise<unknown> {
  const application = await loadApplication(context);
  const server = await loadServer(context, application);
  const event = {
    action: "application.server.remove",
    objects: { application: application.name, server: server.name },
    details: { old: fieldsJson(server) },
  };
  await auditedModelChange(context, event, async () => {
    if (!(await modelOf(context).servers.delete(server.key))) {
      throw new HttpError(404, "The server was removed meanwhile.");
    }
    return { result: undefined };
  });
  context.services.log.info(`'${context.user.name}' removed server '${server.name}' of application '${application.name}'`);
  return context.reply.redirect(`/applications/${application.key}`, 303);
}

function duplicateServer(name: string, application: Application): FormValueError {
  return new FormValueError("name", `application '${application.name}' already has a server named '${name}'; choose another name`);
}

/**
 * Returns the fields as the audit log records them. The source names its
 * secret's kind and reference, never a password.
 */
function fieldsJson(fields: ServerFields): JsonValue {
  const source: JsonValue =
    fields.source.kind === "scripts"
      ? { kind: "scripts", scripts: fields.source.path }
      : { kind: "live", connection: { ...fields.source.connection }, secret: { ...fields.source.secret } };
  return {
    name: fields.name,
    environment: fields.environment,
    source,
    databases: [...fields.databases],
    excludedDatabases: [...fields.excludedDatabases],
    includeSystemDatabases: fields.includeSystemDatabases,
  };
}

async function formPage(
  context: RouteContext,
  application: Application,
  server: ApplicationServer | undefined,
  values: ServerFormValues,
  error?: { message: string; field: string },
): Promise<SafeHtml> {
  if (error !== undefined) {
    context.reply.code(422);
  }
  const connections = await context.services.connections.list();
  return context.page({
    title: server === undefined ? `Add a server to ${application.name}` : `Server ${server.name} of ${application.name}`,
    main: serverFormMain({
      csrfToken: context.csrfToken,
      application,
      ...(server === undefined ? {} : { server }),
      connections,
      values,
      ...(error === undefined ? {} : { error }),
    }),
  });
}
