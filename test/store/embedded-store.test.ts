import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import {
  embeddedLockPath,
  embeddedStoreDirectory,
  openStore,
} from "../../src/store/open-store.js";
import { openPgliteConnection } from "../../src/store/pglite-connection.js";
import type { Store } from "../../src/store/store.js";
import { startStoreChild } from "./child-process.js";
import { describeMigratorContract } from "./migrator-contract.js";
import { sampleAssessment } from "./sample-assessment.js";
import { describeStoreContract } from "./store-contract.js";
import { describeUnitTextsContract } from "./unit-texts-contract.js";

const roots: string[] = [];

function newDataDir(): string {
  const root = mkdtempSync(join(tmpdir(), "infio-store-test-"));
  roots.push(root);
  return join(root, "data");
}

after(() => {
  for (const root of roots) {
    rmSync(root, { recursive: true, force: true });
  }
});

async function openEmbedded(dataDir: string, chunkRows?: number): Promise<Store> {
  const opened = await openStore("embedded", { dataDir, chunkRows });
  if (!opened.ok) {
    throw opened.error;
  }
  return opened.store;
}

const contractDir = newDataDir();
describeStoreContract("embedded", {
  open: (options) => openEmbedded(contractDir, options?.chunkRows),
});

const textsDir = newDataDir();
describeUnitTextsContract("embedded", {
  open: (options) => openEmbedded(textsDir, options?.chunkRows),
});

describe("embedded store lock", () => {
  it("rejects a second opener in the same process", async () => {
    const dataDir = newDataDir();
    const first = await openEmbedded(dataDir);

    const second = await openStore("embedded", { dataDir });

    assert.ok(!second.ok);
    assert.equal(second.error.code, "locked");
    assert.match(second.error.message, /in use/);
    assert.ok(second.error.message.includes(embeddedLockPath(dataDir)));
    assert.ok(second.error.message.includes(`this process (pid ${process.pid})`));
    await first.close();

    const third = await openEmbedded(dataDir);
    await third.close();
    assert.equal(existsSync(embeddedLockPath(dataDir)), false);
  });

  it("rejects an opener while another process holds it", async () => {
    const dataDir = newDataDir();
    const holder = await startStoreChild(["hold", "embedded", dataDir]);
    try {
      assert.equal(holder.line, "ready");
      const owner = JSON.parse(readFileSync(embeddedLockPath(dataDir), "utf8"));
      assert.equal(owner.pid, holder.pid);
      assert.equal(owner.hostname, hostname());

      const opened = await openStore("embedded", { dataDir });

      assert.ok(!opened.ok);
      assert.equal(opened.error.code, "locked");
      const message = opened.error.message;
      assert.ok(message.includes(embeddedLockPath(dataDir)), message);
      assert.ok(message.includes(`process ${holder.pid} on host`), message);
      assert.match(message, /Wait for that infio to finish/);
      assert.match(message, /delete '.*store\.lock'/);
    } finally {
      await holder.kill("SIGKILL");
    }

    // The holder died without removing its lock, so the lock is stale.
    const store = await openEmbedded(dataDir);
    await store.close();
  });

  it("removes a run interrupted by a killed process", async () => {
    const dataDir = newDataDir();
    const kept = sampleAssessment("kept");
    const store = await openEmbedded(dataDir);
    await store.saveAssessment(kept);
    await store.close();

    const writer = await startStoreChild(["write", "embedded", dataDir, "killed"]);
    assert.equal(writer.line, "written");
    await writer.kill("SIGKILL");

    const opened = await openStore("embedded", { dataDir });
    assert.ok(opened.ok, opened.ok ? "" : opened.error.message);
    try {
      assert.deepStrictEqual(opened.removedInterrupted, ["killed"]);
      const ids = (await opened.store.listAssessments()).map((row) => row.id);
      assert.deepStrictEqual(ids, ["kept"]);
      assert.deepStrictEqual(await opened.store.getAssessment("kept"), kept);
    } finally {
      await opened.store.close();
    }
  });

  it("keeps the data directory private", async () => {
    const dataDir = newDataDir();
    const store = await openEmbedded(dataDir);
    await store.close();

    assert.equal(statSync(dataDir).mode & 0o777, 0o700);
    assert.equal(statSync(embeddedStoreDirectory(dataDir)).mode & 0o077, 0);
  });
});

let migratorDir = "";
describeMigratorContract("embedded", {
  connect: async () => {
    migratorDir = newDataDir();
    return openPgliteConnection(embeddedStoreDirectory(migratorDir));
  },
  openStore: () => openStore("embedded", { dataDir: migratorDir }),
});
