import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { Assessment } from "../../src/assessment/model.js";
import { COST_SECTION_KIND } from "../../src/store/cost-inventory.js";
import { costOf } from "../assessment/cost/round-book.js";
import { sampleAssessment } from "./sample-assessment.js";
import { temporaryEmbeddedStore } from "./temporary-store.js";

describe("cost section in the embedded store", () => {
  const store = temporaryEmbeddedStore("infio-cost-store-");

  it("reads back the section as saved", async () => {
    const cost = costOf({ edition: "standard", cores: 4, vCpus: 4, memoryGiB: 16, storageGiB: 50 }, { dayRate: 640 });
    const assessment: Assessment = { ...sampleAssessment("cost-1"), cost };
    await store().saveAssessment(assessment);

    const read = await store().getAssessment("cost-1");

    assert.deepEqual(read?.cost, cost);
    assert.equal(read?.cost?.priceBook.asOf, "2026-01-15");
    assert.deepEqual(read?.cost?.inputs.settings, { dayRate: 640 });
    assert.deepEqual(await store().getInventory("cost-1", COST_SECTION_KIND), [cost]);
  });

  it("leaves cost absent when none was saved", async () => {
    await store().saveAssessment(sampleAssessment("cost-2"));

    const read = await store().getAssessment("cost-2");

    assert.equal(read?.cost, undefined);
  });
});
