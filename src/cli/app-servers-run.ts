/** The actions of `infio app servers`: see app-servers.ts for the options. */

import type { JsonValue } from "../security/audit/entry.js";
import type { ServerFields } from "../store/application-model.js";
import type { ServersOptions } from "./app-servers.js";
import {
  auditedChange,
  duplicateName,
  noStoreYet,
  requireApplication,
  withAppSession,
  writeJson,
  type AppSession,
} from "./app-common.js";
import { resolveSavedConnection } from "./app-saved-connections.js";
import { describeSource, serverJson } from "./app-views.js";
import { auditedRead } from "./audit-trail.js";
import type { CommandSetup } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { EXIT_OK, FailureError } from "./errors.js";
import { formatTable } from "./table.js";

export function runServers(options: ServersOptions, ctx: CliContext): Promise<number> {
  return withAppSession(options, ctx, false, async (session, setup) => {
    if (options.verb === "list") {
      return listServers(session, options.application, options.json, ctx, setup);
    }
    if (session === undefined) {
      throw noStoreYet("application", options.application, options.dataDir);
    }

    switch (options.verb) {
      case "add":
        return addServer(session, options.application, options.fields);
      case "change":
        return changeServer(session, options.application, options.name, options.change);
      case "remove":
        return removeServer(session, options.application, options.name);
    }
  });
}

async function addServer(session: AppSession, applicationName: string, given: ServerFields): Promise<number> {
  const application = await requireApplication(session.model, applicationName);
  const fields = await resolveSavedConnection(session.store, given);
  await auditedChange(
    session.setup,
    { action: "application.server.add", objects: { application: application.name, server: fields.name } },
    async () => {
      const added = await session.model.servers.add(application.key, fields, session.change());
      if (added === "duplicate") {
        throw duplicateName("server", fields.name, ` in application '${application.name}'`);
      }
      return { result: added, details: { new: fieldsJson(fields) } };
    },
  );
  session.setup.log.info(`added ${fields.environment} server '${fields.name}' to application '${application.name}': ${describeSource(fields.source)}`);
  return EXIT_OK;
}

async function listServers(
  session: AppSession | undefined,
  applicationName: string,
  json: boolean,
  ctx: CliContext,
  setup: CommandSetup,
): Promise<number> {
  const servers = await auditedRead(
    setup.audit,
    { action: "application.server.list", objects: { application: applicationName } },
    async () => {
      if (session === undefined) {
        throw noStoreYet("application", applicationName, setup.dataDir);
      }
      const application = await requireApplication(session.model, applicationName);
      return session.model.servers.list(application.key);
    },
  );

  if (json) {
    writeJson(ctx, servers.map(serverJson));
    return EXIT_OK;
  }
  if (servers.length === 0) {
    ctx.stderr.write(`no servers in application '${applicationName}' yet; add one with 'infio app servers add'\n`);
    return EXIT_OK;
  }
  const rows = servers.map((s) => [
    s.name,
    s.environment,
    describeSource(s.source),
    s.databases.length === 0 ? "all" : s.databases.join(", "),
    s.excludedDatabases.join(", "),
  ]);
  ctx.stdout.write(`${formatTable(["NAME", "ENVIRONMENT", "SOURCE", "DATABASES", "EXCLUDED"], rows)}\n`);
  return EXIT_OK;
}

async function changeServer(
  session: AppSession,
  applicationName: string,
  name: string,
  change: (current: ServerFields) => ServerFields,
): Promise<number> {
  const application = await requireApplication(session.model, applicationName);
  const current = await session.model.servers.find(application.key, name);
  if (current === undefined) {
    throw serverNotFound(name, application.name);
  }
  const fields = await resolveSavedConnection(session.store, change(current));

  await auditedChange(
    session.setup,
    {
      action: "application.server.change",
      objects: { application: application.name, server: current.name },
      details: { old: fieldsJson(current) },
    },
    async () => {
      const changed = await session.model.servers.update(current.key, fields, session.change());
      if (changed === "duplicate") {
        throw duplicateName("server", fields.name, ` in application '${application.name}'`);
      }
      if (changed === "not-found") {
        throw serverNotFound(name, application.name);
      }
      return { result: changed, details: { new: fieldsJson(fields) } };
    },
  );
  session.setup.log.info(`changed server '${fields.name}' of application '${application.name}': ${describeSource(fields.source)}`);
  return EXIT_OK;
}

async function removeServer(session: AppSession, applicationName: string, name: string): Promise<number> {
  const application = await requireApplication(session.model, applicationName);
  const current = await session.model.servers.find(application.key, name);
  if (current === undefined) {
    throw serverNotFound(name, application.name);
  }

  await auditedChange(
    session.setup,
    {
      action: "application.server.remove",
      objects: { application: application.name, server: current.name },
      details: { old: fieldsJson(current) },
    },
    async () => {
      if (!(await session.model.servers.delete(current.key))) {
        throw serverNotFound(name, application.name);
      }
      return { result: undefined };
    },
  );
  session.setup.log.info(
    `removed server '${current.name}' from application '${application.name}'; its assessments stay with the application`,
  );
  return EXIT_OK;
}

/** Returns a server's fields for the audit log: connection options and the password's source, never a password. */
function fieldsJson(fields: ServerFields): JsonValue {
  const json = serverJson({ ...fields, key: 0, applicationKey: 0, createdBy: "", createdAt: new Date(0), updatedBy: "", updatedAt: new Date(0) });
  delete json.updatedBy;
  delete json.updatedAt;
  return json as JsonValue;
}

function serverNotFound(name: string, application: string): FailureError {
  return new FailureError(
    `server '${name}' not found in application '${application}'; run 'infio app servers list ${application}' to see its servers`,
  );
}
