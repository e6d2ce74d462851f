/**
 * Shared steps of the company and application routes. They find a
 * company, an application or a server from the URL for the route's user,
 * read form fields, and record each change in the audit log with the old
 * and new values, as `infio app` does. URLs name objects by their store
 * key, because names may contain any character.
 */

import type { Application, ApplicationServer, Company, RowChange } from "../../store/application-model.js";
import { applicationModel, type ApplicationModel } from "../../store/applications-store.js";
import type { JsonValue } from "../../security/audit/entry.js";
import { authorizeObject } from "../auth/object-access.js";
import type { ConsoleAuditRecord } from "../server/audit.js";
import { notFound } from "../server/http-error.js";
import type { RouteContext } from "./registry.js";

export function modelOf(context: RouteContext): ApplicationModel {
  return applicationModel(context.services.store);
}

/** Returns the console user and the console's clock as a store row change. */
export function rowChange(context: RouteContext): RowChange {
  return { actor: context.user.name, at: context.services.now() };
}

/** Returns the URL parameter `name` as a store key; a 404 when it is not one. */
export function keyParam(context: RouteContext, name: string, kind: string): number {
  const text = (context.request.params as Record<string, string | undefined>)[name] ?? "";
  if (!/^[1-9][0-9]{0,14}$/.test(text)) {
    throw notFound(`The ${kind}`);
  }
  return Number(text);
}

export function loadCompany(context: RouteContext, param = "key"): Promise<Company> {
  const key = keyParam(context, param, "company");
  return authorizeObject(context, {
    kind: "company",
    id: String(key),
    load: async () => (await modelOf(context).companies.list()).find((company) => company.key === key),
  });
}

export function loadApplication(context: RouteContext, param = "key"): Promise<Application> {
  const key = keyParam(context, param, "application");
  return authorizeObject(context, {
    kind: "application",
    id: String(key),
    load: () => modelOf(context).applications.get(key),
  });
}

/** Returns server `:server` of `application`; a 404 when the application has no such server. */
export function loadServer(context: RouteContext, application: Application): Promise<ApplicationServer> {
  const key = keyParam(context, "server", "server");
  return authorizeObject(context, {
    kind: "server",
    id: String(key),
    load: async () => (await modelOf(context).servers.list(application.key)).find((server) => server.key === key),
  });
}

/** Returns the form fields of a URL-encoded body, keeping only text values. */
export function formFields(context: RouteContext): Record<string, string> {
  const body = context.request.body;
  const fields: Record<string, string> = {};
  if (typeof body !== "object" || body === null) {
    return fields;
  }
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === "string") {
      fields[name] = value;
    }
  }
  return fields;
}

/** A rejected form value, with a message that names the value and the fix. */
export class FormValueError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = "FormValueError";
    this.field = field;
  }
}

/**
 * Records `event` as started, runs `change`, and records its outcome with
 * the details `change` returns (such as the new values). A failure is
 * recorded with its error and rethrown.
 */
export async function auditedModelChange<T>(
  context: RouteContext,
  event: Omit<ConsoleAuditRecord, "outcome">,
  change: () => Promise<{ result: T; details?: Record<string, JsonValue> }>,
): Promise<T> {
  await context.audit.before({ ...event, outcome: "started" });
  let done: { result: T; details?: Record<string, JsonValue> };
  try {
    done = await change();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await context.audit.after({ ...event, outcome: "failed", details: { ...event.details, error: message } });
    throw error;
  }
  await context.audit.after({ ...event, outcome: "succeeded", details: { ...event.details, ...done.details } });
  return done.result;
}

export function companyUrl(company: Pick<Company, "key">): string {
  return `/companies/${company.key}`;
}

export function applicationUrl(application: Pick<Application, "key">): string {
  return `/applications/${application.key}`;
}
