/**
 * The page of one application: its servers, the discovery questionnaire,
 * the environment metrics with their origin, its assessments newest
 * first, and the links to its report. Forms appear only for users whose
 * role allows them; the routes check again.
 */

import type {
  Application,
  ApplicationServer,
  Metric,
  MetricName,
  Questionnaire,
  ServerSource,
} from "../../store/application-model.js";
import { METRICS } from "../../store/application-model.js";
import type { AssessmentLink } from "../../store/applications.js";
import { QUESTIONS } from "../../report/application/store-fields.js";
import { assessmentUrl } from "./assessment-urls.js";
import type { ModelRights } from "./companies.js";
import { formError, inputField, selectField, textAreaField } from "./form-fields.js";
import { postForm } from "./forms.js";
import { html, type SafeHtml } from "./html.js";
import { utcTime } from "./utc-time.js";

/** The metrics' labels, with the unit a value is entered in. */
export const METRIC_LABELS: Readonly<Record<MetricName, string>> = {
  "production-instances": "Production instances",
  "non-production-instances": "Non-production instances",
  "cpu-cores": "CPU cores",
  "memory-mb": "Memory (MiB)",
  "storage-mb": "Storage (MiB)",
  "primary-replicas": "Primary replicas",
  "secondary-replicas": "Secondary replicas",
};

/** The forms of the page that show a rejected value. */
export type ApplicationForm = "rename" | "questionnaire" | "metrics";

export interface ApplicationPage {
  readonly csrfToken: string;
  readonly rights: ModelRights;
  readonly application: Application;
  readonly servers: readonly ApplicationServer[];
  /** Names of saved connections by id, to describe live servers. */
  readonly connectionNames: ReadonlyMap<string, string>;
  readonly questionnaire: Questionnaire | undefined;
  readonly metrics: readonly Metric[];
  readonly assessments: readonly AssessmentLink[];
  readonly error?: { readonly form: ApplicationForm; readonly message: string; readonly field?: string };
  /** The submitted values of the form in error, shown again. */
  readonly values?: Readonly<Record<string, string>>;
}

export function applicationMain(page: ApplicationPage): SafeHtml {
  const base = `/applications/${page.application.key}`;
  const report = html`<p>Company: <a href="/companies/${page.application.companyKey}">${page.application.companyName}</a></p>
<p>Application report: <a href="${base}/report">HTML</a> · <a href="${base}/report.pdf">PDF</a> ·
<a href="${base}/report.json">JSON</a></p>`;

  return html`${report}
<h2>Servers</h2>${serversSection(page, base)}
<h2>Questionnaire</h2>${questionnaireSection(page, base)}
<h2>Environment metrics</h2>${metricsSection(page, base)}
<h2>Assessments</h2>${assessmentsSection(page)}
${manageSection(page, base)}`;
}

function serversSection(page: ApplicationPage, base: string): SafeHtml {
  const add = page.rights.manage ? html`<p><a href="${base}/servers/new">Add a server</a></p>` : "";
  if (page.servers.length === 0) {
    return html`<p>No servers yet.</p>${add}`;
  }
  const rows = page.servers.map((server) => {
    const name = page.rights.manage
      ? html`<a href="${base}/servers/${server.key}/edit">${server.name}</a>`
      : html`${server.name}`;
    return html`<tr>
<td>${name}</td>
<td>${server.environment}</td>
<td>${sourceText(server.source, page.connectionNames)}</td>
<td>${databasesText(server)}</td>
</tr>`;
  });
  return html`<table>
<thead><tr><th>Server</th><th>Environment</th><th>Source</th><th>Databases</th></tr></thead>
<tbody>${rows}</tbody>
</table>${add}`;
}

