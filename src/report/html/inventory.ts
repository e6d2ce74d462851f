/**
 * The "Inventory" section: one collapsed part per inventory part, each a
 * table of its items, grouped by database for database-scope parts. Every
 * part appears, and one without items states why: its problems, or that
 * none were found.
 */

import type { CollectionProblem, InventoryItem } from "../../sources/sqlserver/collected.js";
import { countOf, formatCount } from "../text.js";
import { escapeClipped } from "./escape.js";
import type { InventoryPlan, PartPlan, RowGroup } from "./inventory-plan.js";
import type { HtmlLimits } from "./limits.js";

/** Renders the inventory section of a live-server assessment. */
export function renderInventory(plan: InventoryPlan, limits: HtmlLimits): string {
  const items = plan.parts.reduce((sum, p) => sum + p.total, 0);
  const parts = [
    `<section id="inventory"><h2>Inventory</h2>`,
    `<p>${countOf(plan.parts.length, "part")} with ${countOf(items, "item")}, ` +
      `in collection order. Each part lists at most ` +
      `${formatCount(limits.inventoryRowsPerPart)} rows, shared among its ` +
      `databases, and the section at most ${formatCount(limits.inventoryCells)} ` +
      `table cells, shared among the parts; a part that is cut says how ` +
      `many rows it leaves out. Values longer than ` +
      `${formatCount(limits.inventoryValueChars)} characters are cut. ` +
      `assessment.json has every item in full.</p>`,
  ];

  for (const part of plan.parts) {
    parts.push(renderPart(part, limits));
  }

  parts.push(`</section>`);
  return parts.join("\n");
}

function renderPart(part: PartPlan, limits: HtmlLimits): string {
  const clip = (text: string) => escapeClipped(text, limits.textChars);
  const notes = [countOf(part.total, "item")];
  if (part.problems.length > 0) {
    notes.push(`${countOf(part.problems.length, "problem")} reading it`);
  }
  if (!part.registered) {
    notes.push("not a part of this infio version");
  }

  const lines = [
    `<details class="part" id="${part.anchor}"><summary>${clip(part.title)} ` +
      `<small>(<code>${clip(part.name)}</code>: ${notes.join(", ")})</small></summary>`,
  ];

  if (part.problems.length > 0) {
    lines.push(problemTable(part.problems, limits));
  }

  if (part.total === 0) {
    lines.push(emptyPartText(part), `</details>`);
    return lines.join("\n");
  }

  for (const group of part.groups) {
    lines.push(renderGroup(part, group, limits));
  }

  if (part.hiddenColumns.length > 0) {
    const names = part.hiddenColumns.map((c) => `<code>${clip(c)}</code>`);
    lines.push(
      `<p class="more">Fields not shown as columns: ${names.join(", ")}; ` +
        `assessment.json has them.</p>`,
    );
  }

  lines.push(`</details>`);
  return lines.join("\n");
}

/** Says why a part has no items: its problems, or that there are none. */
function emptyPartText(part: PartPlan): string {
  if (part.failed) {
    return `<p>No items were read; the problems above say why.</p>`;
  }

  if (!part.collected) {
    return (
      `<p class="none">Not in this collection: the collection has no entry ` +
      `for this part and no problem names it. It may come from an infio ` +
      `version without this part.</p>`
    );
  }

  if (part.problems.length > 0) {
    return `<p class="none">None found in the databases that were read.</p>`;
  }

  return `<p class="none">None found.</p>`;
}

function renderGroup(part: PartPlan, group: RowGroup, limits: HtmlLimits): string {
  const clip = (text: string) => escapeClipped(text, limits.textChars);
  const lines: string[] = [];
  if (part.groups.length > 1 || group.database !== undefined) {
    const name =
      group.database === undefined
        ? "Without a database"
        : `Database <code>${clip(group.database)}</code>`;
    lines.push(`<h4>${name} <small>(${countOf(group.total, "item")})</small></h4>`);
  }

  if (group.shown.length > 0) {
    const head = part.columns.map((c) => `<th>${clip(c)}</th>`).join("");
    lines.push(`<table class="inventory"><thead><tr>${head}</tr></thead><tbody>`);
    for (const item of group.shown) {
      lines.push(itemRow(item, part.columns, limits));
    }
    lines.push(`</tbody></table>`);
  }

  const hidden = group.total - group.shown.length;
  if (hidden > 0) {
    const where = group.database === undefined ? "" : " of this database";
    lines.push(
      `<p class="more">Not listed here, to keep the page small: ` +
        `${countOf(hidden, `more item${where}`, `more items${where}`)}; ` +
        `assessment.json lists them all.</p>`,
    );
  }

  return lines.join("\n");
}

function itemRow(
  item: InventoryItem,
  columns: readonly string[],
  limits: HtmlLimits,
): string {
  const cells = columns.map((column) =>
    valueCell(Object.hasOwn(item, column) ? item[column] : undefined, limits),
  );
  return `<tr>${cells.join("")}</tr>`;
}

/**
 * Renders one value as a table cell: a missing field is empty, NULL is
 * shown as such, booleans as yes or no, numbers as written (so ports and
 * ids get no thousands separators), and objects and arrays as compact
 * JSON. Every text is escaped and cut.
 */
export function valueCell(value: unknown, limits: HtmlLimits): string {
  const clip = (text: string) => escapeClipped(text, limits.inventoryValueChars);
  if (value === undefined) {
    return `<td></td>`;
  }
  if (value === null) {
    return `<td class="none">NULL</td>`;
  }

  switch (typeof value) {
    case "boolean":
      return `<td>${value ? "yes" : "no"}</td>`;
    case "number":
    case "bigint":
      return `<td class="num">${clip(String(value))}</td>`;
    case "string":
      return `<td>${clip(value)}</td>`;
    case "object":
      return `<td><code>${clip(compactJson(value))}</code></td>`;
    default:
      return `<td>${clip(String(value))}</td>`;
  }
}

/** Returns compact JSON, with any bigint written as a decimal string. */
function compactJson(value: object): string {
  return JSON.stringify(value, (_, v: unknown) =>
    typeof v === "bigint" ? v.toString() : v,
  );
}

/**
 * Renders problems as a table of database, reason and message, cut at
 * `tableRows` rows.
 */
function problemTable(
  problems: readonly CollectionProblem[],
  limits: HtmlLimits,
): string {
  const clip = (text: string) => escapeClipped(text, limits.textChars);
  const rows = problems
    .slice(0, limits.tableRows)
    .map(
      (p) =>
        `<tr><td>${p.database === undefined ? "" : `<code>${clip(p.database)}</code>`}</td>` +
        `<td>${clip(p.reason)}</td><td>${clip(p.message)}</td></tr>`,
    );

  const lines = [
    `<p>Not read:</p>`,
    `<table class="problems"><thead><tr><th>Database</th><th>Reason</th>` +
      `<th>Message</th></tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
  ];
  if (problems.length > rows.length) {
    lines.push(
      `<p class="more">Not shown: ${countOf(problems.length - rows.length, "more problem")}; ` +
        `assessment.json lists them all.</p>`,
    );
  }
  return lines.join("\n");
}
