/**
 * The report folder: created one level at a time, checked for writing,
 * and rejected at once with the path and the fix when it cannot hold
 * reports. Paths under /proc made Node's recursive mkdir loop forever.
 */

import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { UsageError } from "../../src/cli/errors.js";
import { makeFolder, prepareOutDir, removeCreatedFolders } from "../../src/cli/out-dir.js";
import { runInfio } from "./run-infio.js";

const isRoot = process.getuid?.() === 0;
const hasProc = existsSync("/proc/self");

describe("prepareOutDir", () => {
  let work: string;
  before(() => {
    work = mkdtempSync(join(tmpdir(), "infio-out-"));
  });
  after(() => {
    chmodSync(work, 0o700);
    rmSync(work, { recursive: true, force: true });
  });

  it("creates missing levels and lists them parents first", async () => {
    const dir = join(work, "a", "b", "c");
    const prepared = await prepareOutDir(dir);
    assert.deepEqual(prepared.created, [join(work, "a"), join(work, "a", "b"), dir]);
    assert.deepEqual(readdirSync(dir), [], "the probe file must be gone");
  });

  it("accepts an existing folder and creates nothing", async () => {
    const prepared = await prepareOutDir(work);
    assert.deepEqual(prepared.created, []);
  });

  it("removes only the empty folders it created", async () => {
    const dir = join(work, "x", "y");
    const prepared = await prepareOutDir(dir);
    writeFileSync(join(work, "x", "keep.txt"), "user file\n");
    await removeCreatedFolders(prepared.created);
    assert.ok(!existsSync(dir));
    assert.ok(existsSync(join(work, "x", "keep.txt")));
  });

  it("rejects a file, naming the path and the fix", async () => {
    const file = join(work, "report.txt");
    writeFileSync(file, "");
    await assert.rejects(prepareOutDir(file), (error: Error) => {
      assert.ok(error instanceof UsageError, String(error));
      assert.equal(
        error.message,
        `cannot write the reports to '${file}': it exists and is not a folder; ` +
          "pass --out with a folder you can write to",
      );
      return true;
    });
    await assert.rejects(prepareOutDir(join(file, "sub")), /'.*report\.txt' exists and is not a folder/);
  });

  it("rejects a path below a broken symbolic link", async (t) => {
    if (process.platform === "win32") {
      t.skip("symbolic links need extra rights on Windows");
      return;
    }
    const link = join(work, "dangling");
    symlinkSync(join(work, "no-such-target"), link);
    await assert.rejects(prepareOutDir(join(link, "r")), (error: Error) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /'.*dangling' is a symbolic link to a missing target; pass --out/);
      return true;
    });
  });

  it("rejects /proc/x at once instead of looping", { skip: !hasProc && "no /proc here" }, async () => {
    await assert.rejects(makeFolder("/proc/x/y"), (error: Error) => {
      assert.ok(error instanceof UsageError);
      assert.equal(
        error.message,
        "cannot write the reports to '/proc/x/y': '/proc' does not accept new folders; " +
          "pass --out with a folder you can write to",
      );
      return true;
    });
  });

  it("rejects a folder without write permission", async (t) => {
    if (isRoot || process.platform === "win32") {
      // root writes through any mode bits, and Windows uses ACLs instead.
      t.skip("chmod does not stop writes as root or on Windows");
      return;
    }
    const locked = join(work, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    try {
      await assert.rejects(prepareOutDir(locked), /'.*locked': the folder is not writable \(permission denied\)/);
      await assert.rejects(prepareOutDir(join(locked, "sub")), /permission denied creating '.*sub'/);
    } finally {
      chmodSync(locked, 0o700);
    }
  });
});

describe("infio assess --out that cannot be used", () => {
  let work: string;
  before(() => {
    work = mkdtempSync(join(tmpdir(), "infio-out-e2e-"));
    mkdirSync(join(work, "sql"));
    writeFileSync(join(work, "sql", "a.sql"), "CHECKPOINT;\n");
    writeFileSync(join(work, "taken"), "");
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const cases: { out: string; message: RegExp; skip?: string | false }[] = [
    { out: "/proc/x", message: /'\/proc' does not accept new folders/, skip: !hasProc && "no /proc here" },
    { out: "taken", message: /it exists and is not a folder/ },
    { out: "taken/r", message: /'.*taken' exists and is not a folder/ },
  ];
  for (const c of cases) {
    it(`exits with 2 for --out ${c.out} before assessing`, { skip: c.skip ?? false }, async () => {
      const run = await runInfio(["assess", "sql", "--out", c.out, "--data-dir", join(work, "home")], work);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /^error: cannot write the reports to '/);
      assert.match(run.stderr, c.message);
      assert.match(run.stderr, /pass --out with a folder you can write to/);
      assert.doesNotMatch(run.stderr, /started/, "nothing is assessed");
      assert.ok(!existsSync(join(work, "home")), "the store is not opened");
      assert.equal(run.stdout, "");
    });
  }

  it("infio report rejects the same --out", { skip: !hasProc && "no /proc here" }, async () => {
    const home = join(work, "home-report");
    const assess = await runInfio(["assess", "sql", "--out", "r", "--data-dir", home, "-q"], work);
    assert.equal(assess.code, 0, assess.stderr);
    const id = /^assessment (\S+)/.exec(assess.stdout)![1]!;

    const run = await runInfio(["report", id, "--out", "/proc/x", "--data-dir", home], work);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /cannot write the reports to '\/proc\/x': '\/proc' does not accept new folders/);
  });
});
