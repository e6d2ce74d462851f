/**
 * The pages of saved connections: the list, with the result of a
 * connection test, and the form that creates or edits one. No page ever
 * contains a saved password: the password field is always empty.
 */

import type { ConnectionField, SavedConnection } from "../connections/index.js";
import type { ConnectionCheck } from "../routes/connection-check.js";
import type { ConnectionFormValues } from "../routes/connection-form.js";
import { checkboxField, formError, inputField, selectField, textAreaField } from "./form-fields.js";
import { postForm } from "./forms.js";
import { html, pageUrl, type SafeHtml } from "./html.js";

export interface ConnectionListPage {
  readonly csrfToken: string;
  readonly connections: readonly SavedConnection[];
  /** The result of the test just run, shown above the list. */
  readonly check?: { readonly connection: SavedConnection; readonly result: ConnectionCheck };
}

export function connectionListMain(page: ConnectionListPage): SafeHtml {
  const add = html`<p><a href="/connections/new">Save a connection</a></p>`;
  if (page.connections.length === 0) {
    return html`${checkNotice(page)}${add}<p>No saved connections yet.</p>`;
  }

  const rows = page.connections.map((connection) => {
    const edit = `/connections/${encodeURIComponent(connection.id)}/edit`;
    const test = postForm({
      action: `/connections/${encodeURIComponent(connection.id)}/test`,
      csrfToken: page.csrfToken,
      body: html`<button type="submit" class="secondary">Test</button>`,
    });
    return html`<tr>
<td><a href="${edit}">${connection.name}</a></td>
<td><code>${connection.server}</code></td>
<td>${connection.user}</td>
<td>${connection.databases.length === 0 ? "Every user database" : connection.databases.join(", ")}</td>
<td>${tlsText(connection)}</td>
<td>${connection.updatedBy}<br><span class="muted">${connection.updatedAt.replace("T", " ").slice(0, 19)}</span></td>
<td>${test}<a href="${pageUrl("/runs/new", { connection: connection.id })}">Assess</a></td>
</tr>`;
  });
  return html`${checkNotice(page)}${add}
<table>
<thead><tr><th>Name</th><th>Server</th><th>Login</th><th>Databases</th><th>TLS</th><th>Changed by (UTC)</th><th>Actions</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function tlsText(connection: SavedConnection): string {
  const mode = connection.tls.mode === "strict" ? "TDS 8.0 strict" : "TLS";
  if (connection.tls.trustServerCertificate) {
    return `${mode}, certificate not verified`;
  }
  return connection.tls.caFile === undefined ? `${mode}, system CAs` : `${mode}, CA file ${connection.tls.caFile}`;
}

function checkNotice(page: ConnectionListPage): SafeHtml | string {
  if (page.check === undefined) {
    return "";
  }
  const { connection, result } = page.check;
  if (result.ok) {
    return html`<p class="notice" role="status">Connected to '${connection.name}' (${result.server}): server
${result.serverName}, SQL Server ${result.version}, ${result.edition}.</p>`;
  }
  return html`<p class="notice error" role="alert">Testing '${connection.name}' failed (${result.kind}): ${result.message}</p>`;
}

export interface ConnectionFormPage {
  readonly csrfToken: string;
  /** The connection being edited; undefined for a new one. */
  readonly connection?: SavedConnection;
  readonly values: ConnectionFormValues;
  readonly error?: { readonly message: string; readonly field: ConnectionField | undefined };
}

export function connectionFormMain(page: ConnectionFormPage): SafeHtml {
  const { values, connection } = page;
  const invalid = (field: ConnectionField): boolean => page.error?.field === field;
  const action = connection === undefined ? "/connections" : `/connections/${encodeURIComponent(connection.id)}`;
  const passwordHint =
    connection === undefined
      ? "Stored encrypted; never shown again."
      : "Leave empty to keep the saved password; changing the server, login or TLS settings needs it again.";

  const form = postForm({
    action,
    csrfToken: page.csrfToken,
    body: html`
${inputField({ name: "name", label: "Name", value: values.name ?? "", required: true, maxLength: 100, invalid: invalid("name") })}
${inputField({
  name: "server",
  label: "Server",
  value: values.server ?? "",
  required: true,
  hint: "HOST, HOST,PORT or HOST\\INSTANCE, as --server takes it.",
  invalid: invalid("server"),
})}
${inputField({ name: "port", label: "Port (optional)", value: String(values.port ?? ""), invalid: invalid("port") })}
${inputField({ name: "instance", label: "Instance (optional)", value: values.instance ?? "", invalid: invalid("instance") })}
${textAreaField({
  name: "databases",
  label: "Databases (optional, one per line)",
  value: (values.databases ?? []).join("\n"),
  hint: "Leave empty to assess every user database.",
  invalid: invalid("databases"),
})}
${inputField({ name: "user", label: "SQL login", value: values.user ?? "", required: true, autocomplete: "off", invalid: invalid("user") })}
${inputField({
  name: "password",
  label: "Password",
  type: "password",
  value: "",
  required: connection === undefined,
  autocomplete: "new-password",
  maxLength: 128,
  hint: passwordHint,
  invalid: invalid("password"),
})}
${selectField({
  name: "tlsMode",
  label: "Encryption",
  options: [
    { value: "on", label: "TLS (TDS 7.4)" },
    { value: "strict", label: "Strict (TDS 8.0)" },
  ],
  value: values.tlsMode ?? "on",
  invalid: invalid("tlsMode"),
})}
${inputField({
  name: "caFile",
  label: "CA file (optional)",
  value: values.caFile ?? "",
  hint: "Absolute path, on the console's host, of the PEM file of the CA that signed the server's certificate.",
  invalid: invalid("caFile"),
})}
${inputField({
  name: "serverName",
  label: "Name in the certificate (optional)",
  value: values.serverName ?? "",
  invalid: invalid("serverName"),
})}
${checkboxField({
  name: "trustServerCertificate",
  label: "Trust the server certificate without verifying it",
  checked: values.trustServerCertificate === true,
  hint: "Not recommended: a server impersonating this one would receive the password.",
  invalid: invalid("trustServerCertificate"),
})}
<p><button type="submit">${connection === undefined ? "Save connection" : "Save changes"}</button></p>`,
  });

  const remove =
    connection === undefined
      ? ""
      : postForm({
          action: `/connections/${encodeURIComponent(connection.id)}/delete`,
          csrfToken: page.csrfToken,
          body: html`<p><button type="submit" class="danger">Delete this connection</button></p>`,
        });
  return html`${formError(page.error?.message)}${form}${remove}<p><a href="/connections">All connections</a></p>`;
}
