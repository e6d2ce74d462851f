/**
 * Renders the HTML report: one self-contained file that makes no network
 * request and runs no script. Collapsible parts are `<details>` elements,
 * navigation uses anchors and CSS `:target`, and the charts are inline SVG.
 * A Content Security Policy allows only the page's own stylesheet, so even
 * markup that escaped escaping could neither run nor load anything.
 */

import { createHash } from "node:crypto";

import type { Assessment } from "../../assessment/model.js";
import type { FeatureLookup } from "../features.js";
import { statusLabel } from "../status.js";
import { renderCharts } from "./charts.js";
import type { CodeTarget } from "./code-plan.js";
import { planCodeView } from "./code-plan.js";
import { renderCodeView } from "./code-view.js";
import { renderComparison } from "./comparison.js";
import { renderDependencies } from "./dependencies.js";
import { renderEffort } from "./effort.js";
import { escapeClipped } from "./escape.js";
import { renderFindings } from "./findings.js";
import { renderInventory } from "./inventory.js";
import type { InventoryPartInfo } from "./inventory-plan.js";
import { planInventory, registeredParts } from "./inventory-plan.js";
import type { FeatureBlock, FindingsPlan } from "./findings-plan.js";
import { planFindings } from "./findings-plan.js";
import type { HtmlLimits } from "./limits.js";
import { DEFAULT_HTML_LIMITS } from "./limits.js";
import { renderOverrides } from "./overrides.js";
import { renderNotRead, renderServer } from "./server.js";
import { STYLESHEET } from "./styles.js";
import { renderHeader, renderSummary } from "./summary.js";
import { renderWorkload, withWorkloadTexts } from "./workload.js";
import { renderCost } from "./cost.js";
import { renderAppCode } from "./app-code.js";
import { renderReadiness } from "./readiness.js";
import {
  renderObjects,
  renderParseErrors,
  renderSkipped,
  renderUnits,
} from "./tables.js";

export interface HtmlOptions {
  /** Source text by file, as findings name the file; enables the code view. */
  readonly sources?: ReadonlyMap<string, string>;
  /** Catalog lookup for feature titles, groups and help links. */
  readonly features?: FeatureLookup;
  /** Overrides of the caps in DEFAULT_HTML_LIMITS. */
  readonly limits?: Partial<HtmlLimits>;
  /** Inventory parts in report order; the registry of this infio version by default. */
  readonly inventoryParts?: readonly InventoryPartInfo[];
}

const STYLE_HASH = createHash("sha256").update(STYLESHEET).digest("base64");

const CONTENT_SECURITY_POLICY =
  `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; ` +
  `base-uri 'none'; form-action 'none'`;

