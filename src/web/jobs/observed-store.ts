/**
 * A store that reports what a run writes through it: the findings added
 * so far, and the moment the commit starts. The run's own progress
 * callback counts files and lines but not findings. Everything else
 * passes through to the store unchanged.
 */

import type { Assessment, AssessmentSummary, Finding } from "../../assessment/model.js";
import type { FindingChunk } from "../../store/finding-chunks.js";
import type {
  AssessmentDetails,
  AssessmentHeader,
  AssessmentListing,
  AssessmentWriter,
  DeleteResult,
  Store,
  UnitTexts,
} from "../../store/index.js";

export interface StoreObserver {
  /** Called with the number of findings each time some are added. */
  onFindings(count: number): void;
  /** Called when the writer starts committing. */
  onCommit(): void;
}

export class ObservedStore implements Store {
  readonly #store: Store;
  readonly #observer: StoreObserver;

  constructor(store: Store, observer: StoreObserver) {
    this.#store = store;
    this.#observer = observer;
  }

  get kind(): Store["kind"] {
    return this.#store.kind;
  }

  get location(): string {
    return this.#store.location;
  }

  async beginAssessment(header: AssessmentHeader): Promise<AssessmentWriter> {
    const writer = await this.#store.beginAssessment(header);
    return observedWriter(writer, this.#observer);
  }

  saveAssessment(assessment: Assessment): Promise<void> {
    return this.#store.saveAssessment(assessment);
  }

  getAssessment(id: string): Promise<Assessment | undefined> {
    return this.#store.getAssessment(id);
  }

  iterateFindings(id: string, chunkRows?: number): AsyncIterable<readonly Finding[]> {
    return this.#store.iterateFindings(id, chunkRows);
  }

  getUnitTexts(id: string, files: readonly string[]): Promise<UnitTexts> {
    return this.#store.getUnitTexts(id, files);
  }

  getInventory(id: string, kind: string): Promise<unknown[]> {
    return this.#store.getInventory(id, kind);
  }

  listAssessments(): Promise<AssessmentListing[]> {
    return this.#store.listAssessments();
  }

  deleteAssessment(id: string): Promise<DeleteResult> {
    return this.#store.deleteAssessment(id);
  }

  /** Leaves the store open: it belongs to the caller. */
  async close(): Promise<void> {}
}

function observedWriter(writer: AssessmentWriter, observer: StoreObserver): AssessmentWriter {
  return {
    id: writer.id,
    addUnits: (units) => writer.addUnits(units),
    addUnitText: (file, packed) => writer.addUnitText(file, packed),
    addObjects: (objects) => writer.addObjects(objects),
    addFindings: (findings: readonly Finding[]) => {
      observer.onFindings(findings.length);
      return writer.addFindings(findings);
    },
    addFindingChunk: (chunk: FindingChunk) => {
      observer.onFindings(chunk.count);
      return writer.addFindingChunk(chunk);
    },
    addParseErrors: (errors) => writer.addParseErrors(errors),
    addSkipped: (skipped) => writer.addSkipped(skipped),
    addInventory: (kind, items) => writer.addInventory(kind, items),
    commit: (summary: AssessmentSummary, details?: AssessmentDetails) => {
      observer.onCommit();
      return writer.commit(summary, details);
    },
    abort: () => writer.abort(),
    fail: (reason) => writer.fail(reason),
  };
}
