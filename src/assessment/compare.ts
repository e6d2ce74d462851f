/**
 * Version comparison: how the features found fare on two targets, for
 * example Babelfish 4.4 today against 5.5 after an upgrade. Lists what the
 * second target unblocks and what still blocks.
 */

import { classify, defaultCatalog, type Catalog } from "../catalog/catalog.js";
import { formatTarget, type Target } from "../catalog/targets.js";
import type { Finding, FindingStatus } from "./model.js";

export interface FeatureComparison {
  readonly featureId: string;
  readonly detail?: string;
  readonly title: string;
  readonly occurrences: number;
  readonly baseline: FindingStatus;
  readonly candidate: FindingStatus;
}

export interface TargetComparison {
  readonly baseline: string;
  readonly candidate: string;
  /** Not supported or needing review on the baseline, supported or ignored on the candidate. */
  readonly unblocked: readonly FeatureComparison[];
  /** Not supported on the candidate. */
  readonly stillBlocking: readonly FeatureComparison[];
  /** Supported on the baseline but not on the candidate. */
  readonly regressed: readonly FeatureComparison[];
  /** Other status changes, such as notSupported to reviewSemantics. */
  readonly changed: readonly FeatureComparison[];
}

const FINE: ReadonlySet<FindingStatus> = new Set(["supported", "ignored"]);

export function compareTargets(
  findings: Iterable<Finding>,
  baseline: Target,
  candidate: Target,
  catalog: Catalog = defaultCatalog(),
): TargetComparison {
  const counts = new Map<string, { featureId: string; detail?: string; occurrences: number }>();
  for (const f of findings) {
    const key = `${f.featureId}\u0000${f.detail ?? ""}`;
    const entry = counts.get(key);
    if (entry === undefined) {
      counts.set(key, { featureId: f.featureId, ...(f.detail === undefined ? {} : { detail: f.detail }), occurrences: 1 });
    } else {
      entry.occurrences++;
    }
  }

  const unblocked: FeatureComparison[] = [];
  const stillBlocking: FeatureComparison[] = [];
  const regressed: FeatureComparison[] = [];
  const changed: FeatureComparison[] = [];
  for (const c of counts.values()) {
    const before = classify(c.featureId, c.detail, baseline, catalog);
    const after = classify(c.featureId, c.detail, candidate, catalog);
    const row: FeatureComparison = { ...c, title: before.title, baseline: before.status, candidate: after.status };
    if (after.status === "notSupported") {
      stillBlocking.push(row);
    } else if (!FINE.has(before.status) && FINE.has(after.status)) {
      unblocked.push(row);
    } else if (FINE.has(before.status) && !FINE.has(after.status)) {
      regressed.push(row);
    } else if (before.status !== after.status) {
      changed.push(row);
    }
  }

  const order = (a: FeatureComparison, b: FeatureComparison) =>
    b.occurrences - a.occurrences || a.featureId.localeCompare(b.featureId);
  return {
    baseline: formatTarget(baseline),
    candidate: formatTarget(candidate),
    unblocked: unblocked.sort(order),
    stillBlocking: stillBlocking.sort(order),
    regressed: regressed.sort(order),
    changed: changed.sort(order),
  };
}
