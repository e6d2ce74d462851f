/**
 * The "Effort" section: the estimate split into learning costs (once per
 * feature, less for each further detail) and repeat costs (per
 * occurrence), the rates used, and
 * the features, objects, object types and files that cost the most.
 */

import type {
  Assessment,
  EffortBreakdown,
  EffortRange,
} from "../../assessment/model.js";
import { countOf, formatCount } from "../text.js";
import { escapeClipped } from "./escape.js";
import type { FindingsPlan } from "./findings-plan.js";
import type { HtmlLimits } from "./limits.js";

/** Renders the effort section; a short note when the breakdown is absent. */
export function renderEffort(
  a: Assessment,
  plan: FindingsPlan,
  limits: HtmlLimits,
): string {
  const e = a.effort;
  const parts = [`<section id="effort"><h2>Effort</h2>`];
  if (e === undefined) {
    parts.push(
      `<p>Estimated effort: ${hoursText(a.summary.effort)}. This assessment ` +
        `was stored without the breakdown by feature and object; assess ` +
        `the code again to see it.</p></section>`,
    );
    return parts.join("\n");
  }

  parts.push(
    `<p class="lead">Estimated effort: ${hoursText(e.total)} ` +
      `(${daysText(e.total)}). Learning: ${hoursText(e.learning)}, charged ` +
      `once per feature, with a smaller charge for each further detail of ` +
      `it. Repeat: ${hoursText(e.repeat)}, charged per occurrence. An ` +
      `estimate from starting rates, not a quote; calibrate the rates ` +
      `with <code>--config</code>.</p>`,
    ratesTable(e),
    `<h3>Features by effort</h3>`,
    featureTable(e, plan, limits),
    `<h3>Objects by effort</h3>`,
    `<p><small>Repeat costs only; learning costs belong to the features.</small></p>`,
    objectTable(e, limits),
    `<h3>Effort by object type</h3>`,
    objectTypeTable(e, limits),
    `<h3>Files by effort</h3>`,
    fileTable(e, limits),
    `</section>`,
  );
  return parts.join("\n");
}

function ratesTable(e: EffortBreakdown): string {
  // Assessments stored before the detail rate existed have no such column.
  const perDetail = e.rates.perDetail;
  const rows = (["low", "medium", "high"] as const).map(
    (c) =>
      `<tr><td>${c}</td><td class="num">${hoursText(e.rates.learning[c])}</td>` +
      (perDetail === undefined ? "" : `<td class="num">${hoursText(perDetail[c])}</td>`) +
      `<td class="num">${hoursText(e.rates.perOccurrence[c])}</td></tr>`,
  );
  return (
    `<h3>Rates used</h3><table class="counts"><thead><tr><th>Complexity</th>` +
    `<th>Learning, once per feature</th>` +
    (perDetail === undefined ? "" : `<th>Each further detail</th>`) +
    `<th>Per occurrence</th></tr></thead>` +
    `<tbody>\n${rows.join("\n")}\n</tbody></table>` +
    `<p><small>A feature with its own effort in the catalog uses it as its ` +
    `learning cost instead of the rate.</small></p>`
  );
}

function featureTable(
  e: EffortBreakdown,
  plan: FindingsPlan,
  limits: HtmlLimits,
): string {
  const anchors = featureAnchors(plan);
  const clip = (text: string) => escapeClipped(text, limits.textChars);
  const rows = e.byFeature.slice(0, limits.effortRows).map((f) => {
    const id = `<code>${clip(f.featureId)}</code>`;
    const anchor = anchors.get(f.featureId);
    const linked = anchor === undefined ? id : `<a href="#${anchor}">${id}</a>`;
    const detail = f.detail === undefined ? "" : ` <code>${clip(f.detail)}</code>`;
    const repeat = {
      low: f.occurrences * f.perOccurrence.low,
      high: f.occurrences * f.perOccurrence.high,
    };
    return (
      `<tr><td>${titleLine(f.title, f.featureId, limits)}${linked}${detail}</td>` +
      `<td>${clip(f.complexity)}</td>` +
      `<td class="num">${formatCount(f.occurrences)}</td>` +
      `<td class="num">${hoursText(f.learning)}` +
      `${f.learningBasis === "detail" ? "<br><small>further detail</small>" : ""}</td>` +
      `<td class="num">${hoursText(f.perOccurrence)}</td>` +
      `<td class="num">${hoursText(repeat)}</td>` +
      `<td class="num">${hoursText(f.total)}</td></tr>`
    );
  });

  return table(
    "<th>Feature</th><th>Complexity</th><th>Occurrences</th><th>Learning</th>" +
      "<th>Per occurrence</th><th>Repeat</th><th>Total</th>",
    rows,
    e.byFeature.length,
    ["feature", "features"],
  );
}

