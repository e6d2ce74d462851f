/**
 * Where `infio report` takes the code view's text from: the text stored
 * with the assessment, even once the script has changed on disk, and for an
 * assessment stored without texts, the script on disk while it is
 * unchanged. Runs `infio` in-process on an embedded store.
 */

import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { main } from "../../src/cli/main.js";
import { openStore } from "../../src/store/open-store.js";
import { SqlStore } from "../../src/store/sql-store.js";
import { captureContext } from "./capture.js";

const SCRIPT = "CREATE PROCEDURE dbo.Flush\nAS\n    CHECKPOINT;\nGO\n";
/** The same size as SCRIPT, so that only its content differs. */
const CHANGED = "CREATE PROCEDURE dbo.Flush\nAS\n    SELECT 1234;\nGO\n";

describe("infio report source texts", () => {
  let work: string;
  let dataDir: string;
  let scripts: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), "infio-report-source-"));
    dataDir = join(work, "data");
    scripts = join(work, "scripts");
    mkdirSync(scripts);
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  async function infio(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const ctx = captureContext({ cwd: work });
    const code = await main([...args, "--data-dir", dataDir], ctx);
    return { code, out: ctx.out.join(""), err: ctx.err.join("") };
  }

  async function assess(extra: string[] = []): Promise<string> {
    writeFileSync(join(scripts, "flush.sql"), SCRIPT);
    const run = await infio(["assess", "scripts", "--jobs", "1", "--format", "json", "--out", "first", ...extra]);
    assert.equal(run.code, 0, run.err);
    const id = /^assessment (\S+)/.exec(run.out)?.[1];
    assert.ok(id, run.out);
    return id;
  }

  async function reportHtml(id: string, out: string): Promise<{ html: string; err: string }> {
    const run = await infio(["report", id, "--format", "html", "--out", out]);
    assert.equal(run.code, 0, run.err);
    return { html: readFileSync(join(work, out, "assessment.html"), "utf8"), err: run.err };
  }

  it("prefers the stored text to a changed script", async () => {
    const id = await assess();
    writeFileSync(join(scripts, "flush.sql"), CHANGED);

    const { html, err } = await reportHtml(id, "stored");

    assert.match(html, /<mark>CHECKPOINT<\/mark>/);
    assert.doesNotMatch(html, /SELECT 1234/);
    assert.doesNotMatch(err, /source not kept/);
  });

  it("reads an older assessment's script from disk", async () => {
    const id = await assess();
    const opened = await openStore("embedded", { dataDir });
    assert.ok(opened.ok);
    try {
      assert.ok(opened.store instanceof SqlStore);
      // As stored before the texts were kept: no texts and no flag.
      await opened.store.connection.query("delete from unit_texts");
      await opened.store.connection.query("update assessments set source_kept = null");
    } finally {
      await opened.store.close();
    }

    const unchanged = await reportHtml(id, "older");
    writeFileSync(join(scripts, "flush.sql"), CHANGED);
    const changed = await reportHtml(id, "older-changed");

    assert.match(unchanged.html, /<mark>CHECKPOINT<\/mark>/);
    assert.doesNotMatch(unchanged.err, /source not kept/);
    assert.doesNotMatch(changed.html, /SELECT 1234/);
    assert.match(changed.err, /source not kept: the assessment was stored by an infio version that kept no source text/);
  });

  it("says source not kept for --no-keep-source", async () => {
    const id = await assess(["--no-keep-source"]);
    writeFileSync(join(scripts, "flush.sql"), CHANGED);

    const { html, err } = await reportHtml(id, "not-kept");

    assert.doesNotMatch(html, /<mark>CHECKPOINT<\/mark>/);
    assert.doesNotMatch(html, /SELECT 1234/);
    assert.match(err, /source not kept: the assessment was run with --no-keep-source, and 1 script\(s\) are gone or changed/);
  });
});
