/**
 * The Kestrel fixture lists its databases once, in sys.databases, and the
 * collector's database list, the memory session and the TDS server all
 * follow it: the OFFLINE and the RESTORING database become
 * `database-unavailable` problems in the collected stream.
 */

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import type { CollectedItem } from "../../../../src/sources/sqlserver/collected.js";
import { openServer } from "../../../../src/sources/sqlserver/connection/session.js";
import {
  listedDatabases,
  openableDatabases,
  startFixtureServer,
  type RunningFixtureServer,
} from "../../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { memorySession } from "../../../helpers/sqlserver-fixture/memory-session.js";
import { PASSWORD, settingsFor, USER } from "../connection/live-server.js";
import { collectItems, NO_PARTS } from "./helpers.js";

const ALL = ["master", "tempdb", "model", "msdb", "KestrelColdChain", "Archive", "KestrelReporting", "KestrelColdChain_Drill"];

function unavailable(items: readonly CollectedItem[]): [string | undefined, string][] {
  return items.flatMap((item) =>
    item.kind === "problem" && item.problem.reason === "database-unavailable"
      ? [[item.problem.database, item.problem.message] as [string | undefined, string]]
      : [],
  );
}

describe("Kestrel fixture databases", () => {
  it("lists every sys.databases row as a database", () => {
    const server = kestrelServer();

    assert.deepEqual(server.databases.map((database) => database.name), ALL);
    assert.deepEqual(listedDatabases(server).map((database) => database.name), ALL);
    assert.deepEqual(
      listedDatabases(server).map((database) => database.state_desc),
      ["ONLINE", "ONLINE", "ONLINE", "ONLINE", "ONLINE", "ONLINE", "OFFLINE", "RESTORING"],
    );
  });

  it("opens only the ONLINE databases", () => {
    assert.deepEqual(openableDatabases(kestrelServer()), ALL.slice(0, 6));
  });

  it("rejects a fixture whose lists disagree", () => {
    const server = kestrelServer();
    const missing = { ...server, databases: server.databases.filter((database) => database.name !== "KestrelReporting") };

    assert.throws(() => listedDatabases(missing), /sys\.databases and databases disagree \(not in sys\.databases: none; without a database: kestrelreporting\)/);
    assert.throws(() => memorySession(missing), /disagree/);
  });

  it("reports the OFFLINE and RESTORING databases", async () => {
    const items = await collectItems(memorySession(kestrelServer(), "kestrel"), { parts: NO_PARTS });
    const problems = unavailable(items);

    assert.deepEqual(
      problems.map(([database]) => database),
      ["KestrelReporting", "KestrelColdChain_Drill"],
    );
    assert.match(problems[0]![1], /database 'KestrelReporting' on 'kestrel' is OFFLINE, so it was skipped/);
    assert.match(problems[1]![1], /database 'KestrelColdChain_Drill' on 'kestrel' is RESTORING, so it was skipped/);
  });

  describe("over TDS", () => {
    let server: RunningFixtureServer;

    before(async () => {
      server = await startFixtureServer(kestrelServer(), { logins: [{ userName: USER, password: PASSWORD }] });
    });
    after(async () => {
      await server.close();
    });

    it("reports them the same way and never opens them", async () => {
      const session = await openServer(await settingsFor(server.tds));
      let items: CollectedItem[];
      try {
        items = await collectItems(session, { parts: NO_PARTS });
      } finally {
        await session.close();
      }

      assert.deepEqual(
        unavailable(items).map(([database]) => database),
        ["KestrelReporting", "KestrelColdChain_Drill"],
      );
      const opened = new Set(server.tds.connections.map((connection) => connection.login?.database));
      assert.ok(!opened.has("KestrelReporting"));
      assert.ok(!opened.has("KestrelColdChain_Drill"));
    });
  });
});
