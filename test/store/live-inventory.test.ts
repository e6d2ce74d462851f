import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { Assessment, LiveSource } from "../../src/assessment/model.js";
import { StoreError } from "../../src/store/errors.js";
import { checkPartName } from "../../src/store/live-inventory.js";
import { HOSTILE_NAMES, sampleAssessment } from "./sample-assessment.js";
import { temporaryEmbeddedStore } from "./temporary-store.js";

const LIVE: LiveSource = {
  server: {
    address: "sql01\\PROD",
    name: "SQL01\\PROD",
    version: "16.0.4135.4",
    edition: "Enterprise Edition (64-bit)",
    collectedAt: "2025-03-04T05:06:07.089Z",
    tlsVerificationDisabled: true,
  },
  inventory: {
    // Insertion order is collection order; "tables" before "databases" checks it is kept.
    tables: HOSTILE_NAMES.map((name, i) => ({ database: "Sales", name, rows: i, sparse: i % 2 === 0 })),
    databases: [{ name: "Sales", compatibilityLevel: 160, files: [{ name: "Sales", sizeMb: 12.5 }] }],
    empty: [],
  },
  problems: [
    { part: "agent", reason: "permission-denied", message: "SELECT was denied on 'sysjobs'" },
    { part: "database", database: "Archive", reason: "database-unavailable", message: "cannot open 'Archive'" },
  ],
};

describe("live part in the embedded store", () => {
  const store = temporaryEmbeddedStore("infio-live-store-");

  it("reads back server, inventory in part order and problems", async () => {
    const assessment: Assessment = { ...sampleAssessment("live-1"), sources: ["sql01\\PROD"], live: LIVE };
    await store().saveAssessment(assessment);

    const read = await store().getAssessment("live-1");
    assert.deepEqual(read?.live, LIVE);
    assert.deepEqual(Object.keys(read?.live?.inventory ?? {}), ["tables", "databases", "empty"]);
    assert.deepEqual(await store().getInventory("live-1", "databases"), LIVE.inventory.databases);
  });

  it("leaves live out for an assessment of scripts", async () => {
    await store().saveAssessment(sampleAssessment("scripts-1"));
    const read = await store().getAssessment("scripts-1");
    assert.ok(read);
    assert.equal("live" in read, false);
  });

  it("rejects part names that would take a live kind", () => {
    assert.throws(() => checkPartName("live.server"), StoreError);
    assert.throws(() => checkPartName(""), StoreError);
    assert.doesNotThrow(() => checkPartName("tables"));
  });
});
