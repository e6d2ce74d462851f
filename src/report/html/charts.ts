/**
 * Bar charts drawn as inline SVG: findings by status, and findings by
 * feature group stacked by status. Colours are presentation attributes,
 * not style attributes, so the page's Content Security Policy allows them.
 */

import type { Assessment } from "../../assessment/model.js";
import { STATUS_DISPLAY_ORDER, statusLabel, statusRank } from "../status.js";
import { compareCodeUnits, formatCount } from "../text.js";
import { escapeHtml } from "./escape.js";
import type { FindingsPlan } from "./findings-plan.js";
import type { HtmlLimits } from "./limits.js";
import { statusColor } from "./status-style.js";

interface Segment {
  readonly status: string;
  readonly count: number;
}

interface Bar {
  readonly label: string;
  readonly segments: readonly Segment[];
}

const WIDTH = 720;
const LABEL_WIDTH = 230;
const BAR_AREA = 400;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 16;
const LABEL_CHARS = 34;

/** Renders the charts section. */
export function renderCharts(
  a: Assessment,
  plan: FindingsPlan,
  limits: HtmlLimits,
): string {
  const statusBars: Bar[] = STATUS_DISPLAY_ORDER.map((status) => ({
    label: statusLabel(status),
    segments: [{ status, count: a.summary.findingsByStatus[status] ?? 0 }],
  }));

  return [
    `<section id="charts"><h2>Charts</h2>`,
    `<h3>Findings by status</h3>`,
    barChart("Findings by status", statusBars),
    `<h3>Findings by feature group</h3>`,
    barChart("Findings by feature group", groupBars(plan, limits.chartGroups)),
    legend(),
    `</section>`,
  ].join("\n");
}

/** Returns the largest groups, stacked by status, and one bar for the rest. */
function groupBars(plan: FindingsPlan, maxBars: number): Bar[] {
  const byGroup = new Map<string, Map<string, number>>();
  for (const status of plan.statuses) {
    for (const group of status.groups) {
      const counts = byGroup.get(group.group) ?? new Map<string, number>();
      counts.set(status.status, group.findingCount);
      byGroup.set(group.group, counts);
    }
  }

  const bars = [...byGroup].map(([group, counts]) => ({
    label: group,
    segments: [...counts]
      .map(([status, count]) => ({ status, count }))
      .sort((x, y) => statusRank(x.status) - statusRank(y.status)),
  }));
  bars.sort(
    (x, y) =>
      total(y.segments) - total(x.segments) ||
      compareCodeUnits(x.label, y.label),
  );

  if (bars.length <= maxBars) {
    return bars;
  }

  const rest = bars.slice(maxBars - 1);
  const restCounts = new Map<string, number>();
  for (const bar of rest) {
    for (const s of bar.segments) {
      restCounts.set(s.status, (restCounts.get(s.status) ?? 0) + s.count);
    }
  }

  const other: Bar = {
    label: `${formatCount(rest.length)} other groups`,
    segments: [...restCounts]
      .map(([status, count]) => ({ status, count }))
      .sort((x, y) => statusRank(x.status) - statusRank(y.status)),
  };
  return [...bars.slice(0, maxBars - 1), other];
}

function barChart(title: string, bars: readonly Bar[]): string {
  if (bars.length === 0) {
    return "<p>No findings.</p>";
  }

  const height = bars.length * ROW_HEIGHT + 8;
  const max = Math.max(1, ...bars.map((bar) => total(bar.segments)));
  const rows = bars.map((bar, index) => barRow(bar, index, max));

  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" ` +
    `viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" ` +
    `role="img"><title>${escapeHtml(title)}</title>\n` +
    `${rows.join("\n")}\n</svg>`
  );
}

function barRow(bar: Bar, index: number, max: number): string {
  const y = index * ROW_HEIGHT + 4;
  const textY = y + BAR_HEIGHT - 3;
  const count = total(bar.segments);
  const label =
    bar.label.length > LABEL_CHARS
      ? `${bar.label.slice(0, LABEL_CHARS - 1)}…`
      : bar.label;

  const parts = [
    `<g><title>${escapeHtml(bar.label)}: ${formatCount(count)}</title>`,
    `<text x="${LABEL_WIDTH - 8}" y="${textY}" text-anchor="end">` +
      `${escapeHtml(label)}</text>`,
  ];

  let x = LABEL_WIDTH;
  for (const segment of bar.segments) {
    const width = (segment.count / max) * BAR_AREA;
    if (width <= 0) {
      continue;
    }

    parts.push(
      `<rect x="${fixed(x)}" y="${y}" width="${fixed(width)}" ` +
        `height="${BAR_HEIGHT}" fill="${statusColor(segment.status)}"/>`,
    );
    x += width;
  }

  parts.push(
    `<text x="${fixed(x + 6)}" y="${textY}">${formatCount(count)}</text></g>`,
  );
  return parts.join("");
}

function legend(): string {
  const items = STATUS_DISPLAY_ORDER.map(
    (status) =>
      `<li><svg width="12" height="12" aria-hidden="true">` +
      `<rect width="12" height="12" fill="${statusColor(status)}"/></svg> ` +
      `${escapeHtml(statusLabel(status))}</li>`,
  );

  return `<ul class="legend">${items.join("")}</ul>`;
}

function total(segments: readonly Segment[]): number {
  return segments.reduce((sum, s) => sum + s.count, 0);
}

function fixed(value: number): string {
  return String(Math.round(value * 10) / 10);
}
