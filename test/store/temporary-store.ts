/**
 * An embedded store in a temporary folder for one suite: opened before
 * its tests and closed and deleted after them.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";

import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";

/** Registers the suite's hooks and returns a function that gives the open store. */
export function temporaryEmbeddedStore(prefix: string): () => Store {
  let root: string | undefined;
  let store: Store | undefined;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), prefix));
    const opened = await openStore("embedded", { dataDir: join(root, "data") });
    if (!opened.ok) {
      throw opened.error;
    }
    store = opened.store;
  });

  after(async () => {
    await store?.close();
    if (root !== undefined) {
      rmSync(root, { recursive: true, force: true });
    }
  });

  return () => {
    if (store === undefined) {
      throw new Error("the temporary store is open only inside the suite's tests");
    }
    return store;
  };
}
