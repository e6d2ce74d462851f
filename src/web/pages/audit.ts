/**
 * The audit log pages for admins: the entries, newest first, with filters
 * and a pager, and the result of verifying the hash chain. Actors, objects
 * and details may contain anything a user typed or a script contained, so
 * each is escaped by the `html` tag like every other value.
 */

import { canonicalJson, type AuditEntry, type JsonValue } from "../../security/audit/entry.js";
import type { AuditProblem } from "../../security/audit/verify.js";
import type { KeyedVerification } from "../../cli/audit-verify.js";
import { formatCount } from "../../report/text.js";
import { postForm } from "./forms.js";
import { html, pageUrl, type SafeHtml } from "./html.js";
import { pager } from "./pager.js";
import { utcTime } from "./utc-time.js";

/** The filters as typed, shown again in the form; see routes/audit-query.ts. */
export interface AuditFilterValues {
  readonly action: string;
  readonly actor: string;
  readonly outcome: string;
  readonly from: string;
  readonly to: string;
}

export interface AuditLogPage {
  readonly csrfToken: string;
  readonly filter: AuditFilterValues;
  readonly outcomes: readonly string[];
  readonly entries: readonly AuditEntry[];
  readonly offset: number;
  readonly limit: number;
  readonly total: number;
  /** Entries in the whole log. */
  readonly scanned: number;
  /** Shown instead of the entries when they cannot be shown. */
  readonly error?: string;
}

export function auditLogMain(page: AuditLogPage): SafeHtml {
  const actions = html`<div class="audit-actions">
${postForm({
  action: "/audit/verify",
  csrfToken: page.csrfToken,
  body: html`<button type="submit">Verify the log</button>`,
})}
<p><a href="/audit/export">Download the log</a> <span class="muted">(a .zip with the log and its head record, to check with
<code>infio audit verify --log audit.jsonl</code>)</span></p>
</div>`;
  if (page.error !== undefined) {
    return html`<p class="notice error" role="alert">${page.error}</p>${actions}`;
  }

  const links = pager({
    offset: page.offset,
    limit: page.limit,
    total: page.total,
    label: "Pages of audit entries",
    hrefFor: (offset) => pageUrl("/audit", { ...filterQuery(page.filter), offset: offset > 0 ? offset : undefined }),
  });
  return html`${actions}
${filterForm(page)}
<p class="muted">${countText(page)}</p>
${page.entries.length === 0 ? "" : entryTable(page.entries)}
${links}`;
}

export interface VerificationPage {
  /** The log that was verified. */
  readonly log: string;
  readonly checked: KeyedVerification;
  /** Set when the verification could not be recorded in the audit log. */
  readonly unrecorded?: string;
}

export function verificationMain(page: VerificationPage): SafeHtml {
  const { verification, sealed, notes } = page.checked;
  const result = verification.ok
    ? html`<p class="notice" role="status">The audit log is intact: ${formatCount(verification.entries)} entries,
${sealed ? "hash chain and HMACs checked" : "hash chain checked"}. No entry was edited, deleted or reordered.</p>`
    : problemNotice(verification.problem);

  return html`${result}
${notes.length === 0 ? "" : html`<ul class="notes">${notes.map((note) => html`<li>${note}</li>`)}</ul>`}
${page.unrecorded === undefined ? "" : html`<p class="notice error">${page.unrecorded}</p>`}
<p class="muted">Log: <code>${page.log}</code></p>
<p><a href="/audit">Back to the audit log</a></p>`;
}

