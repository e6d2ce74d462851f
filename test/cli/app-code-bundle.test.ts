/**
 * `infio assess --bundle FILE --app-code DIR` in-process: the modules of
 * a collected server and the SQL of a source tree in one assessment, as
 * with a live server, whose items take the same path through the run.
 */

import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { main } from "../../src/cli/main.js";
import { createKeyFile, type KeyFileProvider } from "../../src/security/keys/key-file.js";
import { writeBundle } from "../../src/sources/bundle/index.js";
import type { CollectedItem } from "../../src/sources/sqlserver/collected.js";
import { SHOP } from "../sources/app-code/fixtures.js";
import { captureContext } from "./capture.js";

const ADDRESS = "sql01.corp.example,1433";

const ITEMS: readonly CollectedItem[] = [
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
];

async function* stream(list: readonly CollectedItem[]): AsyncGenerator<CollectedItem> {
  yield* list;
}

describe("infio assess --bundle --app-code", () => {
  let work: string;
  let keyFile: string;
  let key: KeyFileProvider;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), "infio-app-code-bundle-"));
    cpSync(SHOP, join(work, "shop"), { recursive: true });
    keyFile = join(work, "master.key");
    const created = await createKeyFile(keyFile);
    assert.ok(created.ok);
    key = created.value.provider;
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it("assesses modules and source code together", async () => {
    const bundle = join(work, "sql01.infio");
    await writeBundle(bundle, stream(ITEMS), { master: key, infioVersion: "0.0.0-test", server: ADDRESS });
    const ctx = captureContext({ cwd: work });
    const args = ["assess", "--jobs", "1", "--store", "none", "--bundle", bundle, "--key-file", keyFile];
    const code = await main([...args, "--app-code", "shop", "--out", "r", "--format", "json"], ctx);
    assert.equal(code, 0, ctx.err.join(""));

    const json = JSON.parse(readFileSync(join(work, "r", "assessment.json"), "utf8"));
    assert.deepEqual(json.sources, [ADDRESS]);
    assert.equal(json.live.server.name, "SQL01");
    const units = (json.units as { file: string }[]).map((u) => u.file);
    assert.equal(units[0], "Sales.dbo.FlushLog");
    assert.ok(units.includes("shop/src/Orders/OrderRepository.cs"), units.join(", "));
    const getdate = (json.findings as { featureId: string; file: string; line: number; column: number }[]).find(
      (f) => f.featureId === "builtin.function.getdate",
    );
    assert.deepEqual([getdate?.file, getdate?.line, getdate?.column], ["shop/src/Orders/OrderRepository.cs", 23, 17]);
    assert.equal(json.applicationCode.statementsFound, 19);
  });

  it("selects source files with --exclude", async () => {
    const bundle = join(work, "sql01-exclude.infio");
    await writeBundle(bundle, stream(ITEMS), { master: key, infioVersion: "0.0.0-test", server: ADDRESS });
    const ctx = captureContext({ cwd: work });
    const args = ["assess", "--jobs", "1", "--store", "none", "--bundle", bundle, "--key-file", keyFile];
    const code = await main([...args, "--app-code", "shop", "--exclude", "web/**", "--out", "x", "--format", "json"], ctx);
    assert.equal(code, 0, ctx.err.join(""));

    const json = JSON.parse(readFileSync(join(work, "x", "assessment.json"), "utf8"));
    const units = (json.units as { file: string }[]).map((u) => u.file);
    assert.ok(!units.some((u) => u.includes("/web/")), units.join(", "));
    // `web/**` matches the files below web/, so each of its three files counts.
    assert.equal(json.applicationCode.skipped.excluded, 3);
  });
});
