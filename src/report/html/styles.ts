/**
 * The report's only stylesheet, inlined in a `<style>` element. The page's
 * Content Security Policy allows it by its SHA-256 hash, so it must not
 * depend on the assessment.
 */

import { STATUS_COLORS } from "./status-style.js";

const statusRules = Object.entries(STATUS_COLORS)
  .map(([status, color]) => `.st-${status}{background:${color}}`)
  .join("\n");

const MONOSPACE = `ui-monospace,"Cascadia Mono",Consolas,Menlo,monospace`;

export const STYLESHEET = `
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#5f6368;
--line:#d0d4d9;--hit:#fff3c4;--mark:#ffd54f;--target:#1565c0;--panel:#f5f6f8;
--warn:#b3261e;--warn-bg:#fdecea}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--bg:#15171a;
--muted:#9aa0a6;--line:#3c4043;--hit:#3d3514;--mark:#8a6d00;
--target:#8ab4f8;--panel:#1f2226;--warn:#f28b82;--warn-bg:#3b1d1b}}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:var(--bg);
font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header,main,nav{max-width:1200px;margin:0 auto;padding:0 16px}
nav{position:sticky;top:0;background:var(--bg);z-index:1;
border-bottom:1px solid var(--line);padding-top:6px;padding-bottom:6px}
nav a{margin-right:14px}
a{color:var(--target)}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:2px solid var(--line)}
h3.group{margin:1.2em 0 .4em}
h4{margin:.9em 0 .3em;font-size:1em}
small,.more,.none{color:var(--muted)}
code{font-family:${MONOSPACE};font-size:.92em}
table{border-collapse:collapse;margin:.4em 0}
th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;
vertical-align:top}
thead th{background:var(--panel)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
table.figures th{font-weight:normal;color:var(--muted)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
ul.plain{list-style:none;margin:0;padding:0}
p.lead{font-size:1.1em}
.badge{display:inline-block;color:#fff;border-radius:3px;padding:0 6px;
font-size:.85em}
${statusRules}
details.status{border:1px solid var(--line);border-radius:4px;
padding:4px 12px;margin:8px 0}
details.status>summary{font-weight:600}
details>summary{cursor:pointer}
details.part{border:1px solid var(--line);border-radius:4px;
padding:4px 12px;margin:6px 0}
table.inventory{font-size:.9em}
table.inventory td{overflow-wrap:anywhere}
.warning{border:1px solid var(--warn);border-left-width:6px;
background:var(--warn-bg);padding:8px 12px}
.feature{margin-left:8px}
.feature:target{outline:2px solid var(--target);outline-offset:4px}
svg.chart{max-width:100%;height:auto}
svg.chart text{fill:currentColor;font-size:12px}
ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
section.file{margin:1.5em 0}
table.code{width:100%;font-family:${MONOSPACE};font-size:13px;tab-size:4}
table.code td{border:none;padding:0 8px}
table.code td.ln{width:1%;text-align:right;color:var(--muted);
user-select:none;border-right:1px solid var(--line)}
table.code td.ln a{color:inherit;text-decoration:none}
table.code td.src{white-space:pre-wrap;overflow-wrap:anywhere}
table.code tr.hit{background:var(--hit)}
table.code tr:target{outline:2px solid var(--target)}
table.code tr.note td{font-family:system-ui,sans-serif;font-size:13px;
padding-bottom:3px}
table.code tr.gap td{color:var(--muted);font-style:italic}
mark{background:var(--mark);color:inherit}
.cut{color:var(--muted)}
@media print{nav{display:none}}
`;
