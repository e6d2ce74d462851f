/**
 * The source view: one code unit's text with line numbers, the requested
 * line highlighted and each line's findings listed under it, as in the
 * HTML report's code view. Every line has the id `L<N>`, so that
 * `#L<N>` scrolls to it. A long unit is shown a window of lines at a time.
 */

import type { Finding } from "../../assessment/model.js";
import { splitLines } from "../../report/html/code-plan.js";
import { renderSourceLine } from "../../report/html/code-view.js";
import { DEFAULT_HTML_LIMITS, type HtmlLimits } from "../../report/html/limits.js";
import { statusClass } from "../../report/html/status-style.js";
import { statusLabel } from "../../report/status.js";
import { countOf, formatCount } from "../../report/text.js";
import { assessmentUrl, lineAnchor } from "./assessment-urls.js";
import { findingsPageUrl } from "./findings-section.js";
import { html, pageUrl, trustedHtml, type SafeHtml } from "./html.js";
import type { PageOptions } from "./layout.js";

/** Lines shown at once; a longer unit gets links to the lines before and after. */
export const SOURCE_WINDOW_LINES = 2_000;

/** Findings listed under one line; the rest are counted. */
const FINDINGS_PER_LINE = 5;

// Long lines are cut around the first finding's column; more of a line
// fits here than in the report, whose code view shows many files.
const LIMITS: HtmlLimits = { ...DEFAULT_HTML_LIMITS, codeLineChars: 2_000 };

export interface SourceViewInput {
  readonly assessmentId: string;
  readonly file: string;
  /** The line to highlight, from 1, when the link named one. */
  readonly line: number | undefined;
  /** First line of the window to show, when the page links asked for one. */
  readonly from: number | undefined;
  /** The unit's text, or undefined when the store has none. */
  readonly text: string | undefined;
  /** Text storage of the assessment (Store.getUnitTexts), which explains why `text` is absent. */
  readonly textStatus: "kept" | "not-kept" | "not-stored";
  /** The unit's findings in saved order. */
  readonly findings: readonly Finding[];
  /** Findings of the unit left out of `findings` by the cap. */
  readonly findingsLeftOut: number;
}

/** Returns the source view's content, for `context.page`. */
export function sourceViewPage(input: SourceViewInput): PageOptions {
  const back = html`<p><a href="${findingsPageUrl(input.assessmentId, { q: input.file })}">Findings in this file</a>
· <a href="${assessmentUrl(input.assessmentId)}">Report of assessment <code>${input.assessmentId}</code></a></p>`;

  const body = input.text === undefined ? missingText(input) : codeTable(input, splitLines(input.text));
  const leftOut =
    input.findingsLeftOut > 0
      ? html`<p class="more">${countOf(input.findingsLeftOut, "more finding")} of this file ${input.findingsLeftOut === 1 ? "is" : "are"} not annotated here.</p>`
      : "";

  return {
    title: `Source of ${clip(input.file)}`,
    main: html`<div class="report">${back}${body}${leftOut}</div>`,
  };
}

function missingText(input: SourceViewInput): SafeHtml {
  const onLine = input.findings.filter((finding) => input.line === undefined || finding.line === input.line);
  const list = onLine.map(
    (finding) => html`<li>line ${finding.line}, column ${finding.column}: ${annotation(finding)}</li>`,
  );

  return html`<p class="notice">${missingReason(input.textStatus)}</p>
${list.length === 0 ? "" : html`<h2>Findings${input.line === undefined ? "" : html` on line ${input.line}`}</h2><ul>${list}</ul>`}`;
}

function missingReason(status: SourceViewInput["textStatus"]): string {
  if (status === "not-kept") {
    return "Source not kept: this assessment was stored without its code, as 'infio assess --no-keep-source' does, so only its findings are shown.";
  }
  if (status === "not-stored") {
    return "Source not kept: this assessment was stored by an infio version that kept no source text. Assess the code again to see it here.";
  }
  return "Source not kept: the store has no text for this file, which is not one of the assessment's code units.";
}

function codeTable(input: SourceViewInput, lines: readonly string[]): SafeHtml {
  const byLine = new Map<number, Finding[]>();
  for (const finding of input.findings) {
    const list = byLine.get(finding.line) ?? [];
    list.push(finding);
    byLine.set(finding.line, list);
  }

  const [first, last] = lineWindow(lines.length, input.line, input.from);
  const rows: SafeHtml[] = [];
  if (first > 1) {
    rows.push(gapRow(input, 1, first - 1));
  }
  for (let number = first; number <= last; number++) {
    rows.push(lineRows(number, lines[number - 1]!, byLine.get(number) ?? [], input.line));
  }
  if (last < lines.length) {
    rows.push(gapRow(input, last + 1, lines.length));
  }

  const past =
    input.line !== undefined && input.line > lines.length
      ? html`<p class="notice error">Line ${input.line} is past the end of this file, which has ${countOf(lines.length, "line")}.</p>`
      : "";

  return html`${past}<p class="muted">${countOf(lines.length, "line")}, ${countOf(input.findings.length, "finding")}.</p>
<table class="code"><tbody>
${rows}
</tbody></table>`;
}

/** Returns the first and last line to show, at most SOURCE_WINDOW_LINES of them. */
export function lineWindow(lineCount: number, line: number | undefined, from: number | undefined): [number, number] {
  if (lineCount <= SOURCE_WINDOW_LINES) {
    return [1, lineCount];
  }

  const requested = from ?? Math.max(1, (line ?? 1) - Math.floor(SOURCE_WINDOW_LINES / 2));
  const first = Math.max(1, Math.min(requested, lineCount - SOURCE_WINDOW_LINES + 1));
  return [first, first + SOURCE_WINDOW_LINES - 1];
}

function lineRows(
  number: number,
  text: string,
  findings: readonly Finding[],
  highlighted: number | undefined,
): SafeHtml {
  const id = lineAnchor(number);
  let attributes: SafeHtml | string = "";
  if (number === highlighted) {
    attributes = html` class="hit" aria-current="location"`;
  } else if (findings.length > 0) {
    attributes = html` class="finding-line"`;
  }

  const code = trustedHtml(renderSourceLine(text, findings.map((finding) => finding.column), LIMITS));
  const shown = findings.slice(0, FINDINGS_PER_LINE);
  const notes = shown.map(
    (finding) => html`<tr class="note"><td></td><td>column ${finding.column}: ${annotation(finding)}</td></tr>`,
  );
  const hidden = findings.length - shown.length;
  const more =
    hidden > 0 ? html`<tr class="note"><td></td><td>and ${countOf(hidden, "more finding")} on this line</td></tr>` : "";

  return html`<tr id="${id}"${attributes}>
<td class="ln"><a href="#${id}">${number}</a></td><td class="src"><code>${code}</code></td></tr>${notes}${more}`;
}

function annotation(finding: Finding): SafeHtml {
  return html`<span class="badge ${statusClass(finding.status)}">${statusLabel(finding.status)}</span>
<code>${finding.featureId}</code> ${finding.message}`;
}

function gapRow(input: SourceViewInput, first: number, last: number): SafeHtml {
  const from = Math.max(1, first === 1 ? last - SOURCE_WINDOW_LINES + 1 : first);
  const href = pageUrl(`${assessmentUrl(input.assessmentId)}/source`, { file: input.file, line: input.line, from });
  return html`<tr class="gap"><td class="ln">⋯</td><td>lines ${formatCount(first)}–${formatCount(last)} not shown:
<a href="${href}">show them</a></td></tr>`;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
