/**
 * The page shell of the application and company reports. Like the
 * assessment page it is self-contained: no script, no request, and a
 * Content Security Policy that allows only the page's own stylesheet by its
 * hash. It is laid out for print too, because the PDF is printed from this
 * HTML, and its first page is a title and summary page.
 */

import { createHash } from "node:crypto";

import { escapeHtml } from "./escape.js";
import { STYLESHEET } from "./styles.js";

/** Colours of the compatibility categories, with white text above 4.5:1 contrast. */
export const CATEGORY_COLORS = {
  supported: "#2e7d32",
  conditionallySupported: "#a05a00",
  notSupported: "#c62828",
  unknown: "#6a1b9a",
} as const;

const PRINT_RULES = `
section.title-page{min-height:60vh}
section.title-page h1{font-size:2em;margin-bottom:.2em}
p.suggestion{border-left:6px solid var(--target);padding:4px 12px;
background:var(--panel)}
td.wave{font-weight:600;text-align:center}
table.wide{font-size:.85em}
table.wide th,table.wide td{padding:2px 4px}
@page{size:A4;margin:16mm 14mm}
@media print{
:root{color-scheme:light}
body{font-size:10pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
header,main{max-width:none;padding:0}
section.title-page{break-after:page;min-height:0}
h2,h3{break-after:avoid}
tr,li,svg.chart,dl.meta{break-inside:avoid}
thead{display:table-header-group}
a{color:inherit;text-decoration:none}
}
`;

const REPORT_STYLESHEET = `${STYLESHEET}${PRINT_RULES}`;

const STYLE_HASH = createHash("sha256").update(REPORT_STYLESHEET).digest("base64");

const CONTENT_SECURITY_POLICY =
  `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; ` +
  `base-uri 'none'; form-action 'none'`;

export interface PrintPage {
  /** Plain text of the `<title>`; escaped here. */
  readonly title: string;
  /** Markup of the first page: the title and the summary. */
  readonly titlePage: string;
  /** Markup of the sections after the first page. */
  readonly sections: readonly string[];
  /** Plain text of the footer line; escaped here. */
  readonly footer: string;
}

/** Renders one self-contained HTML page that prints with a title page. */
export function renderPrintPage(page: PrintPage): string {
  return [
    `<!DOCTYPE html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    `<meta name="referrer" content="no-referrer">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${REPORT_STYLESHEET}</style>`,
    `</head>`,
    `<body>`,
    `<main>`,
    `<section class="title-page" id="summary">`,
    page.titlePage,
    `</section>`,
    ...page.sections,
    `<footer><p><small>${escapeHtml(page.footer)}</small></p></footer>`,
    `</main>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}