/** Describes where a server is assessed from, without any secret. */
export function sourceText(source: ServerSource, connectionNames: ReadonlyMap<string, string>): string {
  if (source.kind === "scripts") {
    return `script folder ${source.path}`;
  }
  if (source.secret.kind === "saved-connection") {
    const name = connectionNames.get(source.secret.id);
    return name === undefined
      ? `live, saved connection ${source.secret.id} (no longer saved)`
      : `live, saved connection '${name}'`;
  }
  const where = source.connection.server ?? (source.connection.connectionString === undefined ? "from AWS Secrets Manager" : "from a connection string");
  return `live ${where} (set with infio app servers)`;
}

function databasesText(server: ApplicationServer): string {
  if (server.source.kind === "scripts") {
    return "as the scripts create them";
  }
  const included = server.databases.length === 0 ? "every user database" : server.databases.join(", ");
  const excluded = server.excludedDatabases.length === 0 ? "" : `; except ${server.excludedDatabases.join(", ")}`;
  const system = server.includeSystemDatabases ? "; with master, model and msdb" : "";
  return `${included}${excluded}${system}`;
}

function questionnaireSection(page: ApplicationPage, base: string): SafeHtml {
  const answers = page.questionnaire;
  const changed =
    answers === undefined
      ? html`<p class="muted">Not answered yet.</p>`
      : html`<p class="muted">Last changed by ${answers.updatedBy} at ${utcTime(answers.updatedAt)} UTC.</p>`;
  if (!page.rights.manage) {
    return html`<dl class="meta">
<dt>${QUESTIONS.thirdPartyProduct}</dt><dd>${answerLabel(answers?.thirdParty)}</dd>
<dt>${QUESTIONS.codeMayBeChanged}</dt><dd>${answerLabel(answers?.codeChangeable)}</dd>
<dt>${QUESTIONS.notes}</dt><dd>${answers?.notes ?? ""}</dd>
</dl>${changed}`;
  }

  const error = page.error?.form === "questionnaire" ? page.error : undefined;
  const values = error === undefined ? undefined : page.values;
  const options = [
    { value: "unknown", label: "Not known" },
    { value: "yes", label: "Yes" },
    { value: "no", label: "No" },
  ];
  return html`${changed}${formError(error?.message)}${postForm({
    action: `${base}/questionnaire`,
    csrfToken: page.csrfToken,
    body: html`${selectField({
      name: "thirdParty",
      label: QUESTIONS.thirdPartyProduct,
      options,
      value: values?.thirdParty ?? answerValue(answers?.thirdParty),
      invalid: error?.field === "thirdParty",
    })}
${selectField({
  name: "codeChangeable",
  label: QUESTIONS.codeMayBeChanged,
  options,
  value: values?.codeChangeable ?? answerValue(answers?.codeChangeable),
  invalid: error?.field === "codeChangeable",
})}
${textAreaField({ name: "notes", label: QUESTIONS.notes, value: values?.notes ?? answers?.notes ?? "", invalid: error?.field === "notes" })}
<p><button type="submit">Save answers</button></p>`,
  })}`;
}

function answerValue(value: boolean | undefined): string {
  if (value === undefined) {
    return "unknown";
  }
  return value ? "yes" : "no";
}

function answerLabel(value: boolean | undefined): string {
  if (value === undefined) {
    return "not known";
  }
  return value ? "yes" : "no";
}

