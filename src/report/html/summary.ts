/**
 * The page header and the executive summary: what was assessed, the key
 * figures, findings by status, effort and objects by type.
 */

import type { Assessment } from "../../assessment/model.js";
import { STATUS_DISPLAY_ORDER, statusLabel } from "../status.js";
import { compareCodeUnits, countOf, formatCount } from "../text.js";
import { escapeClipped, escapeHtml } from "./escape.js";
import type { FindingsPlan } from "./findings-plan.js";
import type { HtmlLimits } from "./limits.js";
import { statusClass } from "./status-style.js";

const MAX_SOURCES_SHOWN = 20;

/** Renders the header with the assessment's identity. */
export function renderHeader(a: Assessment, limits: HtmlLimits): string {
  const clip = (text: string) => escapeClipped(text, limits.textChars);
  const sources = a.sources
    .slice(0, MAX_SOURCES_SHOWN)
    .map((source) => `<li><code>${clip(source)}</code></li>`);
  if (a.sources.length > MAX_SOURCES_SHOWN) {
    const more = a.sources.length - MAX_SOURCES_SHOWN;
    sources.push(`<li>and ${formatCount(more)} more</li>`);
  }

  return [
    `<header><h1>infio assessment for ${clip(a.target)}</h1>`,
    `<dl class="meta">`,
    `<dt>Assessment</dt><dd><code>${clip(a.id)}</code></dd>`,
    `<dt>Started</dt><dd>${clip(a.startedAt)}</dd>`,
    `<dt>infio version</dt><dd>${clip(a.infioVersion)}</dd>`,
    `<dt>Sources</dt><dd><ul class="plain">${sources.join("")}</ul></dd>`,
    `</dl></header>`,
  ].join("\n");
}

/** Renders the executive summary section. */
export function renderSummary(
  a: Assessment,
  plan: FindingsPlan,
  limits: HtmlLimits,
): string {
  return [
    `<section id="summary"><h2>Summary</h2>`,
    `<p class="lead">${verdict(a, plan, limits)}</p>`,
    keyFigures(a),
    `<h3>Findings by status</h3>`,
    statusTable(a, plan),
    `<h3>Objects by type</h3>`,
    objectTypeTable(a, limits),
    `</section>`,
  ].join("\n");
}

function verdict(
  a: Assessment,
  plan: FindingsPlan,
  limits: HtmlLimits,
): string {
  const counts = a.summary.findingsByStatus;
  const review =
    (counts.reviewManually ?? 0) +
    (counts.reviewSemantics ?? 0) +
    (counts.reviewPerformance ?? 0);
  const blockingFeatures = plan.statuses.find(
    (s) => s.status === "notSupported",
  )?.featureCount;

  return (
    `Not supported on ${escapeClipped(a.target, limits.textChars)}, ` +
    `so the code must change: ` +
    `${countOf(counts.notSupported ?? 0, "finding")} of ` +
    `${countOf(blockingFeatures ?? 0, "feature")}. ` +
    `To review: ${countOf(review, "finding")}. ` +
    `Unknown to the catalog: ${countOf(counts.unknown ?? 0, "finding")}. ` +
    `Estimated effort: ${effortText(a)}.`
  );
}

function effortText(a: Assessment): string {
  const { low, high } = a.summary.effort;
  const days = `${hours(low / 8)}–${hours(high / 8)} days of 8 hours`;
  return `${hours(low)}–${hours(high)} hours (${days})`;
}

function hours(value: number): string {
  return formatCount(Math.round(value * 10) / 10);
}

function keyFigures(a: Assessment): string {
  const s = a.summary;
  const findings = Object.values(s.findingsByStatus).reduce(
    (sum, n) => sum + n,
    0,
  );

  const rows: [string, string][] = [
    ["Files", formatCount(s.files)],
    ["Lines", formatCount(s.lines)],
    ["Bytes", formatCount(s.bytes)],
    ["Batches", formatCount(s.batches)],
    ["Batches with parse errors", formatCount(s.batchesWithErrors)],
    ["Statements", formatCount(s.statements)],
    ["Objects", formatCount(a.objects.length)],
    ["Findings", formatCount(findings)],
    ["Parse errors", formatCount(a.parseErrors.length)],
    ["Skipped inputs", formatCount(a.skipped.length)],
    ["Estimated effort", effortText(a)],
    ["Elapsed", `${formatCount(Math.round(s.elapsedMs / 100) / 10)} s`],
  ];

  const body = rows.map(
    ([name, value]) => `<tr><th scope="row">${name}</th><td>${value}</td></tr>`,
  );
  return `<table class="figures"><tbody>\n${body.join("\n")}\n</tbody></table>`;
}

function statusTable(a: Assessment, plan: FindingsPlan): string {
  const rows = STATUS_DISPLAY_ORDER.map((status) => {
    const count = a.summary.findingsByStatus[status] ?? 0;
    const index = plan.statuses.findIndex((s) => s.status === status);
    const label = escapeHtml(statusLabel(status));
    const badge = `<span class="badge ${statusClass(status)}">${label}</span>`;
    const name = index === -1 ? badge : `<a href="#st-${index}">${badge}</a>`;
    return `<tr><td>${name}</td><td class="num">${formatCount(count)}</td></tr>`;
  });

  return (
    `<table class="counts"><thead><tr><th>Status</th><th>Findings</th>` +
    `</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`
  );
}

function objectTypeTable(a: Assessment, limits: HtmlLimits): string {
  const entries = Object.entries(a.summary.objectsByType).sort(
    ([typeX, x], [typeY, y]) => y - x || compareCodeUnits(typeX, typeY),
  );
  if (entries.length === 0) {
    return "<p>No objects are defined in the assessed code.</p>";
  }

  const rows = entries
    .slice(0, limits.tableRows)
    .map(
      ([type, count]) =>
        `<tr><td>${escapeClipped(type, limits.textChars)}</td>` +
        `<td class="num">${formatCount(count)}</td></tr>`,
    );
  const hidden = entries.length - rows.length;
  const more =
    hidden > 0
      ? `<p class="more">Not shown: ${countOf(hidden, "more type")}.</p>`
      : "";

  return (
    `<table class="counts"><thead><tr><th>Type</th><th>Objects</th>` +
    `</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>${more}`
  );
}
