/**
 * The cost section through runAssessment: the Kestrel fixture server
 * collected in memory, assessed with a cost request, and the section kept
 * in the store as the `cost.section` inventory kind.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { CostRequest } from "../../../src/assessment/cost/section.js";
import { runAssessment } from "../../../src/assessment/run.js";
import { defaultCatalog } from "../../../src/catalog/catalog.js";
import { parseTarget } from "../../../src/catalog/targets.js";
import { collectServer } from "../../../src/sources/sqlserver/collect.js";
import { COST_SECTION_KIND } from "../../../src/store/cost-inventory.js";
import type { AssessmentHeader, AssessmentWriter } from "../../../src/store/index.js";
import { kestrelServer } from "../../helpers/sqlserver-fixture/kestrel/index.js";
import { memorySession } from "../../helpers/sqlserver-fixture/memory-session.js";
import { RecordingStore } from "../recording-store.js";
import { roundBook, ROUND_BOOK_PATH, targetOf } from "./round-book.js";

const ADDRESS = "kestrel-sql01.kestrel.internal";

/** A RecordingStore that also keeps inventory items by kind. */
class InventoryStore extends RecordingStore {
  readonly inventory = new Map<string, unknown[]>();

  override async beginAssessment(header: AssessmentHeader): Promise<AssessmentWriter> {
    const writer = await super.beginAssessment(header);
    return {
      ...writer,
      addInventory: async (kind, items) => {
        const kept = this.inventory.get(kind) ?? [];
        kept.push(...items);
        this.inventory.set(kind, kept);
      },
    };
  }
}

async function assessKestrel(store: InventoryStore, cost?: CostRequest) {
  const target = parseTarget("babelfish");
  assert.ok(target.ok);
  const result = await runAssessment({
    id: "20250304-050607-c0ffee",
    startedAt: new Date("2025-03-04T05:06:07.000Z"),
    infioVersion: "0.0.0-test",
    sources: [ADDRESS],
    collected: collectServer(memorySession(kestrelServer(), ADDRESS)),
    target: target.target,
    catalog: defaultCatalog(),
    maxFileSize: 1024 * 1024,
    jobs: 1,
    store,
    ...(cost === undefined ? {} : { cost }),
  });
  assert.ok(result.ok, result.ok ? "" : result.error);
  return result.assessment;
}

describe("runAssessment with a cost request", () => {
  it("sizes the estate from the collected inventory", async () => {
    const store = new InventoryStore();
    const a = await assessKestrel(store, {
      priceBook: { book: roundBook(), origin: ROUND_BOOK_PATH },
      settings: { dayRate: 800 },
    });

    const cost = a.cost;
    assert.ok(cost !== undefined);
    assert.deepEqual(cost.inputs.estate, {
      edition: "enterprise",
      version: "16.0.4135.4",
      cores: 8,
      vCpus: 8,
      memoryGiB: 64,
      storageGiB: 22,
      replicas: 2,
      passiveReplicas: 0,
    });
    assert.equal(cost.today.yearly, 28000);
    assert.equal(targetOf(cost, "postgresql-ec2").yearly, 26306.4);
    assert.deepEqual(cost.inputs.effortHours, a.effort?.total);
    assert.deepEqual(cost.effortCost, {
      low: Math.round(a.effort!.total.low * 100),
      high: Math.round(a.effort!.total.high * 100),
    });
    assert.deepEqual(store.inventory.get(COST_SECTION_KIND), [cost]);
  });

  it("stores no cost section without a request", async () => {
    const store = new InventoryStore();
    const a = await assessKestrel(store);

    assert.equal(a.cost, undefined);
    assert.equal(store.inventory.has(COST_SECTION_KIND), false);
  });
});
