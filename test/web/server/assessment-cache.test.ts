/**
 * The console's cache of loaded assessments, over a store that counts its
 * reads and can make them wait. The tests cover eviction by the findings
 * budget, one load for concurrent requests, invalidation while a load
 * runs, and the listing's refresh for new, finished and deleted ones.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { Assessment } from "../../../src/assessment/model.js";
import type { AssessmentListing, Store } from "../../../src/store/store.js";
import { AssessmentCache } from "../../../src/web/server/assessment-cache.js";
import { manyFindingsAssessment } from "../routes/assessment-fixtures.js";

/** A store of assessments in memory whose reads wait for `release` while `gate` is set. */
class CountingStore {
  readonly assessments = new Map<string, Assessment>();
  readonly statuses = new Map<string, AssessmentListing["status"]>();
  assessmentReads = 0;
  listingReads = 0;
  gate: Promise<void> | undefined;
  release: () => void = () => undefined;

  add(id: string, findings: number, status: AssessmentListing["status"] = "complete"): void {
    this.assessments.set(id, manyFindingsAssessment(id, findings));
    this.statuses.set(id, status);
  }

  remove(id: string): void {
    this.assessments.delete(id);
    this.statuses.delete(id);
  }

  hold(): void {
    this.gate = new Promise((resolve) => (this.release = resolve));
  }

  async getAssessment(id: string): Promise<Assessment | undefined> {
    this.assessmentReads++;
    await this.gate;
    return this.assessments.get(id);
  }

  async listAssessments(): Promise<AssessmentListing[]> {
    this.listingReads++;
    await this.gate;
    return [...this.statuses].map(([id, status]) => ({
      id,
      status,
      startedAt: "2025-03-04T05:06:07.089Z",
      infioVersion: "0.1.0",
      target: "babelfish",
      sources: [],
    }));
  }

  asStore(): Store {
    return this as unknown as Store;
  }
}

function cacheOver(store: CountingStore, options: { budget?: number; clock?: () => number } = {}) {
  return new AssessmentCache({
    store: store.asStore(),
    findingsBudget: options.budget ?? 100,
    listingMaxAgeMs: 1_000,
    clock: options.clock ?? (() => 0),
  });
}

describe("assessment cache", () => {
  it("evicts least recently used past the budget", async () => {
    const store = new CountingStore();
    store.add("a", 40);
    store.add("b", 40);
    store.add("c", 40);
    const cache = cacheOver(store);

    await cache.getAssessment("a");
    await cache.getAssessment("b");
    await cache.getAssessment("a");
    await cache.getAssessment("c");

    assert.deepEqual(cache.loadedIds(), ["a", "c"]);
    assert.equal(cache.heldFindings, 80);
    assert.equal(store.assessmentReads, 3);
  });

  it("keeps one assessment larger than the budget", async () => {
    const store = new CountingStore();
    store.add("small", 10);
    store.add("large", 150);
    const cache = cacheOver(store);

    await cache.getAssessment("small");
    const large = await cache.getAssessment("large");
    await cache.getAssessment("large");

    assert.equal(large?.assessment.findings.length, 150);
    assert.deepEqual(cache.loadedIds(), ["large"]);
    assert.equal(cache.heldFindings, 150);
    assert.equal(store.assessmentReads, 2);
  });

  it("rejects a budget below one", () => {
    assert.throws(() => cacheOver(new CountingStore(), { budget: 0 }), /invalid findingsBudget 0/);
  });

  it("shares one load between concurrent requests", async () => {
    const store = new CountingStore();
    store.add("a", 5);
    const cache = cacheOver(store);

    store.hold();
    const requests = Array.from({ length: 5 }, () => cache.getAssessment("a"));
    store.release();
    const entries = await Promise.all(requests);

    assert.equal(store.assessmentReads, 1);
    for (const entry of entries) {
      assert.equal(entry, entries[0]);
    }
    assert.equal(entries[0]?.assessment.id, "a");
  });

  it("keeps no load begun before an invalidation", async () => {
    const store = new CountingStore();
    store.add("a", 5);
    const cache = cacheOver(store);

    store.hold();
    const before = cache.getAssessment("a");
    cache.invalidate("a");
    store.remove("a");
    store.release();
    await before;
    store.gate = undefined;

    assert.deepEqual(cache.loadedIds(), []);
    assert.equal(await cache.getAssessment("a"), undefined);
    assert.equal(store.assessmentReads, 2);
  });

  it("shares derived values within one load", async () => {
    const store = new CountingStore();
    store.add("a", 5);
    const cache = cacheOver(store);
    let builds = 0;

    const first = (await cache.getAssessment("a"))!.derived("count", (a) => (builds++, a.findings.length));
    const second = (await cache.getAssessment("a"))!.derived("count", (a) => (builds++, a.findings.length));

    assert.equal(first, 5);
    assert.equal(second, 5);
    assert.equal(builds, 1);
  });

  it("serves complete listings until their maximum age", async () => {
    const store = new CountingStore();
    store.add("a", 5);
    let now = 0;
    const cache = cacheOver(store, { clock: () => now });

    await cache.findListing("a");
    await cache.findListing("a");
    assert.equal(store.listingReads, 1);

    now = 1_001;
    await cache.findListing("a");
    assert.equal(store.listingReads, 2);
  });

  it("reads the listing again for new and unfinished ids", async () => {
    const store = new CountingStore();
    store.add("a", 5);
    store.add("running", 0, "running");
    const cache = cacheOver(store);
    await cache.findListing("a");

    store.add("new", 5);
    const added = await cache.findListing("new");
    store.statuses.set("running", "complete");
    const finished = await cache.findListing("running");

    assert.equal(added?.id, "new");
    assert.equal(finished?.status, "complete");
    assert.equal(await cache.findListing("unknown"), undefined);
    assert.equal(store.listingReads, 4);
  });

  it("drops assessments a new listing no longer lists", async () => {
    const store = new CountingStore();
    store.add("a", 5);
    store.add("b", 5);
    let now = 0;
    const cache = cacheOver(store, { clock: () => now });
    await cache.getAssessment("a");
    await cache.getAssessment("b");

    // Deleted by another process, which invalidates nothing here.
    store.remove("a");
    now = 1_001;
    const listing = await cache.findListing("a");

    assert.equal(listing, undefined);
    assert.deepEqual(cache.loadedIds(), ["b"]);
    assert.equal(cache.heldFindings, 5);
  });
});