/** Renders an assessment as one self-contained HTML page. */
export function renderHtml(a: Assessment, options: HtmlOptions = {}): string {
  const limits: HtmlLimits = { ...DEFAULT_HTML_LIMITS, ...options.limits };
  const findingsPlan = planFindings(a, limits, options.features);
  const codePlan = planCodeView(
    codeTargets(a, findingsPlan, limits),
    withWorkloadTexts(a, options.sources),
    limits,
  );

  // Only an assessment of a live server has the server and inventory.
  const live =
    a.live === undefined
      ? undefined
      : {
          source: a.live,
          plan: planInventory(
            a.live,
            options.inventoryParts ?? registeredParts(),
            limits,
          ),
        };

  const body = [
    renderHeader(a, limits),
    navigation(
      live !== undefined,
      a.workload !== undefined,
      a.cost !== undefined,
      a.applicationCode !== undefined,
      a.dependencies !== undefined,
    ),
    `<main>`,
    ...(live ? [renderServer(live.source, live.plan, limits)] : []),
    renderSummary(a, findingsPlan, limits),
    renderCharts(a, findingsPlan, limits),
    ...(a.workload === undefined ? [] : [renderWorkload(a, a.workload, codePlan, limits)]),
    ...(a.applicationCode === undefined ? [] : [renderAppCode(a, a.applicationCode, codePlan, limits)]),
    renderEffort(a, findingsPlan, limits),
    ...(a.cost === undefined ? [] : [renderCost(a.cost, limits)]),
    renderReadiness(a, limits),
    renderComparison(a, findingsPlan, limits),
    renderOverrides(a, limits),
    renderFindings(findingsPlan, codePlan, limits),
    renderObjects(a, codePlan, limits),
    ...(a.dependencies === undefined ? [] : [renderDependencies(a.dependencies, limits)]),
    renderUnits(a, limits),
    renderParseErrors(a, codePlan, limits),
    renderSkipped(a, limits),
    ...(live ? [renderInventory(live.plan, limits)] : []),
    ...(live ? [renderNotRead(live.source, live.plan, limits)] : []),
    renderCodeView(codePlan, limits),
    `<footer><p><small>Written by infio ` +
      `${escapeClipped(a.infioVersion, limits.textChars)}.</small></p></footer>`,
    `</main>`,
  ];

  return [
    `<!DOCTYPE html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    `<meta name="referrer" content="no-referrer">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>infio assessment ${escapeClipped(a.id, limits.textChars)} for ` +
      `${escapeClipped(a.target, limits.textChars)}</title>`,
    `<style>${STYLESHEET}</style>`,
    `</head>`,
    `<body>`,
    ...body,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}

function navigation(
  live: boolean,
  workload: boolean,
  cost: boolean,
  appCode: boolean,
  dependencies: boolean,
): string {
  const serverLinks = live ? [["server", "Server"]] : [];
  const inventoryLinks = live
    ? [
        ["inventory", "Inventory"],
        ["not-read", "Not read"],
      ]
    : [];
  const links = [
    ...serverLinks,
    ["summary", "Summary"],
    ["charts", "Charts"],
    ...(workload ? [["workload", "Workload"]] : []),
    ...(appCode ? [["app-code", "Application code"]] : []),
    ["effort", "Effort"],
    ...(cost ? [["cost", "Cost"]] : []),
    ["readiness", "Readiness"],
    ["comparison", "Version comparison"],
    ["overrides", "Overrides"],
    ["findings", "Findings"],
    ["objects", "Objects"],
    ...(dependencies ? [["dependencies", "Dependencies"]] : []),
    ["files", "Files"],
    ["parse-errors", "Parse errors"],
    ["skipped", "Skipped inputs"],
    ...inventoryLinks,
    ["code", "Code"],
  ].map(([id, name]) => `<a href="#${id}">${name}</a>`);

  return `<nav>${links.join("")}</nav>`;
}

/**
 * Lists the places the page links to, in the order the code view budget
 * serves them: the examples of every feature, then the parse errors, then
 * the rest of the listed occurrences.
 */
function* codeTargets(
  a: Assessment,
  plan: FindingsPlan,
  limits: HtmlLimits,
): Generator<CodeTarget> {
  const blocks = plan.statuses.flatMap((s) =>
    s.groups.flatMap((g) => g.features),
  );

  for (const block of blocks) {
    const examples = Math.min(block.listed, limits.examplesPerFeature);
    yield* findingTargets(block, 0, examples);
  }

  for (const e of a.parseErrors.slice(0, limits.tableRows)) {
    yield {
      file: e.file,
      line: e.line,
      column: e.column,
      status: "parseError",
      badge: "Parse error",
      label: e.code ?? "parse error",
      message: e.message,
    };
  }

  for (const block of blocks) {
    const examples = Math.min(block.listed, limits.examplesPerFeature);
    yield* findingTargets(block, examples, block.listed);
  }
}

function* findingTargets(
  block: FeatureBlock,
  start: number,
  end: number,
): Generator<CodeTarget> {
  for (const f of block.findings.slice(start, end)) {
    yield {
      file: f.file,
      line: f.line,
      column: f.column,
      status: f.status,
      badge: statusLabel(f.status),
      label: f.featureId,
      message: f.message,
      featureAnchor: block.anchor,
    };
  }
}
