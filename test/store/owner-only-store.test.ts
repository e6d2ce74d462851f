/**
 * The embedded store's files: only their owner may read them, whatever
 * mode PGlite gives the files it creates, and also in a store that an
 * earlier version left readable by others. POSIX permission bits only.
 */

import assert from "node:assert/strict";
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import { embeddedStoreDirectory, openStore } from "../../src/store/index.js";
import { sampleAssessment } from "./sample-assessment.js";

/** Returns the paths under `root`, itself included, whose mode lets group or others in. */
function openToOthers(root: string): string[] {
  const found: string[] = [];
  const walk = (path: string): void => {
    const info = lstatSync(path);
    if (info.isSymbolicLink()) {
      return;
    }
    if ((info.mode & 0o077) !== 0) {
      found.push(`${path} ${(info.mode & 0o777).toString(8)}`);
    }
    if (info.isDirectory()) {
      for (const name of readdirSync(path)) {
        walk(join(path, name));
      }
    }
  };
  walk(root);
  return found;
}

describe("embedded store permissions", { skip: process.platform === "win32" && "POSIX modes" }, () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  function dataDir(): string {
    const dir = mkdtempSync(join(tmpdir(), "infio-owner-only-"));
    dirs.push(dir);
    return join(dir, "data");
  }

  it("creates the data folder and every store file for the owner only", async () => {
    const data = dataDir();
    const opened = await openStore("embedded", { dataDir: data });
    assert.ok(opened.ok, opened.ok ? "" : opened.error.message);
    assert.deepEqual(openToOthers(data), [], "after opening");

    await opened.store.saveAssessment(sampleAssessment("20250101-000000-abcdef"));
    await opened.store.close();
    assert.deepEqual(openToOthers(data), [], "after writing and closing");
  });

  it("takes group and other access away from an existing store", async () => {
    const data = dataDir();
    const first = await openStore("embedded", { dataDir: data });
    assert.ok(first.ok);
    await first.store.close();

    const store = embeddedStoreDirectory(data);
    chmodSync(store, 0o755);
    chmodSync(join(store, "PG_VERSION"), 0o644);
    chmodSync(join(store, "base"), 0o775);

    const second = await openStore("embedded", { dataDir: data });
    assert.ok(second.ok);
    assert.deepEqual(openToOthers(store), []);
    await second.store.close();
  });
});
