import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { StoreError } from "../../src/store/errors.js";
import { openStore } from "../../src/store/open-store.js";
import { sampleAssessment, sampleFinding, sampleSummary } from "./sample-assessment.js";

describe("none store", () => {
  it("keeps nothing that was saved", async () => {
    const opened = await openStore("none", { dataDir: "/nonexistent" });
    assert.ok(opened.ok);
    const store = opened.store;

    await store.saveAssessment(sampleAssessment("a"));
    const writer = await store.beginAssessment(sampleAssessment("b"));
    await writer.addFindings([sampleFinding(1)]);
    await writer.commit(sampleSummary());

    assert.equal(store.kind, "none");
    assert.equal(await store.getAssessment("a"), undefined);
    assert.equal(await store.getAssessment("b"), undefined);
    assert.deepStrictEqual(await store.listAssessments(), []);
    assert.equal(await store.deleteAssessment("a"), "not-found");
    assert.deepStrictEqual(await store.getInventory("a", "table"), []);
    for await (const _chunk of store.iterateFindings("a")) {
      assert.fail("a none store yields no findings");
    }
    await store.close();
  });

  it("rejects writes after commit", async () => {
    const opened = await openStore("none", { dataDir: "/nonexistent" });
    assert.ok(opened.ok);
    const writer = await opened.store.beginAssessment(sampleAssessment("c"));
    await writer.commit(sampleSummary());

    await assert.rejects(writer.addFindings([]), StoreError);
    await assert.rejects(writer.abort(), StoreError);
  });
});
