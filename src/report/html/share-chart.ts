/**
 * Stacked bar charts of the compatibility categories' shares, as inline
 * SVG with presentation attributes (the page's Content Security Policy
 * forbids style attributes). Every bar is 100 percent of its objects, so
 * bars of different sizes compare by share.
 */

import type { CategoryCounts } from "../application/model.js";
import { countOf, formatCount } from "../text.js";
import { escapeHtml } from "./escape.js";
import { CATEGORY_COLORS } from "./print-page.js";

/** One bar: a label and the object counts by category. */
export interface ShareBar {
  readonly label: string;
  readonly counts: CategoryCounts;
}

const WIDTH = 720;
const LABEL_WIDTH = 230;
const BAR_AREA = 380;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 16;
const LABEL_CHARS = 34;

const SEGMENTS = [
  ["supported", "Supported"],
  ["conditionallySupported", "Conditionally supported"],
  ["notSupportedKnown", "Not supported"],
  ["unknown", "Not supported: unknown feature"],
] as const;

type SegmentName = (typeof SEGMENTS)[number][0];

/** Renders the bars, or a sentence when there are none. */
export function shareChart(title: string, bars: readonly ShareBar[]): string {
  if (bars.length === 0) {
    return "<p>No objects.</p>";
  }

  const height = bars.length * ROW_HEIGHT + 8;
  const rows = bars.map((bar, index) => barRow(bar, index));

  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" ` +
    `viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" ` +
    `role="img"><title>${escapeHtml(title)}</title>\n` +
    `${rows.join("\n")}\n</svg>`
  );
}

/** Renders the legend of the chart's colours. */
export function shareLegend(): string {
  const items = SEGMENTS.map(
    ([name, label]) =>
      `<li><svg width="12" height="12" aria-hidden="true">` +
      `<rect width="12" height="12" fill="${colorOf(name)}"/></svg> ${label}</li>`,
  );

  return `<ul class="legend">${items.join("")}</ul>`;
}

function barRow(bar: ShareBar, index: number): string {
  const y = index * ROW_HEIGHT + 4;
  const textY = y + BAR_HEIGHT - 3;
  const c = bar.counts;
  const label =
    bar.label.length > LABEL_CHARS
      ? `${bar.label.slice(0, LABEL_CHARS - 1)}…`
      : bar.label;

  const parts = [
    `<g><title>${escapeHtml(bar.label)}: ${formatCount(c.objects)} objects</title>`,
    `<text x="${LABEL_WIDTH - 8}" y="${textY}" text-anchor="end">` +
      `${escapeHtml(label)}</text>`,
  ];

  const values: Record<SegmentName, number> = {
    supported: c.supported,
    conditionallySupported: c.conditionallySupported,
    notSupportedKnown: c.notSupported - c.unknown,
    unknown: c.unknown,
  };

  let x = LABEL_WIDTH;
  for (const [name] of SEGMENTS) {
    const width = c.objects === 0 ? 0 : (values[name] / c.objects) * BAR_AREA;
    if (width <= 0) {
      continue;
    }

    parts.push(
      `<rect x="${fixed(x)}" y="${y}" width="${fixed(width)}" ` +
        `height="${BAR_HEIGHT}" fill="${colorOf(name)}"/>`,
    );
    x += width;
  }

  const note = c.objects === 0 ? "no objects" : countOf(c.objects, "object");
  parts.push(`<text x="${LABEL_WIDTH + BAR_AREA + 8}" y="${textY}">${note}</text></g>`);
  return parts.join("");
}

function colorOf(name: SegmentName): string {
  return name === "notSupportedKnown"
    ? CATEGORY_COLORS.notSupported
    : CATEGORY_COLORS[name];
}

function fixed(value: number): string {
  return String(Math.round(value * 10) / 10);
}
