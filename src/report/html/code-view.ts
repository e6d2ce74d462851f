/**
 * Renders the code view. For each file with findings it shows the planned
 * windows of source lines with line numbers and highlights the lines with
 * findings. It marks the token at each finding's column and lists the
 * findings under their line, linked back to their feature.
 */

import { countOf } from "../text.js";
import type { CodeFile, CodePlan, CodeTarget } from "./code-plan.js";
import { lineAnchorId } from "./code-plan.js";
import { escapeClipped, escapeHtml } from "./escape.js";
import type { HtmlLimits } from "./limits.js";
import { statusClass } from "./status-style.js";

/** Renders the code view section. */
export function renderCodeView(plan: CodePlan, limits: HtmlLimits): string {
  const parts = [
    `<section id="code"><h2>Code</h2>`,
    `<p>Each line with a finding is shown with ${limits.contextLines} lines ` +
      `of context; other lines are not shown. ` +
      `Shown: ${countOf(plan.renderedLineCount, "line")} of ` +
      `${countOf(plan.files.length, "file")}, out of at most ` +
      `${countOf(limits.codeLines, "line")}.</p>`,
  ];

  if (plan.files.length === 0) {
    parts.push(
      "<p>No source text was available, so findings show their file and " +
        "line only.</p>",
    );
  }

  for (const file of plan.files) {
    parts.push(renderFile(file, limits));
  }

  parts.push("</section>");
  return parts.join("\n");
}

function renderFile(file: CodeFile, limits: HtmlLimits): string {
  const rows: string[] = [];
  let previous = 0;

  for (const line of file.lineNumbers) {
    if (line > previous + 1) {
      rows.push(gapRow(previous + 1, line - 1));
    }

    rows.push(lineRow(file, line, limits));
    previous = line;
  }

  if (previous < file.lines.length) {
    rows.push(gapRow(previous + 1, file.lines.length));
  }

  return (
    `<section class="file" id="${file.anchor}">` +
    `<h3>${escapeClipped(file.file, limits.textChars)}</h3>\n` +
    `<table class="code"><tbody>\n${rows.join("\n")}\n</tbody></table>` +
    `</section>`
  );
}

function gapRow(first: number, last: number): string {
  const range = first === last ? `line ${first}` : `lines ${first}–${last}`;
  return `<tr class="gap"><td class="ln">⋯</td><td>${range} not shown</td></tr>`;
}

function lineRow(file: CodeFile, line: number, limits: HtmlLimits): string {
  const id = lineAnchorId(file.anchor, line);
  const annotations = file.annotations.get(line) ?? [];
  const hit = annotations.length > 0 ? ` class="hit"` : "";
  const columns = annotations.map((a) => a.column);
  const code = renderSourceLine(file.lines[line - 1]!, columns, limits);

  const rows = [
    `<tr id="${id}"${hit}><td class="ln"><a href="#${id}">${line}</a></td>` +
      `<td class="src"><code>${code}</code></td></tr>`,
  ];

  for (const annotation of annotations) {
    rows.push(annotationRow(annotation, limits));
  }

  const hidden = file.hiddenAnnotations.get(line) ?? 0;
  if (hidden > 0) {
    rows.push(
      `<tr class="note"><td></td><td>and ${countOf(hidden, "more finding")} ` +
        `on this line</td></tr>`,
    );
  }

  return rows.join("\n");
}

function annotationRow(a: CodeTarget, limits: HtmlLimits): string {
  const label = escapeClipped(a.label, limits.textChars);
  const feature =
    a.featureAnchor === undefined
      ? `<code>${label}</code>`
      : `<a href="#${a.featureAnchor}"><code>${label}</code></a>`;

  return (
    `<tr class="note"><td></td><td>` +
    `<span class="badge ${statusClass(a.status)}">` +
    `${escapeHtml(a.badge)}</span> ${feature} ` +
    `column ${escapeHtml(String(a.column))}: ` +
    `${escapeClipped(a.message, limits.textChars)}` +
    `</td></tr>`
  );
}

// The token marked at a finding's column: a run of letters, digits and the
// characters `_ @ # $` that T-SQL names and variables use, or else the one
// character at the column.
const TOKEN = /[\p{L}\p{N}_@#$]+/uy;

/**
 * Renders one source line, escaped, with the token at each column marked.
 * A line longer than `codeLineChars` is cut to a window that starts a
 * little before the first marked column.
 */
export function renderSourceLine(
  text: string,
  columns: readonly number[],
  limits: HtmlLimits,
): string {
  const ranges = tokenRanges(text, columns);
  const max = limits.codeLineChars;

  let begin = 0;
  let end = text.length;
  if (text.length > max) {
    const focus = ranges[0]?.[0] ?? 0;
    const preferred = focus - Math.floor(max / 4);
    begin = Math.max(0, Math.min(preferred, text.length - max));
    end = begin + max;
  }

  const parts: string[] = [];
  if (begin > 0) {
    parts.push(`<span class="cut">…</span>`);
  }

  let position = begin;
  for (const [start, stop] of ranges) {
    const from = Math.max(start, begin);
    const to = Math.min(stop, end);
    if (from >= to) {
      continue;
    }

    parts.push(escapeHtml(text.slice(position, from)));
    parts.push(`<mark>${escapeHtml(text.slice(from, to))}</mark>`);
    position = to;
  }

  parts.push(escapeHtml(text.slice(position, end)));
  if (end < text.length) {
    parts.push(`<span class="cut">…</span>`);
  }

  return parts.join("");
}

/** Returns sorted, non-overlapping [start, end) ranges of the marked tokens. */
function tokenRanges(
  text: string,
  columns: readonly number[],
): [number, number][] {
  const ranges: [number, number][] = [];
  const starts = [...new Set(columns)]
    .filter((c) => Number.isInteger(c) && c >= 1 && c <= text.length)
    .map((c) => c - 1)
    .sort((x, y) => x - y);

  for (const start of starts) {
    TOKEN.lastIndex = start;
    const match = TOKEN.exec(text);
    const stop = match === null ? start + 1 : start + match[0].length;
    const last = ranges[ranges.length - 1];
    if (last !== undefined && start < last[1]) {
      last[1] = Math.max(last[1], stop);
    } else {
      ranges.push([start, stop]);
    }
  }

  return ranges;
}
