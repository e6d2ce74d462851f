/** Builds the assessment summary as units stream past. */

import type { Catalog } from "../catalog/catalog.js";
import { EffortEstimator, type RateTable } from "./effort.js";
import {
  FINDING_STATUSES,
  type AssessedObject,
  type AssessedUnit,
  type AssessmentSummary,
  type EffortBreakdown,
  type Finding,
  type FindingStatus,
} from "./model.js";

export class SummaryBuilder {
  files = 0;
  lines = 0;
  bytes = 0;
  batches = 0;
  batchesWithErrors = 0;
  statements = 0;
  readonly #byStatus = emptyStatusCounts();
  readonly #byType = new Map<string, number>();
  readonly #effort: EffortEstimator;

  /** `catalog` is the one the findings were classified with. */
  constructor(catalog: Catalog, occurrenceRates?: RateTable) {
    this.#effort = new EffortEstimator({
      catalog,
      ...(occurrenceRates === undefined ? {} : { occurrenceRates }),
    });
  }

  addUnit(unit: AssessedUnit): void {
    this.files++;
    this.lines += unit.lines;
    this.bytes += unit.bytes;
    this.batches += unit.batches;
    this.batchesWithErrors += unit.batchesWithErrors;
    this.statements += unit.statements;
  }

  addFindings(findings: readonly Finding[]): void {
    for (const f of findings) {
      this.#byStatus[f.status]++;
      this.#effort.add(f);
    }
  }

  addObjects(objects: readonly AssessedObject[]): void {
    for (const o of objects) {
      this.#byType.set(o.type, (this.#byType.get(o.type) ?? 0) + 1);
    }
    this.#effort.addObjects(objects);
  }

  /** Returns the effort estimate of everything added so far. */
  effort(): EffortBreakdown {
    return this.#effort.report();
  }

  /** Pass the result of {@link effort} when it is at hand, to reuse it. */
  build(elapsedMs: number, effort: EffortBreakdown = this.effort()): AssessmentSummary {
    const types = [...this.#byType.keys()].sort();
    return {
      files: this.files,
      lines: this.lines,
      bytes: this.bytes,
      batches: this.batches,
      batchesWithErrors: this.batchesWithErrors,
      statements: this.statements,
      findingsByStatus: { ...this.#byStatus },
      objectsByType: Object.fromEntries(types.map((t) => [t, this.#byType.get(t)!])),
      effort: effort.total,
      elapsedMs,
    };
  }
}

export function emptyStatusCounts(): Record<FindingStatus, number> {
  const counts = {} as Record<FindingStatus, number>;
  for (const status of FINDING_STATUSES) {
    counts[status] = 0;
  }
  return counts;
}
