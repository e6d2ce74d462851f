/**
 * Renders `server-features.csv`: one row per server and feature, with a
 * header row, UTF-8 with a byte order mark and CRLF row ends, like
 * `findings.csv`. Every text cell goes through csvTextCell, so server,
 * database and linked server names cannot inject a spreadsheet formula.
 */

import { csvTextCell } from "../csv-cell.js";
import type { ServerFeature, ServerFeatureSet } from "./model.js";

/** The columns of `server-features.csv`, in order; docs/server-features.md describes each. */
export const SERVER_FEATURE_COLUMNS = [
  "assessmentId",
  "server",
  "address",
  "featureId",
  "feature",
  "category",
  "state",
  "counts",
  "databases",
  "evidence",
  "reason",
  "gaps",
  "migration",
] as const;

const BYTE_ORDER_MARK = "\uFEFF";
const ROW_END = "\r\n";

/** Separates the entries of a list cell, such as the databases. */
const LIST_SEPARATOR = "; ";

/** Renders the features of every server as CSV text, BOM included. */
export function renderServerFeaturesCsv(sets: readonly ServerFeatureSet[]): string {
  const lines = [BYTE_ORDER_MARK + SERVER_FEATURE_COLUMNS.map(csvTextCell).join(",")];
  for (const set of sets) {
    for (const feature of set.features) {
      lines.push(featureRow(set, feature));
    }
  }
  return lines.join(ROW_END) + ROW_END;
}

function featureRow(set: ServerFeatureSet, feature: ServerFeature): string {
  const counts = Object.entries(feature.counts).map(([name, value]) => `${name}=${value}`);
  const cells = [
    set.assessmentId,
    set.server,
    set.address,
    feature.id,
    feature.name,
    feature.category,
    feature.state,
    counts.join(LIST_SEPARATOR),
    feature.databases.join(LIST_SEPARATOR),
    feature.evidence.join(LIST_SEPARATOR),
    feature.reason ?? "",
    feature.gaps.join(LIST_SEPARATOR),
    feature.migration,
  ];

  return cells.map(csvTextCell).join(",");
}
