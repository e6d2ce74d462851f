/**
 * An interrupt while `infio assess` opens the embedded store: the run
 * stops without creating or changing the store, releases the lock file
 * and leaves no temporary folder, in-process and in a child process.
 */

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import type { InterruptSignal } from "../../src/cli/context.js";
import { executeAssess } from "../../src/cli/assess-run.js";
import { parseTarget } from "../../src/catalog/targets.js";
import { embeddedLockPath, embeddedStoreDirectory } from "../../src/store/open-store.js";
import { captureContext } from "./capture.js";
import { CHECKPOINT_PROC } from "./fixture-folder.js";
import { REPO, runInfio } from "./run-infio.js";

describe("interrupt while the store opens", () => {
  let work: string;
  let scripts: string;
  before(() => {
    work = mkdtempSync(join(tmpdir(), "infio-store-interrupt-"));
    scripts = join(work, "sql");
    mkdirSync(scripts);
    writeFileSync(join(scripts, "checkpoint.sql"), CHECKPOINT_PROC);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it("creates no store when the signal comes first", async () => {
    const target = parseTarget("babelfish");
    assert.ok(target.ok);
    const dataDir = join(work, "in-process");
    const ctx = captureContext();
    let sent = false;
    const interrupting = {
      ...ctx,
      onInterrupt: (handler: (signal: InterruptSignal) => void) => {
        const remove = ctx.onInterrupt(handler);
        // Interrupt as soon as the run has installed its handler, before the store opens.
        queueMicrotask(() => {
          if (!sent) {
            sent = true;
            ctx.interrupt();
          }
        });
        return remove;
      },
    };

    const code = await executeAssess(
      {
        paths: [scripts],
        out: join(work, "in-process-report"),
        formats: ["json"],
        target: target.target,
        store: "embedded",
        dataDir,
        include: [],
        exclude: [],
        variables: {},
        jobs: 1,
        quiet: false,
        maxFileSize: 1024 * 1024,
      },
      interrupting,
    );

    assert.equal(code, 130, ctx.err.join(""));
    assert.match(ctx.err.join(""), /opening the store was interrupted; nothing was stored/);
    assert.ok(!existsSync(embeddedStoreDirectory(dataDir)), "the store was created");
    assert.ok(!existsSync(embeddedLockPath(dataDir)), "the lock file was left");
    assert.ok(!existsSync(join(work, "in-process-report")), "the report folder was left");
  });

  it("stops a child process creating the store, leaving nothing", { skip: process.platform === "win32" && "POSIX signals" }, async () => {
    const dataDir = join(work, "child");
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [join(REPO, "bin", "infio.js"), "assess", scripts, "--data-dir", dataDir, "--out", join(work, "child-report")],
        { cwd: work, stdio: ["ignore", "ignore", "pipe"] },
      );
      let stderr = "";
      let sent = false;
      child.stderr.on("data", (d) => {
        stderr += d;
        if (!sent && stderr.includes("creating the embedded store")) {
          sent = true;
          child.kill("SIGINT");
        }
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stderr }));
    });

    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stderr, /warn  SIGINT received; stopping/);
    assert.match(run.stderr, /opening the store was interrupted; nothing was stored/);
    assert.doesNotMatch(run.stderr, /applied migration/);
    assert.ok(!existsSync(embeddedLockPath(dataDir)), "the lock file is released");
    assert.deepEqual(
      readdirSync(dataDir).filter((name) => name.startsWith("store.creating-")),
      [],
      "a temporary store folder was left",
    );

    const list = await runInfio(["list", "--json", "--data-dir", dataDir], work);
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual(JSON.parse(list.stdout), []);
  });
});
