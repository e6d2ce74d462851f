/**
 * The pages of assessment runs: the list of runs, and one run's progress.
 * The progress page works without script: it shows the state when it was
 * rendered and a link to refresh it. The run-progress island replaces that
 * content with live progress.
 */

import type { JobSnapshot, JobState } from "../jobs/index.js";
import { html, type SafeHtml } from "./html.js";

const STATE_LABELS: Readonly<Record<JobState, string>> = {
  queued: "Queued",
  running: "Running",
  done: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

const KIND_LABELS: Readonly<Record<JobSnapshot["kind"], string>> = {
  upload: "Upload",
  connection: "Live server",
};

export interface RunListPage {
  readonly runs: readonly JobSnapshot[];
  /** Whether the list contains other users' runs too. */
  readonly everyone: boolean;
}

export function runListMain(page: RunListPage): SafeHtml {
  const start = html`<p><a href="/runs/new">Start an assessment</a></p>`;
  const scope = page.everyone ? "Runs of every user" : "Your runs";
  const note = html`<p class="muted">${scope} since the console started; finished runs are listed for an hour. Their assessments stay in the store.</p>`;
  if (page.runs.length === 0) {
    return html`${start}${note}<p>No runs yet.</p>`;
  }

  const rows = page.runs.map(
    (run) => html`<tr>
<td><a href="${runUrl(run)}">${run.createdAt.replace("T", " ").slice(0, 19)}</a></td>
<td>${run.owner}</td>
<td>${KIND_LABELS[run.kind]}</td>
<td>${run.label}</td>
<td>${run.target}</td>
<td>${STATE_LABELS[run.state]}</td>
<td class="number">${unitsText(run)}</td>
<td class="number">${run.progress.findings}</td>
<td>${result(run)}</td>
</tr>`,
  );
  return html`${start}${note}
<table>
<thead><tr><th>Started (UTC)</th><th>Owner</th><th>Kind</th><th>Source</th><th>Target</th><th>State</th>
<th class="number">Code units</th><th class="number">Findings</th><th>Result</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

export interface RunPage {
  readonly run: JobSnapshot;
}

export function runMain(page: RunPage): SafeHtml {
  const { run } = page;
  const warnings = run.warnings.map((warning) => html`<p class="notice error">Warning: ${warning}</p>`);
  return html`<dl>
<dt>Source</dt><dd>${KIND_LABELS[run.kind]}: ${run.label}</dd>
<dt>Target</dt><dd>${run.target}</dd>
<dt>Started by</dt><dd>${run.owner}</dd>
<dt>Queued at (UTC)</dt><dd>${run.createdAt}</dd>
</dl>
${warnings}
<div data-island="run-progress" data-run-id="${run.id}">
${progressText(run)}
<p><a href="${runUrl(run)}">Refresh</a></p>
</div>
<p><a href="/runs">All runs</a></p>`;
}

/** Renders the run's state as plain markup, for browsers without script. */
function progressText(run: JobSnapshot): SafeHtml {
  const progress = run.progress;
  return html`<p role="status">${STATE_LABELS[run.state]}: ${progress.phase}</p>
<dl>
<dt>Code units</dt><dd>${unitsText(run)}</dd>
<dt>Lines</dt><dd>${progress.lines}</dd>
<dt>Findings</dt><dd>${progress.findings}</dd>
<dt>Elapsed</dt><dd>${Math.floor(progress.elapsedMs / 1000)} s</dd>
</dl>
${outcome(run)}`;
}

function outcome(run: JobSnapshot): SafeHtml | string {
  if (run.state === "failed") {
    return html`<p class="notice error">The run failed: ${run.error ?? "no reason was given"}</p>`;
  }
  if (run.state === "done") {
    return html`<p>${result(run)}</p>`;
  }
  return "";
}

function unitsText(run: JobSnapshot): string {
  const total = run.progress.unitsTotal;
  return total === undefined ? String(run.progress.units) : `${run.progress.units} of ${total}`;
}

function result(run: JobSnapshot): SafeHtml | string {
  if (run.state === "done" && run.assessmentId !== undefined) {
    return html`<a href="/assessments/${encodeURIComponent(run.assessmentId)}">Open the assessment</a>`;
  }
  if (run.state === "failed") {
    return html`<span class="muted">${run.error ?? "failed"}</span>`;
  }
  return "";
}

function runUrl(run: JobSnapshot): string {
  return `/runs/${encodeURIComponent(run.id)}`;
}
