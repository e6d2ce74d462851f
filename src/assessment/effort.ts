/**
 * The effort model. Fixing a feature costs a learning cost once: finding
 * the remedy, designing and testing it. Each further detail of the same
 * feature (another option of ALTER DATABASE, another HASHBYTES algorithm)
 * adds a smaller learning cost, and every occurrence adds the cost of
 * applying the known fix again. Each cost depends on complexity and is a
 * low-high range of hours. So the same fix repeated 300 times adds 300
 * small costs to one learning cost, and 35 options of one statement share
 * one learning cost.
 */

import type { Catalog } from "../catalog/catalog.js";
import { defaultCatalog, findVariant } from "../catalog/catalog.js";
import type {
  AssessedObject,
  Complexity,
  EffortBreakdown,
  EffortRange,
  EffortRates,
  FeatureEffort,
  FileEffort,
  Finding,
  FindingStatus,
  ObjectEffort,
  ObjectTypeEffort,
} from "./model.js";
import { PairMap } from "./pair-map.js";

export type RateTable = EffortRates;
export type { FeatureEffort, ObjectEffort } from "./model.js";
/** The estimate as {@link EffortEstimator.report} returns it. */
export type EffortReport = EffortBreakdown;

/**
 * Hours to apply a known fix once more. Estimates to start from, about a
 * quarter of the learning cost; users change them with `occurrenceRates`
 * in the `--config` file.
 */
export const DEFAULT_OCCURRENCE_RATES: RateTable = Object.freeze({
  low: Object.freeze({ low: 0.05, high: 0.25 }),
  medium: Object.freeze({ low: 0.25, high: 1 }),
  high: Object.freeze({ low: 1, high: 4 }),
});

/** `objectType` of findings whose object is not among the defined objects. */
export const UNLISTED_OBJECT_TYPE = "unknown";

export interface EffortOptions {
  /** Learning cost by complexity and per feature; the built-in catalog by default. */
  readonly catalog?: Catalog;
  readonly occurrenceRates?: RateTable;
}

interface FeatureTally {
  featureId: string;
  detail?: string;
  complexity: Complexity;
  occurrences: number;
}

interface PlaceTally {
  file: string;
  object: string;
  occurrences: number;
  low: number;
  high: number;
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
  /** Keyed by feature id and detail, "" for none. */
  private readonly features = new PairMap<FeatureTally>();
  /** Keyed by file and object. */
  private readonly places = new PairMap<PlaceTally>();
  /** Object types keyed by file and object name. */
  private readonly objectTypes = new PairMap<string>();

  constructor(options: EffortOptions = {}) {
    this.catalog = options.catalog ?? defaultCatalog();
    this.occurrenceRates = options.occurrenceRates ?? DEFAULT_OCCURRENCE_RATES;
  }

  add(finding: Finding): void {
    if (NO_WORK.has(finding.status)) {
      return;
    }

    const complexity = finding.complexity ?? "medium";
    const detail = finding.detail ?? "";
    const feature = this.features.get(finding.featureId, detail);
    if (feature === undefined) {
      this.features.set(finding.featureId, detail, {
        featureId: finding.featureId,
        ...(finding.detail === undefined ? {} : { detail: finding.detail }),
        complexity,
        occurrences: 1,
      });
    } else {
      feature.occurrences++;
    }

    const rate = this.occurrenceRates[complexity];
    const place = this.places.get(finding.file, finding.object);
    if (place === undefined) {
      this.places.set(finding.file, finding.object, {
        file: finding.file,
        object: finding.object,
        occurrences: 1,
        low: rate.low,
        high: rate.high,
      });
    } else {
      place.occurrences++;
      place.low += rate.low;
      place.high += rate.high;
    }
  }

  addAll(findings: Iterable<Finding>): this {
    for (const finding of findings) {
      this.add(finding);
    }
    return this;
  }

  /** Records the types of defined objects, for the roll-up by object type. */
  addObjects(objects: readonly AssessedObject[]): this {
    for (const o of objects) {
      this.objectTypes.set(o.file, o.name, o.type);
    }
    return this;
  }

  report(): EffortBreakdown {
    const learningSum = { low: 0, high: 0 };
    const repeatSum = { low: 0, high: 0 };
    const byFeature: FeatureEffort[] = [];

    for (const details of this.detailsByFeature()) {
      details.forEach((f, index) => {
        // The first detail carries the feature's learning cost; the others
        // share most of it and add the smaller detail rate.
        const basis = index === 0 ? "feature" : "detail";
        const learning =
          basis === "feature"
            ? this.learningRate(f.featureId, f.complexity)
            : this.catalog.detailRates[f.complexity];
        const perOccurrence = this.occurrenceRates[f.complexity];
        learningSum.low += learning.low;
        learningSum.high += learning.high;
        repeatSum.low += f.occurrences * perOccurrence.low;
        repeatSum.high += f.occurrences * perOccurrence.high;

        byFeature.push({
          ...f,
          title: this.title(f.featureId, f.detail),
          learningBasis: basis,
          learning: { low: learning.low, high: learning.high },
          perOccurrence: { low: perOccurrence.low, high: perOccurrence.high },
          total: {
            low: round(learning.low + f.occurrences * perOccurrence.low),
            high: round(learning.high + f.occurrences * perOccurrence.high),
          },
        });
      });
    }
    byFeature.sort(
      (a, b) =>
        b.total.high - a.total.high ||
        compareCodeUnits(a.featureId, b.featureId) ||
        compareCodeUnits(a.detail ?? "", b.detail ?? ""),
    );

    const byObject = this.objectRows();
    return {
      total: {
        low: round(learningSum.low + repeatSum.low),
        high: round(learningSum.high + repeatSum.high),
      },
      learning: roundRange(learningSum),
      repeat: roundRange(repeatSum),
      rates: {
        learning: copyRates(this.catalog.rates),
        perDetail: copyRates(this.catalog.detailRates),
        perOccurrence: copyRates(this.occurrenceRates),
      },
      byFeature,
      byObject,
      byFile: this.fileRows(),
      byObjectType: this.objectTypeRows(),
    };
  }

