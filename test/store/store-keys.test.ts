/**
 * The keys of the embedded store: the default key file, a wrong or missing
 * master key, a missing data key, swapped rows, and crypto-shredding on
 * delete and abort. A failure names the assessment and the fix and changes
 * nothing.
 */

import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import { createKeyFile } from "../../src/security/keys/key-file.js";
import { StoreError } from "../../src/store/errors.js";
import { openStore, type OpenStoreOptions } from "../../src/store/open-store.js";
import { SqlStore } from "../../src/store/sql-store.js";
import type { Store } from "../../src/store/store.js";
import { sampleAssessment } from "./sample-assessment.js";

const roots: string[] = [];
after(() => {
  for (const root of roots) {
    rmSync(root, { recursive: true, force: true });
  }
});

function newDataDir(): string {
  const root = mkdtempSync(join(tmpdir(), "infio-store-keys-"));
  roots.push(root);
  return join(root, "data");
}

async function open(dataDir: string, keys?: OpenStoreOptions["keys"]): Promise<Store> {
  const opened = await openStore("embedded", { dataDir, ...(keys === undefined ? {} : { keys }) });
  if (!opened.ok) {
    throw opened.error;
  }
  return opened.store;
}

/** Saves one sample assessment with the default key file and closes. */
async function storeWithOne(id: string): Promise<string> {
  const dataDir = newDataDir();
  const store = await open(dataDir);
  await store.saveAssessment(sampleAssessment(id));
  await store.close();
  return dataDir;
}

function isKeyError(pattern: RegExp): (error: unknown) => boolean {
  return (error: unknown) => {
    assert.ok(error instanceof StoreError, String(error));
    assert.equal(error.code, "key-unavailable", error.message);
    assert.match(error.message, pattern);
    return true;
  };
}

