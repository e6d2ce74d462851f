/** Table cells and text shared by the application and company pages. */

import type { EffortRange } from "../../assessment/model.js";
import { escapeClipped } from "../html/escape.js";
import { hoursText } from "../html/effort.js";
import { formatCount } from "../text.js";
import type { CategoryCounts, CategoryShares } from "./model.js";

/** Maximum characters of a name or text in a cell; longer text is cut. */
export const TEXT_CHARS = 300;

/** Escapes data text for the page, cut at TEXT_CHARS. */
export function text(value: string): string {
  return escapeClipped(value, TEXT_CHARS);
}

export function numberCell(value: number): string {
  return `<td class="num">${formatCount(value)}</td>`;
}

export function percent(value: number): string {
  return `${formatCount(value)}%`;
}

/** The header cells that shareCells fills. */
export const SHARE_HEADS =
  `<th>Objects</th><th>Supported</th><th>Conditionally supported</th>` +
  `<th>Not supported</th><th>of which unknown</th>`;

/** Object count, then each category as `count (share%)`. */
export function shareCells(counts: CategoryCounts, shares: CategoryShares): string {
  const cell = (n: number, share: number) =>
    `<td class="num">${formatCount(n)} (${percent(share)})</td>`;

  return [
    numberCell(counts.objects),
    cell(counts.supported, shares.supported),
    cell(counts.conditionallySupported, shares.conditionallySupported),
    cell(counts.notSupported, shares.notSupported),
    cell(counts.unknown, shares.unknown),
  ].join("");
}

export function hours(range: EffortRange): string {
  return hoursText(range);
}

/** Renders a table, or a sentence naming what it would list when it has no rows. */
export function tableOf(headCells: string, rows: readonly string[], none: string): string {
  if (rows.length === 0) {
    return `<p class="none">${none}</p>`;
  }

  return [
    `<table><thead><tr>${headCells}</tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
  ].join("\n");
}
