/**
 * The purge pages for admins. The main page lists the stored assessments
 * with their dates and sizes, and has a form for each way to select what to
 * purge: ticked assessments, an age, or everything. Each is confirmed by
 * typing "purge". The other pages preview what a selection matches and list
 * what a purge destroyed.
 */

import type { PurgePlan, PurgeResult } from "../../cli/purge-run.js";
import { formatCount } from "../../report/text.js";
import type { AssessmentListing } from "../../store/store.js";
import { formatByteSize } from "../../util/byte-size.js";
import { formError } from "./form-fields.js";
import { postForm } from "./forms.js";
import { html, type SafeHtml } from "./html.js";
import { utcTime } from "./utc-time.js";

/** Sources named in a row before "and N more". */
const SOURCES_SHOWN = 2;

/** The selection fields as sent, to carry them to the confirmation form. */
export interface PurgeSelectionValues {
  readonly assessments: readonly string[];
  readonly olderThan: string;
  readonly all: boolean;
}

/** The `retention` setting of the data folder's config.json. */
export type RetentionSetting =
  | { readonly kind: "none" }
  | { readonly kind: "set"; readonly text: string }
  | { readonly kind: "invalid"; readonly message: string };

export interface PurgePage {
  readonly csrfToken: string;
  /** The plan of a purge of everything, which the page lists. */
  readonly plan: PurgePlan;
  readonly retention: RetentionSetting;
  /** The word to type. */
  readonly confirmation: string;
  readonly error?: string;
  readonly values?: PurgeSelectionValues;
}

export function purgeMain(page: PurgePage): SafeHtml {
  const { plan } = page;
  const ticked = new Set(page.values?.assessments ?? []);
  const rows = [
    ...plan.assessments.map((listing) => listingRow(listing, checkbox(listing.id, ticked))),
    ...plan.keysOnly.map((id) => keyOnlyRow(id, checkbox(id, ticked))),
  ];
  const running = plan.running.map((id) => html`<li><code>${id}</code></li>`);

  return html`${formError(page.error)}
${retentionNotice(page.retention)}
<p>Purging destroys each assessment's data key first, so that no copy of its encrypted rows (a backup, a copied
store) can be read again, and then deletes its rows from the store. It cannot be undone. Running assessments are kept.</p>
<section aria-labelledby="selected-heading">
<h2 id="selected-heading">Selected assessments</h2>
${rows.length === 0
  ? html`<p class="muted">No finished assessments or data keys are stored.</p>`
  : postForm({
      action: "/purge",
      csrfToken: page.csrfToken,
      body: html`<table class="purge">
<thead><tr><th scope="col">Purge</th><th scope="col">Assessment</th><th scope="col">Status</th><th scope="col">Started (UTC)</th>
<th scope="col">Finished (UTC)</th><th scope="col">Target</th><th scope="col">Sources</th><th scope="col" class="number">Files</th>
<th scope="col" class="number">Lines</th><th scope="col" class="number">Size</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${confirmationField("selected", page.confirmation)}
<p><button type="submit" class="danger">Purge the ticked assessments</button></p>`,
    })}
${running.length === 0 ? "" : html`<p>Running, so kept until they finish:</p><ul>${running}</ul>`}
</section>
<section aria-labelledby="age-heading">
<h2 id="age-heading">By age</h2>
${postForm({
  action: "/purge",
  csrfToken: page.csrfToken,
  body: html`<p class="field"><label for="purge-older-than">Assessments that started longer ago than</label>
<span class="muted">A number and a unit: m (minutes), h (hours), d (days) or w (weeks), such as 30d.</span>
<input id="purge-older-than" name="olderThan" value="${page.values?.olderThan ?? ""}" maxlength="16" required></p>
${confirmationField("age", page.confirmation)}
<p><button type="submit" class="danger">Purge older assessments</button></p>`,
})}
</section>
<section aria-labelledby="all-heading">
<h2 id="all-heading">Everything</h2>
${postForm({
  action: "/purge",
  csrfToken: page.csrfToken,
  body: html`<input type="hidden" name="all" value="yes">
<p>Every finished assessment and every data key of the data folder.</p>
${confirmationField("all", page.confirmation)}
<p><button type="submit" class="danger">Purge everything</button></p>`,
})}
</section>`;
}

export interface PurgePreviewPage {
  readonly csrfToken: string;
  readonly plan: PurgePlan;
  /** The selection in words, such as "assessments that started more than 30d ago". */
  readonly description: string;
  readonly values: PurgeSelectionValues;
  readonly confirmation: string;
  readonly error?: string;
}

/** Lists what a selection matches, as `infio purge` without --yes does, above a form for the confirmation. */
export function purgePreviewMain(page: PurgePreviewPage): SafeHtml {
  const { plan } = page;
  const count = plan.assessments.length + plan.keysOnly.length;
  const keptRunning = keptNotice(plan.running);
  if (count === 0) {
    return html`${formError(page.error)}<p class="notice">Nothing matches ${page.description}; nothing to purge.</p>${keptRunning}
<p><a href="/purge">Back to purge</a></p>`;
  }

  const hidden = [
    ...page.values.assessments.map((id) => html`<input type="hidden" name="assessment" value="${id}">`),
    page.values.olderThan === "" ? "" : html`<input type="hidden" name="olderThan" value="${page.values.olderThan}">`,
    page.values.all ? html`<input type="hidden" name="all" value="yes">` : "",
  ];
  return html`${formError(page.error)}
<p>${formatCount(count)} assessment(s) match ${page.description}. Nothing was purged yet.</p>
${matchedTable(plan)}
${keptRunning}
${postForm({
  action: "/purge",
  csrfToken: page.csrfToken,
  body: html`${hidden}
${confirmationField("preview", page.confirmation)}
<p><button type="submit" class="danger">Purge ${formatCount(count)} assessment(s)</button> <a href="/purge">Cancel</a></p>`,
})}`;
}

