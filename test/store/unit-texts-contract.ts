/**
 * Source texts of code units in a SQL store, run against embedded PGlite
 * and against a PostgreSQL server by the two *.test.ts files that import
 * this: written as units complete, sealed and compressed, read back by
 * name, and deleted with their assessment.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { StoreError } from "../../src/store/errors.js";
import { SqlStore } from "../../src/store/sql-store.js";
import type { Store } from "../../src/store/store.js";
import { packUnitText } from "../../src/store/unit-text-packing.js";
import { HOSTILE_NAMES, sampleAssessment } from "./sample-assessment.js";
import type { StoreHarness } from "./store-contract.js";

/** Returns a text for each sample unit, with code points a store could mangle. */
function textOf(file: string, i: number): string {
  const lines = Array.from({ length: 40 }, (_, line) => `SELECT ${line} AS n; -- ${file}`);
  return `-- unit ${i}: ${HOSTILE_NAMES[i % HOSTILE_NAMES.length]} \u0000 \u00e9 \u{1f600}\r\n${lines.join("\n")}`;
}

/**
 * Returns `text` as the store returns it: UTF-8 has no lone surrogates, so
 * each becomes U+FFFD, one code unit for one.
 */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** Stores the sample assessment `id` the way a run writes it, texts after each unit. */
async function writeWithTexts(store: Store, id: string): Promise<Map<string, string>> {
  const assessment = sampleAssessment(id);
  const texts = new Map<string, string>();
  const writer = await store.beginAssessment({ ...assessment, sourceKept: true });
  for (const [i, unit] of assessment.units.entries()) {
    const text = textOf(unit.file, i);
    texts.set(unit.file, text);
    await writer.addUnits([unit]);
    await writer.addUnitText(unit.file, packUnitText(text));
  }
  await writer.addFindings(assessment.findings);
  await writer.commit(assessment.summary);
  return texts;
}

async function countTexts(store: Store): Promise<number> {
  assert.ok(store instanceof SqlStore);
  const rows = await store.connection.query<{ count: number }>("select count(*)::integer as count from unit_texts");
  return rows[0]!.count;
}

export function describeUnitTextsContract(label: string, harness: StoreHarness): void {
  describe(`${label} store unit texts`, () => {
    let store: Store;

    before(async () => {
      store = await harness.open({ chunkRows: 4 });
    });

    after(async () => {
      await store?.close();
    });

    it("reads texts back by unit name", async () => {
      const written = await writeWithTexts(store, "texts-kept");
      const files = [...written.keys()];

      const read = await store.getUnitTexts("texts-kept", [files[3]!, files[0]!, "no-such-unit.sql"]);

      assert.equal(read.status, "kept");
      assert.deepStrictEqual([...read.texts.keys()].sort(), [files[0]!, files[3]!].sort());
      assert.equal(read.texts.get(files[0]!), written.get(files[0]!));
      assert.equal(read.texts.get(files[3]!), written.get(files[3]!));
    });

    it("keeps columns where a lone surrogate was", async () => {
      const index = HOSTILE_NAMES.findIndex((name) => /lone/.test(name));
      const file = sampleAssessment("x").units[index]!.file;
      const written = textOf(file, index);

      const read = await store.getUnitTexts("texts-kept", [file]);

      assert.equal(read.status, "kept");
      assert.notEqual(written, wellFormed(written), "the sample has no lone surrogate");
      assert.equal(read.texts.get(file), wellFormed(written));
      assert.equal(read.texts.get(file)!.length, written.length);
    });

    it("reads every text of a large request", async () => {
      const files = sampleAssessment("x").units.map((unit) => unit.file);

      const read = await store.getUnitTexts("texts-kept", files);

      assert.equal(read.status, "kept");
      assert.equal(read.texts.size, files.length);
      files.forEach((file, i) => assert.equal(read.texts.get(file), wellFormed(textOf(file, i)), file));
    });

    it("stores texts sealed and compressed", async () => {
      assert.ok(store instanceof SqlStore);
      const rows = await store.connection.query<{ sealed: Uint8Array }>(
        "select t.sealed from unit_texts t join assessments a using (assessment_key) " +
          "where a.id = 'texts-kept' order by t.ordinal",
      );

      assert.equal(rows.length, HOSTILE_NAMES.length);
      const first = Buffer.from(rows[0]!.sealed);
      assert.ok(!first.includes(Buffer.from("SELECT 1 AS n")), "the text is stored in plain");
      const plainBytes = Buffer.byteLength(textOf(sampleAssessment("x").units[0]!.file, 0), "utf8");
      assert.ok(first.length < plainBytes / 2, `${first.length} sealed bytes for ${plainBytes} of text`);
    });

    it("tells an assessment without texts from a missing one", async () => {
      await store.saveAssessment(sampleAssessment("texts-not-kept"));

      assert.deepStrictEqual(await store.getUnitTexts("texts-not-kept", ["a.sql"]), { status: "not-kept" });
      assert.deepStrictEqual(await store.getUnitTexts("no-such-id", ["a.sql"]), { status: "not-found" });
    });

    it("reports texts of an older assessment as not stored", async () => {
      await store.saveAssessment(sampleAssessment("texts-older"));
      assert.ok(store instanceof SqlStore);
      // Rows stored before the texts were kept have no value in source_kept.
      await store.connection.query("update assessments set source_kept = null where id = 'texts-older'");

      assert.deepStrictEqual(await store.getUnitTexts("texts-older", ["a.sql"]), { status: "not-stored" });
    });

    it("rejects a text for another unit than the last", async () => {
      const assessment = sampleAssessment("texts-wrong-unit");
      const writer = await store.beginAssessment({ ...assessment, sourceKept: true });
      await writer.addUnits(assessment.units.slice(0, 2));

      await assert.rejects(writer.addUnitText(assessment.units[0]!.file, packUnitText("x")), (error: unknown) => {
        assert.ok(error instanceof StoreError);
        assert.equal(error.code, "invalid-data");
        assert.match(error.message, /the unit added last is '.*'; add each text right after its unit/s);
        return true;
      });
      await writer.abort();
    });

    it("leaves no text of an aborted run", async () => {
      const before = await countTexts(store);
      const assessment = sampleAssessment("texts-aborted");
      const writer = await store.beginAssessment({ ...assessment, sourceKept: true });
      await writer.addUnits([assessment.units[0]!]);
      await writer.addUnitText(assessment.units[0]!.file, packUnitText("SELECT 1;"));

      await writer.abort();

      assert.equal(await countTexts(store), before);
      assert.deepStrictEqual(await store.getUnitTexts("texts-aborted", []), { status: "not-found" });
    });

    it("deletes texts with their assessment", async () => {
      await writeWithTexts(store, "texts-deleted");
      const before = await countTexts(store);

      assert.equal(await store.deleteAssessment("texts-deleted"), "deleted");

      assert.equal(await countTexts(store), before - HOSTILE_NAMES.length);
      assert.deepStrictEqual(await store.getUnitTexts("texts-deleted", []), { status: "not-found" });
    });
  });
}
