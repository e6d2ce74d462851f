/**
 * The findings of an assessment on its report page: a filter form, one
 * page of findings and a pager, all working without script through the
 * page's query (`?status=&group=&q=&offset=&limit=`). The markup inside
 * `data-island="findings-filter"` is what the island reads before it takes
 * over: the assessment id, the page size and the options of the status and
 * group selects, whose empty value means "all".
 */

import type { FindingStatus } from "../../assessment/model.js";
import { STATUS_DISPLAY_ORDER, statusLabel } from "../../report/status.js";
import { formatCount } from "../../report/text.js";
import { statusClass } from "../../report/html/status-style.js";
import {
  DEFAULT_FINDINGS_LIMIT,
  MAX_FILTER_CHARS,
  type FindingsPage,
  type FindingsQuery,
  type GroupedFinding,
} from "../routes/finding-search.js";
import { assessmentUrl, sourceHref } from "./assessment-urls.js";
import { html, pageUrl, type SafeHtml } from "./html.js";
import { lastOffset, pager } from "./pager.js";

export interface FindingsSection {
  readonly assessmentId: string;
  readonly query: FindingsQuery;
  readonly page: FindingsPage;
  /** The feature groups of the assessment's findings, for the group select. */
  readonly groups: readonly string[];
}

/** Id of the section, for links that return to it. */
export const FINDINGS_ANCHOR = "findings";

/** Renders the findings section with its island container. */
export function renderFindingsSection(section: FindingsSection): SafeHtml {
  const { assessmentId, query, page } = section;

  return html`<section id="${FINDINGS_ANCHOR}"><h2>Findings</h2>
<div data-island="findings-filter" data-assessment-id="${assessmentId}" data-page-size="${DEFAULT_FINDINGS_LIMIT}">
${filterForm(section)}
<p class="findings-filter-summary" role="status">${summaryText(query, page)}</p>
${page.findings.length === 0 ? "" : findingsTable(assessmentId, page.findings)}
${pager({
  offset: query.offset,
  limit: query.limit,
  total: page.total,
  label: "Pages of findings",
  hrefFor: (offset) => findingsPageUrl(assessmentId, { ...query, offset }),
})}
</div>
</section>`;
}

/**
 * Returns the report page's URL that shows the findings of `query`,
 * leaving out parameters at their defaults.
 */
export function findingsPageUrl(assessmentId: string, query: Partial<FindingsQuery>): string {
  const url = pageUrl(assessmentUrl(assessmentId), {
    status: query.status || undefined,
    group: query.group || undefined,
    q: query.q || undefined,
    offset: query.offset === undefined || query.offset === 0 ? undefined : query.offset,
    limit: query.limit === undefined || query.limit === DEFAULT_FINDINGS_LIMIT ? undefined : query.limit,
  });
  return `${url}#${FINDINGS_ANCHOR}`;
}

function filterForm(section: FindingsSection): SafeHtml {
  const { query } = section;
  const statuses = STATUS_DISPLAY_ORDER.map((status: FindingStatus) =>
    option(status, statusLabel(status), query.status),
  );
  const groups = [...section.groups];
  if (query.group !== "" && !groups.includes(query.group)) {
    groups.push(query.group);
  }
  const groupOptions = groups.map((group) => option(group, group, query.group));
  const limit =
    query.limit === DEFAULT_FINDINGS_LIMIT ? "" : html`<input type="hidden" name="limit" value="${query.limit}">`;
  const action = `${assessmentUrl(section.assessmentId)}#${FINDINGS_ANCHOR}`;

  return html`<form class="findings-filter-form" role="search" method="get" action="${action}">
<label>Status <select name="status">${option("", "All statuses", query.status)}${statuses}</select></label>
<label>Feature group <select name="group">${option("", "All groups", query.group)}${groupOptions}</select></label>
<label>Search <input type="search" name="q" value="${query.q}" maxlength="${MAX_FILTER_CHARS}"></label>
${limit}<button type="submit">Filter</button>
</form>`;
}

function option(value: string, label: string, selected: string): SafeHtml {
  return html`<option value="${value}"${value === selected ? html` selected` : ""}>${label}</option>`;
}

function summaryText(query: FindingsQuery, page: FindingsPage): string {
  if (page.total === 0) {
    return "No findings match this filter.";
  }
  if (page.findings.length === 0) {
    const last = lastOffset(page.total, query.limit) + 1;
    return `No findings on this page: ${formatCount(page.total)} match, so the last page starts at ${formatCount(last)}.`;
  }

  const first = query.offset + 1;
  const last = query.offset + page.findings.length;
  return `Showing ${formatCount(first)}–${formatCount(last)} of ${formatCount(page.total)} findings.`;
}

function findingsTable(assessmentId: string, findings: readonly GroupedFinding[]): SafeHtml {
  const rows = findings.map(({ finding, group }) => {
    const location = `${finding.file}:${finding.line}:${finding.column}`;
    const object = finding.object === "" ? html`<span class="muted">batch</span>` : html`${finding.object}`;
    return html`<tr>
<td><span class="badge ${statusClass(finding.status)}">${statusLabel(finding.status)}</span></td>
<td><code>${finding.featureId}</code></td>
<td>${group}</td>
<td><a href="${sourceHref(assessmentId, finding.file, finding.line)}"><code>${location}</code></a></td>
<td>${object}</td>
<td>${finding.message}</td>
</tr>`;
  });

  return html`<table class="findings-table">
<thead><tr><th scope="col">Status</th><th scope="col">Feature</th><th scope="col">Group</th>
<th scope="col">Location</th><th scope="col">Object</th><th scope="col">Message</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}
