/**
 * Readiness in the embedded store: saved with an assessment and read back
 * as it was, hostile names included, and absent for an assessment saved
 * without it.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { Readiness } from "../../src/assessment/readiness/model.js";
import { DEFAULT_READINESS_THRESHOLDS } from "../../src/assessment/readiness/thresholds.js";
import { HOSTILE_NAMES, sampleAssessment } from "./sample-assessment.js";
import { temporaryEmbeddedStore } from "./temporary-store.js";

const READINESS: Readiness = {
  target: "postgresql@17",
  thresholds: { ...DEFAULT_READINESS_THRESHOLDS, biggestTables: 3 },
  source: "inventory",
  items: HOSTILE_NAMES.map((name, i) => ({
    id: `readiness.table.no-key:Sales.dbo.${name}`,
    rule: "readiness.table.no-key",
    severity: i % 2 === 0 ? "blocker" : "warning",
    database: "Sales",
    object: `dbo.${name}`,
    objectType: "table",
    evidence: `no primary key (${i} rows)`,
    action: `Add a primary key to [dbo].[${name}].`,
  })),
  biggestTables: [
    { database: "Sales", table: "dbo.Reading", rows: 9, reservedKb: 64, partitions: null, lobColumns: 0, strategy: "full-load", lobMode: false },
  ],
  strategyCounts: { "full-load": 1, "parallel-full-load-partitions": 0, "parallel-full-load-ranges": 0 },
  missingParts: ["tde"],
};

describe("readiness in the embedded store", () => {
  const store = temporaryEmbeddedStore("infio-readiness-store-");

  it("reads back the readiness as saved", async () => {
    await store().saveAssessment({ ...sampleAssessment("readiness-1"), readiness: READINESS });

    const read = await store().getAssessment("readiness-1");

    assert.deepEqual(read?.readiness, READINESS);
  });

  it("has no readiness when saved without", async () => {
    await store().saveAssessment(sampleAssessment("readiness-2"));

    const read = await store().getAssessment("readiness-2");

    assert.equal(read?.readiness, undefined);
  });
});
