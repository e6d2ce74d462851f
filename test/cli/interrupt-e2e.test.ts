/**
 * SIGINT and SIGTERM during `infio assess`, sent to the real command in a
 * child process once its progress shows. The run must stop, store nothing,
 * release the store's lock file and write no report file. The exit code is
 * 128 plus the signal's number.
 */

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { generateCorpus } from "../../bench/corpus.js";
import { embeddedLockPath } from "../../src/store/open-store.js";
import { REPO, runInfio, testHome } from "./run-infio.js";

const BIN = join(REPO, "bin", "infio.js");

/**
 * Lines of generated T-SQL: enough that one worker is still assessing when
 * the first plain progress line comes, two seconds in. A run that ends
 * first fails the test with its log rather than passing unchecked.
 */
const CORPUS_LINES = 1_000_000;

interface Stopped {
  readonly code: number | null;
  readonly stderr: string;
  readonly progressSeen: boolean;
}

/** Runs `infio assess` and sends `signal` once a progress line appears. */
function assessAndSignal(args: readonly string[], cwd: string, signal: NodeJS.Signals): Promise<Stopped> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "assess", ...args], {
      cwd,
      env: { ...process.env, INFIO_HOME: testHome(cwd) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    let progressSeen = false;
    child.stderr.on("data", (d) => {
      stderr += d;
      if (!progressSeen && /info {2}assessed \d/.test(stderr)) {
        progressSeen = true;
        child.kill(signal);
      }
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr, progressSeen }));
  });
}

describe("infio assess interrupted", { skip: process.platform === "win32" && "POSIX signals" }, () => {
  let work: string;
  let corpus: string;
  before(() => {
    work = mkdtempSync(join(tmpdir(), "infio-signal-"));
    corpus = join(work, "corpus");
    mkdirSync(corpus);
    for (const file of generateCorpus(CORPUS_LINES)) {
      writeFileSync(join(corpus, file.name), file.text);
    }
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const cases: { signal: NodeJS.Signals; code: number }[] = [
    { signal: "SIGINT", code: 130 },
    { signal: "SIGTERM", code: 143 },
  ];
  for (const c of cases) {
    it(`stops on ${c.signal} with exit code ${c.code} and stores nothing`, async () => {
      const home = join(work, `home-${c.signal}`);
      const out = join(work, `report-${c.signal}`);
      const run = await assessAndSignal([corpus, "--data-dir", home, "--jobs", "1", "--out", out], work, c.signal);

      assert.ok(run.progressSeen, `the run ended before its first progress line:\n${run.stderr}`);
      assert.equal(run.code, c.code, run.stderr);
      assert.match(run.stderr, new RegExp(`warn  ${c.signal} received; stopping`));
      assert.match(run.stderr, /interrupted; nothing of it was stored/);
      assert.ok(!existsSync(out), "the report folder this run created is removed");
      assert.ok(!existsSync(embeddedLockPath(home)), "the lock file is released");

      const list = await runInfio(["list", "--json", "--data-dir", home], work);
      assert.equal(list.code, 0, list.stderr);
      assert.deepEqual(JSON.parse(list.stdout), []);
      assert.doesNotMatch(list.stderr, /removed the rows of interrupted assessment/);
    });
  }

  it("keeps the files of a report folder that existed", async () => {
    const out = join(work, "existing");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "kept\n");
    const run = await assessAndSignal(
      [corpus, "--store", "none", "--jobs", "1", "--out", out],
      work,
      "SIGTERM",
    );
    assert.ok(run.progressSeen, run.stderr);
    assert.equal(run.code, 143, run.stderr);
    assert.deepEqual(readdirSync(out), ["notes.txt"]);
  });
});
