/**
 * The console's users and sessions in the store, run against embedded
 * PGlite and against a PostgreSQL server.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { consoleAccounts, type ConsoleAccounts } from "../../src/store/console-accounts.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { serverTestsSkipped, startPostgresCluster, type PostgresCluster } from "../helpers/postgres-cluster.js";

const LOCKOUT = { maxFailures: 3, lockMs: 60_000 };
const T0 = new Date("2030-01-02T03:04:05.000Z");

function later(ms: number): Date {
  return new Date(T0.getTime() + ms);
}

function idHash(): Buffer {
  return randomBytes(32);
}

function describeAccounts(label: string, open: () => Promise<Store>): void {
  describe(`${label} console accounts`, () => {
    let store: Store;
    let accounts: ConsoleAccounts;

    before(async () => {
      store = await open();
      accounts = consoleAccounts(store);
    });

    after(async () => {
      await store?.close();
    });

    it("adds and finds a user regardless of case", async () => {
      const added = await accounts.users.add({ name: "Alice", role: "admin", passwordHash: "$argon2id$x", now: T0 });

      const found = await accounts.users.find("alice");

      assert.ok(found);
      assert.equal(found.key, added.key);
      assert.equal(found.name, "Alice");
      assert.equal(found.role, "admin");
      assert.equal(found.passwordHash, "$argon2id$x");
      assert.equal(found.createdAt.toISOString(), T0.toISOString());
      assert.equal(found.disabled, false);
      assert.equal(found.failedSignIns, 0);
      assert.equal(found.lockedUntil, undefined);
      assert.equal(found.lastSignInAt, undefined);
    });

    it("rejects a name taken in another case", async () => {
      await accounts.users.add({ name: "bob", role: "viewer", passwordHash: "h", now: T0 });

      await assert.rejects(
        accounts.users.add({ name: "BOB", role: "viewer", passwordHash: "h", now: T0 }),
        (error: Error & { code?: string }) => error.code === "duplicate-id" && /'BOB' already exists/.test(error.message),
      );
    });

    it("rejects an unknown role", async () => {
      await assert.rejects(
        accounts.users.add({ name: "eve", role: "root" as "admin", passwordHash: "h", now: T0 }),
      );
    });

    it("lists users in name order", async () => {
      await accounts.users.add({ name: "carol", role: "assessor", passwordHash: "h", now: T0 });

      const names = (await accounts.users.list()).map((user) => user.name);

      assert.deepEqual(names, ["Alice", "bob", "carol"]);
    });

    it("changes role and disabled state", async () => {
      assert.equal(await accounts.users.setRole("CAROL", "admin"), true);
      assert.equal(await accounts.users.setDisabled("carol", true), true);
      assert.equal(await accounts.users.setRole("nobody", "admin"), false);

      const carol = await accounts.users.find("carol");
      assert.equal(carol?.role, "admin");
      assert.equal(carol?.disabled, true);
    });

    it("locks after repeated failures and starts over after the lock", async () => {
      const user = await accounts.users.add({ name: "dave", role: "viewer", passwordHash: "h", now: T0 });

      const first = await accounts.users.recordFailure(user.key, T0, LOCKOUT);
      const second = await accounts.users.recordFailure(user.key, later(1), LOCKOUT);
      const third = await accounts.users.recordFailure(user.key, later(2), LOCKOUT);
      const afterLock = await accounts.users.recordFailure(user.key, later(2 + LOCKOUT.lockMs), LOCKOUT);

      assert.deepEqual(first, { failedSignIns: 1, lockedUntil: undefined });
      assert.deepEqual(second, { failedSignIns: 2, lockedUntil: undefined });
      assert.equal(third.failedSignIns, 3);
      assert.equal(third.lockedUntil?.toISOString(), later(2 + LOCKOUT.lockMs).toISOString());
      assert.deepEqual(afterLock, { failedSignIns: 1, lockedUntil: undefined });
    });

    it("clears failures on success", async () => {
      const user = (await accounts.users.find("dave"))!;
      await accounts.users.recordFailure(user.key, later(10), LOCKOUT);

      await accounts.users.recordSuccess(user.key, later(20));

      const found = await accounts.users.find("dave");
      assert.equal(found?.failedSignIns, 0);
      assert.equal(found?.lockedUntil, undefined);
      assert.equal(found?.lastSignInAt?.toISOString(), later(20).toISOString());
    });

    it("stores sessions with their user", async () => {
      const user = (await accounts.users.find("alice"))!;
      const hash = idHash();
      await accounts.sessions.create({ idHash: hash, userKey: user.key, csrfToken: "t", now: T0, expiresAt: later(1000) });

      const found = await accounts.sessions.find(hash);
      await accounts.sessions.touch(hash, later(500));
      const touched = await accounts.sessions.find(hash);

      assert.ok(found);
      assert.equal(found.csrfToken, "t");
      assert.equal(found.user.name, "Alice");
      assert.equal(found.createdAt.toISOString(), T0.toISOString());
      assert.equal(found.lastSeenAt.toISOString(), T0.toISOString());
      assert.equal(found.expiresAt.toISOString(), later(1000).toISOString());
      assert.equal(touched?.lastSeenAt.toISOString(), later(500).toISOString());
      assert.equal(await accounts.sessions.find(idHash()), undefined);
    });

    it("rejects a session id hash that is not 32 bytes", async () => {
      const user = (await accounts.users.find("alice"))!;

      await assert.rejects(
        accounts.sessions.create({ idHash: randomBytes(16), userKey: user.key, csrfToken: "t", now: T0, expiresAt: later(1) }),
      );
    });

    it("deletes expired and idle sessions only", async () => {
      const user = (await accounts.users.find("bob"))!;
      const expired = idHash();
      const idle = idHash();
      const live = idHash();
      await accounts.sessions.create({ idHash: expired, userKey: user.key, csrfToken: "a", now: later(0), expiresAt: later(100) });
      await accounts.sessions.create({ idHash: idle, userKey: user.key, csrfToken: "b", now: later(0), expiresAt: later(10_000) });
      await accounts.sessions.create({ idHash: live, userKey: user.key, csrfToken: "c", now: later(150), expiresAt: later(10_000) });

      const deleted = await accounts.sessions.deleteExpired(later(200), later(100));

      assert.ok(deleted >= 2);
      assert.equal(await accounts.sessions.find(expired), undefined);
      assert.equal(await accounts.sessions.find(idle), undefined);
      assert.ok(await accounts.sessions.find(live));
    });

    it("ends a user's sessions on a new password", async () => {
      const user = (await accounts.users.find("bob"))!;
      await accounts.users.recordFailure(user.key, T0, LOCKOUT);
      const hash = idHash();
      await accounts.sessions.create({ idHash: hash, userKey: user.key, csrfToken: "t", now: T0, expiresAt: later(10_000) });

      assert.equal(await accounts.users.setPasswordHash("Bob", "new-hash", later(5)), true);

      const found = await accounts.users.find("bob");
      assert.equal(found?.passwordHash, "new-hash");
      assert.equal(found?.failedSignIns, 0);
      assert.equal(found?.passwordChangedAt.toISOString(), later(5).toISOString());
      assert.equal(await accounts.sessions.countFor(user.key), 0);
      assert.equal(await accounts.users.setPasswordHash("nobody", "h", T0), false);
    });

    it("deletes a user's sessions with the user", async () => {
      const user = await accounts.users.add({ name: "frank", role: "viewer", passwordHash: "h", now: T0 });
      const hash = idHash();
      await accounts.sessions.create({ idHash: hash, userKey: user.key, csrfToken: "t", now: T0, expiresAt: later(10_000) });

      assert.equal(await accounts.users.remove("FRANK"), true);

      assert.equal(await accounts.users.find("frank"), undefined);
      assert.equal(await accounts.sessions.find(hash), undefined);
      assert.equal(await accounts.users.remove("frank"), false);
    });
  });
}

const roots: string[] = [];
after(() => {
  for (const root of roots) {
    rmSync(root, { recursive: true, force: true });
  }
});

function newDataDir(): string {
  const root = mkdtempSync(join(tmpdir(), "infio-accounts-"));
  roots.push(root);
  return join(root, "data");
}

async function opened(spec: string, dataDir: string): Promise<Store> {
  const result = await openStore(spec, { dataDir });
  if (!result.ok) {
    throw result.error;
  }
  return result.store;
}

describeAccounts("embedded", () => opened("embedded", newDataDir()));

describe("console accounts without a store", () => {
  it("rejects --store none", async () => {
    const none = await opened("none", newDataDir());
    assert.throws(() => consoleAccounts(none), /--store none keeps no console users/);
  });
});

if (serverTestsSkipped()) {
  it("server console accounts", { skip: "INFIO_SKIP_SERVER_TESTS=1 is set" });
} else {
  let cluster: PostgresCluster | undefined;
  after(async () => {
    await cluster?.stop();
  });
  describeAccounts("server", async () => {
    cluster = await startPostgresCluster();
    return opened(await cluster.createDatabase("accounts"), newDataDir());
  });
}
