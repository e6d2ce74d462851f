/**
 * Encryption at rest, end to end: `infio assess` of scripts with
 * distinctive names and code, into the embedded store and into a
 * PostgreSQL server store. Afterwards no byte of the data directory, and no
 * value of any table, contains those names or code, in UTF-8 or UTF-16LE,
 * while the store still reads them back with the key.
 */

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import { main } from "../../src/cli/main.js";
import type { SqlConnection } from "../../src/store/connection.js";
import { openStore } from "../../src/store/open-store.js";
import { SqlStore } from "../../src/store/sql-store.js";
import { captureContext } from "../cli/capture.js";
import {
  serverTestsSkipped,
  startPostgresCluster,
  type PostgresCluster,
} from "../helpers/postgres-cluster.js";
import {
  CANARIES,
  CANARY_CODE,
  CANARY_OBJECT,
  CANARY_TABLE,
  findInFiles,
  writeCanaryScripts,
} from "./canary.js";

const work = mkdtempSync(join(tmpdir(), "infio-at-rest-"));
const scripts = join(work, "scripts");
writeCanaryScripts(scripts);

let clusterStart: Promise<PostgresCluster> | undefined;
after(async () => {
  if (clusterStart !== undefined) {
    await (await clusterStart).stop();
  }
  rmSync(work, { recursive: true, force: true });
});

/** Runs `infio assess` in-process and returns the stored assessment id. */
async function assess(store: string, dataDir: string): Promise<string> {
  const ctx = captureContext({ cwd: work });
  const out = join(work, `report-${randomBytes(4).toString("hex")}`);
  const code = await main(
    ["assess", scripts, "--jobs", "1", "--store", store, "--data-dir", dataDir, "--out", out, "--format", "json"],
    ctx,
  );
  assert.equal(code, 0, ctx.err.join(""));
  const id = /^assessment (\S+)/.exec(ctx.out.join(""))?.[1];
  assert.ok(id, ctx.out.join(""));
  return id;
}

/** Checks that the stored assessment still contains the canaries. */
async function assertReadable(store: string, dataDir: string, id: string): Promise<void> {
  const opened = await openStore(store, { dataDir });
  assert.ok(opened.ok, opened.ok ? "" : opened.error.message);
  try {
    const a = await opened.store.getAssessment(id);
    assert.ok(a);
    const objects = a.objects.map((o) => o.name);
    assert.ok(objects.includes(`dbo.${CANARY_OBJECT}`), objects.join(", "));
    assert.ok(objects.includes(`dbo.${CANARY_TABLE}`), objects.join(", "));

    // The source texts are stored too, sealed like the rest.
    const files = a.units.map((unit) => unit.file);
    const stored = await opened.store.getUnitTexts(id, files);
    assert.equal(stored.status, "kept");
    const texts = [...stored.texts.values()];
    assert.equal(texts.length, files.length);
    assert.ok(texts.some((text) => text.includes(CANARY_CODE)), "no stored text contains the canary code");
  } finally {
    await opened.store.close();
  }
}

/**
 * Reads every value of every table in the public schema, binary values as
 * their bytes, as a dump of the database would contain them.
 */
async function dumpTables(connection: SqlConnection): Promise<Buffer> {
  const tables = await connection.query<{ name: string }>(
    "select table_name as name from information_schema.tables " +
      "where table_schema = 'public' order by table_name",
  );
  assert.ok(tables.length >= 7, tables.map((t) => t.name).join(", "));

  const parts: Buffer[] = [];
  for (const { name } of tables) {
    const rows = await connection.query(`select * from "${name}"`);
    for (const row of rows) {
      for (const value of Object.values(row)) {
        parts.push(value instanceof Uint8Array ? Buffer.from(value) : Buffer.from(JSON.stringify(value) ?? ""));
      }
    }
  }
  return Buffer.concat(parts);
}

function findInDump(dump: Buffer): string[] {
  return CANARIES.filter(
    (needle) => dump.includes(Buffer.from(needle, "utf8")) || dump.includes(Buffer.from(needle, "utf16le")),
  );
}

describe("encryption at rest", () => {
  it("finds the canaries in the scripts it assesses", () => {
    const found = findInFiles(scripts, CANARIES);

    assert.ok(found.some((f) => f.startsWith(`${CANARY_OBJECT} in`) && f.endsWith("(utf8)")), found.join("\n"));
    assert.ok(found.some((f) => f.startsWith(`${CANARY_TABLE} in`) && f.endsWith("(utf16le)")), found.join("\n"));
    assert.ok(found.some((f) => f.startsWith(`${CANARY_CODE} in`)), found.join("\n"));
  });

  it("keeps nothing readable in the embedded data directory", async () => {
    const dataDir = join(work, "embedded-home");

    const id = await assess("embedded", dataDir);

    assert.deepStrictEqual(findInFiles(dataDir, CANARIES), []);
    await assertReadable("embedded", dataDir, id);
  });

  it("keeps nothing readable in the embedded tables", async () => {
    const dataDir = join(work, "embedded-tables");
    const id = await assess("embedded", dataDir);

    const opened = await openStore("embedded", { dataDir });
    assert.ok(opened.ok);
    try {
      assert.ok(opened.store instanceof SqlStore);
      const dump = await dumpTables(opened.store.connection);
      assert.ok(dump.includes(Buffer.from(id)), "the dump contains the plain assessment id");
      assert.deepStrictEqual(findInDump(dump), []);
    } finally {
      await opened.store.close();
    }
  });

  if (serverTestsSkipped()) {
    it("keeps nothing readable on the server", { skip: "INFIO_SKIP_SERVER_TESTS=1 is set" });
    return;
  }

  it("keeps nothing readable on the server", async () => {
    clusterStart ??= startPostgresCluster();
    const cluster = await clusterStart;
    const url = await cluster.createDatabase(`t_${randomBytes(6).toString("hex")}`);
    const dataDir = join(work, "server-home");

    const id = await assess(url, dataDir);

    const opened = await openStore(url, { dataDir });
    assert.ok(opened.ok);
    try {
      assert.ok(opened.store instanceof SqlStore);
      const dump = await dumpTables(opened.store.connection);
      assert.ok(dump.includes(Buffer.from(id)), "the dump contains the plain assessment id");
      assert.deepStrictEqual(findInDump(dump), []);
    } finally {
      await opened.store.close();
    }
    assert.deepStrictEqual(findInFiles(dataDir, CANARIES), []);
    await assertReadable(url, dataDir, id);
  });
});
