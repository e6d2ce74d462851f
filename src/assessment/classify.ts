/** Turns feature occurrences into findings for one target. */

import { classify, defaultCatalog, type Catalog, type Classification } from "../catalog/catalog.js";
import type { Target } from "../catalog/targets.js";
import type { FeatureOccurrence } from "../analysis/occurrence.js";
import type { Finding } from "./model.js";

/**
 * Classifies occurrences of one unit. Classifications are cached per
 * feature and detail, since a unit repeats the same few features often.
 */
export function classifyOccurrences(
  occurrences: readonly FeatureOccurrence[],
  file: string,
  target: Target,
  catalog: Catalog = defaultCatalog(),
): Finding[] {
  const cache = new Map<string, Classification>();
  return occurrences.map((o) => {
    const key = `${o.featureId}\u0000${o.detail ?? ""}`;
    let c = cache.get(key);
    if (c === undefined) {
      c = classify(o.featureId, o.detail, target, catalog);
      cache.set(key, c);
    }
    return {
      featureId: o.featureId,
      status: c.status,
      file,
      line: o.line,
      column: o.column,
      object: o.object,
      message: o.message,
      ...(o.detail === undefined ? {} : { detail: o.detail }),
      complexity: c.complexity,
    };
  });
}
