/**
 * Styles of the assessment pages, served as /assets/report.css. They give
 * the classes that the HTML report's sections use (status badges, counts,
 * charts, the code view) their look inside the console. Every rule is
 * scoped to `.report`, so the console's own layout keeps its styles.
 */

import { STATUS_COLORS } from "../../report/html/status-style.js";

/** URL of the style sheet, as the asset list serves it. */
export const REPORT_STYLESHEET_URL = "/assets/report.css";

/** The tag that loads the style sheet, for a page's head. */
export const REPORT_STYLESHEET_TAG = `<link rel="stylesheet" href="${REPORT_STYLESHEET_URL}">`;

const MONOSPACE = `ui-monospace, "Cascadia Mono", Consolas, Menlo, monospace`;

const statusRules = Object.entries(STATUS_COLORS)
  .map(([status, color]) => `.report .st-${status} { background: ${color}; }`)
  .join("\n");

export const REPORT_CSS = `
.report { --hit: #fff3c4; --mark: #ffd54f; --warn: #b3261e; --warn-bg: #fdecea; }
.report section { margin: 1.5rem 0; }
.report h2 { font-size: 1.25rem; border-bottom: 2px solid var(--line); padding-bottom: 0.2rem; }
.report h3 { font-size: 1.05rem; margin: 1rem 0 0.4rem; }
.report h4 { font-size: 1rem; margin: 0.8rem 0 0.3rem; }
.report .page-nav { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0.4rem 0;
  border-bottom: 1px solid var(--line); }
.report table { width: auto; min-width: 20rem; margin: 0.4rem 0; }
.report table.findings-table, .report table.code, .report table.wide { width: 100%; }
.report td { overflow-wrap: anywhere; }
.report .nowrap { white-space: nowrap; overflow-wrap: normal; }
.report td.num, .report th.num { text-align: right; font-variant-numeric: tabular-nums; }
.report table.figures th { font-weight: normal; color: var(--muted); background: none; }
.report dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; }
.report dl.meta dt { color: var(--muted); }
.report dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.report ul.plain { list-style: none; margin: 0; padding: 0; }
.report p.lead { font-size: 1.05rem; }
.report .more, .report .none, .report small { color: var(--muted); }
.report .badge { display: inline-block; color: #fff; border-radius: 3px; padding: 0 0.4rem;
  font-size: 0.85em; white-space: nowrap; }
${statusRules}
.report .warning { border: 1px solid var(--warn); border-left-width: 6px; background: var(--warn-bg);
  padding: 0.5rem 0.75rem; }
.report details.part { border: 1px solid var(--line); border-radius: 4px; padding: 0.25rem 0.75rem;
  margin: 0.4rem 0; }
.report details > summary { cursor: pointer; }
.report table.inventory { font-size: 0.9em; }
.report svg.chart { max-width: 100%; height: auto; }
.report svg.chart text { fill: currentColor; font-size: 12px; }
.report ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.report :target { outline: 2px solid var(--accent); outline-offset: 2px; }
.report .findings-filter-form { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; }
.report .findings-filter-form label { display: flex; flex-direction: column; gap: 0.2rem; }
.report .findings-filter-form select, .report .findings-filter-form input {
  font: inherit; padding: 0.3rem 0.4rem; border: 1px solid var(--line); border-radius: 0.25rem; }
.report .findings-pager { display: flex; gap: 1rem; margin-top: 0.5rem; }
.report .findings-pager [aria-disabled="true"] { color: var(--muted); }
.report table.code { font-family: ${MONOSPACE}; font-size: 13px; tab-size: 4; }
.report table.code td { border: none; padding: 0 0.5rem; }
.report table.code td.ln { width: 1%; text-align: right; color: var(--muted); user-select: none;
  border-right: 1px solid var(--line); }
.report table.code td.ln a { color: inherit; text-decoration: none; }
.report table.code td.src { white-space: pre-wrap; overflow-wrap: anywhere; }
.report table.code tr.finding-line { background: var(--band); }
.report table.code tr.hit { background: var(--hit); }
.report table.code tr.note td { font-family: system-ui, sans-serif; padding-bottom: 0.2rem; }
.report table.code tr.gap td { color: var(--muted); font-style: italic; }
.report mark { background: var(--mark); color: inherit; }
.report .cut { color: var(--muted); }
`;