function metricsSection(page: ApplicationPage, base: string): SafeHtml {
  const byName = new Map(page.metrics.map((metric) => [metric.name, metric]));
  const rows = METRICS.map((name) => {
    const metric = byName.get(name);
    const origin =
      metric === undefined
        ? ""
        : metric.origin === "manual"
          ? "entered by hand"
          : `inventory of ${metric.assessments.join(", ")}`;
    return html`<tr>
<td>${METRIC_LABELS[name]}</td>
<td class="num">${metric?.value ?? ""}</td>
<td>${origin}</td>
<td>${metric === undefined ? "" : html`${metric.updatedBy}<br><span class="muted">${utcTime(metric.updatedAt)}</span>`}</td>
</tr>`;
  });
  const table = html`<table>
<thead><tr><th>Metric</th><th>Value</th><th>Origin</th><th>Changed by (UTC)</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
  if (!page.rights.manage) {
    return table;
  }

  const error = page.error?.form === "metrics" ? page.error : undefined;
  const fields = METRICS.map((name) => {
    const metric = byName.get(name);
    // The field shows the value entered by hand, or what was submitted when the form is shown again.
    let shown = "";
    if (error !== undefined) {
      shown = page.values?.[name] ?? "";
    } else if (metric?.origin === "manual") {
      shown = String(metric.value);
    }
    return inputField({
      name,
      label: METRIC_LABELS[name],
      value: shown,
      invalid: error?.field === name,
      ...(metric?.origin === "inventory" ? { hint: `Read from the inventory: ${metric.value}. A value entered here replaces it.` } : {}),
    });
  });
  return html`${table}
<h3>Values entered by hand</h3>
<p>A value entered here is kept until it is cleared: later assessments do not overwrite it. Clear a field to remove
its value; the next assessment of a live server fills it in again.</p>
${formError(error?.message)}${postForm({
    action: `${base}/metrics`,
    csrfToken: page.csrfToken,
    body: html`${fields}<p><button type="submit">Save metrics</button></p>`,
  })}`;
}

function assessmentsSection(page: ApplicationPage): SafeHtml {
  // TODO: start `assess --app` from this page. The console's job runner
  // takes one source per job and its saved-connection source has no
  // excluded or system databases, while an application run makes one
  // linked assessment per server and then fills in the inventory metrics.
  if (page.assessments.length === 0) {
    return html`<p>No assessments yet. Assess the application's servers with
<code>infio assess --app ${page.application.name}</code>; stop the console first when its store is embedded,
because only one process may open that store.</p>`;
  }
  const servers = new Map(page.servers.map((server) => [server.key, server]));
  const rows = page.assessments.map((link) => {
    const server = link.serverKey === undefined ? undefined : servers.get(link.serverKey);
    const id = link.status === "complete" ? html`<a href="${assessmentUrl(link.assessmentId)}">${link.assessmentId}</a>` : html`${link.assessmentId}`;
    const features =
      link.status === "complete" && server?.source.kind === "live"
        ? html`<a href="/assessments/${encodeURIComponent(link.assessmentId)}/server-features.csv">CSV</a> ·
<a href="/assessments/${encodeURIComponent(link.assessmentId)}/server-features.json">JSON</a>`
        : "";
    return html`<tr>
<td>${id}</td>
<td>${server?.name ?? "(server removed)"}</td>
<td>${link.status}</td>
<td>${utcTime(link.startedAt)}</td>
<td>${features}</td>
</tr>`;
  });
  return html`<table>
<thead><tr><th>Assessment</th><th>Server</th><th>Status</th><th>Started (UTC)</th><th>Server features</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function manageSection(page: ApplicationPage, base: string): SafeHtml | string {
  const parts: SafeHtml[] = [];
  if (page.rights.manage) {
    const error = page.error?.form === "rename" ? page.error : undefined;
    parts.push(html`<h2>Rename the application</h2>${formError(error?.message)}${postForm({
      action: `${base}/rename`,
      csrfToken: page.csrfToken,
      body: html`${inputField({
        name: "newName",
        label: "New name",
        value: error === undefined ? page.application.name : (page.values?.newName ?? ""),
        required: true,
        maxLength: 128,
        invalid: error !== undefined,
      })}<p><button type="submit">Rename</button></p>`,
    })}`);
  }
  if (page.rights.purge) {
    parts.push(html`<h2>Remove the application</h2>
<p>Removes the application with its ${page.servers.length} server(s), answers and metrics, and deletes its
${page.assessments.length} assessment(s), whose data keys are destroyed. This cannot be undone.</p>${postForm({
      action: `${base}/remove`,
      csrfToken: page.csrfToken,
      body: html`<p><button type="submit" class="danger">Remove ${page.application.name}</button></p>`,
    })}`);
  }
  return parts.length === 0 ? "" : html`${parts}`;
}
