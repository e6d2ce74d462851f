/**
 * Runs detectors over T-SQL text for tests and renders each occurrence as
 * `featureId[detail] line:column`, the form the test tables compare.
 */

import { analyzeBatches } from "../../src/analysis/analyze.js";
import { AnalysisContext } from "../../src/analysis/context.js";
import type { Detector } from "../../src/analysis/detector.js";
import type { FeatureOccurrence } from "../../src/analysis/occurrence.js";
import { Walker } from "../../src/analysis/walk.js";
import { parse } from "../../src/tsql/parse.js";

export function render(occurrence: FeatureOccurrence): string {
  const detail = occurrence.detail === undefined ? "" : `[${occurrence.detail}]`;
  return `${occurrence.featureId}${detail} ${occurrence.line}:${occurrence.column}`;
}

/** Occurrences that one detector alone finds in `sql`, without nested analysis. */
export function detect(detector: Detector, sql: string): FeatureOccurrence[] {
  const context = new AnalysisContext(sql);
  new Walker([detector]).walk(parse(sql).batches, context);
  return context.occurrences;
}

export function findings(detector: Detector, sql: string): string[] {
  return detect(detector, sql).map(render);
}

/** Occurrences of every detector, with dynamic SQL analysed, whose id starts with a prefix. */
export function allFindings(sql: string, prefixes: readonly string[]): string[] {
  const parsed = parse(sql);
  return analyzeBatches(parsed.batches, sql)
    .occurrences.filter((o) => prefixes.some((prefix) => o.featureId.startsWith(prefix)))
    .map(render);
}
