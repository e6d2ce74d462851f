/** Turns feature occurrences into findings for one target. */

import { classify, defaultCatalog, type Catalog, type Classification } from "../catalog/catalog.js";
import type { Target } from "../catalog/targets.js";
import type { FeatureOccurrence } from "../analysis/occurrence.js";
import type { Finding } from "./model.js";

/** Classifications of one catalog and target, by feature id, then detail. */
interface ClassificationCache {
  readonly withoutDetail: Map<string, Classification>;
  readonly byDetail: Map<string, Map<string, Classification>>;
  size: number;
}

/**
 * Distinct feature and detail pairs kept per catalog and target. A worker
 * meets a few hundred, but details come from the assessed code, so the
 * cache starts over past this many instead of growing without bound.
 */
const MAX_CACHED = 10_000;

const caches = new WeakMap<Catalog, Map<string, ClassificationCache>>();

/**
 * Classifies occurrences of one unit. Classifications are cached per
 * catalog, target, feature and detail across units, since every unit
 * repeats the same few hundred features.
 */
export function classifyOccurrences(
  occurrences: readonly FeatureOccurrence[],
  file: string,
  target: Target,
  catalog: Catalog = defaultCatalog(),
): Finding[] {
  const cache = cacheOf(catalog, target);
  const findings = new Array<Finding>(occurrences.length);

  for (let i = 0; i < occurrences.length; i++) {
    const o = occurrences[i]!;
    const c = classified(cache, o.featureId, o.detail, target, catalog);
    // Two literals instead of a spread keep one object shape per branch;
    // the key order is the same in both.
    findings[i] =
      o.detail === undefined
        ? {
            featureId: o.featureId,
            status: c.status,
            file,
            line: o.line,
            column: o.column,
            object: o.object,
            message: o.message,
            complexity: c.complexity,
          }
        : {
            featureId: o.featureId,
            status: c.status,
            file,
            line: o.line,
            column: o.column,
            object: o.object,
            message: o.message,
            detail: o.detail,
            complexity: c.complexity,
          };
  }
  return findings;
}

function cacheOf(catalog: Catalog, target: Target): ClassificationCache {
  let byTarget = caches.get(catalog);
  if (byTarget === undefined) {
    byTarget = new Map();
    caches.set(catalog, byTarget);
  }

  const key = `${target.product}@${target.version}`;
  let cache = byTarget.get(key);
  if (cache === undefined || cache.size >= MAX_CACHED) {
    cache = { withoutDetail: new Map(), byDetail: new Map(), size: 0 };
    byTarget.set(key, cache);
  }
  return cache;
}

function classified(
  cache: ClassificationCache,
  featureId: string,
  detail: string | undefined,
  target: Target,
  catalog: Catalog,
): Classification {
  if (detail === undefined) {
    let c = cache.withoutDetail.get(featureId);
    if (c === undefined) {
      c = classify(featureId, undefined, target, catalog);
      cache.withoutDetail.set(featureId, c);
      cache.size++;
    }
    return c;
  }

  let byDetail = cache.byDetail.get(featureId);
  if (byDetail === undefined) {
    byDetail = new Map();
    cache.byDetail.set(featureId, byDetail);
  }
  let c = byDetail.get(detail);
  if (c === undefined) {
    c = classify(featureId, detail, target, catalog);
    byDetail.set(detail, c);
    cache.size++;
  }
  return c;
}
