/**
 * The tabular sections: objects with their findings, files, parse errors
 * and skipped inputs. Each table stops at `HtmlLimits.tableRows` rows and
 * states how many it left out.
 */

import type { Assessment, AssessedObject } from "../../assessment/model.js";
import { compareCodeUnits, countOf, formatCount } from "../text.js";
import type { CodePlan } from "./code-plan.js";
import { escapeClipped } from "./escape.js";
import { placeLink } from "./findings.js";
import type { HtmlLimits } from "./limits.js";

interface ObjectCounts {
  notSupported: number;
  review: number;
  unknown: number;
  total: number;
}

/**
 * Renders the objects, with the objects that need the most change first:
 * by not-supported findings, then findings to review, then name.
 */
export function renderObjects(
  a: Assessment,
  code: CodePlan,
  limits: HtmlLimits,
): string {
  const counts = countByObject(a);
  const none: ObjectCounts = {
    notSupported: 0,
    review: 0,
    unknown: 0,
    total: 0,
  };
  const objects = [...a.objects].sort((x, y) => {
    const cx = counts.get(x.name) ?? none;
    const cy = counts.get(y.name) ?? none;
    return (
      cy.notSupported - cx.notSupported ||
      cy.review - cx.review ||
      compareCodeUnits(x.name, y.name)
    );
  });

  const rows = objects.slice(0, limits.tableRows).map((o) => {
    const c = counts.get(o.name) ?? none;
    return (
      `<tr><td>${escapeClipped(o.name, limits.textChars)}</td>` +
      `<td>${escapeClipped(o.type, limits.textChars)}</td>` +
      `<td>${definedAt(o, code, limits)}</td>` +
      `<td class="num">${formatCount(o.lines)}</td>` +
      `<td class="num">${formatCount(c.notSupported)}</td>` +
      `<td class="num">${formatCount(c.review)}</td>` +
      `<td class="num">${formatCount(c.unknown)}</td>` +
      `<td class="num">${formatCount(c.total)}</td></tr>`
    );
  });

  return section(
    "objects",
    "Objects",
    "<th>Object</th><th>Type</th><th>Defined at</th><th>Lines</th>" +
      "<th>Not supported</th><th>Review</th><th>Unknown</th><th>Findings</th>",
    rows,
    objects.length,
    ["object", "objects"],
  );
}

function countByObject(a: Assessment): Map<string, ObjectCounts> {
  const counts = new Map<string, ObjectCounts>();
  for (const f of a.findings) {
    if (f.object === "") {
      continue;
    }

    let c = counts.get(f.object);
    if (c === undefined) {
      c = { notSupported: 0, review: 0, unknown: 0, total: 0 };
      counts.set(f.object, c);
    }

    c.total++;
    if (f.status === "notSupported") {
      c.notSupported++;
    } else if (f.status.startsWith("review")) {
      c.review++;
    } else if (f.status === "unknown") {
      c.unknown++;
    }
  }

  return counts;
}

function definedAt(
  o: AssessedObject,
  code: CodePlan,
  limits: HtmlLimits,
): string {
  const text = escapeClipped(`${o.file}:${o.line}`, limits.textChars);
  const anchor = code.lineAnchor(o.file, o.line);
  return anchor === undefined
    ? `<code>${text}</code>`
    : `<a href="#${anchor}"><code>${text}</code></a>`;
}

/** Renders the code units, in the order of the assessment. */
export function renderUnits(a: Assessment, limits: HtmlLimits): string {
  const rows = a.units
    .slice(0, limits.tableRows)
    .map(
      (u) =>
        `<tr><td><code>${escapeClipped(u.file, limits.textChars)}</code></td>` +
        `<td>${escapeClipped(u.encoding, limits.textChars)}</td>` +
        `<td class="num">${formatCount(u.lines)}</td>` +
        `<td class="num">${formatCount(u.bytes)}</td>` +
        `<td class="num">${formatCount(u.batches)}</td>` +
        `<td class="num">${formatCount(u.batchesWithErrors)}</td>` +
        `<td class="num">${formatCount(u.statements)}</td></tr>`,
    );

  return section(
    "files",
    "Files",
    "<th>File</th><th>Encoding</th><th>Lines</th><th>Bytes</th>" +
      "<th>Batches</th><th>Batches with parse errors</th><th>Statements</th>",
    rows,
    a.units.length,
    ["file", "files"],
  );
}

/**
 * Renders the parse errors, each linked to its line when the code view
 * shows it.
 */
export function renderParseErrors(
  a: Assessment,
  code: CodePlan,
  limits: HtmlLimits,
): string {
  const rows = a.parseErrors.slice(0, limits.tableRows).map((e) => {
    const reason =
      e.code === undefined
        ? ""
        : `<code>${escapeClipped(e.code, limits.textChars)}</code>`;
    return (
      `<tr><td>${placeLink(e.file, e.line, e.column, code, limits)}</td>` +
      `<td>${reason}</td>` +
      `<td>${escapeClipped(e.message, limits.textChars)}</td></tr>`
    );
  });

  return section(
    "parse-errors",
    "Parse errors",
    "<th>Place</th><th>Code</th><th>Message</th>",
    rows,
    a.parseErrors.length,
    ["parse error", "parse errors"],
  );
}

/** Renders the inputs that were not assessed, with the reason and the fix. */
export function renderSkipped(a: Assessment, limits: HtmlLimits): string {
  const rows = a.skipped
    .slice(0, limits.tableRows)
    .map(
      (s) =>
        `<tr><td><code>${escapeClipped(s.file, limits.textChars)}</code></td>` +
        `<td>${escapeClipped(s.reason, limits.textChars)}</td>` +
        `<td>${escapeClipped(s.message, limits.textChars)}</td></tr>`,
    );

  return section(
    "skipped",
    "Skipped inputs",
    "<th>File</th><th>Reason</th><th>Message</th>",
    rows,
    a.skipped.length,
    ["skipped input", "skipped inputs"],
  );
}

function section(
  id: string,
  title: string,
  headCells: string,
  rows: readonly string[],
  total: number,
  noun: readonly [singular: string, plural: string],
): string {
  const parts = [`<section id="${id}"><h2>${title}</h2>`];
  if (total === 0) {
    parts.push(`<p>No ${noun[1]}.</p></section>`);
    return parts.join("\n");
  }

  parts.push(
    `<table><thead><tr>${headCells}</tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
  );

  if (total > rows.length) {
    parts.push(
      `<p class="more">Not shown: ` +
        `${countOf(total - rows.length, `more ${noun[0]}`, `more ${noun[1]}`)}` +
        `; assessment.json lists them all.</p>`,
    );
  }

  parts.push("</section>");
  return parts.join("\n");
}
