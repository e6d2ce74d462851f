/**
 * The "Workload" section of an assessment of workload captures: the
 * captures read, the features to act on ranked by how often the
 * statements that use them ran, and the distinct statements, most
 * executed first, each linked to its code.
 */

import type { Assessment, Finding } from "../../assessment/model.js";
import type { WorkloadCapture, WorkloadSource, WorkloadStatement } from "../../sources/workload/model.js";
import { statusLabel } from "../status.js";
import { compareCodeUnits, countOf, formatCount } from "../text.js";
import type { CodePlan } from "./code-plan.js";
import { escapeClipped, escapeHtml } from "./escape.js";
import type { HtmlLimits } from "./limits.js";
import { statusClass } from "./status-style.js";

/** Findings of one statement, counted for its row. */
interface StatementCounts {
  notSupported: number;
  review: number;
  unknown: number;
  total: number;
  /** Line of its first finding, for the link into the code view. */
  firstLine: number | undefined;
}

/** One feature and status over the workload, for the frequency ranking. */
interface FeatureUse {
  readonly featureId: string;
  readonly status: string;
  readonly statements: Set<string>;
  executions: number;
}

export function renderWorkload(a: Assessment, workload: WorkloadSource, code: CodePlan, limits: HtmlLimits): string {
  const executions = workload.statements.reduce((sum, s) => sum + s.executions, 0);
  const counts = countByStatement(a.findings);
  return [
    `<section id="workload"><h2>Workload</h2>`,
    `<p>${countOf(workload.statements.length, "distinct statement")} from ` +
      `${countOf(executions, "execution")} in ${countOf(workload.captures.length, "capture")}. ` +
      `Literals are masked, so statements that differ only in their values count as one; ` +
      `each is assessed as a unit named <code>workload:CAPTURE#N</code>.</p>`,
    renderCaptures(workload.captures, limits),
    renderFeatureRanking(a.findings, workload, limits),
    renderStatements(workload.statements, counts, code, limits),
    `</section>`,
  ].join("\n");
}

/**
 * Returns a source-text map that returns the workload statements' texts
 * first, so the code view shows them also when the report is written
 * again from the store, where no file holds them.
 */
export function withWorkloadTexts(
  a: Assessment,
  sources: ReadonlyMap<string, string> | undefined,
): ReadonlyMap<string, string> | undefined {
  if (a.workload === undefined) {
    return sources;
  }
  return new LayeredTexts(new Map(a.workload.statements.map((s) => [s.file, s.text])), sources);
}

/** A map that looks in `first`, then in `rest`; the code view uses only `get` and `has`. */
class LayeredTexts extends Map<string, string> {
  readonly #first: ReadonlyMap<string, string>;
  readonly #rest: ReadonlyMap<string, string> | undefined;

  constructor(first: ReadonlyMap<string, string>, rest: ReadonlyMap<string, string> | undefined) {
    super();
    this.#first = first;
    this.#rest = rest;
  }

  override get(name: string): string | undefined {
    return this.#first.get(name) ?? this.#rest?.get(name);
  }

  override has(name: string): boolean {
    return this.get(name) !== undefined;
  }
}

