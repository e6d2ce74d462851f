import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import type { Assessment } from "../../src/assessment/model.js";
import { COST_SECTION_KIND } from "../../src/store/cost-inventory.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { costOf } from "../assessment/cost/round-book.js";
import { sampleAssessment } from "./sample-assessment.js";

describe("cost section in the embedded store", () => {
  let root: string;
  let store: Store;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), "infio-cost-store-"));
    const opened = await openStore("embedded", { dataDir: join(root, "data") });
    if (!opened.ok) {
      throw opened.error;
    }
    store = opened.store;
  });

  after(async () => {
    await store?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("reads back the section as saved", async () => {
    const cost = costOf({ edition: "standard", cores: 4, vCpus: 4, memoryGiB: 16, storageGiB: 50 }, { dayRate: 640 });
    const assessment: Assessment = { ...sampleAssessment("cost-1"), cost };
    await store.saveAssessment(assessment);

    const read = await store.getAssessment("cost-1");

    assert.deepEqual(read?.cost, cost);
    assert.equal(read?.cost?.priceBook.asOf, "2026-01-15");
    assert.deepEqual(read?.cost?.inputs.settings, { dayRate: 640 });
    assert.deepEqual(await store.getInventory("cost-1", COST_SECTION_KIND), [cost]);
  });

  it("leaves cost absent when none was saved", async () => {
    await store.saveAssessment(sampleAssessment("cost-2"));

    const read = await store.getAssessment("cost-2");

    assert.equal(read?.cost, undefined);
  });
});
