/**
 * The form that adds or changes a server of an application. A live server
 * is reached through a saved connection; a script-folder server, added
 * with the CLI, keeps its folder (see applications/server-form.ts).
 */

import type { Application, ApplicationServer } from "../../store/application-model.js";
import type { ServerFormValues } from "../applications/server-form.js";
import type { SavedConnection } from "../connections/index.js";
import { sourceText } from "./application.js";
import { checkboxField, formError, inputField, selectField, textAreaField, type SelectOption } from "./form-fields.js";
import { postForm } from "./forms.js";
import { html, type SafeHtml } from "./html.js";

export interface ServerFormPage {
  readonly csrfToken: string;
  readonly application: Application;
  /** The server being changed; undefined for a new one. */
  readonly server?: ApplicationServer;
  readonly connections: readonly SavedConnection[];
  readonly values: ServerFormValues;
  readonly error?: { readonly message: string; readonly field: string };
}

export function serverFormMain(page: ServerFormPage): SafeHtml {
  const base = `/applications/${page.application.key}`;
  const { values, server } = page;
  const invalid = (field: string): boolean => page.error?.field === field;

  const connectionOptions: SelectOption[] = page.connections.map((connection) => ({
    value: connection.id,
    label: `${connection.name} (${connection.server})`,
  }));
  const names = new Map(page.connections.map((connection) => [connection.id, connection.name]));
  const keepsSource = server !== undefined && !(server.source.kind === "live" && server.source.secret.kind === "saved-connection");
  if (keepsSource) {
    connectionOptions.unshift({ value: "", label: `Keep the current source: ${sourceText(server.source, names)}` });
  } else if (server === undefined) {
    connectionOptions.unshift({ value: "", label: "Choose a saved connection" });
  }
  const noConnections =
    page.connections.length === 0
      ? html`<p class="muted">No saved connections yet. <a href="/connections/new">Save a connection</a> first; its
password is stored encrypted. Script folders are added with <code>infio app servers add --scripts</code>.</p>`
      : "";

  const form = postForm({
    action: server === undefined ? `${base}/servers` : `${base}/servers/${server.key}`,
    csrfToken: page.csrfToken,
    body: html`
${inputField({ name: "name", label: "Name", value: values.name, required: true, maxLength: 128, invalid: invalid("name") })}
${selectField({
  name: "environment",
  label: "Environment",
  options: [
    { value: "production", label: "Production" },
    { value: "non-production", label: "Non-production" },
  ],
  value: values.environment === "" ? "production" : values.environment,
  invalid: invalid("environment"),
})}
${noConnections}
${selectField({ name: "connection", label: "Saved connection", options: connectionOptions, value: values.connection, invalid: invalid("connection") })}
${textAreaField({
  name: "databases",
  label: "Databases (one per line)",
  value: values.databases,
  hint: "Leave empty to assess every user database. Live servers only.",
  invalid: invalid("databases"),
})}
${textAreaField({
  name: "excludedDatabases",
  label: "Databases left out (one per line)",
  value: values.excludedDatabases,
  invalid: invalid("excludedDatabases"),
})}
${checkboxField({
  name: "includeSystemDatabases",
  label: "Also assess master, model and msdb",
  checked: values.includeSystemDatabases,
  invalid: invalid("includeSystemDatabases"),
})}
<p><button type="submit">${server === undefined ? "Add server" : "Save changes"}</button></p>`,
  });

  const remove =
    server === undefined
      ? ""
      : postForm({
          action: `${base}/servers/${server.key}/remove`,
          csrfToken: page.csrfToken,
          body: html`<p>Removing the server keeps its assessments, listed without a server.</p>
<p><button type="submit" class="danger">Remove this server</button></p>`,
        });
  return html`${formError(page.error?.message)}${form}${remove}<p><a href="${base}">Back to ${page.application.name}</a></p>`;
}