function renderCaptures(captures: readonly WorkloadCapture[], limits: HtmlLimits): string {
  const clip = (text: string) => escapeClipped(text, limits.textChars);
  const rows = captures.map((c) => {
    const ignored = Object.entries(c.ignored)
      .map(([name, n]) => `${clip(name)}: ${formatCount(n)}`)
      .join("<br>");
    return (
      `<tr><td><code>${clip(c.file)}</code></td>` +
      `<td>${c.format === "extendedEvents" ? "Extended Events" : "Profiler trace"}</td>` +
      `<td class="num">${formatCount(c.events)}</td>` +
      `<td class="num">${formatCount(c.statementEvents)}</td>` +
      `<td>${ignored === "" ? "none" : ignored}</td>` +
      `<td>${clip(c.firstEvent ?? "")}</td><td>${clip(c.lastEvent ?? "")}</td></tr>`
    );
  });
  const warnings = captures.flatMap((c) =>
    c.warnings.map((w) => `<p class="warning">Capture <code>${clip(c.file)}</code>: ${clip(w)}</p>`),
  );

  return [
    `<h3>Captures</h3>`,
    `<table><thead><tr><th>File</th><th>Format</th><th>Events</th><th>With SQL</th>` +
      `<th>Left out</th><th>First event</th><th>Last event</th></tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
    ...warnings,
  ].join("\n");
}

/**
 * Ranks the features that need work (not supported, to review, unknown)
 * by the executions of the statements that use them: the changes that
 * most of the application's traffic depends on come first.
 */
function renderFeatureRanking(findings: readonly Finding[], workload: WorkloadSource, limits: HtmlLimits): string {
  const executions = new Map(workload.statements.map((s) => [s.file, s.executions]));
  const uses = new Map<string, FeatureUse>();
  for (const f of findings) {
    const ran = executions.get(f.file);
    if (ran === undefined || f.status === "supported" || f.status === "ignored") {
      continue;
    }
    const key = `${f.featureId}\u0000${f.status}`;
    let use = uses.get(key);
    if (use === undefined) {
      use = { featureId: f.featureId, status: f.status, statements: new Set(), executions: 0 };
      uses.set(key, use);
    }
    if (!use.statements.has(f.file)) {
      use.statements.add(f.file);
      use.executions += ran;
    }
  }

  const ranked = [...uses.values()].sort(
    (x, y) => y.executions - x.executions || compareCodeUnits(x.featureId, y.featureId),
  );
  if (ranked.length === 0) {
    return `<h3>Features by executions</h3>\n<p>No statement uses a feature that needs work.</p>`;
  }
  const rows = ranked.slice(0, limits.tableRows).map(
    (u) =>
      `<tr><td><code>${escapeClipped(u.featureId, limits.textChars)}</code></td>` +
      `<td><span class="badge ${statusClass(u.status)}">${escapeHtml(statusLabel(u.status))}</span></td>` +
      `<td class="num">${formatCount(u.statements.size)}</td>` +
      `<td class="num">${formatCount(u.executions)}</td></tr>`,
  );
  return [
    `<h3>Features by executions</h3>`,
    `<table><thead><tr><th>Feature</th><th>Status</th><th>Statements</th>` +
      `<th>Executions</th></tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
    ...notShown(ranked.length, rows.length, "feature"),
  ].join("\n");
}

function renderStatements(
  statements: readonly WorkloadStatement[],
  counts: ReadonlyMap<string, StatementCounts>,
  code: CodePlan,
  limits: HtmlLimits,
): string {
  const clip = (text: string) => escapeClipped(text, limits.textChars);
  const names = (list: readonly string[]) => list.map(clip).join("<br>");
  const none: StatementCounts = { notSupported: 0, review: 0, unknown: 0, total: 0, firstLine: undefined };

  const rows = statements.slice(0, limits.tableRows).map((s) => {
    const c = counts.get(s.file) ?? none;
    const anchor = c.firstLine === undefined ? undefined : code.lineAnchor(s.file, c.firstLine);
    const name = anchor === undefined ? `<code>${clip(s.file)}</code>` : `<a href="#${anchor}"><code>${clip(s.file)}</code></a>`;
    const via = s.calledThrough === undefined ? "" : `<br><small>through ${clip(s.calledThrough)}</small>`;
    return (
      `<tr><td>${name}${via}</td>` +
      `<td class="num">${formatCount(s.executions)}</td>` +
      `<td><code>${clip(s.text).replace(/\n/g, "<br>")}</code></td>` +
      `<td class="num">${formatCount(c.notSupported)}</td>` +
      `<td class="num">${formatCount(c.review)}</td>` +
      `<td class="num">${formatCount(c.unknown)}</td>` +
      `<td>${names(s.databases)}</td><td>${names(s.applications)}</td><td>${names(s.logins)}</td>` +
      `<td>${clip(s.firstSeen ?? "")}</td><td>${clip(s.lastSeen ?? "")}</td></tr>`
    );
  });

  return [
    `<h3>Statements by executions</h3>`,
    `<table class="inventory"><thead><tr><th>Statement</th><th>Executions</th><th>Text (literals masked)</th>` +
      `<th>Not supported</th><th>Review</th><th>Unknown</th><th>Databases</th>` +
      `<th>Applications</th><th>Logins</th><th>First seen</th><th>Last seen</th></tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
    ...notShown(statements.length, rows.length, "statement"),
  ].join("\n");
}

function countByStatement(findings: readonly Finding[]): Map<string, StatementCounts> {
  const counts = new Map<string, StatementCounts>();
  for (const f of findings) {
    let c = counts.get(f.file);
    if (c === undefined) {
      c = { notSupported: 0, review: 0, unknown: 0, total: 0, firstLine: undefined };
      counts.set(f.file, c);
    }
    c.total++;
    if (f.status === "notSupported") {
      c.notSupported++;
    } else if (f.status.startsWith("review")) {
      c.review++;
    } else if (f.status === "unknown") {
      c.unknown++;
    }
    if (f.status !== "supported" && f.status !== "ignored" && c.firstLine === undefined) {
      c.firstLine = f.line;
    }
  }
  return counts;
}

function notShown(total: number, shown: number, noun: string): string[] {
  if (total <= shown) {
    return [];
  }
  return [`<p class="more">Not shown: ${countOf(total - shown, `more ${noun}`)}; assessment.json lists them all.</p>`];
}