/** Names what went wrong at which entry, then gives the verifier's full message. */
function problemNotice(problem: AuditProblem): SafeHtml {
  return html`<div class="notice error" role="alert">
<p><strong>The audit log was altered: ${problemHeadline(problem)}.</strong></p>
<p>Sequence number ${problem.seq}${problem.position === undefined ? "" : html` (line ${problem.position} of the file)`}.
${sentence(problem.message)}</p>
<p>Keep the file as evidence. Entries before sequence number ${problem.seq} are intact.</p>
</div>`;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function problemHeadline(problem: AuditProblem): string {
  const seq = problem.seq;
  switch (problem.kind) {
    case "edited":
      return `entry ${seq} was edited`;
    case "missing":
      return `entry ${seq} was deleted or moved`;
    case "reordered":
      return `entries were reordered or repeated at entry ${seq}`;
    case "broken-link":
      return `entry ${seq} was replaced, inserted or rewritten`;
    case "bad-mac":
      return `entry ${seq} was written without the audit key`;
    case "malformed":
      return `the line of entry ${seq} is not an entry`;
    case "incomplete":
      return `entry ${seq} is incomplete`;
    case "truncated":
      return `entries from ${seq} on were removed from the end`;
    case "head-invalid":
      return "its head record does not match its entries";
  }
}

function filterForm(page: AuditLogPage): SafeHtml {
  const { filter } = page;
  const outcomes = page.outcomes.map(
    (outcome) => html`<option value="${outcome}"${filter.outcome === outcome ? html` selected` : ""}>${outcome}</option>`,
  );
  return html`<form method="get" action="/audit" class="audit-filter">
<p class="field"><label for="filter-action">Action</label>
<input id="filter-action" name="action" value="${filter.action}" maxlength="100" placeholder="console-user"></p>
<p class="field"><label for="filter-actor">Actor</label>
<input id="filter-actor" name="actor" value="${filter.actor}" maxlength="200"></p>
<p class="field"><label for="filter-outcome">Outcome</label>
<select id="filter-outcome" name="outcome"><option value="">any</option>${outcomes}</select></p>
<p class="field"><label for="filter-from">From (UTC)</label>
<input id="filter-from" name="from" type="date" value="${filter.from}"></p>
<p class="field"><label for="filter-to">To (UTC)</label>
<input id="filter-to" name="to" type="date" value="${filter.to}"></p>
<p><button type="submit" class="secondary">Filter</button> <a href="/audit">Clear</a></p>
</form>`;
}

function entryTable(entries: readonly AuditEntry[]): SafeHtml {
  const rows = entries.map(
    (entry) => html`<tr>
<td class="number">${entry.seq}</td>
<td>${utcTime(entry.time)}</td>
<td>${entry.actor.name}<br><span class="muted">${entry.actor.kind}</span></td>
<td><code>${entry.action}</code></td>
<td>${keyValues(entry.objects)}</td>
<td>${entry.outcome}</td>
<td>${keyValues(entry.details)}</td>
</tr>`,
  );
  return html`<table class="audit-entries">
<thead><tr><th scope="col" class="number">Seq</th><th scope="col">Time (UTC)</th><th scope="col">Actor</th>
<th scope="col">Action</th><th scope="col">Objects</th><th scope="col">Outcome</th><th scope="col">Details</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function keyValues(values: Readonly<Record<string, JsonValue>>): SafeHtml {
  const items = Object.entries(values).map(
    ([key, value]) =>
      html`<li><span class="muted">${key}:</span> ${typeof value === "string" ? value : canonicalJson(value)}</li>`,
  );
  return items.length === 0 ? html`` : html`<ul class="plain">${items}</ul>`;
}

function countText(page: AuditLogPage): string {
  const filtered = Object.values(page.filter).some((value) => value !== "");
  const scope = filtered
    ? `${formatCount(page.total)} of ${formatCount(page.scanned)} entries match`
    : `${formatCount(page.total)} entries`;
  if (page.entries.length === 0) {
    return page.total === 0 ? `${scope}.` : `${scope}; none on this page.`;
  }
  const first = page.offset + 1;
  const last = page.offset + page.entries.length;
  return `${scope}; showing ${formatCount(first)}–${formatCount(last)}, newest first.`;
}

function filterQuery(filter: AuditFilterValues): Record<string, string | undefined> {
  const query: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(filter)) {
    query[name] = value === "" ? undefined : value;
  }
  return query;
}
