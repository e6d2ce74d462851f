/**
 * Version comparison: how the features found fare on two targets, for
 * example Babelfish 4.4 today against 5.5 after an upgrade. Lists what the
 * second target unblocks and what still blocks.
 */

import { classify, defaultCatalog, type Catalog } from "../catalog/catalog.js";
import { formatTarget, type Target } from "../catalog/targets.js";
import type {
  FeatureComparison,
  Finding,
  FindingStatus,
  TargetComparison,
} from "./model.js";

export type { FeatureComparison, TargetComparison } from "./model.js";

const FINE: ReadonlySet<FindingStatus> = new Set(["supported", "ignored"]);

/**
 * Compares two targets over findings that may be streamed: memory grows
 * with the number of distinct features and details, not with findings.
 * Both targets are classified with `catalog`, so pass the catalog the
 * findings were classified with.
 */
export class TargetComparer {
  readonly #baseline: Target;
  readonly #candidate: Target;
  readonly #catalog: Catalog;
  readonly #counts = new Map<
    string,
    { featureId: string; detail?: string; occurrences: number }
  >();

  constructor(
    baseline: Target,
    candidate: Target,
    catalog: Catalog = defaultCatalog(),
  ) {
    this.#baseline = baseline;
    this.#candidate = candidate;
    this.#catalog = catalog;
  }

  add(finding: Finding): void {
    const key = `${finding.featureId}\u0000${finding.detail ?? ""}`;
    const entry = this.#counts.get(key);
    if (entry !== undefined) {
      entry.occurrences++;
      return;
    }

    this.#counts.set(key, {
      featureId: finding.featureId,
      ...(finding.detail === undefined ? {} : { detail: finding.detail }),
      occurrences: 1,
    });
  }

  addAll(findings: Iterable<Finding>): this {
    for (const finding of findings) {
      this.add(finding);
    }
    return this;
  }

  result(): TargetComparison {
    const unblocked: FeatureComparison[] = [];
    const stillBlocking: FeatureComparison[] = [];
    const regressed: FeatureComparison[] = [];
    const changed: FeatureComparison[] = [];

    for (const c of this.#counts.values()) {
      const before = classify(c.featureId, c.detail, this.#baseline, this.#catalog);
      const after = classify(c.featureId, c.detail, this.#candidate, this.#catalog);
      const row: FeatureComparison = {
        ...c,
        title: before.title,
        baseline: before.status,
        candidate: after.status,
      };

      // A feature that was fine before and blocks now regressed; "still"
      // blocking is kept for features that needed work on the baseline.
      const fineBefore = FINE.has(before.status);
      const fineAfter = FINE.has(after.status);
      if (fineBefore && !fineAfter) {
        regressed.push(row);
      } else if (!fineBefore && fineAfter) {
        unblocked.push(row);
      } else if (!fineBefore && after.status === "notSupported") {
        stillBlocking.push(row);
      } else if (before.status !== after.status) {
        changed.push(row);
      }
    }

    return {
      baseline: formatTarget(this.#baseline),
      candidate: formatTarget(this.#candidate),
      unblocked: unblocked.sort(byOccurrences),
      stillBlocking: stillBlocking.sort(byOccurrences),
      regressed: regressed.sort(byOccurrences),
      changed: changed.sort(byOccurrences),
    };
  }
}

/** Compares two targets over `findings`; see {@link TargetComparer}. */
export function compareTargets(
  findings: Iterable<Finding>,
  baseline: Target,
  candidate: Target,
  catalog: Catalog = defaultCatalog(),
): TargetComparison {
  return new TargetComparer(baseline, candidate, catalog).addAll(findings).result();
}

function byOccurrences(a: FeatureComparison, b: FeatureComparison): number {
  return (
    b.occurrences - a.occurrences ||
    compareCodeUnits(a.featureId, b.featureId) ||
    compareCodeUnits(a.detail ?? "", b.detail ?? "")
  );
}

/** Orders by UTF-16 code units, the same in every locale. */
function compareCodeUnits(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}
