/**
 * The assessments page: one row per stored assessment, newest first, with
 * what was assessed, for which target, how it fared and the effort, and a
 * pager. Every value from the store is escaped by the `html` tag.
 */

import type { FindingStatus } from "../../assessment/model.js";
import { STATUS_DISPLAY_ORDER, statusLabel } from "../../report/status.js";
import { formatCount } from "../../report/text.js";
import { statusClass } from "../../report/html/status-style.js";
import type { AssessmentListing } from "../../store/store.js";
import { assessmentUrl } from "./assessment-urls.js";
import { html, pageUrl, type SafeHtml } from "./html.js";
import type { PageOptions } from "./layout.js";
import { pager } from "./pager.js";

/** Sources named in a row before "and N more". */
const SOURCES_SHOWN = 2;

export interface AssessmentListPage {
  /** Every listing, newest first. */
  readonly listings: readonly AssessmentListing[];
  readonly offset: number;
  readonly limit: number;
  /** Whether the user may start an assessment, to link the run page. */
  readonly canRun: boolean;
}

/** Returns the assessments page's content, for `context.page`. */
export function assessmentListPage(page: AssessmentListPage): PageOptions {
  const { listings, offset, limit } = page;
  if (listings.length === 0) {
    return { title: "Assessments", main: emptyState(page.canRun) };
  }

  const rows = listings.slice(offset, offset + limit).map(listingRow);
  const shown = html`<p class="muted">${countText(offset, rows.length, listings.length)}</p>`;
  const links = pager({
    offset,
    limit,
    total: listings.length,
    label: "Pages of assessments",
    hrefFor: (at) => pageUrl("/assessments", { offset: at > 0 ? at : undefined }),
  });

  return {
    title: "Assessments",
    main: html`<div class="report">
${page.canRun ? html`<p><a href="/runs/new">Start an assessment</a></p>` : ""}
${shown}
<table class="wide assessments">
<thead><tr><th scope="col">Assessment</th><th scope="col">Status</th><th scope="col">Started (UTC)</th>
<th scope="col">Finished (UTC)</th><th scope="col">Sources</th><th scope="col">Target</th>
<th scope="col">Version</th><th scope="col" class="num">Lines</th><th scope="col">Findings by status</th>
<th scope="col">Effort</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${links}
</div>`,
  };
}

function emptyState(canRun: boolean): SafeHtml {
  const start = canRun
    ? html`<p><a href="/runs/new">Start an assessment</a>: upload T-SQL scripts (<code>.sql</code> or
<code>.zip</code>) or assess a live SQL Server through a saved connection.</p>`
    : html`<p>Assessors and admins start assessments here; ask one of them to run one.</p>`;

  return html`<div class="notice"><p>No assessments are stored yet.</p>
${start}
<p class="muted">Assessments run with <code>infio assess</code> into the same store are listed here too.</p></div>`;
}

function countText(offset: number, shown: number, total: number): string {
  if (shown === 0) {
    return `No assessments on this page; there are ${formatCount(total)} in all.`;
  }
  const range = `${formatCount(offset + 1)}–${formatCount(offset + shown)}`;
  return `Showing ${range} of ${formatCount(total)} assessments, newest first.`;
}

function listingRow(listing: AssessmentListing): SafeHtml {
  const [product, version] = splitTarget(listing.target);
  const summary = listing.summary;
  const finished =
    listing.finishedAt === undefined ? html`<span class="muted">not yet</span>` : timeText(listing.finishedAt);

  return html`<tr>
<td><a href="${assessmentUrl(listing.id)}"><code>${listing.id}</code></a></td>
<td>${statusCell(listing)}</td>
<td class="nowrap">${timeText(listing.startedAt)}</td>
<td class="nowrap">${finished}</td>
<td>${sourcesCell(listing)}</td>
<td>${product}</td>
<td>${version}</td>
<td class="num">${summary === undefined ? "" : formatCount(summary.lines)}</td>
<td>${summary === undefined ? "" : findingCounts(summary.findingsByStatus)}</td>
<td class="nowrap">${summary === undefined ? "" : `${hours(summary.effort.low)}–${hours(summary.effort.high)} h`}</td>
</tr>`;
}

function statusCell(listing: AssessmentListing): SafeHtml {
  if (listing.status === "failed" && listing.error !== undefined) {
    return html`<span class="nowrap">failed</span><br><small class="muted">${clipText(listing.error, 200)}</small>`;
  }
  return html`<span class="nowrap">${listing.status}</span>`;
}

function sourcesCell(listing: AssessmentListing): SafeHtml {
  if (listing.unreadable !== undefined) {
    return html`<span class="muted">unreadable: ${clipText(listing.unreadable, 200)}</span>`;
  }

  const shown = listing.sources.slice(0, SOURCES_SHOWN).map((source) => html`<code>${clipText(source, 120)}</code>`);
  const more = listing.sources.length - shown.length;
  const items = shown.map((item, index) => (index === 0 ? item : html`, ${item}`));
  return html`${items}${more > 0 ? html` and ${formatCount(more)} more` : ""}`;
}

/** Findings by status, most severe first, leaving out statuses without findings. */
export function findingCounts(counts: Readonly<Record<FindingStatus, number>>): SafeHtml {
  const present = STATUS_DISPLAY_ORDER.filter((status) => (counts[status] ?? 0) > 0);
  if (present.length === 0) {
    return html`<span class="muted">none</span>`;
  }

  const items = present.map((status) => {
    const badge = html`<span class="badge ${statusClass(status)}">${statusLabel(status)}</span>`;
    return html`<li>${badge} ${formatCount(counts[status])}</li>`;
  });
  return html`<ul class="plain">${items}</ul>`;
}

/** Splits `babelfish@5.5` into product and version; a target without `@` has no version. */
export function splitTarget(target: string): [product: string, version: string] {
  const at = target.indexOf("@");
  return at === -1 ? [target, ""] : [target.slice(0, at), target.slice(at + 1)];
}

/** Formats an ISO 8601 time in UTC as `2025-03-04 05:06:07`. */
export function timeText(iso: string): string {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(iso) ? iso.slice(0, 19).replace("T", " ") : iso;
}

function hours(value: number): string {
  return formatCount(Math.round(value * 10) / 10);
}

/** Cuts `text` to `max` characters, saying so. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… [${formatCount(text.length - max)} more characters]`;
}
