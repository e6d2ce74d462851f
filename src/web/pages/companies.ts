/**
 * The pages of companies: the list, with the form that adds one, and one
 * company with its applications, the links to its report, and the forms
 * that rename or remove it and add an application. Forms appear only for
 * users whose role allows them; the routes check again.
 */

import type { Application, Company } from "../../store/application-model.js";
import { formError, inputField } from "./form-fields.js";
import { postForm } from "./forms.js";
import { html, type SafeHtml } from "./html.js";
import { utcTime } from "./utc-time.js";

/** Rights that the user's role grants on these pages. */
export interface ModelRights {
  /** Add, rename and change companies, applications, servers, questionnaires and metrics. */
  readonly manage: boolean;
  /** Remove companies and applications with their assessments. */
  readonly purge: boolean;
}

export interface CompanyListPage {
  readonly csrfToken: string;
  readonly rights: ModelRights;
  readonly companies: readonly { readonly company: Company; readonly applications: number }[];
  /** The rejected name of the add form and why. */
  readonly error?: { readonly message: string; readonly value: string };
}

export function companyListMain(page: CompanyListPage): SafeHtml {
  const add = page.rights.manage
    ? html`<h2>Add a company</h2>${formError(page.error?.message)}${postForm({
        action: "/companies",
        csrfToken: page.csrfToken,
        body: html`${inputField({
          name: "name",
          label: "Name",
          value: page.error?.value ?? "",
          required: true,
          maxLength: 128,
          invalid: page.error !== undefined,
        })}<p><button type="submit">Add company</button></p>`,
      })}`
    : "";

  if (page.companies.length === 0) {
    return html`<p>No companies yet.</p>${add}`;
  }
  const rows = page.companies.map(
    ({ company, applications }) => html`<tr>
<td><a href="/companies/${company.key}">${company.name}</a></td>
<td class="num">${applications}</td>
<td>${company.createdBy}<br><span class="muted">${utcTime(company.createdAt)}</span></td>
</tr>`,
  );
  return html`<table>
<thead><tr><th>Company</th><th>Applications</th><th>Created by (UTC)</th></tr></thead>
<tbody>${rows}</tbody>
</table>${add}`;
}

export interface CompanyPage {
  readonly csrfToken: string;
  readonly rights: ModelRights;
  readonly company: Company;
  readonly applications: readonly { readonly application: Application; readonly assessments: number }[];
  /** The rejected value of one of the forms, which form, and why. */
  readonly error?: { readonly form: "rename" | "add-application"; readonly message: string; readonly value: string };
}

export function companyMain(page: CompanyPage): SafeHtml {
  const { company } = page;
  const base = `/companies/${company.key}`;
  const report = html`<p>Company report:
<a href="${base}/report">HTML</a> · <a href="${base}/report.pdf">PDF</a> · <a href="${base}/report.json">JSON</a></p>`;

  const rows = page.applications.map(
    ({ application, assessments }) => html`<tr>
<td><a href="/applications/${application.key}">${application.name}</a></td>
<td class="num">${assessments}</td>
<td>${application.updatedBy}<br><span class="muted">${utcTime(application.updatedAt)}</span></td>
</tr>`,
  );
  const table =
    page.applications.length === 0
      ? html`<p>No applications yet.</p>`
      : html`<table>
<thead><tr><th>Application</th><th>Assessments</th><th>Changed by (UTC)</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;

  const errorOf = (form: "rename" | "add-application") => (page.error?.form === form ? page.error : undefined);
  const addError = errorOf("add-application");
  const renameError = errorOf("rename");
  const manage = page.rights.manage
    ? html`<h2>Add an application</h2>${formError(addError?.message)}${postForm({
        action: `${base}/applications`,
        csrfToken: page.csrfToken,
        body: html`${inputField({
          name: "name",
          label: "Application name",
          value: addError?.value ?? "",
          required: true,
          maxLength: 128,
          invalid: addError !== undefined,
        })}<p><button type="submit">Add application</button></p>`,
      })}
<h2>Rename the company</h2>${formError(renameError?.message)}${postForm({
        action: `${base}/rename`,
        csrfToken: page.csrfToken,
        body: html`${inputField({
          name: "newName",
          label: "New name",
          value: renameError?.value ?? company.name,
          required: true,
          maxLength: 128,
          invalid: renameError !== undefined,
        })}<p><button type="submit">Rename</button></p>`,
      })}`
    : "";

  const total = page.applications.reduce((sum, entry) => sum + entry.assessments, 0);
  const remove = page.rights.purge
    ? html`<h2>Remove the company</h2>
<p>Removes ${page.applications.length} application(s) with their servers, answers and metrics, and deletes
their ${total} assessment(s), whose data keys are destroyed. This cannot be undone.</p>${postForm({
        action: `${base}/remove`,
        csrfToken: page.csrfToken,
        body: html`<p><button type="submit" class="danger">Remove ${company.name}</button></p>`,
      })}`
    : "";

  return html`${report}<h2>Applications</h2>${table}${manage}${remove}<p><a href="/companies">All companies</a></p>`;
}
