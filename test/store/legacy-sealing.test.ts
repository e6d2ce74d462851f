/**
 * Migration 4 on a store written before encryption (schema version 3): it
 * seals every plain row in one transaction, reads back what was saved, and
 * without a usable master key fails and leaves the store unchanged.
 */

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import type { Assessment } from "../../src/assessment/model.js";
import type { SqlConnection } from "../../src/store/connection.js";
import { unpackChunk } from "../../src/store/chunk-packing.js";
import { encodeFindings } from "../../src/store/finding-chunks.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { migrate } from "../../src/store/migrator.js";
import { embeddedStoreDirectory, openStore } from "../../src/store/open-store.js";
import { openPgConnection } from "../../src/store/pg-connection.js";
import { openPgliteConnection } from "../../src/store/pglite-connection.js";
import { SqlStore } from "../../src/store/sql-store.js";
import { escapeJson, escapeText } from "../../src/store/text-escape.js";
import {
  serverTestsSkipped,
  startPostgresCluster,
  type PostgresCluster,
} from "../helpers/postgres-cluster.js";
import { CANARY_OBJECT } from "./canary.js";
import { sampleAssessment } from "./sample-assessment.js";

const roots: string[] = [];
let clusterStart: Promise<PostgresCluster> | undefined;
after(async () => {
  if (clusterStart !== undefined) {
    await (await clusterStart).stop();
  }
  for (const root of roots) {
    rmSync(root, { recursive: true, force: true });
  }
});

/** Returns a complete assessment with details and a canary object name. */
function legacyComplete(): Assessment {
  const a = sampleAssessment("legacy-complete");
  return {
    ...a,
    objects: [...a.objects, { name: `dbo.${CANARY_OBJECT}`, type: "procedure", file: "canary.sql", line: 1, lines: 9 }],
    overrides: { features: [], rates: [] },
    comparison: {
      baseline: "babelfish@4.4.0",
      candidate: "babelfish@5.5.0",
      unblocked: [],
      stillBlocking: [{ featureId: "x", detail: CANARY_OBJECT, title: "t\u0000", occurrences: 1, baseline: "notSupported", candidate: "notSupported" }],
      regressed: [],
      changed: [],
    },
  };
}

const json = (value: unknown): string => JSON.stringify(escapeJson(value));

/** Writes `a` in the plain layout of schema version 3, as infio did then. */
async function writeLegacy(connection: SqlConnection, a: Assessment, status: "complete" | "failed"): Promise<void> {
  const [row] = await connection.query<{ assessment_key: number }>(
    "insert into assessments (id, status, started_at, finished_at, infio_version, target, summary, error, " +
      "overrides, effort, comparison) values ($1, $2, $3, now(), $4, $5, $6::jsonb, $7, $8::jsonb, $9::jsonb, $10::jsonb) " +
      "returning assessment_key",
    [
      a.id,
      status,
      a.startedAt,
      a.infioVersion,
      a.target,
      status === "complete" ? json(a.summary) : null,
      status === "failed" ? escapeText(`vanished ${CANARY_OBJECT}\u0000`) : null,
      a.overrides === undefined ? null : json(a.overrides),
      a.effort === undefined ? null : json(a.effort),
      a.comparison === undefined ? null : json(a.comparison),
    ],
  );
  const key = Number(row!.assessment_key);
  const insert = async (sql: string, rows: readonly (readonly unknown[])[]): Promise<void> => {
    for (const [ordinal, values] of rows.entries()) {
      await connection.query(sql, [key, ordinal, ...(values as never[])]);
    }
  };

  await insert(
    "insert into sources values ($1, $2, $3)",
    a.sources.map((s) => [escapeText(s)]),
  );
  if (status === "failed") {
    return;
  }
  await insert(
    "insert into units values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    a.units.map((u) => [escapeText(u.file), u.encoding, u.lines, u.bytes, u.batches, u.batchesWithErrors, u.statements]),
  );
  await insert(
    "insert into objects values ($1, $2, $3, $4, $5, $6, $7)",
    a.objects.map((o) => [escapeText(o.name), o.type, escapeText(o.file), o.line, o.lines]),
  );
  await insert(
    "insert into parse_errors values ($1, $2, $3, $4, $5, $6, $7)",
    a.parseErrors.map((e) => [escapeText(e.file), e.line, e.column, escapeText(e.message), e.code === undefined ? null : escapeText(e.code)]),
  );
  await insert(
    "insert into skipped_inputs values ($1, $2, $3, $4, $5)",
    a.skipped.map((s) => [escapeText(s.file), s.reason, escapeText(s.message)]),
  );
  const chunks = [a.findings.slice(0, 7), a.findings.slice(7)];
  for (const [i, chunk] of chunks.entries()) {
    const encoded = encodeFindings(chunk);
    const data = unpackChunk(encoded.packed);
    await connection.query("insert into finding_chunks values ($1, $2, $3, $4)", [key, i * 7, encoded.count, data]);
  }
  await connection.query("insert into inventory values ($1, 'table', 0, $2::jsonb)", [key, json({ name: CANARY_OBJECT })]);
}