export interface PurgeResultPage {
  readonly plan: PurgePlan;
  readonly result: PurgeResult;
  readonly description: string;
}

export function purgeResultMain(page: PurgeResultPage): SafeHtml {
  const { result } = page;
  const purged = result.purged.map((id) => html`<li><code>${id}</code></li>`);
  const failed = result.failed.map((failure) => html`<li><code>${failure.id}</code>: ${failure.message}</li>`);
  const summary =
    result.purged.length === 0 && result.failed.length === 0
      ? html`<p class="notice">Nothing matches ${page.description}; nothing was purged.</p>`
      : html`<p class="notice" role="status">Purged ${formatCount(result.purged.length)} assessment(s) matching ${page.description}:
their data keys are destroyed and their rows deleted.</p>`;

  return html`${summary}
${purged.length === 0 ? "" : html`<ul>${purged}</ul>`}
${failed.length === 0 ? "" : failedNotice(failed)}
${keptNotice(page.plan.running)}
<p><a href="/purge">Back to purge</a></p>`;
}

function failedNotice(items: readonly SafeHtml[]): SafeHtml {
  return html`<div class="notice error" role="alert">
<p>${formatCount(items.length)} assessment(s) could not be purged:</p><ul>${items}</ul></div>`;
}

function keptNotice(running: readonly string[]): SafeHtml | string {
  if (running.length === 0) {
    return "";
  }
  const items = running.map((id) => html`<li><code>${id}</code></li>`);
  return html`<div class="notice"><p>Still running, so kept; purge them once they have finished:</p><ul>${items}</ul></div>`;
}

function matchedTable(plan: PurgePlan): SafeHtml {
  const rows = [
    ...plan.assessments.map((listing) => listingRow(listing, "")),
    ...plan.keysOnly.map((id) => keyOnlyRow(id, "")),
  ];
  return html`<table class="purge">
<thead><tr><th scope="col"></th><th scope="col">Assessment</th><th scope="col">Status</th><th scope="col">Started (UTC)</th>
<th scope="col">Finished (UTC)</th><th scope="col">Target</th><th scope="col">Sources</th><th scope="col" class="number">Files</th>
<th scope="col" class="number">Lines</th><th scope="col" class="number">Size</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function listingRow(listing: AssessmentListing, select: SafeHtml | string): SafeHtml {
  const summary = listing.summary;
  const status = listing.unreadable === undefined ? listing.status : `${listing.status}, unreadable`;
  return html`<tr>
<td>${select}</td>
<td><code>${listing.id}</code></td>
<td>${status}</td>
<td>${utcTime(listing.startedAt)}</td>
<td>${utcTime(listing.finishedAt)}</td>
<td>${listing.target}</td>
<td>${sourcesText(listing.sources)}</td>
<td class="number">${summary === undefined ? "" : formatCount(summary.files)}</td>
<td class="number">${summary === undefined ? "" : formatCount(summary.lines)}</td>
<td class="number">${summary === undefined ? "" : formatByteSize(summary.bytes)}</td>
</tr>`;
}

function keyOnlyRow(id: string, select: SafeHtml | string): SafeHtml {
  return html`<tr>
<td>${select}</td>
<td><code>${id}</code></td>
<td colspan="8" class="muted">Data key only: nothing of it is in the store, as after a run that was stopped.</td>
</tr>`;
}

function checkbox(id: string, ticked: ReadonlySet<string>): SafeHtml {
  return html`<input type="checkbox" name="assessment" value="${id}" aria-label="Purge ${id}"${ticked.has(id) ? html` checked` : ""}>`;
}

/** Renders the typed confirmation field, with an id of its own for each form. */
function confirmationField(form: string, word: string): SafeHtml {
  const id = `purge-confirmation-${form}`;
  return html`<p class="field"><label for="${id}">Type <code>${word}</code> to confirm</label>
<input id="${id}" name="confirmation" autocomplete="off" maxlength="16" required></p>`;
}

function retentionNotice(retention: RetentionSetting): SafeHtml {
  switch (retention.kind) {
    case "none":
      return html`<p class="muted">No retention period is set: assessments are kept until purged. Set
<code>"retention": "30d"</code> in the data folder's <code>config.json</code> to purge older ones whenever an infio
command opens the store, such as <code>infio serve</code> when it starts.</p>`;
    case "set":
      return html`<p>Retention period: <strong>${retention.text}</strong>. Assessments that started longer ago are purged
whenever an infio command opens the store, such as <code>infio serve</code> when it starts.</p>`;
    case "invalid":
      return html`<p class="notice error">The retention setting cannot be read: ${retention.message}</p>`;
  }
}

function sourcesText(sources: readonly string[]): string {
  const listed = sources.slice(0, SOURCES_SHOWN).join(", ");
  const more = sources.length - SOURCES_SHOWN;
  return more > 0 ? `${listed} and ${more} more` : listed;
}
