/**
 * The "Version comparison" section: for `--compare`, the features that the
 * compared target unblocks, those that still block, those that regress and
 * other status changes, each with its number of occurrences.
 */

import type {
  Assessment,
  FeatureComparison,
} from "../../assessment/model.js";
import { statusLabel } from "../status.js";
import { countOf, formatCount } from "../text.js";
import { featureAnchors, table, titleLine } from "./effort.js";
import { escapeClipped, escapeHtml } from "./escape.js";
import type { FindingsPlan } from "./findings-plan.js";
import type { HtmlLimits } from "./limits.js";
import { statusClass } from "./status-style.js";

/** Renders the comparison section; a hint when no comparison was asked for. */
export function renderComparison(
  a: Assessment,
  plan: FindingsPlan,
  limits: HtmlLimits,
): string {
  const c = a.comparison;
  const parts = [`<section id="comparison"><h2>Version comparison</h2>`];
  if (c === undefined) {
    parts.push(
      `<p>No comparison. Pass <code>--compare TARGET</code> to ` +
        `<code>infio assess</code> or <code>infio report</code> to list ` +
        `what another version unblocks and what still blocks.</p></section>`,
    );
    return parts.join("\n");
  }

  const clip = (text: string) => escapeClipped(text, limits.textChars);
  const occurrences = (list: readonly FeatureComparison[]) =>
    countOf(list.reduce((sum, f) => sum + f.occurrences, 0), "occurrence");
  const anchors = featureAnchors(plan);
  const list = (title: string, rows: readonly FeatureComparison[], noun: string) => [
    `<h3>${title}: ${countOf(rows.length, noun, `${noun}s`)}, ${occurrences(rows)}</h3>`,
    featureTable(rows, anchors, limits),
  ];

  parts.push(
    `<p class="lead">Findings of <code>${clip(c.baseline)}</code> classified ` +
      `again for <code>${clip(c.candidate)}</code>.</p>`,
    ...list("Unblocked", c.unblocked, "feature"),
    ...list("Still blocking", c.stillBlocking, "feature"),
    ...list("Regressed", c.regressed, "feature"),
    ...list("Otherwise changed", c.changed, "feature"),
    `<p><small>Unblocked: needs work on the assessed target, supported or ` +
      `ignored on the compared one. Still blocking: needs work on the ` +
      `assessed target, not supported on the compared one. Regressed: supported or ignored on the assessed ` +
      `target, needs work on the compared one. Features with the same ` +
      `status on both are not listed.</small></p>`,
    `</section>`,
  );
  return parts.join("\n");
}

function featureTable(
  rows: readonly FeatureComparison[],
  anchors: ReadonlyMap<string, string>,
  limits: HtmlLimits,
): string {
  const clip = (text: string) => escapeClipped(text, limits.textChars);
  const cells = rows.slice(0, limits.tableRows).map((f) => {
    const id = `<code>${clip(f.featureId)}</code>`;
    const anchor = anchors.get(f.featureId);
    const linked = anchor === undefined ? id : `<a href="#${anchor}">${id}</a>`;
    const detail = f.detail === undefined ? "" : ` <code>${clip(f.detail)}</code>`;
    return (
      `<tr><td>${titleLine(f.title, f.featureId, limits)}${linked}${detail}</td>` +
      `<td class="num">${formatCount(f.occurrences)}</td>` +
      `<td>${badge(f.baseline)}</td><td>${badge(f.candidate)}</td></tr>`
    );
  });

  return table(
    "<th>Feature</th><th>Occurrences</th><th>Assessed target</th><th>Compared target</th>",
    cells,
    rows.length,
    ["feature", "features"],
  );
}

function badge(status: string): string {
  return `<span class="badge ${statusClass(status)}">${escapeHtml(statusLabel(status))}</span>`;
}
