/**
 * The "Overrides applied" section: each change that the `--config` file
 * made to the catalog or to the effort rates, with the value it replaced.
 */

import type {
  Assessment,
  EffortRange,
  FeatureOverrideRecord,
  RateOverrideRecord,
} from "../../assessment/model.js";
import { statusLabel } from "../status.js";
import { hoursText, table } from "./effort.js";
import { escapeClipped, escapeHtml } from "./escape.js";
import type { HtmlLimits } from "./limits.js";

/** Renders the overrides section; one sentence when there are none. */
export function renderOverrides(a: Assessment, limits: HtmlLimits): string {
  const o = a.overrides;
  const parts = [`<section id="overrides"><h2>Overrides applied</h2>`];
  if (o === undefined || (o.features.length === 0 && o.rates.length === 0)) {
    parts.push(`<p>None: the built-in catalog and rates were used.</p></section>`);
    return parts.join("\n");
  }

  const clip = (text: string) => escapeClipped(text, limits.textChars);
  const featureRows = o.features.slice(0, limits.tableRows).map(
    (r) =>
      `<tr><td><code>${clip(r.featureId)}</code>` +
      `${r.detail === undefined ? "" : ` <code>${clip(r.detail)}</code>`}</td>` +
      `<td>${escapeHtml(fieldName(r))}</td>` +
      `<td>${value(r, "from")}</td><td>${value(r, "to")}</td></tr>`,
  );
  const rateRows = o.rates.map(
    (r) =>
      `<tr><td>${RATE_NAMES[r.rates]}</td>` +
      `<td>${escapeHtml(r.complexity)}</td>` +
      `<td class="num">${hoursText(r.from)}</td><td class="num">${hoursText(r.to)}</td></tr>`,
  );

  parts.push(
    `<p>The <code>--config</code> file changed the catalog. "From" is the ` +
      `value on ${clip(a.target)} without the override.</p>`,
    `<h3>Features</h3>`,
    table(
      "<th>Feature</th><th>Changed</th><th>From</th><th>To</th>",
      featureRows,
      o.features.length,
      ["feature override", "feature overrides"],
    ),
    `<h3>Effort rates</h3>`,
    table(
      "<th>Rate</th><th>Complexity</th><th>From</th><th>To</th>",
      rateRows,
      o.rates.length,
      ["rate override", "rate overrides"],
    ),
    `</section>`,
  );
  return parts.join("\n");
}

const RATE_NAMES: Readonly<Record<RateOverrideRecord["rates"], string>> = {
  learning: "Learning, once per feature",
  perDetail: "Each further detail",
  perOccurrence: "Per occurrence",
};

function fieldName(r: FeatureOverrideRecord): string {
  switch (r.field) {
    case "status":
      return r.product === undefined ? "status" : `status on ${r.product} only`;
    case "complexity":
      return "complexity";
    case "effortHours":
      return "learning effort";
  }
}

function value(r: FeatureOverrideRecord, side: "from" | "to"): string {
  switch (r.field) {
    case "status":
      return escapeHtml(statusLabel(r[side]));
    case "complexity":
      return escapeHtml(r[side]);
    case "effortHours":
      return hoursText(r[side] as EffortRange);
  }
}
