/**
 * The effort model. Fixing a feature costs a learning cost once (finding
 * the remedy, designing and testing it) plus a smaller cost for every
 * occurrence (applying it again), both by complexity and both as a
 * low-high range of hours. So the same fix repeated 300 times adds 300
 * small costs to one learning cost instead of 300 independent problems.
 */

import type { Catalog } from "../catalog/catalog.js";
import { defaultCatalog } from "../catalog/catalog.js";
import type { EffortHours } from "../catalog/model.js";
import type { Complexity, EffortRange, Finding, FindingStatus } from "./model.js";

export type RateTable = Readonly<Record<Complexity, EffortHours>>;

/**
 * Hours to apply a known fix once more. Estimates to start from, about a
 * quarter of the learning cost; users change them in the `--config` file.
 */
export const DEFAULT_OCCURRENCE_RATES: RateTable = Object.freeze({
  low: Object.freeze({ low: 0.05, high: 0.25 }),
  medium: Object.freeze({ low: 0.25, high: 1 }),
  high: Object.freeze({ low: 1, high: 4 }),
});

export interface EffortOptions {
  /** Learning cost by complexity; the catalog's rates by default. */
  readonly catalog?: Catalog;
  readonly occurrenceRates?: RateTable;
}

export interface FeatureEffort {
  readonly featureId: string;
  readonly detail?: string;
  readonly complexity: Complexity;
  readonly occurrences: number;
  readonly learning: EffortRange;
  readonly perOccurrence: EffortRange;
  /** Learning cost plus occurrences times the per-occurrence cost. */
  readonly total: EffortRange;
}

export interface ObjectEffort {
  readonly file: string;
  /** `schema.name`, or empty for code outside any object. */
  readonly object: string;
  readonly occurrences: number;
  /** Per-occurrence costs only; learning costs belong to the features. */
  readonly total: EffortRange;
}

export interface EffortReport {
  readonly total: EffortRange;
  readonly byFeature: readonly FeatureEffort[];
  readonly byObject: readonly ObjectEffort[];
}

/** Statuses that need no work. */
const NO_WORK: ReadonlySet<FindingStatus> = new Set(["supported", "ignored"]);

/**
 * Estimates the effort for `findings`, which may be streamed: memory grows
 * with the number of distinct features and objects, not with findings.
 */
export class EffortEstimator {
  private readonly catalog: Catalog;
  private readonly occurrenceRates: RateTable;
  private readonly features = new Map<string, { featureId: string; detail?: string; complexity: Complexity; occurrences: number }>();
  private readonly objects = new Map<string, { file: string; object: string; occurrences: number; low: number; high: number }>();

  constructor(options: EffortOptions = {}) {
    this.catalog = options.catalog ?? defaultCatalog();
    this.occurrenceRates = options.occurrenceRates ?? DEFAULT_OCCURRENCE_RATES;
  }

  add(finding: Finding): void {
    if (NO_WORK.has(finding.status)) {
      return;
    }

    const complexity = finding.complexity ?? "medium";
    const featureKey = `${finding.featureId}\u0000${finding.detail ?? ""}`;
    const feature = this.features.get(featureKey);
    if (feature === undefined) {
      this.features.set(featureKey, {
        featureId: finding.featureId,
        ...(finding.detail === undefined ? {} : { detail: finding.detail }),
        complexity,
        occurrences: 1,
      });
    } else {
      feature.occurrences++;
    }

    const rate = this.occurrenceRates[complexity];
    const objectKey = `${finding.file}\u0000${finding.object}`;
    const object = this.objects.get(objectKey);
    if (object === undefined) {
      this.objects.set(objectKey, { file: finding.file, object: finding.object, occurrences: 1, low: rate.low, high: rate.high });
    } else {
      object.occurrences++;
      object.low += rate.low;
      object.high += rate.high;
    }
  }

  addAll(findings: Iterable<Finding>): this {
    for (const finding of findings) {
      this.add(finding);
    }
    return this;
  }

  report(): EffortReport {
    let low = 0;
    let high = 0;
    const byFeature: FeatureEffort[] = [];
    for (const f of this.features.values()) {
      const learning = this.learningRate(f.featureId, f.complexity);
      const perOccurrence = this.occurrenceRates[f.complexity];
      const total = {
        low: round(learning.low + f.occurrences * perOccurrence.low),
        high: round(learning.high + f.occurrences * perOccurrence.high),
      };
      low += total.low;
      high += total.high;
      byFeature.push({ ...f, learning: { ...learning }, perOccurrence: { ...perOccurrence }, total });
    }
    byFeature.sort((a, b) => b.total.high - a.total.high || a.featureId.localeCompare(b.featureId));

    const byObject: ObjectEffort[] = [...this.objects.values()]
      .map((o) => ({ file: o.file, object: o.object, occurrences: o.occurrences, total: { low: round(o.low), high: round(o.high) } }))
      .sort((a, b) => b.total.high - a.total.high || a.file.localeCompare(b.file) || a.object.localeCompare(b.object));

    return { total: { low: round(low), high: round(high) }, byFeature, byObject };
  }

  /** A feature's own effort from the catalog wins over the complexity rate. */
  private learningRate(featureId: string, complexity: Complexity): EffortHours {
    return this.catalog.entries.get(featureId)?.effortHours ?? this.catalog.rates[complexity];
  }
}

function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}
