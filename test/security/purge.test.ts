import assert from "node:assert/strict";
import { mkdir, readdir, stat, symlink, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";

import { parseRetention, purgeOlderThan } from "../../src/security/purge.js";
import { tempDir } from "./temp-dir.js";

const DAY = 86_400_000;
const now = new Date("2025-06-01T00:00:00Z");
const posixOnly = { skip: process.platform === "win32" ? "symbolic links need privileges on Windows" : false };

async function file(path: string, ageDays: number): Promise<string> {
  await writeFile(path, "data");
  const time = new Date(now.getTime() - ageDays * DAY);
  await utimes(path, time, time);
  return path;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

describe("parseRetention", () => {
  const valid: [string, number][] = [
    ["30d", 30 * DAY],
    ["12h", 12 * 3_600_000],
    ["2w", 14 * DAY],
    ["90m", 90 * 60_000],
    [" 7d ", 7 * DAY],
  ];
  for (const [text, ms] of valid) {
    it(`parses ${text.trim()}`, () => {
      assert.deepEqual(parseRetention(text), { ok: true, value: ms });
    });
  }

  for (const text of ["", "0d", "30", "d", "-1d", "1.5d", "30y", "1234567d"]) {
    it(`rejects '${text}'`, () => {
      const parsed = parseRetention(text);
      assert.equal(!parsed.ok && parsed.error.code, "invalid-argument");
      assert.ok(!parsed.ok);
      assert.ok(parsed.error.message.includes(`'${text}'`));
    });
  }
});

describe("purgeOlderThan", () => {
  it("removes only files older than the period", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "cache", "deep"), { recursive: true });
    const old = await file(join(dir, "old.bin"), 40);
    const fresh = await file(join(dir, "fresh.bin"), 5);
    const deepOld = await file(join(dir, "cache", "deep", "old.bin"), 31);

    const purged = await purgeOlderThan(dir, { olderThanMs: 30 * DAY, now });

    assert.ok(purged.ok, purged.ok ? "" : purged.error.message);
    assert.deepEqual([...purged.value.removed].sort(), [deepOld, old].sort());
    assert.equal(await exists(old), false);
    assert.equal(await exists(deepOld), false);
    assert.equal(await exists(fresh), true);
    assert.equal(await exists(join(dir, "cache", "deep")), true);
  });

  it("removes emptied folders on request", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "a", "b"), { recursive: true });
    await file(join(dir, "a", "b", "old"), 40);

    const purged = await purgeOlderThan(dir, { olderThanMs: 30 * DAY, now, removeEmptyFolders: true });

    assert.ok(purged.ok);
    assert.deepEqual(purged.value.removedFolders, [join(dir, "a", "b"), join(dir, "a")]);
    assert.deepEqual(await readdir(dir), []);
    assert.equal(await exists(dir), true);
  });

  it("changes nothing in a dry run", async () => {
    const dir = await tempDir();
    const old = await file(join(dir, "old"), 40);

    const purged = await purgeOlderThan(dir, { olderThanMs: 30 * DAY, now, dryRun: true });

    assert.ok(purged.ok);
    assert.deepEqual(purged.value.removed, [old]);
    assert.equal(await exists(old), true);
  });

  it("never follows a link out of the folder", posixOnly, async () => {
    const outside = await tempDir();
    const victim = await file(join(outside, "victim"), 400);
    await mkdir(join(outside, "sub"));
    const victimInDir = await file(join(outside, "sub", "victim"), 400);
    const dir = await tempDir();
    await symlink(victim, join(dir, "file-link"));
    await symlink(join(outside, "sub"), join(dir, "dir-link"));

    const purged = await purgeOlderThan(dir, { olderThanMs: DAY, now, removeEmptyFolders: true });

    assert.ok(purged.ok);
    assert.deepEqual(purged.value.removed, []);
    assert.equal(await exists(victim), true);
    assert.equal(await exists(victimInDir), true);
    assert.deepEqual((await readdir(dir)).sort(), ["dir-link", "file-link"]);
    assert.deepEqual(purged.value.skipped.map((s) => s.reason), [
      "symbolic link: not followed and not removed",
      "symbolic link: not followed and not removed",
    ]);
  });

  it("purges through a linked root itself", posixOnly, async () => {
    const real = await tempDir();
    const old = await file(join(real, "old"), 40);
    const parent = await tempDir();
    await symlink(real, join(parent, "data"));

    const purged = await purgeOlderThan(join(parent, "data"), { olderThanMs: 30 * DAY, now });

    assert.ok(purged.ok, purged.ok ? "" : purged.error.message);
    assert.equal(await exists(old), false);
  });

  it("accepts a missing folder", async () => {
    const purged = await purgeOlderThan(join(await tempDir(), "absent"), { olderThanMs: DAY, now });
    assert.deepEqual(purged, { ok: true, value: { removed: [], removedFolders: [], skipped: [] } });
  });

  it("rejects a file as the folder", async () => {
    const path = await file(join(await tempDir(), "plain"), 1);
    const purged = await purgeOlderThan(path, { olderThanMs: DAY, now });
    assert.equal(!purged.ok && purged.error.code, "not-a-file");
  });

  it("rejects a non-positive period", async () => {
    const purged = await purgeOlderThan(await tempDir(), { olderThanMs: 0, now });
    assert.equal(!purged.ok && purged.error.code, "invalid-argument");
  });
});
