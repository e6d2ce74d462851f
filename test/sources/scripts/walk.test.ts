import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { compileGlob, type GlobMatcher } from "../../../src/sources/scripts/glob.js";
import { newWalkCounts, walkSources, type ScriptEntry, type WalkOptions } from "../../../src/sources/scripts/walk.js";
import { ASSESSED, writeEmptyFolder, writeFixtureFolder } from "../../cli/fixture-folder.js";

async function entries(sources: string[], options: WalkOptions = {}): Promise<string[]> {
  const out: string[] = [];
  for await (const e of walkSources(sources, options)) {
    out.push(describeEntry(e));
  }
  return out;
}

function describeEntry(e: ScriptEntry): string {
  switch (e.kind) {
    case "file":
      return `file ${e.name}`;
    case "stdin":
      return `stdin ${e.name}`;
    case "skipped":
      return `skipped ${e.skipped.file} ${e.skipped.reason}`;
  }
}

function glob(pattern: string): GlobMatcher {
  const compiled = compileGlob(pattern);
  assert.ok(compiled.ok);
  return compiled.matcher;
}

describe("walkSources", () => {
  let root: string;
  before(() => {
    root = writeFixtureFolder();
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("lists a folder depth-first in code-point order, skipping .git", async () => {
    assert.deepEqual(await entries([root]), [
      "file bin/backup.sql",
      "file broken-utf16.sql",
      "skipped dangling.sql unreadable",
      "file empty.sql",
      "skipped notes.txt not-sql",
      `file ${ASSESSED[0]}`,
      `file ${ASSESSED[1]}`,
      `file ${ASSESSED[2]}`,
    ]);
  });

  it("names the path and the fix when a file cannot be read", async () => {
    for await (const e of walkSources([root])) {
      if (e.kind === "skipped" && e.skipped.reason === "unreadable") {
        assert.match(e.skipped.message, /'.*dangling\.sql'/);
        assert.match(e.skipped.message, /symbolic link to '.*missing-target\.sql', which does not exist/);
        assert.match(e.skipped.message, /fix the link or exclude it with --exclude/);
      }
    }
  });

  it("resolves relative paths against the cwd given and names relative to the folder", async () => {
    const parent = join(root, "..");
    const name = root.slice(parent.length + 1);
    const list = await entries([join(name, "tables")], { cwd: parent });
    assert.deepEqual(list, ["file orders.sql"]);
  });

  it("prefixes names with the path given when there are several sources", async () => {
    const list = await entries([join(root, "tables"), join(root, "procs", "checkpoint.sql"), "-"]);
    const prefix = root.replaceAll("\\", "/");
    assert.deepEqual(list, [
      `file ${prefix}/tables/orders.sql`,
      `file ${prefix}/procs/checkpoint.sql`,
      "stdin <stdin>",
    ]);
  });

  it("assesses a file named explicitly whatever its extension", async () => {
    assert.deepEqual(await entries([join(root, "notes.txt")]), ["file notes.txt"]);
  });

  it("applies --exclude to files and folders, and counts what it left out", async () => {
    const counts = newWalkCounts();
    const list: string[] = [];
    for await (const e of walkSources([root], { exclude: [glob("procs"), glob("*.txt"), glob("bin/**")] }, counts)) {
      list.push(describeEntry(e));
    }
    assert.ok(!list.some((l) => l.includes("procs/") || l.includes("notes.txt") || l.includes("bin/")), list.join("\n"));
    assert.equal(counts.excluded, 2);
  });

  it("with --include assesses only matching files, of any extension", async () => {
    const list = await entries([root], { include: [glob("*.txt"), glob("tables/*")] });
    assert.deepEqual(list, ["file notes.txt", "file tables/orders.sql"]);
  });

  it("reports a folder without SQL files as empty", async () => {
    const empty = writeEmptyFolder();
    try {
      writeFileSync(join(empty, "readme.md"), "# hi\n");
      mkdirSync(join(empty, "sub"));
      const list = await entries([empty]);
      assert.equal(list.length, 2);
      assert.equal(list[0], "skipped readme.md not-sql");
      assert.match(list[1]!, / empty$/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("reads each file once when paths overlap", async () => {
    const counts = newWalkCounts();
    const list: string[] = [];
    for await (const e of walkSources([join(root, "tables"), join(root, "tables", "orders.sql")], {}, counts)) {
      list.push(describeEntry(e));
    }
    assert.equal(list.length, 1);
    assert.equal(counts.duplicates, 1);
  });
});
