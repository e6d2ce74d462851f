/**
 * Compares rendered output with a committed snapshot under
 * test/fixtures/report/. Run the tests with UPDATE_SNAPSHOTS=1 to rewrite
 * the snapshots after an intended change, then review the diff.
 */

import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Compiled tests run from dist/test/report/, and fixtures stay in the
// source tree.
const FIXTURES = new URL("../../../test/fixtures/report/", import.meta.url);

/** Asserts that `actual` equals snapshot `name`, or rewrites it on request. */
export function assertSnapshot(name: string, actual: string): void {
  const path = fileURLToPath(new URL(name, FIXTURES));

  if (process.env.UPDATE_SNAPSHOTS === "1") {
    writeFileSync(path, actual, "utf8");
    return;
  }

  assert.ok(
    existsSync(path),
    `snapshot ${path} is missing; run the tests with UPDATE_SNAPSHOTS=1 to write it`,
  );

  const expected = readFileSync(path, "utf8");
  assert.equal(
    actual,
    expected,
    `output differs from snapshot ${path}; if the change is intended, ` +
      `rerun with UPDATE_SNAPSHOTS=1 and review the diff`,
  );
}

/** Returns the path of a file in the repository, from dist/test/report/. */
export function repositoryPath(relative: string): string {
  return fileURLToPath(new URL(`../../../${relative}`, import.meta.url));
}