  /**
   * Groups the tallies by feature id. In each group the detail with the
   * highest learning cost comes first, then the one with most occurrences,
   * then code-unit order of the detail. So the detail that carries the
   * feature's learning cost does not depend on the order of the findings.
   */
  private detailsByFeature(): FeatureTally[][] {
    const groups = new Map<string, FeatureTally[]>();
    for (const f of this.features.values()) {
      const group = groups.get(f.featureId);
      if (group === undefined) {
        groups.set(f.featureId, [f]);
      } else {
        group.push(f);
      }
    }

    const learningOf = (f: FeatureTally) => this.learningRate(f.featureId, f.complexity);
    for (const group of groups.values()) {
      group.sort(
        (a, b) =>
          learningOf(b).high - learningOf(a).high ||
          learningOf(b).low - learningOf(a).low ||
          b.occurrences - a.occurrences ||
          compareCodeUnits(a.detail ?? "", b.detail ?? ""),
      );
    }
    return [...groups.values()];
  }

  private objectRows(): ObjectEffort[] {
    return [...this.places.values()]
      .map((p) => ({
        file: p.file,
        object: p.object,
        objectType: this.objectType(p),
        occurrences: p.occurrences,
        total: { low: round(p.low), high: round(p.high) },
      }))
      .sort(
        (a, b) =>
          b.total.high - a.total.high ||
          compareCodeUnits(a.file, b.file) ||
          compareCodeUnits(a.object, b.object),
      );
  }

  private fileRows(): FileEffort[] {
    const files = new Map<string, { occurrences: number; low: number; high: number }>();
    for (const p of this.places.values()) {
      const row = files.get(p.file) ?? { occurrences: 0, low: 0, high: 0 };
      row.occurrences += p.occurrences;
      row.low += p.low;
      row.high += p.high;
      files.set(p.file, row);
    }

    return [...files]
      .map(([file, row]) => ({
        file,
        occurrences: row.occurrences,
        total: { low: round(row.low), high: round(row.high) },
      }))
      .sort((a, b) => b.total.high - a.total.high || compareCodeUnits(a.file, b.file));
  }

  /**
   * Rolls places up by object type. For code outside any object (type
   * empty), `objects` counts the files with such code.
   */
  private objectTypeRows(): ObjectTypeEffort[] {
    const types = new Map<
      string,
      { objects: number; occurrences: number; low: number; high: number }
    >();
    for (const p of this.places.values()) {
      const type = this.objectType(p);
      const row = types.get(type) ?? { objects: 0, occurrences: 0, low: 0, high: 0 };
      row.objects++;
      row.occurrences += p.occurrences;
      row.low += p.low;
      row.high += p.high;
      types.set(type, row);
    }

    return [...types]
      .map(([objectType, row]) => ({
        objectType,
        objects: row.objects,
        occurrences: row.occurrences,
        total: { low: round(row.low), high: round(row.high) },
      }))
      .sort(
        (a, b) =>
          b.total.high - a.total.high || compareCodeUnits(a.objectType, b.objectType),
      );
  }

  private objectType(place: PlaceTally): string {
    if (place.object === "") {
      return "";
    }
    return this.objectTypes.get(place.file, place.object) ?? UNLISTED_OBJECT_TYPE;
  }

  /** Returns the feature's own effort from the catalog, else the complexity rate. */
  private learningRate(featureId: string, complexity: Complexity): EffortRange {
    return this.catalog.entries.get(featureId)?.effortHours ?? this.catalog.rates[complexity];
  }

  private title(featureId: string, detail: string | undefined): string {
    const entry = this.catalog.entries.get(featureId);
    if (entry === undefined) {
      return featureId;
    }
    const variant = detail === undefined ? undefined : findVariant(entry, detail);
    return variant?.title ?? entry.title;
  }
}

function copyRates(rates: RateTable): RateTable {
  return {
    low: { low: rates.low.low, high: rates.low.high },
    medium: { low: rates.medium.low, high: rates.medium.high },
    high: { low: rates.high.low, high: rates.high.high },
  };
}

function roundRange(range: EffortRange): EffortRange {
  return { low: round(range.low), high: round(range.high) };
}

/** Rounds hours to hundredths, which is finer than any estimate here. */
function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** Orders by UTF-16 code units, the same in every locale. */
function compareCodeUnits(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}