function objectTable(e: EffortBreakdown, limits: HtmlLimits): string {
  const clip = (text: string) => escapeClipped(text, limits.textChars);
  const rows = e.byObject.slice(0, limits.effortRows).map(
    (o) =>
      `<tr><td>${o.object === "" ? `<span class="none">outside any object</span>` : clip(o.object)}</td>` +
      `<td>${clip(o.objectType)}</td>` +
      `<td><code>${clip(o.file)}</code></td>` +
      `<td class="num">${formatCount(o.occurrences)}</td>` +
      `<td class="num">${hoursText(o.total)}</td></tr>`,
  );

  return table(
    "<th>Object</th><th>Type</th><th>File</th><th>Occurrences</th><th>Repeat</th>",
    rows,
    e.byObject.length,
    ["object", "objects"],
  );
}

function objectTypeTable(e: EffortBreakdown, limits: HtmlLimits): string {
  const rows = e.byObjectType.slice(0, limits.effortRows).map(
    (t) =>
      `<tr><td>${t.objectType === "" ? `<span class="none">outside any object</span>` : escapeClipped(t.objectType, limits.textChars)}</td>` +
      `<td class="num">${formatCount(t.objects)}</td>` +
      `<td class="num">${formatCount(t.occurrences)}</td>` +
      `<td class="num">${hoursText(t.total)}</td></tr>`,
  );

  return (
    table(
      "<th>Object type</th><th>Objects</th><th>Occurrences</th><th>Repeat</th>",
      rows,
      e.byObjectType.length,
      ["object type", "object types"],
    ) +
    `<p><small>For code outside any object, the objects column counts ` +
    `the files with such code.</small></p>`
  );
}

function fileTable(e: EffortBreakdown, limits: HtmlLimits): string {
  const rows = e.byFile.slice(0, limits.effortRows).map(
    (f) =>
      `<tr><td><code>${escapeClipped(f.file, limits.textChars)}</code></td>` +
      `<td class="num">${formatCount(f.occurrences)}</td>` +
      `<td class="num">${hoursText(f.total)}</td></tr>`,
  );

  return table(
    "<th>File</th><th>Occurrences</th><th>Repeat</th>",
    rows,
    e.byFile.length,
    ["file", "files"],
  );
}

/** Returns the anchor of each feature's first block in the findings section. */
export function featureAnchors(plan: FindingsPlan): Map<string, string> {
  const anchors = new Map<string, string>();
  for (const status of plan.statuses) {
    for (const group of status.groups) {
      for (const block of group.features) {
        if (!anchors.has(block.feature.id)) {
          anchors.set(block.feature.id, block.anchor);
        }
      }
    }
  }
  return anchors;
}

/**
 * Returns the escaped title on a line of its own, or nothing when the
 * title is the id itself, as it is for features the catalog does not know.
 */
export function titleLine(title: string, featureId: string, limits: HtmlLimits): string {
  return title === featureId ? "" : `<div>${escapeClipped(title, limits.textChars)}</div>`;
}

/** Formats a range of hours, to hundredths: `0.25–1 h`. */
export function hoursText(range: EffortRange): string {
  return `${hours(range.low)}–${hours(range.high)} h`;
}

function daysText(range: EffortRange): string {
  const days = (value: number) => formatCount(Math.round((value / 8) * 10) / 10);
  return `${days(range.low)}–${days(range.high)} days of 8 hours`;
}

function hours(value: number): string {
  return formatCount(Math.round(value * 100) / 100);
}

/** Renders a table, or a sentence when it has no rows, and what it left out. */
export function table(
  headCells: string,
  rows: readonly string[],
  total: number,
  noun: readonly [singular: string, plural: string],
): string {
  if (total === 0) {
    return `<p>No ${noun[1]}.</p>`;
  }

  const parts = [
    `<table><thead><tr>${headCells}</tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
  ];
  if (total > rows.length) {
    parts.push(
      `<p class="more">Not shown: ` +
        `${countOf(total - rows.length, `more ${noun[0]}`, `more ${noun[1]}`)}` +
        `; assessment.json lists them all.</p>`,
    );
  }
  return parts.join("\n");
}
