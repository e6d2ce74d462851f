import type { Assessment, Finding } from "../assessment/model.js";
import { StoreError } from "./errors.js";
import type {
  AssessmentHeader,
  AssessmentListing,
  AssessmentWriter,
  DeleteResult,
  Store,
  UnitTexts,
} from "./store.js";

/**
 * The store behind `--store none`: it keeps nothing, so every read finds
 * nothing and callers render reports from the Assessment they hold in memory.
 */
export class NullStore implements Store {
  readonly kind = "none";
  readonly location = "none";

  async beginAssessment(header: AssessmentHeader): Promise<AssessmentWriter> {
    return new NullWriter(header.id);
  }

  async saveAssessment(_assessment: Assessment): Promise<void> {}

  async getAssessment(_id: string): Promise<Assessment | undefined> {
    return undefined;
  }

  async *iterateFindings(_id: string): AsyncIterable<readonly Finding[]> {}

  async getUnitTexts(_id: string, _files: readonly string[]): Promise<UnitTexts> {
    return { status: "not-found" };
  }

  async getInventory(_id: string, _kind: string): Promise<unknown[]> {
    return [];
  }

  async listAssessments(): Promise<AssessmentListing[]> {
    return [];
  }

  async deleteAssessment(_id: string): Promise<DeleteResult> {
    return "not-found";
  }

  async close(): Promise<void> {}
}

/** Accepts and drops rows, but still rejects use after commit or abort. */
class NullWriter implements AssessmentWriter {
  readonly id: string;
  #closed = false;

  constructor(id: string) {
    this.id = id;
  }

  addUnits = async (): Promise<void> => this.#checkOpen();
  addUnitText = async (): Promise<void> => this.#checkOpen();
  addObjects = async (): Promise<void> => this.#checkOpen();
  addFindings = async (): Promise<void> => this.#checkOpen();
  addFindingChunk = async (): Promise<void> => this.#checkOpen();
  addParseErrors = async (): Promise<void> => this.#checkOpen();
  addSkipped = async (): Promise<void> => this.#checkOpen();
  addInventory = async (): Promise<void> => this.#checkOpen();

  async commit(): Promise<void> {
    this.#checkOpen();
    this.#closed = true;
  }

  async abort(): Promise<void> {
    this.#checkOpen();
    this.#closed = true;
  }

  async fail(): Promise<void> {
    this.#checkOpen();
    this.#closed = true;
  }

  #checkOpen(): void {
    if (this.#closed) {
      throw new StoreError(
        "writer-closed",
        `cannot write assessment '${this.id}': its writer is already closed`,
      );
    }
  }
}
