/**
 * The data-migration readiness section: counts by severity, a table per
 * database, the items with what to do (blockers first), and the biggest
 * tables with their load strategy. Every name and text comes from the
 * source server and is escaped.
 */

import type { Assessment } from "../../assessment/model.js";
import type { Readiness, ReadinessItem, ReadinessSeverity, TableLoad } from "../../assessment/readiness/model.js";
import { READINESS_SEVERITIES } from "../../assessment/readiness/model.js";
import { countOf, formatCount } from "../text.js";
import { escapeClipped } from "./escape.js";
import type { HtmlLimits } from "./limits.js";

const STRATEGY_TITLES: Readonly<Record<TableLoad["strategy"], string>> = {
  "full-load": "full load",
  "parallel-full-load-partitions": "parallel full load by partition",
  "parallel-full-load-ranges": "parallel full load by key ranges",
};

export function renderReadiness(a: Assessment, limits: HtmlLimits): string {
  const head = `<section id="readiness"><h2>Data-migration readiness</h2>`;
  const r = a.readiness;
  if (r === undefined) {
    const reason =
      a.live === undefined
        ? "No CREATE TABLE was assessed. Readiness needs table definitions, or the inventory of a live " +
          "server (<code>--server</code>) or of a bundle (<code>--bundle</code>)."
        : "This assessment was stored before infio computed readiness; assess the server again to get it.";
    return `${head}\n<p>${reason}</p>\n</section>`;
  }

  return [
    head,
    intro(r, limits),
    severityTable(r.items),
    databaseTable(r.items, limits),
    itemTables(r.items, limits),
    biggestTables(r, limits),
    `</section>`,
  ].join("\n");
}

function intro(r: Readiness, limits: HtmlLimits): string {
  const counts = r.items.length === 0 ? "No item: nothing in the inventory changes how the data moves." : "";
  const missing =
    r.missingParts.length === 0
      ? ""
      : `<p class="more">Not read in full, so items may be missing: ` +
        `${r.missingParts.map((p) => `<code>${escapeClipped(p, limits.textChars)}</code>`).join(", ")}.</p>`;
  const scripts =
    r.source === "scripts"
      ? `<p>Derived from the CREATE TABLE statements of the scripts, table by table. Database ` +
        `settings, backups and table sizes need the inventory of a live server or a bundle.</p>`
      : "";
  return (
    scripts +
    `<p>Actions are written for ${escapeClipped(r.target, limits.textChars)} with AWS DMS or the ` +
    `PostgreSQL tools. Blockers stop the usual tool from moving the object as it is; warnings need ` +
    `work; info items are steps to plan. Parallel load from ` +
    `${formatCount(r.thresholds.parallelLoadRows)} rows or ${formatCount(Math.round(r.thresholds.parallelLoadKb / 1_048_576))} GB.` +
    `${counts === "" ? "" : ` ${counts}`}</p>${missing}`
  );
}

function severityTable(items: readonly ReadinessItem[]): string {
  const cells = READINESS_SEVERITIES.map((s) => `<td class="num">${formatCount(countBy(items, s))}</td>`).join("");
  return (
    `<table><thead><tr><th>Blockers</th><th>Warnings</th><th>Info</th></tr></thead>` +
    `<tbody><tr>${cells}</tr></tbody></table>`
  );
}

function countBy(items: readonly ReadinessItem[], severity: ReadinessSeverity): number {
  return items.filter((i) => i.severity === severity).length;
}

function databaseTable(items: readonly ReadinessItem[], limits: HtmlLimits): string {
  const byDatabase = new Map<string, ReadinessItem[]>();
  for (const item of items) {
    const name = item.database ?? "(no database)";
    let list = byDatabase.get(name);
    if (list === undefined) {
      list = [];
      byDatabase.set(name, list);
    }
    list.push(item);
  }
  if (byDatabase.size === 0) {
    return "";
  }

  const rows = [...byDatabase.keys()]
    .sort()
    .map((name) => {
      const list = byDatabase.get(name) ?? [];
      const cells = READINESS_SEVERITIES.map((s) => `<td class="num">${formatCount(countBy(list, s))}</td>`).join("");
      return `<tr><td>${escapeClipped(name, limits.textChars)}</td>${cells}</tr>`;
    });
  return (
    `<h3>By database</h3><table><thead><tr><th>Database</th><th>Blockers</th><th>Warnings</th>` +
    `<th>Info</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`
  );
}

function itemTables(items: readonly ReadinessItem[], limits: HtmlLimits): string {
  return READINESS_SEVERITIES.map((severity) => {
    const list = items.filter((i) => i.severity === severity);
    if (list.length === 0) {
      return "";
    }
    const shown = list.slice(0, limits.tableRows).map((i) => itemRow(i, limits));
    const more =
      list.length > shown.length
        ? `<p class="more">Not shown: ${countOf(list.length - shown.length, "more item", "more items")}; ` +
          `assessment.json lists them all.</p>`
        : "";
    return (
      `<h3>${severity === "blocker" ? "Blockers" : severity === "warning" ? "Warnings" : "Info"}</h3>` +
      `<table><thead><tr><th>Database</th><th>Object</th><th>Evidence</th><th>What to do</th>` +
      `<th>Id</th></tr></thead><tbody>\n${shown.join("\n")}\n</tbody></table>${more}`
    );
  })
    .filter((html) => html !== "")
    .join("\n");
}

function itemRow(item: ReadinessItem, limits: HtmlLimits): string {
  return (
    `<tr><td>${escapeClipped(item.database ?? "", limits.textChars)}</td>` +
    `<td><code>${escapeClipped(item.object ?? "(database)", limits.textChars)}</code></td>` +
    `<td>${escapeClipped(item.evidence, limits.textChars)}</td>` +
    `<td>${escapeClipped(item.action, limits.textChars * 4)}</td>` +
    `<td><code>${escapeClipped(item.rule, limits.textChars)}</code></td></tr>`
  );
}

function biggestTables(r: Readiness, limits: HtmlLimits): string {
  const total = Object.values(r.strategyCounts).reduce((sum, n) => sum + n, 0);
  if (total === 0) {
    return "";
  }
  const strategies = (Object.keys(STRATEGY_TITLES) as TableLoad["strategy"][])
    .filter((s) => r.strategyCounts[s] > 0)
    .map((s) => `${countOf(r.strategyCounts[s], "table", "tables")} by ${STRATEGY_TITLES[s]}`)
    .join(", ");
  const rows = r.biggestTables.map(
    (t) =>
      `<tr><td>${escapeClipped(t.database, limits.textChars)}</td>` +
      `<td><code>${escapeClipped(t.table, limits.textChars)}</code></td>` +
      `<td class="num">${t.rows === null ? "" : formatCount(t.rows)}</td>` +
      `<td class="num">${t.reservedKb === null ? "" : formatCount(Math.round(t.reservedKb / 1024))}</td>` +
      `<td class="num">${t.partitions === null ? "" : formatCount(t.partitions)}</td>` +
      `<td>${STRATEGY_TITLES[t.strategy]}${t.lobMode ? ", LOB mode" : ""}</td></tr>`,
  );
  return (
    `<h3>Load strategy</h3><p>${strategies}.</p>` +
    `<table><thead><tr><th>Database</th><th>Table</th><th>Rows</th><th>Reserved MB</th>` +
    `<th>Partitions</th><th>Strategy</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`
  );
}
