/**
 * The sign-in limiter over its counters in the store, on embedded PGlite
 * and on a PostgreSQL server: the same windows and limits, also across a
 * restart of the console, which reopens the store.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { openStore } from "../../../src/store/open-store.js";
import { ConsoleSignInAttempts } from "../../../src/store/sign-in-attempts.js";
import { SqlStore } from "../../../src/store/sql-store.js";
import type { Store } from "../../../src/store/store.js";
import { SignInLimiter, type SignInLimits } from "../../../src/web/auth/sign-in-limiter.js";
import { serverTestsSkipped, startPostgresCluster, type PostgresCluster } from "../../helpers/postgres-cluster.js";

const LIMITS = {
  perAddress: { max: 4, windowMs: 1000 },
  perName: { max: 2, windowMs: 1000 },
  maxTracked: 100,
};

const dataDir = mkdtempSync(join(tmpdir(), "infio-sign-in-limiter-"));
let clusterStart: Promise<PostgresCluster> | undefined;

after(async () => {
  if (clusterStart !== undefined) {
    await (await clusterStart).stop();
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function describeLimiter(label: string, location: () => Promise<string>): void {
  describe(`sign-in limiter on ${label}`, () => {
    let spec: string;
    let store: Store;

    before(async () => {
      spec = await location();
      store = await open(spec);
    });

    after(async () => {
      await store?.close();
    });

    async function open(at: string): Promise<Store> {
      const opened = await openStore(at, { dataDir: join(dataDir, label) });
      if (!opened.ok) {
        throw opened.error;
      }
      return opened.store;
    }

    /** Returns a limiter over an empty table, as each test expects. */
    async function newLimiter(limits: SignInLimits = LIMITS): Promise<SignInLimiter> {
      assert.ok(store instanceof SqlStore);
      await store.connection.query("delete from console_sign_in_attempts");
      return new SignInLimiter(new ConsoleSignInAttempts(store.connection), limits);
    }

    it("limits attempts per name", async () => {
      const limiter = await newLimiter();

      const results = [];
      for (const i of [0, 1, 2]) {
        results.push(await limiter.attempt("10.0.0.1", "Alice", i));
      }

      assert.equal(results[0]!.allowed, true);
      assert.equal(results[1]!.allowed, true);
      assert.deepEqual(results[2], { allowed: false, retryAfterMs: 998, limitedBy: "name" });
      assert.equal((await limiter.attempt("10.0.0.2", "alice", 3)).allowed, false, "names match regardless of case");
    });

    it("limits attempts per address across names", async () => {
      const limiter = await newLimiter();

      for (const name of ["a", "b", "c", "d"]) {
        assert.equal((await limiter.attempt("10.0.0.1", name, 0)).allowed, true);
      }
      const fifth = await limiter.attempt("10.0.0.1", "e", 10);

      assert.deepEqual(fifth, { allowed: false, retryAfterMs: 990, limitedBy: "address" });
      assert.equal((await limiter.attempt("10.0.0.9", "e", 10)).allowed, true);
    });

    it("lets attempts in again after the window", async () => {
      const limiter = await newLimiter();
      await limiter.attempt("10.0.0.1", "alice", 0);
      await limiter.attempt("10.0.0.1", "alice", 1);

      assert.equal((await limiter.attempt("10.0.0.1", "alice", 999)).allowed, false);
      assert.equal((await limiter.attempt("10.0.0.1", "alice", 1000)).allowed, true);
    });

    it("forgets a name after it signed in", async () => {
      const limiter = await newLimiter();
      await limiter.attempt("10.0.0.1", "alice", 0);
      await limiter.attempt("10.0.0.1", "alice", 1);

      await limiter.forgetName("ALICE");

      assert.equal((await limiter.attempt("10.0.0.1", "alice", 2)).allowed, true);
    });

    it("keeps at most maxTracked keys", async () => {
      const limiter = await newLimiter({ ...LIMITS, perName: { max: 1, windowMs: 1000 }, maxTracked: 3 });
      await limiter.attempt("10.0.0.1", "first", 0);

      for (let i = 0; i < 5; i++) {
        await limiter.attempt(`10.0.1.${i}`, `name${i}`, 1);
      }

      // The oldest window was dropped, so the name may try again.
      assert.equal((await limiter.attempt("10.0.0.2", "first", 2)).allowed, true);
      assert.ok(store instanceof SqlStore);
      const [row] = await store.connection.query<{ count: number }>(
        "select count(*)::integer as count from console_sign_in_attempts",
      );
      assert.ok(row!.count <= 3, `${row!.count} windows kept`);
    });

    it("prunes windows as they expire", async () => {
      const limiter = await newLimiter();
      await limiter.attempt("10.0.0.1", "alice", 0);

      await limiter.attempt("10.0.0.2", "bob", 1000);

      assert.ok(store instanceof SqlStore);
      const rows = await store.connection.query<{ window_start_ms: string | number }>(
        "select window_start_ms from console_sign_in_attempts order by seq",
      );
      assert.deepEqual(rows.map((row) => Number(row.window_start_ms)), [1000, 1000]);
    });

    it("keeps the counts across a restart", async () => {
      const limiter = await newLimiter();
      await limiter.attempt("10.0.0.1", "alice", 0);
      await limiter.attempt("10.0.0.1", "alice", 1);

      await store.close();
      store = await open(spec);
      assert.ok(store instanceof SqlStore);
      const restarted = new SignInLimiter(new ConsoleSignInAttempts(store.connection), LIMITS);

      assert.deepEqual(await restarted.attempt("10.0.0.1", "alice", 2), {
        allowed: false,
        retryAfterMs: 998,
        limitedBy: "name",
      });
    });

    it("stores no address or name in plain", async () => {
      const limiter = await newLimiter();
      await limiter.attempt("10.9.8.7", "Mallory-Name", 0);

      assert.ok(store instanceof SqlStore);
      const rows = await store.connection.query<{ key_hash: Uint8Array }>("select key_hash from console_sign_in_attempts");
      const stored = Buffer.concat(rows.map((row) => Buffer.from(row.key_hash)));
      assert.equal(rows.length, 2);
      assert.ok(!stored.includes(Buffer.from("10.9.8.7")));
      assert.ok(!stored.includes(Buffer.from("mallory-name")));
    });
  });
}

describeLimiter("embedded", async () => "embedded");

if (serverTestsSkipped()) {
  it("sign-in limiter on a PostgreSQL server", { skip: "INFIO_SKIP_SERVER_TESTS=1 is set" });
} else {
  describeLimiter("server", async () => {
    clusterStart ??= startPostgresCluster();
    return (await clusterStart).createDatabase(`t_${randomBytes(6).toString("hex")}`);
  });
}
