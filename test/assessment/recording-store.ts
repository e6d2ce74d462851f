/** A store that records what a run writes, to check order and atomicity. */

import type { AssessmentSummary } from "../../src/assessment/model.js";
import { decodeFindingChunk } from "../../src/store/finding-chunks.js";
import {
  NullStore,
  type AssessmentDetails,
  type AssessmentHeader,
  type AssessmentWriter,
} from "../../src/store/index.js";

export class RecordingStore extends NullStore {
  readonly calls: string[] = [];
  readonly rows = { units: [] as unknown[], findings: [] as unknown[], skipped: [] as unknown[] };
  summary: AssessmentSummary | undefined;
  details: AssessmentDetails | undefined;
  /** Delay each add call, to let workers finish out of order. */
  delayMs = 0;

  override async beginAssessment(header: AssessmentHeader): Promise<AssessmentWriter> {
    this.calls.push(`begin ${header.id}`);
    const add = (table: string, list?: unknown[]) => async (rows: readonly unknown[]) => {
      if (this.delayMs > 0) {
        await new Promise((r) => setTimeout(r, this.delayMs));
      }
      if (rows.length > 0) {
        this.calls.push(`${table} ${rows.length}`);
      }
      list?.push(...rows);
    };
    return {
      id: header.id,
      addUnits: add("units", this.rows.units),
      addUnitText: async () => undefined,
      addObjects: add("objects"),
      addFindings: add("findings", this.rows.findings),
      addFindingChunk: (chunk) => add("findings", this.rows.findings)(decodeFindingChunk(chunk)),
      addParseErrors: add("parseErrors"),
      addSkipped: add("skipped", this.rows.skipped),
      addInventory: async () => undefined,
      commit: async (summary, details) => {
        this.summary = summary;
        this.details = details;
        this.calls.push("commit");
      },
      abort: async () => {
        this.calls.push("abort");
      },
      fail: async (reason) => {
        this.calls.push(`fail ${reason}`);
      },
    };
  }
}