async function schemaVersion(connection: SqlConnection): Promise<number> {
  const [row] = await connection.query<{ version: number }>("select max(version) as version from schema_migrations");
  return row!.version;
}

interface LegacyHarness {
  readonly spec: () => Promise<string>;
  readonly connect: () => Promise<SqlConnection>;
  readonly dataDir: string;
}

function describeLegacy(kind: string, harness: LegacyHarness): void {
  describe(`legacy ${kind} store`, () => {
    const complete = legacyComplete();
    const failed = sampleAssessment("legacy-failed", "2020-01-01T00:00:00.000Z");

    it("is written in the plain layout", async () => {
      const connection = await harness.connect();
      try {
        const result = await migrate(connection, MIGRATIONS.slice(0, 3));
        assert.ok(result.ok, result.ok ? "" : result.error.message);
        await writeLegacy(connection, complete, "complete");
        await writeLegacy(connection, failed, "failed");
      } finally {
        await connection.close();
      }
    });

    it("stays unchanged when no master key opens", async () => {
      const missing = join(harness.dataDir, "..", "missing.key");

      const opened = await openStore(await harness.spec(), { dataDir: harness.dataDir, keys: { keyFile: missing } });

      assert.ok(!opened.ok);
      assert.equal(opened.error.code, "migration-failed");
      assert.match(opened.error.message, /migration 4 'sealed rows'.*missing\.key.*infio keys init.*left unchanged/s);
      const connection = await harness.connect();
      try {
        assert.equal(await schemaVersion(connection), 3);
        const objects = await connection.query<{ name: string }>("select name from objects order by ordinal");
        assert.equal(objects.at(-1)?.name, `dbo.${CANARY_OBJECT}`);
      } finally {
        await connection.close();
      }
    });

    it("is sealed on opening and reads back as saved", async () => {
      const opened = await openStore(await harness.spec(), { dataDir: harness.dataDir });
      assert.ok(opened.ok, opened.ok ? "" : opened.error.message);
      try {
        const later = MIGRATIONS.slice(3).map((m) => m.version);
        assert.deepStrictEqual(opened.migrations.map((m) => m.version), later);
        assert.deepStrictEqual(await opened.store.getAssessment(complete.id), complete);
        assert.deepStrictEqual(await opened.store.getInventory(complete.id, "table"), [{ name: CANARY_OBJECT }]);
        const listing = (await opened.store.listAssessments()).find((l) => l.id === failed.id);
        assert.equal(listing?.status, "failed");
        assert.equal(listing?.error, `vanished ${CANARY_OBJECT}\u0000`);
        assert.deepStrictEqual(listing?.sources, failed.sources);

        assert.ok(opened.store instanceof SqlStore);
        const connection = opened.store.connection;
        const legacy = await connection.query(
          "select table_name from information_schema.tables where table_name like 'legacy%'",
        );
        assert.deepStrictEqual(legacy, []);
        const columns = await connection.query<{ name: string }>(
          "select column_name as name from information_schema.columns where table_name = 'assessments' order by 1",
        );
        assert.equal(columns.some((c) => c.name.startsWith("legacy") || c.name === "effort"), false);
        const [dump] = await connection.query<{ text: string }>(
          "select string_agg(encode(sealed, 'escape'), ' ') as text from objects",
        );
        assert.equal(dump?.text.includes(CANARY_OBJECT), false);
      } finally {
        await opened.store.close();
      }
    });
  });
}

const embeddedRoot = mkdtempSync(join(tmpdir(), "infio-legacy-"));
roots.push(embeddedRoot);
const embeddedData = join(embeddedRoot, "data");
describeLegacy("embedded", {
  spec: async () => "embedded",
  connect: () => openPgliteConnection(embeddedStoreDirectory(embeddedData)),
  dataDir: embeddedData,
});

if (serverTestsSkipped()) {
  it("legacy server store", { skip: "INFIO_SKIP_SERVER_TESTS=1 is set" });
} else {
  const serverRoot = mkdtempSync(join(tmpdir(), "infio-legacy-server-"));
  roots.push(serverRoot);
  let url: Promise<string> | undefined;
  const spec = (): Promise<string> => {
    clusterStart ??= startPostgresCluster();
    url ??= clusterStart.then((c) => c.createDatabase(`t_${randomBytes(6).toString("hex")}`));
    return url;
  };
  describeLegacy("server", {
    spec,
    connect: async () => openPgConnection(await spec()),
    dataDir: join(serverRoot, "data"),
  });
}
