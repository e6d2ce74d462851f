/**
 * `infio assess` when no script is assessed at all: exit code 1, nothing
 * stored, no report, and a message that names the paths, the cause and
 * only the options that would help.
 */

import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import type { AssessOptions } from "../../src/cli/assess.js";
import { executeAssess } from "../../src/cli/assess-run.js";
import { executeList } from "../../src/cli/list.js";
import { parseTarget } from "../../src/catalog/targets.js";
import { captureContext } from "./capture.js";
import { CHECKPOINT_PROC } from "./fixture-folder.js";

interface Case {
  readonly name: string;
  /** Files to create, by path below the case's folder. */
  readonly files: Readonly<Record<string, string | Uint8Array>>;
  /** Paths to assess, below the case's folder; the folder itself when absent. */
  readonly paths?: readonly string[];
  readonly options?: Partial<AssessOptions>;
  /** Fragments the error line must contain. */
  readonly expected: readonly string[];
  /** Fragments it must not contain: hints that would not help. */
  readonly unexpected?: readonly string[];
  /** Fragments of the skip warnings logged before it. */
  readonly logged?: readonly string[];
}

const cases: Case[] = [
  {
    name: "only files with other extensions",
    files: { "notes.txt": "not SQL", "db/schema.txt": "CREATE TABLE t (a int)" },
    expected: ["2 input(s) skipped (2 not-sql)", "pass --include '*.txt'"],
  },
  {
    name: "an --include that matches nothing",
    files: { "procs/a.sql": CHECKPOINT_PROC },
    options: { include: ["*.prc"] },
    expected: ["--include '*.prc' matched no file", "1 file(s) left out", "check the --include patterns"],
    unexpected: ["pass --include", "holds no SQL files"],
  },
  {
    name: "an --exclude that leaves out every file",
    files: { "procs/a.sql": CHECKPOINT_PROC, "procs/b.sql": CHECKPOINT_PROC },
    options: { exclude: ["*.sql"] },
    expected: ["--exclude '*.sql' left out every file (2)", "check the --exclude patterns"],
    unexpected: ["--include"],
  },
  {
    name: "only files over --max-file-size",
    files: { "a.sql": CHECKPOINT_PROC },
    options: { maxFileSize: 10 },
    expected: ["1 input(s) skipped (1 too-large)", "pass --max-file-size with a value over 10 bytes"],
    unexpected: ["--include"],
  },
  {
    name: "an empty file named on the command line",
    files: { "empty.sql": "" },
    paths: ["empty.sql"],
    expected: ["1 input(s) skipped (1 empty)", "the empty inputs contain no code"],
    unexpected: ["--include"],
  },
  {
    name: "a binary file",
    files: { "blob.sql": Uint8Array.from([0x54, 0x41, 0, 0, 1, 2, 3, 0, 0xff, 0x10, 0, 0]) },
    expected: ["1 input(s) skipped (1 binary)", "pass --encoding"],
    unexpected: ["--include"],
  },
  {
    name: "an empty folder",
    files: {},
    expected: ["contains no files to assess; point infio at another folder"],
    unexpected: ["--include", "skipped"],
  },
];

describe("infio assess with nothing to assess", () => {
  let work: string;
  const target = parseTarget("babelfish");
  before(() => {
    work = mkdtempSync(join(tmpdir(), "infio-nothing-"));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  function options(name: string, folder: string, c: Partial<Case>): AssessOptions {
    assert.ok(target.ok);
    return {
      paths: (c.paths ?? ["."]).map((p) => join(folder, p)),
      out: join(work, `${name}-report`),
      formats: ["json"],
      target: target.target,
      store: "none",
      dataDir: join(work, `${name}-data`),
      include: [],
      exclude: [],
      variables: {},
      jobs: 1,
      quiet: true,
      maxFileSize: 1024 * 1024,
      ...c.options,
    };
  }

  function folderOf(name: string, files: Case["files"]): string {
    const folder = join(work, name);
    mkdirSync(folder, { recursive: true });
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(folder, path, ".."), { recursive: true });
      writeFileSync(join(folder, path), content);
    }
    return folder;
  }

  cases.forEach((c, index) => {
    it(`fails on ${c.name}`, async () => {
      const name = `case-${index}`;
      const folder = folderOf(name, c.files);
      const ctx = captureContext();
      const code = await executeAssess(options(name, folder, c), ctx);

      const err = ctx.err.join("");
      assert.equal(code, 1, err);
      assert.equal(ctx.out.join(""), "", "no assessment id on stdout");
      const line = err.split("\n").find((l) => l.includes("error nothing was assessed in "));
      assert.ok(line, err);
      for (const path of c.paths ?? ["."]) {
        assert.ok(line.includes(`'${join(folder, path)}'`), `path not named: ${line}`);
      }
      for (const fragment of c.expected) {
        assert.ok(line.includes(fragment), `'${fragment}' missing: ${line}`);
      }
      for (const fragment of c.unexpected ?? []) {
        assert.ok(!line.includes(fragment), `'${fragment}' in: ${line}`);
      }
      for (const fragment of c.logged ?? []) {
        assert.ok(err.includes(fragment), `'${fragment}' not logged: ${err}`);
      }
      assert.ok(!existsSync(join(work, `${name}-report`)), "the report folder was left");
    });
  });

  it("stores nothing in the embedded store", async () => {
    const folder = folderOf("stored", { "notes.txt": "x" });
    const ctx = captureContext();
    const run = { ...options("stored", folder, {}), store: "embedded" };
    assert.equal(await executeAssess(run, ctx), 1, ctx.err.join(""));

    const list = captureContext();
    assert.equal(await executeList({ store: "embedded", dataDir: run.dataDir, json: true }, list), 0);
    assert.equal(list.out.join(""), "[]\n");
  });

  it("names the cause in the folder's own skip message", async () => {
    const folder = folderOf("walk", { "procs/a.sql": CHECKPOINT_PROC });
    const ctx = captureContext();
    await executeAssess({ ...options("walk", folder, {}), quiet: false, include: ["*.prc"] }, ctx);
    const err = ctx.err.join("");
    assert.match(err, /no file in folder '[^']*walk' matches --include '\*\.prc'/);
    assert.doesNotMatch(err, /holds no SQL files/);
  });
});
