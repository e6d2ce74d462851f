/**
 * Durability of the embedded store: a process killed with SIGKILL while it
 * writes a large assessment leaves the assessments committed before intact,
 * and the next opening removes the rows and data key of the killed one.
 */

import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import { openStore } from "../../src/store/open-store.js";
import { SqlStore } from "../../src/store/sql-store.js";
import { startStoreChild } from "./child-process.js";
import { sampleAssessment } from "./sample-assessment.js";

const root = mkdtempSync(join(tmpdir(), "infio-kill-test-"));
after(() => rmSync(root, { recursive: true, force: true }));

describe("embedded store killed during a write", () => {
  const dataDir = join(root, "data");
  const kept = [sampleAssessment("kept-1"), sampleAssessment("kept-2", "2026-01-01T00:00:00.000Z")];

  // Each case lets the writer run a different time before the kill, so the
  // kills land at different points of the write.
  for (const [index, delayMs] of [0, 400, 1500].entries()) {
    it(`keeps earlier assessments after a kill ${delayMs} ms into the write`, async () => {
      if (index === 0) {
        const opened = await openStore("embedded", { dataDir });
        assert.ok(opened.ok);
        for (const a of kept) {
          await opened.store.saveAssessment(a);
        }
        await opened.store.close();
      }

      const id = `killed-${index}`;
      const child = await startStoreChild(["flood", "embedded", dataDir, id]);
      assert.equal(child.line, "writing");
      await sleep(delayMs);
      await child.kill("SIGKILL");

      const opened = await openStore("embedded", { dataDir });
      assert.ok(opened.ok, opened.ok ? "" : opened.error.message);
      try {
        assert.deepStrictEqual(opened.removedInterrupted, [id]);
        const listed = await opened.store.listAssessments();
        assert.deepStrictEqual(
          listed.map((row) => [row.id, row.status]),
          [["kept-2", "complete"], ["kept-1", "complete"]],
        );
        for (const a of kept) {
          assert.deepStrictEqual(await opened.store.getAssessment(a.id), a);
        }
        assert.equal(existsSync(join(dataDir, "keys", `${id}.json`)), false);

        assert.ok(opened.store instanceof SqlStore);
        // Each kept assessment has its objects in chunks and its findings in one chunk.
        const [rows] = await opened.store.connection.query<{ count: number }>(
          "select (select count(*) from objects)::integer + " +
            "(select coalesce(sum(row_count), 0) from object_chunks)::integer + " +
            "(select count(*) from finding_chunks)::integer as count",
        );
        const expected = kept.reduce((sum, a) => sum + a.objects.length + 1, 0);
        assert.equal(rows?.count, expected);
      } finally {
        await opened.store.close();
      }
    });
  }
});
