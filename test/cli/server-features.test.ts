/**
 * `infio server-features` in-process, on assessments stored from a bundle
 * of the Kestrel fixture server and from a folder of scripts, and the
 * server features files `infio assess --bundle` writes beside its reports.
 */

import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { main } from "../../src/cli/main.js";
import { parseServerFeaturesFormat } from "../../src/cli/server-features.js";
import { createKeyFile, type KeyFileProvider } from "../../src/security/keys/key-file.js";
import { writeBundle } from "../../src/sources/bundle/index.js";
import type { CollectedItem } from "../../src/sources/sqlserver/collected.js";
import { collectFixture } from "../report/server-features/kestrel-live.js";
import { captureContext } from "./capture.js";

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function* stream(list: readonly CollectedItem[]): AsyncGenerator<CollectedItem> {
  yield* list;
}

describe("infio server-features", () => {
  let work: string;
  let keyFile: string;
  let key: KeyFileProvider;
  let liveIds: string[] = [];
  let scriptsId = "";

  async function infio(args: readonly string[]): Promise<Run> {
    const ctx = captureContext({ cwd: work });
    const code = await main([...args, "--data-dir", join(work, "home"), "--key-file", keyFile], ctx);
    return { code, out: ctx.out.join(""), err: ctx.err.join("") };
  }

  function idOf(run: Run): string {
    const id = /^assessment (\S+)/.exec(run.out)?.[1];
    assert.ok(id, `no assessment id in: ${run.out}\n${run.err}`);
    return id;
  }

  before(async () => {
    work = mkdtempSync(join(tmpdir(), "infio-server-features-"));
    keyFile = join(work, "master.key");
    const created = await createKeyFile(keyFile);
    assert.ok(created.ok);
    key = created.value.provider;

    const bundle = join(work, "kestrel.infio");
    await writeBundle(bundle, stream(await collectFixture()), {
      master: key,
      infioVersion: "0.0.0-test",
      server: "KESTREL-SQL01",
    });
    for (const out of ["report-1", "report-2"]) {
      const run = await infio(["assess", "--jobs", "1", "--bundle", bundle, "--out", join(work, out), "--format", "json,csv"]);
      assert.equal(run.code, 0, run.err);
      liveIds.push(idOf(run));
    }

    const scripts = join(work, "scripts");
    mkdirSync(scripts);
    writeFileSync(join(scripts, "proc.sql"), "CREATE PROCEDURE dbo.P AS SELECT 1;\n");
    const run = await infio(["assess", "--jobs", "1", scripts, "--out", join(work, "report-scripts"), "--format", "json"]);
    assert.equal(run.code, 0, run.err);
    scriptsId = idOf(run);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it("writes the features files beside a live server's reports", () => {
    const json = JSON.parse(readFileSync(join(work, "report-1", "server-features.json"), "utf8"));
    const csv = readFileSync(join(work, "report-1", "server-features.csv"), "utf8");

    assert.equal(json.servers.length, 1);
    assert.equal(json.servers[0].server, "KESTREL-SQL01");
    assert.equal(json.servers[0].assessmentId, liveIds[0]);
    assert.match(csv, /^\uFEFF"assessmentId","server",/);
    assert.match(csv, /"agent","SQL Server Agent","services","enabled","jobs=5; enabledJobs=5; operators=2; alerts=3"/);
  });

  it("writes no features file for scripts", () => {
    assert.equal(existsSync(join(work, "report-scripts", "server-features.json")), false);
  });

  it("prints CSV on stdout by default", async () => {
    const run = await infio(["server-features", liveIds[0]!]);

    assert.equal(run.code, 0, run.err);
    const lines = run.out.split("\r\n").filter((line) => line !== "");
    assert.equal(lines.length, 30);
    assert.match(lines[1]!, new RegExp(`^"${liveIds[0]}","KESTREL-SQL01","KESTREL-SQL01","agent",`));
  });

  it("prints one server per assessment as JSON", async () => {
    const run = await infio(["server-features", ...liveIds, "--format", "json"]);

    assert.equal(run.code, 0, run.err);
    const json = JSON.parse(run.out);
    assert.deepEqual(
      json.servers.map((s: { assessmentId: string }) => s.assessmentId),
      liveIds,
    );
    const agent = json.servers[1].features.find((f: { id: string }) => f.id === "agent");
    assert.equal(agent.state, "enabled");
  });

  it("writes the file --out names", async () => {
    const file = join(work, "features.csv");
    const run = await infio(["server-features", liveIds[0]!, "--out", file]);

    assert.equal(run.code, 0, run.err);
    assert.equal(run.out, "");
    assert.match(readFileSync(file, "utf8"), /"change-tracking","Change tracking","replication and change data","installed-not-used"/);
  });

  it("fails with 2 on an assessment of scripts", async () => {
    const file = join(work, "none.json");
    const run = await infio(["server-features", liveIds[0]!, scriptsId, "--format", "json", "--out", file]);

    assert.equal(run.code, 2);
    assert.ok(run.err.includes(`assessment '${scriptsId}' has no server inventory, because it assessed scripts`), run.err);
    assert.match(run.err, /'infio assess --server' or '--bundle'/);
    assert.equal(existsSync(file), false);
  });

  it("fails with 2 on an unknown id", async () => {
    const run = await infio(["server-features", "20990101-000000-000000"]);

    assert.equal(run.code, 2);
    assert.match(run.err, /assessment '20990101-000000-000000' not found/);
  });

  it("fails with 2 on an invalid format", async () => {
    const run = await infio(["server-features", liveIds[0]!, "--format", "xml"]);

    assert.equal(run.code, 2);
    assert.match(run.err, /invalid --format 'xml': use csv or json/);
  });

  it("fails with 1 when --out cannot be written", async () => {
    const run = await infio(["server-features", liveIds[0]!, "--out", join(work, "missing", "f.csv")]);

    assert.equal(run.code, 1);
    assert.match(run.err, /cannot write '.*missing.*f\.csv'/);
  });
});

describe("server-features --format", () => {
  it("accepts csv and json in any case", () => {
    assert.equal(parseServerFeaturesFormat("CSV"), "csv");
    assert.equal(parseServerFeaturesFormat(" json "), "json");
  });

  it("rejects other formats", () => {
    assert.throws(() => parseServerFeaturesFormat("html"), /invalid --format 'html': use csv or json/);
  });
});
