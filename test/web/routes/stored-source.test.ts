/**
 * The source view of assessments that the console did not run: one made by
 * `infio assess` into the store, one of a live server's modules, and both
 * again after the console restarts over the same store. The texts come from
 * the store, not from the console's memory.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import type { Finding } from "../../../src/assessment/model.js";
import { runAssessment } from "../../../src/assessment/run.js";
import { defaultCatalog } from "../../../src/catalog/catalog.js";
import { parseTarget } from "../../../src/catalog/targets.js";
import { main } from "../../../src/cli/main.js";
import { DEFAULT_MAX_FILE_SIZE } from "../../../src/sources/scripts/read.js";
import type { CollectedItem } from "../../../src/sources/sqlserver/collected.js";
import { SESSION_COOKIE } from "../../../src/web/auth/cookies.js";
import { assessmentRoutes } from "../../../src/web/routes/assessment.js";
import { captureContext } from "../../cli/capture.js";
import { startTestConsole, type TestConsole } from "../../helpers/web-console.js";
import { SOURCE_SCRIPT } from "./assessment-fixtures.js";

const LIVE_ID = "20250101-000000-live-texts";
const MODULE_TEXT = "CREATE PROCEDURE dbo.FlushLog\nAS\nBEGIN\n    SELECT 1;\n    CHECKPOINT;\nEND\n";

/** Returns the markup of one source line's row, from `<tr id="L…"` to its end. */
function lineRow(body: string, line: number): string {
  const start = body.indexOf(`<tr id="L${line}"`);
  assert.notEqual(start, -1, `no row for line ${line}`);
  return body.slice(start, body.indexOf("</tr>", start));
}

function sourceUrl(id: string, finding: Finding): string {
  return `/assessments/${id}/source?${new URLSearchParams({ file: finding.file, line: String(finding.line) })}`;
}

/** Runs `infio assess` in-process on `folder` into the embedded store of `dataDir`. */
async function assessWithCli(folder: string, dataDir: string, extra: string[] = []): Promise<string> {
  const ctx = captureContext({ cwd: folder });
  const args = ["assess", folder, "--jobs", "1", "--data-dir", dataDir, "--format", "json", "--out", join(folder, "..", `report-${extra.length}`)];
  const code = await main([...args, ...extra], ctx);
  assert.equal(code, 0, ctx.err.join(""));
  const id = /^assessment (\S+)/.exec(ctx.out.join(""))?.[1];
  assert.ok(id, ctx.out.join(""));
  return id;
}

async function* liveItems(): AsyncGenerator<CollectedItem> {
  yield {
    kind: "server",
    server: {
      address: "sql01.corp.example,1433",
      name: "SQL01",
      version: "16.0.4135.4",
      edition: "Standard Edition (64-bit)",
      collectedAt: "2025-01-01T00:00:00.000Z",
      tlsVerificationDisabled: false,
    },
  };
  yield {
    kind: "module",
    module: {
      database: "Sales",
      schema: "dbo",
      name: "FlushLog",
      type: "procedure",
      typeCode: "P",
      origin: "module",
      definition: MODULE_TEXT,
    },
  };
}

describe("source view from the store", () => {
  let work: string;
  let dataDir: string;
  let scriptId: string;
  let notKeptId: string;
  let web: TestConsole | undefined;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), "infio-stored-source-"));
    dataDir = join(work, "data");
    const scripts = join(work, "scripts");
    mkdirSync(scripts);
    writeFileSync(join(scripts, "scroll.sql"), SOURCE_SCRIPT);

    scriptId = await assessWithCli(scripts, dataDir);
    notKeptId = await assessWithCli(scripts, dataDir, ["--no-keep-source"]);
    // Removing the script shows that the console does not read it from disk.
    rmSync(join(scripts, "scroll.sql"));

    web = await startTestConsole({ routes: [assessmentRoutes], dataDir });
    const target = parseTarget("babelfish");
    assert.ok(target.ok);
    const live = await runAssessment({
      id: LIVE_ID,
      startedAt: new Date("2025-01-01T00:00:00.000Z"),
      infioVersion: "0.0.0-test",
      sources: ["sql01.corp.example,1433"],
      collected: liveItems(),
      target: target.target,
      catalog: defaultCatalog(),
      maxFileSize: DEFAULT_MAX_FILE_SIZE,
      jobs: 1,
      store: web.services.store,
    });
    assert.ok(live.ok, live.ok ? "" : live.error);
  });

  after(async () => {
    await web?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function findingOf(id: string, featureId: string): Promise<Finding> {
    const stored = await web!.services.store.getAssessment(id);
    const finding = stored?.findings.find((f) => f.featureId === featureId);
    assert.ok(finding, `assessment ${id} has no ${featureId} finding`);
    return finding;
  }

  it("highlights the line of a CLI assessment", async () => {
    const viewer = await web!.signInAs("viewer");
    const finding = await findingOf(scriptId, "cursor.option.scroll");

    const page = await viewer.get(sourceUrl(scriptId, finding));

    assert.equal(page.statusCode, 200);
    assert.equal(finding.line, 3);
    assert.match(lineRow(page.body, 3), /^<tr id="L3" class="hit" aria-current="location">/);
    assert.match(lineRow(page.body, 3), /DECLARE c <mark>CURSOR<\/mark> <mark>SCROLL<\/mark> FOR/);
    assert.match(lineRow(page.body, 6), /^<tr id="L6" class="finding-line">/);
  });

  it("highlights the line of a live server's module", async () => {
    const viewer = await web!.signInAs("viewer");
    const finding = await findingOf(LIVE_ID, "statement.checkpoint");

    const page = await viewer.get(sourceUrl(LIVE_ID, finding));

    assert.equal(page.statusCode, 200);
    assert.equal(finding.line, 5);
    assert.match(lineRow(page.body, 5), /^<tr id="L5" class="hit"/);
    assert.match(lineRow(page.body, 5), /<mark>CHECKPOINT<\/mark>/);
  });

  it("says source not kept for --no-keep-source", async () => {
    const viewer = await web!.signInAs("viewer");
    const finding = await findingOf(notKeptId, "cursor.option.scroll");

    const page = await viewer.get(sourceUrl(notKeptId, finding));

    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Source not kept: this assessment was stored without its code/);
    assert.match(page.body, /<li>line 3, column \d+: /);
    assert.doesNotMatch(page.body, /<tr id="L3"/);
  });

  it("shows the same lines after a restart", async () => {
    const viewer = await web!.signInAs("viewer");
    const scroll = await findingOf(scriptId, "cursor.option.scroll");
    const checkpoint = await findingOf(LIVE_ID, "statement.checkpoint");
    const sessionId = viewer.cookies.get(SESSION_COOKIE);
    assert.ok(sessionId);

    await web!.close();
    web = undefined;
    web = await startTestConsole({ routes: [assessmentRoutes], dataDir });
    // Sessions are kept in the store, so the viewer's cookie still works.
    const restarted = web.visitor();
    restarted.cookies.set(SESSION_COOKIE, sessionId);
    const script = await restarted.get(sourceUrl(scriptId, scroll));
    const module = await restarted.get(sourceUrl(LIVE_ID, checkpoint));

    assert.equal(script.statusCode, 200, script.body.slice(0, 300));
    assert.match(lineRow(script.body, 3), /^<tr id="L3" class="hit"/);
    assert.match(lineRow(script.body, 3), /<mark>SCROLL<\/mark>/);
    assert.equal(module.statusCode, 200);
    assert.match(lineRow(module.body, 5), /^<tr id="L5" class="hit"/);
  });
});
