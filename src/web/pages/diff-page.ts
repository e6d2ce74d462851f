/**
 * The diff page: a form to choose two assessments, and for a chosen pair
 * the counts of new, fixed, changed, unchanged and not compared findings
 * with one list shown a page at a time. The comparison is the CLI's
 * `infio diff` (src/assessment/diff-coverage.ts).
 */

import type { AssessmentsDiff, NotCompared } from "../../assessment/diff-coverage.js";
import type { FindingChange } from "../../assessment/diff.js";
import type { Finding } from "../../assessment/model.js";
import { statusClass } from "../../report/html/status-style.js";
import { statusLabel } from "../../report/status.js";
import { formatCount } from "../../report/text.js";
import type { AssessmentListing } from "../../store/store.js";
import { timeText } from "./assessment-list.js";
import { sourceHref } from "./assessment-urls.js";
import { html, pageUrl, type SafeHtml } from "./html.js";
import type { PageOptions } from "./layout.js";
import { pager } from "./pager.js";

/** The lists of a diff, by the name the `list` parameter takes. */
export const DIFF_LISTS = ["new", "fixed", "changed", "not-compared"] as const;

export type DiffList = (typeof DIFF_LISTS)[number];

/** Rows of a list per page. */
export const DIFF_PAGE_SIZE = 50;

export interface DiffChoice {
  /** Complete assessments to choose from, newest first. */
  readonly listings: readonly AssessmentListing[];
  readonly a: string;
  readonly b: string;
  /** The reason the last choice was rejected, shown above the form. */
  readonly problem?: string;
}

export interface DiffResult {
  readonly a: string;
  readonly b: string;
  readonly diff: AssessmentsDiff;
  readonly list: DiffList;
  readonly offset: number;
}

/** Returns the diff page's content, for `context.page`. */
export function diffPage(choice: DiffChoice, result?: DiffResult): PageOptions {
  const problem =
    choice.problem === undefined ? "" : html`<p class="notice error" role="alert">${choice.problem}</p>`;
  const shown = result === undefined ? "" : renderResult(result);

  return {
    title: "Diff of two assessments",
    main: html`<div class="report">${problem}${chooser(choice)}${shown}</div>`,
  };
}

function chooser(choice: DiffChoice): SafeHtml {
  if (choice.listings.length === 0) {
    return html`<p class="notice">No complete assessments are stored yet, so there is nothing to compare.</p>`;
  }

  const options = (selected: string) =>
    choice.listings.map((listing) => {
      const label = `${listing.id} · ${listing.target} · ${timeText(listing.startedAt)}`;
      return html`<option value="${listing.id}"${listing.id === selected ? html` selected` : ""}>${label}</option>`;
    });

  return html`<p class="muted">Compare the findings of an earlier assessment (A) with a later one of the same code (B).
Findings match by feature, detail, file, object and message, so code that only moved is unchanged.</p>
<form method="get" action="/diff" class="findings-filter-form">
<label>Earlier assessment (A) <select name="a" required><option value="">Choose…</option>${options(choice.a)}</select></label>
<label>Later assessment (B) <select name="b" required><option value="">Choose…</option>${options(choice.b)}</select></label>
<button type="submit">Compare</button>
</form>`;
}

function renderResult(result: DiffResult): SafeHtml {
  const { diff } = result;
  const sizes: Record<DiffList, number> = {
    new: diff.added.length,
    fixed: diff.fixed.length,
    changed: diff.changed.length,
    "not-compared": diff.notCompared.length,
  };
  const link = (list: DiffList, label: string) =>
    list === result.list
      ? html`<strong aria-current="true">${label}</strong>`
      : html`<a href="${diffUrl(result.a, result.b, list, 0)}#diff-list">${label}</a>`;

  const notes = diff.notes.map((note) => html`<li>${note}; these findings are neither fixed nor new.</li>`);

  return html`<section id="diff-counts"><h2>A <code>${result.a}</code> → B <code>${result.b}</code></h2>
<table class="counts"><thead><tr><th scope="col">Findings</th><th scope="col" class="num">Count</th></tr></thead><tbody>
${countRow(link("new", "New"), "only in B", "new", sizes.new)}
${countRow(link("fixed", "Fixed"), "only in A", "fixed", sizes.fixed)}
${countRow(link("changed", "Changed"), "another status in B", "changed", sizes.changed)}
${countRow(html`Unchanged`, `of which ${formatCount(diff.moved)} moved`, "unchanged", diff.unchanged)}
${countRow(link("not-compared", "Not compared"), "where the other assessment could not read", "not-compared", sizes["not-compared"])}
</tbody></table>
${notes.length === 0 ? "" : html`<ul>${notes}</ul>`}
</section>
${listSection(result, sizes[result.list])}`;
}