describe("store keys", () => {
  it("creates an owner-only key file and one data key per assessment", async () => {
    const dataDir = await storeWithOne("first");

    const keyFile = join(dataDir, "master.key");
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    assert.match(readFileSync(keyFile, "utf8"), /^infio-master-key-v1\n/);
    const record = JSON.parse(readFileSync(join(dataDir, "keys", "first.json"), "utf8"));
    assert.equal(record.assessmentId, "first");
    assert.equal(record.master.kind, "key-file");
  });

  it("fails on a wrong master key and changes nothing", async () => {
    const dataDir = await storeWithOne("wrong-key");
    const other = join(dataDir, "..", "other.key");
    assert.ok((await createKeyFile(other)).ok);
    const recordPath = join(dataDir, "keys", "wrong-key.json");
    const record = readFileSync(recordPath);

    const store = await open(dataDir, { keyFile: other });
    try {
      await assert.rejects(
        store.getAssessment("wrong-key"),
        isKeyError(/assessment 'wrong-key'.*master key.*pass the master key that wrapped it.*Nothing was changed/s),
      );
      const [listing] = await store.listAssessments();
      assert.equal(listing?.id, "wrong-key");
      assert.deepStrictEqual(listing?.sources, []);
      assert.match(listing?.unreadable ?? "", /assessment 'wrong-key'/);
      assert.equal(listing?.summary?.files, 2);
      await assert.rejects(store.deleteAssessment("wrong-key"), isKeyError(/assessment 'wrong-key'/));
    } finally {
      await store.close();
    }

    assert.deepStrictEqual(readFileSync(recordPath), record);
    const again = await open(dataDir);
    try {
      assert.deepStrictEqual(await again.getAssessment("wrong-key"), sampleAssessment("wrong-key"));
    } finally {
      await again.close();
    }
  });

  it("fails on a missing data key and keeps the rows", async () => {
    const dataDir = await storeWithOne("no-data-key");
    const recordPath = join(dataDir, "keys", "no-data-key.json");
    renameSync(recordPath, `${recordPath}.moved`);

    const store = await open(dataDir);
    try {
      await assert.rejects(
        store.getAssessment("no-data-key"),
        isKeyError(/assessment 'no-data-key'.*data key is not in '.*keys'.*--data-dir/s),
      );
      const chunks = await (store as SqlStore).connection.query("select 1 from finding_chunks");
      assert.ok(chunks.length > 0);
    } finally {
      await store.close();
    }

    renameSync(`${recordPath}.moved`, recordPath);
    const again = await open(dataDir);
    try {
      assert.deepStrictEqual(await again.getAssessment("no-data-key"), sampleAssessment("no-data-key"));
    } finally {
      await again.close();
    }
  });

  it("creates no new key file while data keys need the old one", async () => {
    const dataDir = await storeWithOne("keep-key");
    const keyFile = join(dataDir, "master.key");
    renameSync(keyFile, `${keyFile}.away`);

    const store = await open(dataDir);
    try {
      await assert.rejects(
        store.getAssessment("keep-key"),
        isKeyError(/master key file '.*master\.key' not found.*'keep-key'.*restore that key file/s),
      );
      await assert.rejects(
        store.beginAssessment(sampleAssessment("new-run")),
        isKeyError(/not found.*none was created/s),
      );
      assert.equal(existsSync(keyFile), false);
      assert.equal(existsSync(join(dataDir, "keys", "new-run.json")), false);
    } finally {
      await store.close();
    }
  });

  it("rejects a key file that others can read", async () => {
    const dataDir = await storeWithOne("shared-key");
    chmodSync(join(dataDir, "master.key"), 0o640);

    const store = await open(dataDir);
    try {
      await assert.rejects(store.getAssessment("shared-key"), isKeyError(/chmod 600/));
    } finally {
      await store.close();
    }
  });

  it("rejects a key file passed but missing", async () => {
    const dataDir = newDataDir();
    const missing = join(dataDir, "..", "missing.key");

    const store = await open(dataDir, { keyFile: missing });
    try {
      await assert.rejects(store.beginAssessment(sampleAssessment("x")), isKeyError(/infio keys init --key-file/));
      assert.equal(existsSync(missing), false);
    } finally {
      await store.close();
    }
  });

  it("rejects rows moved to another ordinal", async () => {
    const dataDir = await storeWithOne("swapped");
    const store = await open(dataDir);
    try {
      await (store as SqlStore).connection.exec(
        "update units set sealed = (select sealed from units where ordinal = 0) where ordinal = 1",
      );

      await assert.rejects(store.getAssessment("swapped"), (error: unknown) => {
        assert.ok(error instanceof StoreError);
        assert.equal(error.code, "decrypt-failed");
        assert.match(error.message, /units row 1 of assessment 'swapped'/);
        return true;
      });
    } finally {
      await store.close();
    }
  });

  it("rejects a chunk whose row count was changed", async () => {
    const dataDir = await storeWithOne("recounted");
    const store = await open(dataDir);
    try {
      await (store as SqlStore).connection.exec("update object_chunks set row_count = row_count - 1");

      await assert.rejects(store.getAssessment("recounted"), (error: unknown) => {
        assert.ok(error instanceof StoreError);
        assert.equal(error.code, "decrypt-failed");
        assert.match(error.message, /object_chunks row 0\+\d+ of assessment 'recounted'/);
        return true;
      });
    } finally {
      await store.close();
    }
  });

  it("destroys the data key when deleting", async () => {
    const dataDir = await storeWithOne("shredded");
    const recordPath = join(dataDir, "keys", "shredded.json");
    assert.equal(existsSync(recordPath), true);

    const store = await open(dataDir);
    try {
      assert.equal(await store.deleteAssessment("shredded"), "deleted");
      assert.equal(existsSync(recordPath), false);
      assert.deepStrictEqual(await store.listAssessments(), []);
    } finally {
      await store.close();
    }
  });

  it("destroys the data key of an aborted run", async () => {
    const dataDir = newDataDir();
    const store = await open(dataDir);
    try {
      const header = sampleAssessment("aborted-run");
      const writer = await store.beginAssessment(header);
      await writer.addFindings(header.findings);
      assert.equal(existsSync(join(dataDir, "keys", "aborted-run.json")), true);

      await writer.abort();

      assert.equal(existsSync(join(dataDir, "keys", "aborted-run.json")), false);
    } finally {
      await store.close();
    }
  });

  it("rejects an id that cannot name a key file", async () => {
    const dataDir = newDataDir();
    const store = await open(dataDir);
    try {
      await assert.rejects(store.beginAssessment(sampleAssessment("../escape")), (error: unknown) => {
        assert.ok(error instanceof StoreError);
        assert.equal(error.code, "invalid-data");
        assert.match(error.message, /invalid assessment id '\.\.\/escape'/);
        return true;
      });
    } finally {
      await store.close();
    }
  });
});
