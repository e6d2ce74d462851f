import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { WorkerPool } from "../../src/assessment/pool.js";
import type { UnitTask } from "../../src/assessment/unit-task.js";
import { parseTarget } from "../../src/catalog/targets.js";

function newPool(size: number): WorkerPool {
  const target = parseTarget("babelfish");
  assert.ok(target.ok);
  return new WorkerPool(size, { target: target.target, maxFileSize: 1024 });
}

describe("WorkerPool", () => {
  it("turns an exception in a worker into a failed input and goes on", async () => {
    const pool = newPool(1);
    try {
      const broken = { seq: 0, name: "odd.sql", bytes: { length: 3 } } as unknown as UnitTask;
      const failed = await pool.run(broken);
      assert.equal(failed.kind, "skipped");
      assert.ok(failed.kind === "skipped");
      assert.equal(failed.skipped.reason, "failed");
      assert.match(failed.skipped.message, /^infio failed while assessing 'odd\.sql': TypeError/);

      const next = await pool.run({ seq: 1, name: "ok.sql", bytes: Buffer.from("CHECKPOINT\n") });
      assert.equal(next.kind, "unit");
    } finally {
      await pool.close();
    }
  });

  it("copies bytes, leaving Buffers that share memory intact", async () => {
    const pool = newPool(1);
    try {
      const neighbour = Buffer.from("neighbour");
      const bytes = Buffer.from("CHECKPOINT\n");
      assert.equal(bytes.buffer, neighbour.buffer, "both come from Node's Buffer pool");
      const outcome = await pool.run({ seq: 0, name: "x.sql", bytes });
      assert.equal(outcome.kind, "unit");
      assert.equal(neighbour.toString(), "neighbour");
      assert.equal(bytes.toString(), "CHECKPOINT\n");
    } finally {
      await pool.close();
    }
  });

  it("answers queued tasks in any order with their own results", async () => {
    const pool = newPool(3);
    try {
      const names = Array.from({ length: 12 }, (_, i) => `u${i}.sql`);
      const outcomes = await Promise.all(
        names.map((name, seq) => pool.run({ seq, name, bytes: Buffer.from(`SELECT ${seq}\nGO\n`) })),
      );
      assert.deepEqual(outcomes.map((o) => o.seq), names.map((_, i) => i));
      assert.deepEqual(outcomes.map((o) => (o.kind === "unit" ? o.unit.file : "")), names);
    } finally {
      await pool.close();
    }
  });

  it("ends running and queued tasks as failed on close", async () => {
    const pool = newPool(1);
    const text = "SELECT 1\nGO\n".repeat(20_000);
    const running = pool.run({ seq: 0, name: "big.sql", bytes: Buffer.from(text) });
    const queued = pool.run({ seq: 1, name: "next.sql", bytes: Buffer.from("GO\n") });
    await pool.close();
    for (const outcome of await Promise.all([running, queued])) {
      assert.ok(outcome.kind === "skipped");
      assert.match(outcome.skipped.message, /stopped before this file was assessed/);
    }
  });

  it("ends tasks as failed after close", async () => {
    const pool = newPool(1);
    await pool.close();
    const outcome = await pool.run({ seq: 0, name: "late.sql", bytes: Buffer.from("GO\n") });
    assert.ok(outcome.kind === "skipped");
    assert.equal(outcome.skipped.reason, "failed");
  });
});