/** Renders one row of the counts table; `data-count` names the count for tests and scripts. */
function countRow(label: SafeHtml, note: string, name: string, count: number): SafeHtml {
  return html`<tr><td>${label} <small>${note}</small></td><td class="num" data-count="${name}">${formatCount(count)}</td></tr>`;
}

const LIST_TITLES: Readonly<Record<DiffList, string>> = {
  new: "New findings",
  fixed: "Fixed findings",
  changed: "Changed findings",
  "not-compared": "Findings not compared",
};

function listSection(result: DiffResult, total: number): SafeHtml {
  const { offset } = result;
  const end = offset + DIFF_PAGE_SIZE;
  let rows: SafeHtml[];
  if (result.list === "changed") {
    rows = result.diff.changed.slice(offset, end).map((change) => changedRow(result, change));
  } else if (result.list === "not-compared") {
    rows = result.diff.notCompared.slice(offset, end).map((entry) => notComparedRow(result, entry));
  } else {
    const findings = result.list === "new" ? result.diff.added : result.diff.fixed;
    const owner = result.list === "new" ? result.b : result.a;
    rows = findings.slice(offset, end).map((finding) => findingRow(owner, finding, statusBadge(finding.status), ""));
  }

  const extraHead = result.list === "not-compared" ? html`<th scope="col">Why</th>` : "";
  const table =
    rows.length === 0
      ? html`<p>${total === 0 ? "None." : "No findings on this page."}</p>`
      : html`<table class="wide"><thead><tr><th scope="col">Status</th><th scope="col">Feature</th><th scope="col">Place</th>
<th scope="col">Object</th><th scope="col">Message</th>${extraHead}</tr></thead><tbody>
${rows}
</tbody></table>`;

  return html`<section id="diff-list"><h2>${LIST_TITLES[result.list]}</h2>
${table}
${pager({
  offset,
  limit: DIFF_PAGE_SIZE,
  total,
  label: `Pages of ${LIST_TITLES[result.list].toLowerCase()}`,
  hrefFor: (at) => `${diffUrl(result.a, result.b, result.list, at)}#diff-list`,
})}
</section>`;
}

/** Returns the diff page's URL for a pair, list and offset. */
export function diffUrl(a: string, b: string, list: DiffList, offset: number): string {
  return pageUrl("/diff", { a, b, list: list === "new" ? undefined : list, offset: offset > 0 ? offset : undefined });
}

function statusBadge(status: string): SafeHtml {
  return html`<span class="badge ${statusClass(status)}">${statusLabel(status)}</span>`;
}

function findingRow(owner: string, finding: Finding, status: SafeHtml, extra: SafeHtml | string): SafeHtml {
  const place = `${finding.file}:${finding.line}:${finding.column}`;
  const object = finding.object === "" ? html`<span class="muted">batch</span>` : html`${finding.object}`;
  return html`<tr><td>${status}</td><td><code>${finding.featureId}</code></td>
<td><a href="${sourceHref(owner, finding.file, finding.line)}"><code>${place}</code></a></td>
<td>${object}</td><td>${finding.message}</td>${extra}</tr>`;
}

function changedRow(result: DiffResult, change: FindingChange): SafeHtml {
  const status = html`${statusBadge(change.before.status)} → ${statusBadge(change.after.status)}`;
  return findingRow(result.b, change.after, status, "");
}

function notComparedRow(result: DiffResult, entry: NotCompared): SafeHtml {
  const owner = entry.side === "before" ? result.a : result.b;
  const side = entry.side === "before" ? "only in A" : "only in B";
  const status = html`${statusBadge(entry.finding.status)} <small>${side}</small>`;
  return findingRow(owner, entry.finding, status, html`<td>${entry.reason}</td>`);
}
