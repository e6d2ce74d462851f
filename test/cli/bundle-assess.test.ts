/**
 * `infio assess --bundle` in-process, on bundles written here from a known
 * collection: the reports and the stored assessment, and the failures of a
 * wrong key, a truncated file and a collection that timed out.
 */

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, truncateSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { main } from "../../src/cli/main.js";
import { createKeyFile, type KeyFileProvider } from "../../src/security/keys/key-file.js";
import { writeBundle } from "../../src/sources/bundle/index.js";
import type { CollectedItem } from "../../src/sources/sqlserver/collected.js";
import { openStore } from "../../src/store/open-store.js";
import { captureContext } from "./capture.js";

const ADDRESS = "sql01.corp.example,1433";

function items(extra: readonly CollectedItem[] = []): CollectedItem[] {
  return [
    {
      kind: "server",
      server: {
        address: ADDRESS,
        name: "SQL01",
        version: "16.0.4135.4",
        edition: "Standard Edition (64-bit)",
        collectedAt: "2025-03-04T05:06:07.089Z",
        tlsVerificationDisabled: false,
      },
    },
    { kind: "inventory", part: "databases", items: [{ name: "Sales", compatibilityLevel: 150 }] },
    {
      kind: "module",
      module: {
        database: "Sales",
        schema: "dbo",
        name: "FlushLog",
        type: "procedure",
        typeCode: "P",
        origin: "module",
        definition: "CREATE PROCEDURE dbo.FlushLog\nAS\nBEGIN\n    CHECKPOINT;\nEND\n",
      },
    },
    { kind: "problem", problem: { part: "agent", reason: "permission-denied", message: "SELECT was denied on 'msdb.dbo.sysjobs'" } },
    ...extra,
  ];
}

async function* stream(list: readonly CollectedItem[]): AsyncGenerator<CollectedItem> {
  yield* list;
}

