/**
 * Paths that are not regular files: named pipes, sockets, devices, broken
 * links and link loops are listed as skipped with a reason and a message,
 * and never opened (opening a named pipe blocks until a writer comes). The
 * timeouts turn a regression, which would hang, into a failure.
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { compileGlob } from "../../../src/sources/scripts/glob.js";
import { readScript } from "../../../src/sources/scripts/read.js";
import { newWalkCounts, walkSources, type ScriptEntry } from "../../../src/sources/scripts/walk.js";
import { runInfio } from "../../cli/run-infio.js";

const posix = process.platform !== "win32";
const GUARD = { timeout: 60_000 };

async function walk(sources: string[]): Promise<ScriptEntry[]> {
  const out: ScriptEntry[] = [];
  for await (const e of walkSources(sources)) {
    out.push(e);
  }
  return out;
}

function skippedOf(entries: readonly ScriptEntry[]): Map<string, { reason: string; message: string }> {
  const map = new Map<string, { reason: string; message: string }>();
  for (const e of entries) {
    if (e.kind === "skipped") {
      map.set(e.skipped.file, e.skipped);
    }
  }
  return map;
}

describe("special files in a walk", { skip: !posix && "named pipes and sockets are POSIX" }, () => {
  let root: string;
  let server: Server;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), "infio-special-"));
    mkdirSync(join(root, "db"));
    writeFileSync(join(root, "db", "a.sql"), "SELECT 1;\n");
    execFileSync("mkfifo", [join(root, "db", "pipe.sql")]);
    execFileSync("mkfifo", [join(root, "fifo-only")]);
    symlinkSync(join(root, "db", "gone.sql"), join(root, "db", "broken.sql"));
    symlinkSync(join(root, "db", "loop-b.sql"), join(root, "db", "loop-a.sql"));
    symlinkSync(join(root, "db", "loop-a.sql"), join(root, "db", "loop-b.sql"));
    symlinkSync("/dev/null", join(root, "db", "null.sql"));
    server = createServer();
    await new Promise<void>((resolve) => server.listen(join(root, "db", "agent.sock"), resolve));
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(root, { recursive: true, force: true });
  });

  it("lists each non-regular file with its reason", GUARD, async () => {
    const entries = await walk([join(root, "db")]);
    const files = entries.filter((e) => e.kind === "file").map((e) => (e as { name: string }).name);
    assert.deepEqual(files, ["a.sql"]);

    const skipped = skippedOf(entries);
    assert.deepEqual([...skipped.keys()], [
      "agent.sock",
      "broken.sql",
      "loop-a.sql",
      "loop-b.sql",
      "null.sql",
      "pipe.sql",
    ]);
    const reasons = Object.fromEntries([...skipped].map(([file, s]) => [file, s.reason]));
    assert.deepEqual(reasons, {
      "agent.sock": "special-file",
      "broken.sql": "unreadable",
      "loop-a.sql": "unreadable",
      "loop-b.sql": "unreadable",
      "null.sql": "special-file",
      "pipe.sql": "special-file",
    });
  });

  it("names the kind, the path and the fix", GUARD, async () => {
    const db = join(root, "db");
    const skipped = skippedOf(await walk([db]));
    assert.equal(
      skipped.get("pipe.sql")?.message,
      `'${join(db, "pipe.sql")}' is a named pipe (FIFO), not a regular file, so infio did not ` +
        "open it; exclude it with --exclude to leave it out of this list",
    );
    assert.match(skipped.get("agent.sock")!.message, /is a socket, not a regular file/);
    assert.match(skipped.get("null.sql")!.message, /is a character device, not a regular file/);
    assert.match(skipped.get("broken.sql")!.message, /symbolic link to '.*gone\.sql', which does not exist; fix the link/);
    assert.match(skipped.get("loop-a.sql")!.message, /its symbolic links form a loop; fix the link or exclude it/);
  });

  it("counts a special file left out by --exclude instead of listing it", GUARD, async () => {
    const counts = newWalkCounts();
    const compiled = compileGlob("pipe.sql");
    assert.ok(compiled.ok);
    const exclude = [compiled.matcher];
    const names: string[] = [];
    for await (const e of walkSources([join(root, "db")], { exclude }, counts)) {
      names.push(e.kind === "skipped" ? e.skipped.file : e.kind);
    }
    assert.ok(!names.includes("pipe.sql"), names.join(", "));
    assert.equal(counts.excluded, 1);
  });

  it("skips a named pipe given as a path, pointing to standard input", GUARD, async () => {
    const fifo = join(root, "fifo-only");
    const entries = await walk([fifo]);
    assert.equal(entries.length, 1);
    const [entry] = entries;
    assert.equal(entry?.kind, "skipped");
    assert.equal(entry.skipped.reason, "special-file");
    assert.match(entry.skipped.message, /is a named pipe \(FIFO\).*redirect it to standard input and pass -/);
  });

  it("skips /dev/null given as a path", { ...GUARD, skip: !existsSync("/dev/null") }, async () => {
    const entries = await walk(["/dev/null"]);
    assert.deepEqual(
      entries.map((e) => (e.kind === "skipped" ? e.skipped.reason : e.kind)),
      ["special-file"],
    );
  });

  it("readScript does not block on a named pipe", GUARD, () => {
    const result = readScript(join(root, "db", "pipe.sql"), "pipe.sql", 1024);
    assert.ok(!result.ok);
    assert.equal(result.skipped.reason, "special-file");
  });

  it("infio assess finishes, listing the pipes as skipped", GUARD, async () => {
    const run = await runInfio(
      ["assess", join(root, "db"), join(root, "fifo-only"), "--store", "none", "--out", join(root, "report")],
      root,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /skipped .*pipe\.sql: '.*pipe\.sql' is a named pipe \(FIFO\)/);
    assert.match(run.stderr, /skipped .*fifo-only: '.*fifo-only' is a named pipe \(FIFO\)/);
  });
});
