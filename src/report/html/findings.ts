/**
 * The findings section: one collapsible part per status, the feature
 * groups inside it, and per feature its first occurrences, "and K more",
 * and the rest of its listed occurrences collapsed.
 */

import type { Finding } from "../../assessment/model.js";
import { statusLabel } from "../status.js";
import { countOf, formatCount } from "../text.js";
import type { CodePlan } from "./code-plan.js";
import { escapeClipped, escapeHtml } from "./escape.js";
import type {
  FeatureBlock,
  FindingsPlan,
  GroupBlock,
  StatusBlock,
} from "./findings-plan.js";
import type { HtmlLimits } from "./limits.js";
import { statusClass } from "./status-style.js";

// Statuses whose part starts collapsed: they need no action.
const COLLAPSED_STATUSES = new Set(["supported", "ignored"]);

const FULL_DATA_HINT = "findings.csv and assessment.json list them all";

/** Renders the findings section. */
export function renderFindings(
  plan: FindingsPlan,
  code: CodePlan,
  limits: HtmlLimits,
): string {
  const parts = [`<section id="findings"><h2>Findings</h2>`];
  if (plan.statuses.length === 0) {
    parts.push("<p>No findings.</p>");
  }

  plan.statuses.forEach((status, index) => {
    parts.push(renderStatus(status, index, code, limits));
  });

  parts.push("</section>");
  return parts.join("\n");
}

function renderStatus(
  status: StatusBlock,
  index: number,
  code: CodePlan,
  limits: HtmlLimits,
): string {
  const open = COLLAPSED_STATUSES.has(status.status) ? "" : " open";
  const label = escapeHtml(statusLabel(status.status));
  const parts = [
    `<details class="status" id="st-${index}"${open}><summary>` +
      `<span class="badge ${statusClass(status.status)}">${label}</span> ` +
      `${countOf(status.findingCount, "finding")} of ` +
      `${countOf(status.featureCount, "feature")}</summary>`,
  ];

  for (const group of status.groups) {
    parts.push(renderGroup(group, code, limits));
  }

  parts.push("</details>");
  return parts.join("\n");
}

function renderGroup(
  group: GroupBlock,
  code: CodePlan,
  limits: HtmlLimits,
): string {
  const parts = [
    `<h3 class="group">${escapeClipped(group.group, limits.textChars)} ` +
      `<small>${countOf(group.findingCount, "finding")} of ` +
      `${countOf(group.featureCount, "feature")}</small></h3>`,
  ];

  for (const block of group.features) {
    parts.push(renderFeature(block, code, limits));
  }

  const hidden = group.featureCount - group.features.length;
  if (hidden > 0) {
    parts.push(
      `<p class="more">Not shown: ${countOf(hidden, "more feature")} of ` +
        `this group, because the page lists at most ` +
        `${countOf(limits.features, "feature")}; ${FULL_DATA_HINT}.</p>`,
    );
  }

  return parts.join("\n");
}

function renderFeature(
  block: FeatureBlock,
  code: CodePlan,
  limits: HtmlLimits,
): string {
  const { feature } = block;
  const total = block.findings.length;
  const title =
    feature.title === feature.id
      ? ""
      : ` ${escapeClipped(feature.title, limits.textChars)}`;
  const help =
    feature.helpUri === undefined
      ? ""
      : ` <a class="help" href="${escapeHtml(feature.helpUri)}" ` +
        `rel="noopener noreferrer">documentation</a>`;

  const parts = [
    `<div class="feature" id="${block.anchor}">`,
    `<h4><code>${escapeClipped(feature.id, limits.textChars)}</code>${title} ` +
      `<small>${countOf(total, "finding")}</small>${help}</h4>`,
  ];

  const examples = Math.min(block.listed, limits.examplesPerFeature);
  parts.push(occurrenceTable(block.findings.slice(0, examples), code, limits));

  if (total > examples) {
    parts.push(
      `<p class="more">and ${formatCount(total - examples)} more.</p>`,
    );
  }

  if (block.listed > examples) {
    parts.push(
      `<details><summary>Show ` +
        `${countOf(block.listed - examples, "more occurrence")}</summary>`,
      occurrenceTable(
        block.findings.slice(examples, block.listed),
        code,
        limits,
      ),
    );
    if (total > block.listed) {
      parts.push(notListed(total - block.listed));
    }
    parts.push("</details>");
  } else if (total > examples) {
    parts.push(notListed(total - examples));
  }

  parts.push("</div>");
  return parts.join("\n");
}

function notListed(count: number): string {
  return (
    `<p class="more">Not listed here, to keep the page small: ` +
    `${countOf(count, "occurrence")}; ${FULL_DATA_HINT}.</p>`
  );
}

function occurrenceTable(
  findings: readonly Finding[],
  code: CodePlan,
  limits: HtmlLimits,
): string {
  if (findings.length === 0) {
    return "";
  }

  const rows = findings.map(
    (f) =>
      `<tr><td>${placeLink(f.file, f.line, f.column, code, limits)}</td>` +
      `<td>${objectName(f.object, limits)}</td>` +
      `<td>${escapeClipped(f.message, limits.textChars)}</td></tr>`,
  );

  return (
    `<table class="occurrences"><thead><tr><th>Place</th><th>Object</th>` +
    `<th>Message</th></tr></thead><tbody>\n${rows.join("\n")}\n` +
    `</tbody></table>`
  );
}

function objectName(name: string, limits: HtmlLimits): string {
  return name === ""
    ? `<span class="none">batch</span>`
    : escapeClipped(name, limits.textChars);
}

/**
 * Renders `file:line:column`, linked to the code view when the code view
 * shows that line.
 */
export function placeLink(
  file: string,
  line: number,
  column: number,
  code: CodePlan,
  limits: HtmlLimits,
): string {
  const text = escapeClipped(`${file}:${line}:${column}`, limits.textChars);
  const anchor = code.lineAnchor(file, line);
  return anchor === undefined
    ? `<code>${text}</code>`
    : `<a href="#${anchor}"><code>${text}</code></a>`;
}
