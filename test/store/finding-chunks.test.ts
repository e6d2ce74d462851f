import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import type { Finding } from "../../src/assessment/model.js";
import { StoreError } from "../../src/store/errors.js";
import { unpackChunk } from "../../src/store/chunk-packing.js";
import {
  decodeFindingChunk,
  decodeFindings,
  encodeFindings,
} from "../../src/store/finding-chunks.js";
import { migrate } from "../../src/store/migrator.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { openPgliteConnection } from "../../src/store/pglite-connection.js";
import { escapeText } from "../../src/store/text-escape.js";
import { HOSTILE_NAMES, sampleFinding } from "./sample-assessment.js";

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const roots: string[] = [];

after(() => {
  for (const root of roots) {
    rmSync(root, { recursive: true, force: true });
  }
});

function hostileFindings(): Finding[] {
  return HOSTILE_NAMES.map((name, i) => sampleFinding(i, name));
}

describe("finding chunks", () => {
  it("round-trip hostile text and keep absent fields absent", () => {
    const findings = hostileFindings();

    const decoded = decodeFindingChunk(encodeFindings(findings));

    assert.deepStrictEqual(decoded, findings);
    assert.equal("detail" in decoded[1]!, false);
    assert.equal("complexity" in decoded[1]!, false);
  });

  it("round-trip through the stored, compressed text", () => {
    const findings = hostileFindings();
    const chunk = encodeFindings(findings);

    const json = unpackChunk(chunk.packed);

    assert.equal(json.startsWith("["), true);
    assert.deepStrictEqual(decodeFindings(json), findings);
    assert.ok(chunk.packed.length < Buffer.byteLength(json), `${chunk.packed.length} bytes packed`);
  });

  it("read chunks stored as plain JSON text", () => {
    const findings = hostileFindings();
    const json = unpackChunk(encodeFindings(findings).packed);

    const stored = unpackChunk(Buffer.from(json, "utf8"));

    assert.deepStrictEqual(decodeFindings(stored), findings);
  });

  it("store each distinct text once", () => {
    const findings = Array.from({ length: 50 }, () => sampleFinding(1));

    const chunk = encodeFindings(findings);

    assert.equal(chunk.count, 50);
    assert.equal((JSON.parse(chunk.stringsJson) as string[]).length, 5);
  });

  it("keep U+0000 and lone surrogates out of the stored text", () => {
    const chunk = encodeFindings(hostileFindings());

    const stored = (JSON.parse(chunk.stringsJson) as string[]).join("");
    assert.equal(stored.includes("\u0000"), false);
    assert.equal(LONE_SURROGATE.test(stored), false);
  });

  it("reject a line the store cannot keep, naming the column", () => {
    const bad = { ...sampleFinding(0), line: 2 ** 31 };

    assert.throws(
      () => encodeFindings([bad]),
      (error: unknown) =>
        error instanceof StoreError &&
        error.code === "invalid-data" &&
        /findings\.line_number value 2147483648/.test(error.message),
    );
  });

  it("reject an unknown status", () => {
    const bad = { ...sampleFinding(0), status: "bogus" } as unknown as Finding;

    assert.throws(() => encodeFindings([bad]), /invalid status 'bogus'/);
  });
});

describe("finding chunks migration", () => {
  it("turns findings stored as rows into chunks the view still shows", async () => {
    const root = mkdtempSync(join(tmpdir(), "infio-chunks-test-"));
    roots.push(root);
    const connection = await openPgliteConnection(join(root, "data"));
    try {
      const first = await migrate(connection, MIGRATIONS.slice(0, 1));
      assert.ok(first.ok);
      const findings = hostileFindings();
      const [row] = await connection.query<{ assessment_key: number }>(
        "insert into assessments (id, status, started_at, infio_version, target, summary) " +
          "values ('old', 'complete', now(), 'v', 't', '{}') returning assessment_key",
      );
      const key = Number(row!.assessment_key);
      for (const [ordinal, f] of findings.entries()) {
        await connection.query(
          "insert into findings (assessment_key, ordinal, feature_id, status, " +
            "file, line_number, column_number, object, message, detail, complexity) " +
            "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
          [
            key,
            ordinal,
            escapeText(f.featureId),
            f.status,
            escapeText(f.file),
            f.line,
            f.column,
            escapeText(f.object),
            escapeText(f.message),
            f.detail === undefined ? null : escapeText(f.detail),
            f.complexity ?? null,
          ],
        );
      }
      const before = await connection.query(
        "select * from findings order by ordinal",
      );

      // Migration 4 removes the view, so this test stops at version 3.
      const result = await migrate(connection, MIGRATIONS.slice(0, 3));

      assert.ok(result.ok);
      assert.equal(result.toVersion, 3);
      const chunks = await connection.query<{ data: string }>(
        "select data from finding_chunks where assessment_key = $1 order by first_ordinal",
        [key],
      );
      assert.deepStrictEqual(chunks.flatMap((chunk) => decodeFindings(chunk.data)), findings);
      const view = await connection.query(
        "select * from findings order by ordinal",
      );
      assert.deepStrictEqual(view, before);
    } finally {
      await connection.close();
    }
  });
});
