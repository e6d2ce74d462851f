/**
 * The report of one assessment in the console. The sections that the HTML
 * report renders the same way here (summary, charts, effort, comparison,
 * overrides, objects, files, skipped inputs, and for a live server its
 * inventory) come from the report renderer, which escapes everything it
 * writes. Its self-contained page, with an inline style sheet, is not
 * used: the console's style sheets style these sections instead. The
 * findings, features and parse errors are rendered here, so that they link
 * to the console's filtered findings and source view.
 */

import type { Assessment, ParseErrorRecord } from "../../assessment/model.js";
import type { FeatureLookup } from "../../report/features.js";
import { renderCharts } from "../../report/html/charts.js";
import { planCodeView } from "../../report/html/code-plan.js";
import { renderComparison } from "../../report/html/comparison.js";
import { renderEffort } from "../../report/html/effort.js";
import { planFindings, type FindingsPlan, type StatusBlock } from "../../report/html/findings-plan.js";
import { renderInventory } from "../../report/html/inventory.js";
import { planInventory, registeredParts } from "../../report/html/inventory-plan.js";
import { DEFAULT_HTML_LIMITS, type HtmlLimits } from "../../report/html/limits.js";
import { renderOverrides } from "../../report/html/overrides.js";
import { renderNotRead, renderServer } from "../../report/html/server.js";
import { statusClass } from "../../report/html/status-style.js";
import { renderSummary } from "../../report/html/summary.js";
import { renderObjects, renderSkipped, renderUnits } from "../../report/html/tables.js";
import { statusLabel } from "../../report/status.js";
import { compareCodeUnits, countOf, formatCount } from "../../report/text.js";
import type { AssessmentListing } from "../../store/store.js";
import { clipText, splitTarget, timeText } from "./assessment-list.js";
import { sourceHref } from "./assessment-urls.js";
import { renderFindingsSection, findingsPageUrl, type FindingsSection } from "./findings-section.js";
import { html, trustedHtml, type SafeHtml } from "./html.js";
import type { PageOptions } from "./layout.js";

/** Sources listed in the header before "and N more". */
const SOURCES_SHOWN = 20;

export interface ReportInput {
  readonly assessment: Assessment;
  /** ISO 8601 time the run finished, from the store's listing. */
  readonly finishedAt: string | undefined;
  readonly features: FeatureLookup;
  /** The findings the page's query selects. */
  readonly findings: Omit<FindingsSection, "groups" | "assessmentId">;
}

/** Plans the findings for the report's sections, as the HTML report does. */
export function planReport(a: Assessment, features: FeatureLookup): FindingsPlan {
  return planFindings(a, DEFAULT_HTML_LIMITS, features);
}

/** Returns the groups of the plan's findings, sorted by name. */
export function planGroups(plan: FindingsPlan): string[] {
  const groups = new Set<string>();
  for (const status of plan.statuses) {
    for (const group of status.groups) {
      groups.add(group.group);
    }
  }
  return [...groups].sort(compareCodeUnits);
}

/** Returns the report page's content, for `context.page`. */
export function assessmentReportPage(input: ReportInput, plan: FindingsPlan): PageOptions {
  const a = input.assessment;
  const limits = DEFAULT_HTML_LIMITS;
  // No code view on this page: places link to the source view instead.
  const noCode = planCodeView([], undefined, limits);
  const live =
    a.live === undefined
      ? undefined
      : { source: a.live, plan: planInventory(a.live, registeredParts(), limits) };
  const fromRenderer = (...parts: string[]) => trustedHtml(parts.join("\n"));

  const main = html`<div class="report">
${header(input)}
${pageNavigation(live !== undefined)}
${live === undefined ? "" : fromRenderer(renderServer(live.source, live.plan, limits))}
${fromRenderer(
  renderSummary(a, plan, limits),
  renderCharts(a, plan, limits),
  renderEffort(a, plan, limits),
  renderComparison(a, plan, limits),
  renderOverrides(a, limits),
)}
${featureOverview(a.id, plan, limits)}
${renderFindingsSection({ ...input.findings, assessmentId: a.id, groups: planGroups(plan) })}
${fromRenderer(renderObjects(a, noCode, limits), renderUnits(a, limits))}
${parseErrors(a, limits)}
${fromRenderer(renderSkipped(a, limits))}
${live === undefined ? "" : fromRenderer(renderInventory(live.plan, limits), renderNotRead(live.source, live.plan, limits))}
</div>`;

  return { title: `Assessment ${a.id}`, main };
}

function header(input: ReportInput): SafeHtml {
  const a = input.assessment;
  const [product, version] = splitTarget(a.target);
  const sources = a.sources.slice(0, SOURCES_SHOWN).map((source) => html`<li><code>${source}</code></li>`);
  const more = a.sources.length - sources.length;

  return html`<dl class="meta">
<dt>Target</dt><dd>${product}${version === "" ? "" : html` ${version}`}</dd>
<dt>Started (UTC)</dt><dd>${timeText(a.startedAt)}</dd>
${input.finishedAt === undefined ? "" : html`<dt>Finished (UTC)</dt><dd>${timeText(input.finishedAt)}</dd>`}
<dt>Sources</dt><dd><ul class="plain">${sources}${more > 0 ? html`<li>and ${formatCount(more)} more</li>` : ""}</ul></dd>
<dt>infio version</dt><dd>${a.infioVersion}</dd>
</dl>`;
}

