/**
 * The last-admin rule under concurrency, on a PostgreSQL server. A change
 * that would demote an admin waits while another transaction has the
 * admins' rows locked, then sees that transaction's demotion and keeps the
 * last admin, instead of both demotions leaving no admin.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";

import pg from "pg";

import { consoleAccounts } from "../../../src/store/console-accounts.js";
import type { ConsoleUsers } from "../../../src/store/console-users.js";
import { openStore } from "../../../src/store/open-store.js";
import type { Store } from "../../../src/store/store.js";
import { serverTestsSkipped, startPostgresCluster, type PostgresCluster } from "../../helpers/postgres-cluster.js";

const T0 = new Date("2030-01-02T03:04:05.000Z");

if (serverTestsSkipped()) {
  it("last admin on a PostgreSQL server", { skip: "INFIO_SKIP_SERVER_TESTS=1 is set" });
} else {
  describe("last admin on a PostgreSQL server", () => {
    let cluster: PostgresCluster;
    let url: string;
    let store: Store;
    let users: ConsoleUsers;
    let root: string;

    before(async () => {
      root = mkdtempSync(join(tmpdir(), "infio-last-admin-"));
      cluster = await startPostgresCluster();
      url = await cluster.createDatabase("last_admin");
      const opened = await openStore(url, { dataDir: join(root, "data") });
      if (!opened.ok) {
        throw opened.error;
      }
      store = opened.store;
      users = consoleAccounts(store).users;
      await users.add({ name: "ann", role: "admin", passwordHash: "h", now: T0 });
      await users.add({ name: "ben", role: "admin", passwordHash: "h", now: T0 });
    });

    after(async () => {
      await store?.close();
      await cluster?.stop();
      rmSync(root, { recursive: true, force: true });
    });

    it("waits for a concurrent demotion and keeps the last admin", async () => {
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      try {
        await other.query("begin");
        await other.query("select user_key from console_users where role = 'admin' for update");

        let settled = false;
        const demotion = users.changeKeepingAdmin("ben", { kind: "role", role: "viewer" }).finally(() => {
          settled = true;
        });
        // Polls until the demotion waits for the rows this transaction holds.
        let waiting = 0;
        while (waiting === 0 && !settled) {
          await sleep(10);
          const rows = await other.query<{ count: number }>(
            "select count(*)::integer as count from pg_stat_activity " +
              "where wait_event_type = 'Lock' and datname = current_database()",
          );
          waiting = rows.rows[0]!.count;
        }
        assert.equal(settled, false, "the demotion did not wait for the locked admin rows");

        await other.query("update console_users set role = 'viewer' where name = 'ann'");
        await other.query("commit");
        const result = await demotion;

        assert.equal(result, "last-admin");
        assert.equal((await users.find("ben"))!.role, "admin");
        assert.equal((await users.find("ann"))!.role, "viewer");
      } finally {
        await other.end();
      }
    });
  });
}
