/** The sections of the application page after its title page. */

import { shareChart, shareLegend } from "../html/share-chart.js";
import { formatCount } from "../text.js";
import {
  hours,
  numberCell,
  SHARE_HEADS,
  shareCells,
  tableOf,
  text,
} from "./html-cells.js";
import type { ApplicationReport, DatabaseRollup, ServerRollup } from "./model.js";

export function renderQuestionnaire(r: ApplicationReport): string {
  const rows = r.questionnaire.map(
    (q) => `<tr><td>${text(q.question)}</td><td>${text(q.answer)}</td></tr>`,
  );

  return [
    `<section id="questionnaire"><h2>Questionnaire</h2>`,
    tableOf(`<th>Question</th><th>Answer</th>`, rows, "No answers yet."),
    `</section>`,
  ].join("\n");
}

export function renderMetrics(r: ApplicationReport): string {
  const rows = r.metrics.map((m) => {
    const value = typeof m.value === "number" ? formatCount(m.value) : text(m.value);
    const origin = m.origin === "inventory" ? "Live inventory" : "Entered by hand";
    return (
      `<tr><td>${text(m.name)}</td><td class="num">${value}</td>` +
      `<td>${text(m.unit ?? "")}</td><td>${origin}</td></tr>`
    );
  });

  return [
    `<section id="environment"><h2>Environment</h2>`,
    tableOf(
      `<th>Metric</th><th>Value</th><th>Unit</th><th>Source</th>`,
      rows,
      "No environment metrics yet.",
    ),
    `</section>`,
  ].join("\n");
}

export function renderCompatibility(r: ApplicationReport): string {
  const assessed = r.servers.filter((s) => s.figures !== undefined);
  const bars = assessed.flatMap((s) =>
    s.databases.map((d) => ({ label: `${s.name} / ${d.name}`, counts: d.compatibility.all })),
  );
  const rows = assessed.flatMap((s) => s.databases.map((d) => databaseRow(s, d)));

  return [
    `<section id="compatibility"><h2>Compatibility by database</h2>`,
    `<p>An object is as compatible as its worst finding. Schema is tables, ` +
      `types, sequences and synonyms; code is procedures, functions, views, ` +
      `triggers and the code of each file outside any object.</p>`,
    shareChart("Category shares by database", bars),
    shareLegend(),
    tableOf(
      `<th>Server</th><th>Database</th><th>Part</th><th>Lines</th>${SHARE_HEADS}`,
      rows,
      "No assessed databases.",
    ),
    `</section>`,
  ].join("\n");
}

/** Three rows for one database: all objects, then schema, then code. */
function databaseRow(s: ServerRollup, d: DatabaseRollup): string {
  const c = d.compatibility;
  const head = `<td rowspan="3">${text(s.name)}</td><td rowspan="3">${text(d.name)}</td>`;
  return [
    `<tr>${head}<td>All</td>${numberCell(d.lines)}${shareCells(c.all, c.shares.all)}</tr>`,
    `<tr><td>Schema</td><td></td>${shareCells(c.schema, c.shares.schema)}</tr>`,
    `<tr><td>Code</td><td></td>${shareCells(c.code, c.shares.code)}</tr>`,
  ].join("\n");
}

export function renderServers(r: ApplicationReport): string {
  const rows = r.servers.map((s) => {
    const environment = s.environment === "production" ? "Production" : "Non-production";
    const source = s.source === "live" ? "Live server" : "Script folder";
    const state = s.assessed
      ? `${text(s.assessmentId ?? "")}<br><small>${text(s.assessedAt ?? "")}, ` +
        `${text(s.assessmentTarget ?? "")}</small>`
      : `<strong>Not assessed.</strong> ${text(s.problem ?? "")}`;
    const f = s.figures;
    return (
      `<tr><td>${text(s.name)}</td><td>${environment}</td><td>${source}</td>` +
      `<td>${state}</td>${numberCell(s.databases.length)}` +
      `${f === undefined ? "<td></td><td></td>" : numberCell(f.lines) + numberCell(f.objects)}` +
      `<td>${s.effort === undefined ? "" : hours(s.effort)}</td></tr>`
    );
  });

  return [
    `<section id="servers"><h2>Servers</h2>`,
    tableOf(
      `<th>Server</th><th>Environment</th><th>Source</th><th>Assessment</th>` +
        `<th>Databases</th><th>Lines</th><th>Objects</th><th>Own effort</th>`,
      rows,
      "No servers.",
    ),
    `<p><small>A server's own effort charges every learning cost to that ` +
      `server; the application's effort shares them.</small></p>`,
    `</section>`,
  ].join("\n");
}

export function renderBlockers(r: ApplicationReport): string {
  const rows = r.blockers.map(
    (b) =>
      `<tr><td><code>${text(b.featureId)}</code>` +
      `${b.detail === undefined ? "" : ` <code>${text(b.detail)}</code>`}` +
      `<div>${text(b.title)}</div></td>${numberCell(b.occurrences)}` +
      `${numberCell(b.objects)}<td>${b.inCode ? "Code" : "Schema"}</td>` +
      `<td>${b.servers.map(text).join("<br>")}</td></tr>`,
  );

  return [
    `<section id="blockers"><h2>Blockers</h2>`,
    tableOf(
      `<th>Feature</th><th>Occurrences</th><th>Objects</th><th>In</th><th>Servers</th>`,
      rows,
      "No feature is unsupported on the target.",
    ),
    `</section>`,
  ].join("\n");
}

export function renderEffort(r: ApplicationReport): string {
  const e = r.effort;
  const rows = e.byFeature.map(
    (f) =>
      `<tr><td><code>${text(f.featureId)}</code>` +
      `${f.detail === undefined ? "" : ` <code>${text(f.detail)}</code>`}` +
      `<div>${text(f.title)}</div></td>${numberCell(f.occurrences)}` +
      `<td>${hours(f.learning)}</td><td>${hours(f.repeat)}</td>` +
      `<td>${hours(f.total)}</td></tr>`,
  );
  const old =
    e.serversWithoutBreakdown.length === 0
      ? ""
      : `<p class="warning">Added whole, learning included, because their ` +
        `assessments have no breakdown: ${e.serversWithoutBreakdown.map(text).join(", ")}.</p>`;

  return [
    `<section id="effort"><h2>Effort</h2>`,
    `<p>Total <strong>${hours(e.total)}</strong>: learning ${hours(e.learning)} ` +
      `plus ${hours(e.repeat)} for ${formatCount(sumOccurrences(r))} occurrences.</p>`,
    `<p>The team learns a fix once for the whole application, so each ` +
      `feature's learning cost is charged once across all servers, and ` +
      `each further detail of a feature adds the smaller detail cost. ` +
      `Every occurrence on every server adds its cost of applying the fix.</p>`,
    old,
    tableOf(
      `<th>Feature</th><th>Occurrences</th><th>Learning</th><th>Repeat</th><th>Total</th>`,
      rows,
      "No feature needs work.",
    ),
    `</section>`,
  ].join("\n");
}

function sumOccurrences(r: ApplicationReport): number {
  return r.effort.byFeature.reduce((n, f) => n + f.occurrences, 0);
}