function pageNavigation(live: boolean): SafeHtml {
  const links: [string, string][] = [
    ...(live ? [["server", "Server"] as [string, string]] : []),
    ["summary", "Summary"],
    ["charts", "Charts"],
    ["effort", "Effort"],
    ["features", "Features"],
    ["findings", "Findings"],
    ["objects", "Objects"],
    ["files", "Files"],
    ["parse-errors", "Parse errors"],
    ["skipped", "Skipped inputs"],
    ...(live ? [["inventory", "Inventory"] as [string, string], ["not-read", "Not read"] as [string, string]] : []),
  ];
  const items = links.map(([id, label]) => html`<a href="#${id}">${label}</a>`);
  return html`<nav class="page-nav" aria-label="Sections">${items}</nav>`;
}

/**
 * Lists the features by status and group, each linked to its findings. The
 * status sections and feature rows carry the ids (`st-N`, `ft-N`) that the
 * summary, effort and comparison sections link to.
 */
function featureOverview(assessmentId: string, plan: FindingsPlan, limits: HtmlLimits): SafeHtml {
  const statuses = plan.statuses.map((status, index) => statusFeatures(assessmentId, status, index, limits));
  const empty = plan.statuses.length === 0 ? html`<p>No findings.</p>` : "";

  return html`<section id="features"><h2>Features</h2>
<p class="muted">Each feature found, by status and feature group, with its number of findings. Follow a feature to list its findings.</p>
${empty}${statuses}
</section>`;
}

function statusFeatures(assessmentId: string, status: StatusBlock, index: number, limits: HtmlLimits): SafeHtml {
  const rows = status.groups.flatMap((group) => {
    const features = group.features.map((block) => {
      const feature = block.feature;
      const href = findingsPageUrl(assessmentId, { status: status.status, group: group.group, q: feature.id });
      const title = feature.title === feature.id ? "" : html`<br><small>${feature.title}</small>`;
      const help =
        feature.helpUri === undefined
          ? ""
          : html` <a href="${feature.helpUri}" rel="noopener noreferrer">documentation</a>`;
      return html`<tr id="${block.anchor}"><td>${group.group}</td>
<td><a href="${href}"><code>${feature.id}</code></a>${title}${help}</td>
<td class="num">${formatCount(block.findings.length)}</td></tr>`;
    });

    const hidden = group.featureCount - group.features.length;
    const more =
      hidden > 0
        ? html`<tr><td>${group.group}</td><td colspan="2" class="more">and ${countOf(hidden, "more feature")}, beyond the ${formatCount(limits.features)} listed on this page; filter the findings by this group to see them.</td></tr>`
        : "";
    return [...features, more];
  });

  return html`<section id="st-${index}">
<h3><span class="badge ${statusClass(status.status)}">${statusLabel(status.status)}</span>
${countOf(status.findingCount, "finding")} of ${countOf(status.featureCount, "feature")}</h3>
<table class="wide"><thead><tr><th scope="col">Group</th><th scope="col">Feature</th><th scope="col" class="num">Findings</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}

function parseErrors(a: Assessment, limits: HtmlLimits): SafeHtml {
  if (a.parseErrors.length === 0) {
    return html`<section id="parse-errors"><h2>Parse errors</h2><p>No parse errors.</p></section>`;
  }

  const shown = a.parseErrors.slice(0, limits.tableRows);
  const rows = shown.map((error: ParseErrorRecord) => {
    const place = `${error.file}:${error.line}:${error.column}`;
    return html`<tr><td><a href="${sourceHref(a.id, error.file, error.line)}"><code>${place}</code></a></td>
<td>${error.code === undefined ? "" : html`<code>${error.code}</code>`}</td><td>${error.message}</td></tr>`;
  });
  const hidden = a.parseErrors.length - shown.length;

  return html`<section id="parse-errors"><h2>Parse errors</h2>
<p class="muted">Statements the parser could not read. infio kept each as an error node and went on with the next statement.</p>
<table class="wide"><thead><tr><th scope="col">Place</th><th scope="col">Code</th><th scope="col">Message</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${hidden > 0 ? html`<p class="more">Not shown: ${countOf(hidden, "more parse error")}; <code>infio report ${a.id}</code> writes them all to assessment.json.</p>` : ""}
</section>`;
}

/** Returns the page of an assessment that is still running or failed, which has no report. */
export function unfinishedAssessmentPage(listing: AssessmentListing): PageOptions {
  const state =
    listing.status === "running"
      ? html`<p class="notice">This assessment is still running. Its report appears here once it is complete.</p>`
      : html`<p class="notice error">This assessment failed, so it has no report.${
          listing.error === undefined ? "" : html` The reason: ${clipText(listing.error, 2_000)}`
        }</p>`;

  return {
    title: `Assessment ${listing.id}`,
    main: html`<div class="report">${state}
<dl class="meta"><dt>Target</dt><dd>${listing.target}</dd><dt>Started (UTC)</dt><dd>${timeText(listing.startedAt)}</dd></dl>
<p><a href="/assessments">All assessments</a></p></div>`,
  };
}
