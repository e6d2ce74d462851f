/**
 * Behaviour every SQL store must show, run against embedded PGlite and
 * against a PostgreSQL server by the two *.test.ts files that import this.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import type { Assessment, Finding } from "../../src/assessment/model.js";
import { StoreError } from "../../src/store/errors.js";
import { SqlStore } from "../../src/store/sql-store.js";
import type { Store } from "../../src/store/store.js";
import {
  HOSTILE_NAMES,
  sampleAssessment,
  sampleFinding,
  sampleSummary,
} from "./sample-assessment.js";

export interface StoreHarness {
  /** Opens the store under test; chunkRows small makes writes span chunks. */
  open(options?: { chunkRows?: number }): Promise<Store>;
}

/** Counts rows of `table` over the whole database. */
async function countRows(store: Store, table: string): Promise<number> {
  assert.ok(store instanceof SqlStore);
  const rows = await store.connection.query<{ count: number }>(
    `select count(*)::integer as count from ${table}`,
  );
  return rows[0].count;
}

const ALL_TABLES = [
  "assessments",
  "units",
  "unit_texts",
  "objects",
  "object_chunks",
  "finding_chunks",
  "parse_errors",
  "skipped_inputs",
  "inventory",
];

export function describeStoreContract(label: string, harness: StoreHarness): void {
  describe(`${label} store`, () => {
    let store: Store;

    before(async () => {
      store = await harness.open({ chunkRows: 4 });
    });

    after(async () => {
      await store?.close();
    });

    const countAll = async (): Promise<Record<string, number>> => {
      const counts: Record<string, number> = {};
      for (const table of ALL_TABLES) {
        counts[table] = await countRows(store, table);
      }
      return counts;
    };

    it("round-trips an assessment with hostile text", async () => {
      const saved = sampleAssessment("round-trip");

      await store.saveAssessment(saved);
      const read = await store.getAssessment("round-trip");

      assert.deepStrictEqual(read, saved);
    });

    it("keeps hostile names byte for byte", async () => {
      const read = await store.getAssessment("round-trip");

      assert.ok(read);
      assert.deepStrictEqual(
        read.objects.map((o) => o.name),
        HOSTILE_NAMES,
      );
      assert.equal(read.objects[8].name, "nul\u0000inside");
      assert.equal(read.objects[3].name, "NULL");
      assert.equal(read.findings[0].detail, "detail " + HOSTILE_NAMES[0]);
      assert.equal(read.findings[1].detail, undefined);
      assert.equal("detail" in read.findings[1], false);
    });

    it("round-trips an assessment with no rows", async () => {
      const saved: Assessment = {
        ...sampleAssessment("empty"),
        sources: [],
        units: [],
        objects: [],
        findings: [],
        parseErrors: [],
        skipped: [],
      };

      await store.saveAssessment(saved);

      assert.deepStrictEqual(await store.getAssessment("empty"), saved);
    });

    it("returns undefined for an unknown id", async () => {
      assert.equal(await store.getAssessment("no-such-id"), undefined);
    });

    it("streams findings in chunks and keeps their order", async () => {
      const header = sampleAssessment("streamed");
      const findings = Array.from({ length: 23 }, (_, i) => sampleFinding(i));

      const writer = await store.beginAssessment(header);
      // Calls that overlap must still be written in call order.
      await Promise.all([
        writer.addFindings(findings.slice(0, 5)),
        writer.addFindings(findings.slice(5, 6)),
        writer.addUnits(header.units),
        writer.addFindings(findings.slice(6)),
      ]);
      await writer.addObjects(header.objects);
      await writer.commit(header.summary);

      const read = await store.getAssessment("streamed");
      assert.ok(read);
      assert.deepStrictEqual(read.findings, findings);
      assert.deepStrictEqual(read.units, header.units);
      assert.deepStrictEqual(read.objects, header.objects);
      assert.deepStrictEqual(read.parseErrors, []);
    });

    it("stores findings in sealed chunks", async () => {
      const rows = await (store as SqlStore).connection.query<{
        first_ordinal: number;
        row_count: number;
        sealed: Uint8Array;
      }>(
        "select c.first_ordinal, c.row_count, c.sealed " +
          "from finding_chunks c join assessments a using (assessment_key) " +
          "where a.id = 'streamed' order by c.first_ordinal",
      );

      // chunkRows is 4: full chunks as findings arrive, the rest at commit.
      assert.deepStrictEqual(
        rows.map((row) => [row.first_ordinal, row.row_count]),
        [[0, 4], [4, 4], [8, 4], [12, 4], [16, 4], [20, 3]],
      );
      for (const row of rows) {
        const text = Buffer.from(row.sealed).toString("latin1");
        assert.equal(text.slice(0, 4), "infE");
        assert.equal(text.includes("cursor.option"), false);
      }
    });

    it("stores objects in sealed chunks", async () => {
      const rows = await (store as SqlStore).connection.query<{
        first_ordinal: number;
        row_count: number;
        sealed: Uint8Array;
      }>(
        "select c.first_ordinal, c.row_count, c.sealed " +
          "from object_chunks c join assessments a using (assessment_key) " +
          "where a.id = 'streamed' order by c.first_ordinal",
      );
      const legacy = await countRows(store, "objects");

      // 11 objects in one call, chunkRows 4: two full chunks, the rest at commit.
      assert.deepStrictEqual(
        rows.map((row) => [row.first_ordinal, row.row_count]),
        [[0, 4], [4, 4], [8, 3]],
      );
      assert.equal(legacy, 0);
      for (const row of rows) {
        const text = Buffer.from(row.sealed).toString("latin1");
        assert.equal(text.slice(0, 4), "infE");
        assert.equal(text.includes("HYPERLINK"), false);
      }
    });

    it("iterates findings in chunks", async () => {
      const chunks: (readonly Finding[])[] = [];
      for await (const chunk of store.iterateFindings("streamed", 10)) {
        chunks.push(chunk);
      }

      assert.deepStrictEqual(
        chunks.map((chunk) => chunk.length),
        [10, 10, 3],
      );
      assert.deepStrictEqual(
        chunks.flat(),
        Array.from({ length: 23 }, (_, i) => sampleFinding(i)),
      );
    });

    it("hides a running assessment until commit", async () => {
      const header = sampleAssessment("pending");
      const writer = await store.beginAssessment(header);
      await writer.addFindings(header.findings);

      const listed = await store.listAssessments();
      const pending = listed.find((row) => row.id === "pending");
      assert.equal(pending?.status, "running");
      assert.equal(pending?.summary, undefined);
      assert.equal(await store.getAssessment("pending"), undefined);
      assert.equal(await store.deleteAssessment("pending"), "running");

      await writer.commit(header.summary);
      const read = await store.getAssessment("pending");
      assert.equal(read?.findings.length, header.findings.length);
    });

    it("leaves nothing of an aborted write", async () => {
      const before = await countAll();
      const intact = await store.getAssessment("round-trip");
      const header = sampleAssessment("aborted");
      const writer = await store.beginAssessment(header);
      await writer.addFindings(header.findings);
      await writer.addUnits(header.units);

      const bad = { ...sampleFinding(99), status: "bogus" } as unknown as Finding;
      await assert.rejects(writer.addFindings([bad]), (error: unknown) => {
        assert.ok(error instanceof StoreError);
        assert.equal(error.code, "invalid-data");
        assert.match(error.message, /'bogus'/);
        return true;
      });
      await assert.rejects(writer.commit(header.summary), StoreError);
      await writer.abort();

      assert.deepStrictEqual(await countAll(), before);
      assert.equal(await store.getAssessment("aborted"), undefined);
      assert.deepStrictEqual(await store.getAssessment("round-trip"), intact);
    });

    it("saves all or nothing when a row is invalid", async () => {
      const before = await countAll();
      const saved = sampleAssessment("half");
      const findings = [
        ...Array.from({ length: 30 }, (_, i) => sampleFinding(i)),
        { ...sampleFinding(30), line: 1.5 },
      ];

      await assert.rejects(
        store.saveAssessment({ ...saved, findings }),
        (error: unknown) =>
          error instanceof StoreError && /line_number value 1\.5/.test(error.message),
      );

      assert.deepStrictEqual(await countAll(), before);
      const ids = (await store.listAssessments()).map((row) => row.id);
      assert.equal(ids.includes("half"), false);
    });

    it("keeps a failed run as failed with no rows", async () => {
      const before = await countAll();
      const header = sampleAssessment("failed-run");
      const writer = await store.beginAssessment(header);
      await writer.addFindings(header.findings);

      await writer.fail("source folder vanished\u0000");

      const row = (await store.listAssessments()).find(
        (listing) => listing.id === "failed-run",
      );
      assert.equal(row?.status, "failed");
      assert.equal(row?.error, "source folder vanished\u0000");
      assert.deepStrictEqual(row?.sources, header.sources);
      assert.equal(await store.getAssessment("failed-run"), undefined);
      const after = await countAll();
      assert.equal(after.assessments, before.assessments + 1);
      assert.equal(after.finding_chunks, before.finding_chunks);
      assert.equal(await store.deleteAssessment("failed-run"), "deleted");
    });

    it("rejects a duplicate id", async () => {
      await assert.rejects(
        store.beginAssessment(sampleAssessment("round-trip")),
        (error: unknown) =>
          error instanceof StoreError &&
          error.code === "duplicate-id" &&
          error.message.includes("'round-trip'"),
      );
    });

    it("rejects writes after commit", async () => {
      const writer = await store.beginAssessment(sampleAssessment("closed"));
      await writer.commit(sampleSummary());

      await assert.rejects(
        writer.addFindings([sampleFinding(1)]),
        (error: unknown) =>
          error instanceof StoreError && error.code === "writer-closed",
      );
      await assert.rejects(writer.abort(), StoreError);
      assert.ok(await store.getAssessment("closed"));
    });

    it("round-trips inventory items per kind", async () => {
      const header = sampleAssessment("inventory");
      const tables = [
        { name: HOSTILE_NAMES[0], rows: 10, "key\u0000": [1, "x\u0000"] },
        JSON.parse('{"name": "dbo.Orders", "__proto__": "kept as a key"}'),
      ];
      const logins = ["sa", { name: "app", disabled: true }];

      const writer = await store.beginAssessment(header);
      await writer.addInventory("table", tables.slice(0, 1));
      await writer.addInventory("login", logins);
      await writer.addInventory("table", tables.slice(1));
      await writer.commit(header.summary);

      assert.deepStrictEqual(
        await store.getInventory("inventory", "table"),
        JSON.parse(JSON.stringify(tables)),
      );
      assert.deepStrictEqual(await store.getInventory("inventory", "login"), logins);
      assert.deepStrictEqual(await store.getInventory("inventory", "job"), []);
    });

    it("lists newest first and deletes", async () => {
      await store.saveAssessment(sampleAssessment("older", "2020-01-01T00:00:00.000Z"));
      await store.saveAssessment(sampleAssessment("newer", "2030-01-01T00:00:00.000Z"));

      const listed = await store.listAssessments();
      const ids = listed.map((row) => row.id);
      assert.equal(ids[0], "newer");
      assert.equal(ids.at(-1), "older");
      const newer = listed[0];
      assert.equal(newer.status, "complete");
      assert.equal(newer.startedAt, "2030-01-01T00:00:00.000Z");
      assert.equal(newer.target, "babelfish@5.5");
      assert.deepStrictEqual(newer.summary, sampleSummary());
      assert.match(newer.finishedAt ?? "", /^\d{4}-\d\d-\d\dT.*Z$/);

      const before = await countAll();
      assert.equal(await store.deleteAssessment("older"), "deleted");
      assert.equal(await store.deleteAssessment("older"), "not-found");
      const after = await countAll();
      assert.equal(after.assessments, before.assessments - 1);
      // saveAssessment writes the sample's findings in chunks of 4.
      const chunks = Math.ceil(sampleAssessment("x").findings.length / 4);
      assert.equal(after.finding_chunks, before.finding_chunks - chunks);
      assert.ok(await store.getAssessment("newer"));
    });

    it("keeps assessments across reopening", async () => {
      const saved = await store.getAssessment("round-trip");
      await store.close();

      store = await harness.open();

      assert.deepStrictEqual(await store.getAssessment("round-trip"), saved);
    });

    it("abandons an open writer on close", async () => {
      const header = sampleAssessment("abandoned");
      const writer = await store.beginAssessment(header);
      await writer.addFindings(header.findings);

      await store.close();
      store = await harness.open();

      const row = (await store.listAssessments()).find(
        (listing) => listing.id === "abandoned",
      );
      assert.notEqual(row?.status, "complete");
      assert.equal(await store.getAssessment("abandoned"), undefined);
      await assert.rejects(writer.commit(header.summary), (error: unknown) => {
        assert.ok(error instanceof StoreError);
        assert.equal(error.code, "writer-closed");
        return true;
      });
    });

    it("rejects calls after close", async () => {
      const closed = store;
      await closed.close();

      await assert.rejects(closed.listAssessments(), (error: unknown) => {
        assert.ok(error instanceof StoreError);
        assert.match(error.message, /is closed/);
        return true;
      });
      await closed.close();
      store = await harness.open();
    });
  });
}