describe("infio assess --bundle", () => {
  let work: string;
  let keyFile: string;
  let key: KeyFileProvider;
  let otherKeyFile: string;
  let storedId: string | undefined;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), "infio-bundle-cli-"));
    keyFile = join(work, "master.key");
    otherKeyFile = join(work, "other.key");
    const created = await createKeyFile(keyFile);
    const other = await createKeyFile(otherKeyFile);
    assert.ok(created.ok);
    assert.ok(other.ok);
    key = created.value.provider;
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  async function bundle(name: string, list: readonly CollectedItem[]): Promise<string> {
    const path = join(work, name);
    await writeBundle(path, stream(list), { master: key, infioVersion: "0.0.0-test", server: ADDRESS });
    return path;
  }

  async function assess(args: string[]): Promise<{ code: number; err: string; out: string }> {
    const ctx = captureContext({ cwd: work });
    const code = await main(["assess", "--jobs", "1", "--data-dir", join(work, "home"), ...args], ctx);
    return { code, err: ctx.err.join(""), out: ctx.out.join("") };
  }

  async function storedIds(): Promise<string[]> {
    const opened = await openStore("embedded", { dataDir: join(work, "home") });
    if (!opened.ok) {
      throw opened.error;
    }
    try {
      return (await opened.store.listAssessments()).map((a) => `${a.id} ${a.status}`);
    } finally {
      await opened.store.close();
    }
  }

  it("stores the assessment with its live part and writes the reports", async () => {
    const path = await bundle("good.infio", items());
    const out = join(work, "report");
    const result = await assess(["--bundle", path, "--key-file", keyFile, "--out", out, "--format", "json"]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.err, /reading bundle '.*good\.infio': server 'sql01\.corp\.example,1433'/);

    const json = JSON.parse(readFileSync(join(out, "assessment.json"), "utf8"));
    assert.deepEqual(json.sources, [ADDRESS]);
    assert.equal(json.summary.files, 1);
    const checkpoint = json.findings.find((f: { featureId: string }) => f.featureId === "statement.checkpoint");
    assert.equal(checkpoint?.file, "Sales.dbo.FlushLog");
    assert.equal(checkpoint?.line, 4);

    const id = /^assessment (\S+)/.exec(result.out)?.[1];
    assert.ok(id);
    storedId = id;
    // --key-file names the master key of the run, so it wraps the store's data key too.
    const opened = await openStore("embedded", { dataDir: join(work, "home"), keys: { keyFile } });
    assert.ok(opened.ok);
    try {
      const stored = await opened.store.getAssessment(id);
      assert.equal(stored?.live?.server.name, "SQL01");
      assert.deepEqual(stored?.live?.inventory["databases"], [{ name: "Sales", compatibilityLevel: 150 }]);
      assert.equal(stored?.live?.problems[0]?.reason, "permission-denied");
    } finally {
      await opened.store.close();
    }
  });

  it("reports a stored live assessment again with its module code", async () => {
    assert.ok(storedId);
    const ctx = captureContext({ cwd: work });
    const code = await main(
      ["report", storedId, "--data-dir", join(work, "home"), "--key-file", keyFile, "--out", join(work, "again")],
      ctx,
    );
    assert.equal(code, 0, ctx.err.join(""));
    assert.doesNotMatch(ctx.err.join(""), /source not kept/);
    const json = JSON.parse(readFileSync(join(work, "again", "assessment.json"), "utf8"));
    assert.deepEqual(json.sources, [ADDRESS]);
    const html = readFileSync(join(work, "again", "assessment.html"), "utf8");
    assert.match(html, /<mark>CHECKPOINT<\/mark>/, "the code view shows the stored module text");
  });

  it("reports a live assessment without kept source", async () => {
    const path = await bundle("no-source.infio", items());
    const first = await assess(["--bundle", path, "--key-file", keyFile, "--no-keep-source", "--out", join(work, "r-no-source"), "--format", "json"]);
    assert.equal(first.code, 0, first.err);
    const id = /^assessment (\S+)/.exec(first.out)?.[1];
    assert.ok(id);

    const ctx = captureContext({ cwd: work });
    const code = await main(
      ["report", id, "--data-dir", join(work, "home"), "--key-file", keyFile, "--out", join(work, "again-no-source")],
      ctx,
    );

    assert.equal(code, 0, ctx.err.join(""));
    assert.match(ctx.err.join(""), /source not kept: the assessment was run with --no-keep-source, so the code view shows no module code/);
    const html = readFileSync(join(work, "again-no-source", "assessment.html"), "utf8");
    assert.doesNotMatch(html, /<mark>CHECKPOINT<\/mark>/);
  });

  it("fails with 1 on another key file", async () => {
    const path = await bundle("other-key.infio", items());
    const result = await assess(["--bundle", path, "--key-file", otherKeyFile, "--store", "none", "--out", join(work, "r2")]);
    assert.equal(result.code, 1);
    assert.match(result.err, /was encrypted under master key key-file:/);
  });

  it("fails with 1 on a truncated bundle and stores nothing", async () => {
    const before = await storedIds();
    const path = await bundle("cut.infio", items());
    truncateSync(path, statSync(path).size - 20);
    const result = await assess(["--bundle", path, "--key-file", keyFile, "--out", join(work, "r3")]);
    assert.equal(result.code, 1, result.err);
    assert.match(result.err, /is truncated/);
    assert.deepEqual(await storedIds(), before);
  });

  it("fails with 1 on a collection that timed out, naming server and database", async () => {
    const before = await storedIds();
    const timedOut: CollectedItem = {
      kind: "problem",
      problem: {
        part: "modules",
        database: "Sales",
        reason: "timeout",
        message: "query collector.modules on 'sql01.corp.example,1433', database 'Sales' timed out after 30s",
      },
    };
    const path = await bundle("timeout.infio", items([timedOut]));
    const result = await assess(["--bundle", path, "--key-file", keyFile, "--out", join(work, "r4")]);
    assert.equal(result.code, 1, result.err);
    assert.match(result.err, /'sql01\.corp\.example,1433', database 'Sales' timed out/);
    assert.deepEqual(await storedIds(), before);
  });

  it("fails with 1 on a file that is not a bundle", async () => {
    const result = await assess(["--bundle", keyFile, "--key-file", keyFile, "--store", "none", "--out", join(work, "r5")]);
    assert.equal(result.code, 1);
    assert.match(result.err, /is not an infio bundle/);
  });
});
