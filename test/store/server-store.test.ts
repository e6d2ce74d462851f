import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import { openPgConnection } from "../../src/store/pg-connection.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import {
  serverTestsSkipped,
  startPostgresCluster,
  type PostgresCluster,
} from "../helpers/postgres-cluster.js";
import { startStoreChild } from "./child-process.js";
import { describeMigratorContract } from "./migrator-contract.js";
import { sampleAssessment, sampleSummary } from "./sample-assessment.js";
import { describeStoreContract } from "./store-contract.js";
import { describeUnitTextsContract } from "./unit-texts-contract.js";

// Started on first use and shared by every suite in this file.
let clusterStart: Promise<PostgresCluster> | undefined;

// The data directory holds the master key and data keys of every database
// these tests create; the databases themselves are on the server.
const dataDir = mkdtempSync(join(tmpdir(), "infio-server-keys-"));

function cluster(): Promise<PostgresCluster> {
  clusterStart ??= startPostgresCluster();
  return clusterStart;
}

async function newDatabase(): Promise<string> {
  return (await cluster()).createDatabase(`t_${randomBytes(6).toString("hex")}`);
}

async function openServer(url: string, chunkRows?: number): Promise<Store> {
  const opened = await openStore(url, { dataDir, chunkRows });
  if (!opened.ok) {
    throw opened.error;
  }
  return opened.store;
}

after(async () => {
  if (clusterStart !== undefined) {
    await (await clusterStart).stop();
  }
  rmSync(dataDir, { recursive: true, force: true });
});

if (serverTestsSkipped()) {
  it("PostgreSQL server store", { skip: "INFIO_SKIP_SERVER_TESTS=1 is set" });
} else {
  let contractUrl: Promise<string> | undefined;
  describeStoreContract("server", {
    open: async (options) => {
      contractUrl ??= newDatabase();
      return openServer(await contractUrl, options?.chunkRows);
    },
  });

  let textsUrl: Promise<string> | undefined;
  describeUnitTextsContract("server", {
    open: async (options) => {
      textsUrl ??= newDatabase();
      return openServer(await textsUrl, options?.chunkRows);
    },
  });

  let migratorUrl = "";
  describeMigratorContract("server", {
    connect: async () => {
      migratorUrl = await newDatabase();
      return openPgConnection(migratorUrl);
    },
    openStore: () => openStore(migratorUrl, { dataDir }),
  });

  describe("server store connection", () => {
    it("masks the password in a connection error", async () => {
      const { port, password } = await cluster();
      const wrong = `wrong-${randomBytes(6).toString("hex")}`;
      const url = `postgres://infio:${wrong}@127.0.0.1:${port}/postgres`;

      const opened = await openStore(url, { dataDir });

      assert.ok(!opened.ok);
      assert.equal(opened.error.code, "connection-failed");
      const message = opened.error.message;
      assert.ok(!message.includes(wrong), message);
      assert.ok(!message.includes(password), message);
      assert.ok(message.includes(`postgres://infio:****@127.0.0.1:${port}/postgres`), message);
      assert.match(message, /password authentication failed/);
      assert.equal(opened.error.cause, undefined);
    });

    it("names the server it cannot reach", async () => {
      const { port } = await cluster();
      // The cluster owns `port`; the port below it is very likely closed.
      const url = `postgres://infio:secret@127.0.0.1:${port - 1}/postgres`;

      const opened = await openStore(url, { dataDir });

      assert.ok(!opened.ok);
      assert.equal(opened.error.code, "connection-failed");
      assert.ok(!opened.error.message.includes("secret"));
      assert.match(opened.error.message, /127\.0\.0\.1/);
    });

    it("shows the store location without password", async () => {
      const url = await newDatabase();
      const { password } = await cluster();
      const store = await openServer(url);
      await store.close();

      assert.equal(store.kind, "server");
      assert.ok(!store.location.includes(password));
      assert.match(store.location, /^postgres:\/\/infio:\*\*\*\*@127\.0\.0\.1:/);
      const error = await store.listAssessments().catch((e: Error) => e);
      assert.ok(error instanceof Error);
      assert.ok(!error.message.includes(password));
    });
  });

  describe("server store with several processes", () => {
    it("keeps a live writer and removes a killed one", async () => {
      const url = await newDatabase();
      const child = await startStoreChild(["write", url, dataDir, "remote"]);
      assert.equal(child.line, "written");

      try {
        const opened = await openStore(url, { dataDir });
        assert.ok(opened.ok);
        assert.deepStrictEqual(opened.removedInterrupted, []);
        const listed = await opened.store.listAssessments();
        assert.deepStrictEqual(
          listed.map((row) => [row.id, row.status]),
          [["remote", "running"]],
        );
        await opened.store.close();
      } finally {
        await child.kill("SIGKILL");
      }

      const reopened = await openStore(url, { dataDir });
      assert.ok(reopened.ok);
      try {
        assert.deepStrictEqual(reopened.removedInterrupted, ["remote"]);
        assert.deepStrictEqual(await reopened.store.listAssessments(), []);
      } finally {
        await reopened.store.close();
      }
    });

    it("commits writers of two stores at once", async () => {
      const url = await newDatabase();
      const [first, second] = await Promise.all([openServer(url), openServer(url)]);
      try {
        const a = sampleAssessment("from-first");
        const b = sampleAssessment("from-second");

        await Promise.all([first.saveAssessment(a), second.saveAssessment(b)]);

        assert.deepStrictEqual(await second.getAssessment("from-first"), a);
        assert.deepStrictEqual(await first.getAssessment("from-second"), b);
        const summaries = (await first.listAssessments()).map((row) => row.summary);
        assert.deepStrictEqual(summaries, [sampleSummary(), sampleSummary()]);
      } finally {
        await first.close();
        await second.close();
      }
    });
  });
}
