/**
 * The "Application code" section: the source trees scanned with
 * `--app-code`, what was read and skipped, the files that hold SQL with
 * the findings in each, and every statement found, linked to its place
 * in the code view.
 */

import type { Assessment, Finding } from "../../assessment/model.js";
import type { AppCodeFile, AppCodeStatement, ApplicationCodeSource } from "../../sources/app-code/model.js";
import { countOf, formatCount } from "../text.js";
import type { CodePlan } from "./code-plan.js";
import { escapeClipped } from "./escape.js";
import type { HtmlLimits } from "./limits.js";

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  csharp: "C#",
  java: "Java",
  python: "Python",
  javascript: "JavaScript",
  typescript: "TypeScript",
  sql: "SQL scripts",
};

/** Descriptions of the skip reasons, for the table of skipped folders and files. */
const SKIP_REASONS: Readonly<Record<string, string>> = {
  "dependency-folder": "folders of dependencies (node_modules, vendor, packages, venv, ...)",
  "build-output-folder": "folders of build output (bin, obj, dist, build, target, out, __pycache__)",
  "hidden-folder": "folders whose name starts with a dot (.git, .vs, .idea, ...)",
  "minified-file": "minified or bundled JavaScript (*.min.js, *.bundle.js)",
  "generated-name": "generated files by name (*.designer.cs, *.g.cs, *.generated.*, *.d.ts)",
  "generated-header": "files whose first lines say a tool generated them",
  excluded: "folders and files left out by --include or --exclude",
  "other-extension": "files of other languages and formats",
  "too-large": "files larger than --max-file-size",
  unreadable: "folders and files that could not be read",
};

interface FileCounts {
  needWork: number;
  total: number;
}

export function renderAppCode(a: Assessment, source: ApplicationCodeSource, code: CodePlan, limits: HtmlLimits): string {
  const clip = (text: string) => escapeClipped(text, limits.textChars);
  const roots = source.roots.map((r) => `<code>${clip(r)}</code>`).join(", ");
  const files = Object.values(source.filesScanned).reduce((sum, n) => sum + (n ?? 0), 0);
  return [
    `<section id="app-code"><h2>Application code</h2>`,
    `<p>${countOf(files, "file")} read in ${roots}: ` +
      `${countOf(source.statementsFound, "SQL statement")} found in string literals, ` +
      `${formatCount(source.partlyDynamic)} of them partly dynamic. Non-literal parts are assessed as ` +
      `<code>@__dynamicN</code> placeholders and driver parameter markers as variables; each finding ` +
      `points at the line and column in the source file.</p>`,
    ...(source.unterminated === 0
      ? []
      : [
          `<p class="warning">Strings that start like SQL but leave a quote or comment open, ` +
            `not assessed: ${formatCount(source.unterminated)}.</p>`,
        ]),
    renderLanguages(source),
    renderSkippedReasons(source),
    renderFiles(source.files, countByFile(a.findings), limits),
    renderStatements(source.statements, code, limits),
    `</section>`,
  ].join("\n");
}

function renderLanguages(source: ApplicationCodeSource): string {
  const rows = Object.entries(source.filesScanned).map(
    ([language, n]) =>
      `<tr><td>${LANGUAGE_NAMES[language] ?? language}</td><td class="num">${formatCount(n ?? 0)}</td></tr>`,
  );
  return [
    `<h3>Files read</h3>`,
    `<table><thead><tr><th>Language</th><th>Files</th></tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
  ].join("\n");
}

function renderSkippedReasons(source: ApplicationCodeSource): string {
  const entries = Object.entries(source.skipped);
  if (entries.length === 0) {
    return `<h3>Left out</h3>\n<p>Nothing was left out.</p>`;
  }
  const rows = entries.map(
    ([reason, n]) =>
      `<tr><td><code>${escapeClipped(reason, 80)}</code></td>` +
      `<td>${SKIP_REASONS[reason] ?? ""}</td><td class="num">${formatCount(n)}</td></tr>`,
  );
  return [
    `<h3>Left out</h3>`,
    `<table><thead><tr><th>Reason</th><th>What</th><th>Count</th></tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
  ].join("\n");
}

function renderFiles(files: readonly AppCodeFile[], counts: ReadonlyMap<string, FileCounts>, limits: HtmlLimits): string {
  if (files.length === 0) {
    return `<h3>Files with SQL</h3>\n<p>No file holds SQL.</p>`;
  }
  const rows = files.slice(0, limits.tableRows).map((f) => {
    const c = counts.get(f.file) ?? { needWork: 0, total: 0 };
    return (
      `<tr><td><code>${escapeClipped(f.file, limits.textChars)}</code></td>` +
      `<td>${LANGUAGE_NAMES[f.language] ?? f.language}</td>` +
      `<td class="num">${f.language === "sql" ? "" : formatCount(f.statements)}</td>` +
      `<td class="num">${f.language === "sql" ? "" : formatCount(f.partlyDynamic)}</td>` +
      `<td class="num">${formatCount(c.needWork)}</td><td class="num">${formatCount(c.total)}</td></tr>`
    );
  });
  return [
    `<h3>Files with SQL</h3>`,
    `<table><thead><tr><th>File</th><th>Language</th><th>Statements</th><th>Partly dynamic</th>` +
      `<th>Findings to act on</th><th>All findings</th></tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
    ...notShown(files.length, rows.length, "file"),
  ].join("\n");
}

function renderStatements(statements: readonly AppCodeStatement[], code: CodePlan, limits: HtmlLimits): string {
  if (statements.length === 0) {
    return "";
  }
  const clip = (text: string) => escapeClipped(text, limits.textChars);
  const rows = statements.slice(0, limits.tableRows).map((s) => {
    const place = `${clip(s.file)}:${s.line}:${s.column}`;
    const anchor = code.lineAnchor(s.file, s.line);
    const link = anchor === undefined ? `<code>${place}</code>` : `<a href="#${anchor}"><code>${place}</code></a>`;
    return (
      `<tr><td>${link}</td><td>${clip(s.scope)}</td><td>${s.call === undefined ? "" : `<code>${clip(s.call)}</code>`}</td>` +
      `<td class="num">${formatCount(s.dynamicParts)}</td>` +
      `<td><code>${clip(s.text).replace(/\n/g, "<br>")}</code></td></tr>`
    );
  });
  return [
    `<h3>Statements</h3>`,
    `<table class="inventory"><thead><tr><th>Where</th><th>Class and method</th><th>Given to</th>` +
      `<th>Dynamic parts</th><th>Statement as assessed</th></tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
    ...notShown(statements.length, rows.length, "statement"),
  ].join("\n");
}

function countByFile(findings: readonly Finding[]): Map<string, FileCounts> {
  const counts = new Map<string, FileCounts>();
  for (const f of findings) {
    let c = counts.get(f.file);
    if (c === undefined) {
      c = { needWork: 0, total: 0 };
      counts.set(f.file, c);
    }
    c.total++;
    if (f.status !== "supported" && f.status !== "ignored") {
      c.needWork++;
    }
  }
  return counts;
}

function notShown(total: number, shown: number, noun: string): string[] {
  if (total <= shown) {
    return [];
  }
  return [`<p class="more">Not shown: ${countOf(total - shown, `more ${noun}`)}; assessment.json lists them all.</p>`];
}
