import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { openServer } from "../../../../src/sources/sqlserver/connection/session.js";
import type { ServerSession } from "../../../../src/sources/sqlserver/reader.js";
import { startFixtureServer, type RunningFixtureServer } from "../../../helpers/sqlserver-fixture/index.js";
import { memorySession } from "../../../helpers/sqlserver-fixture/memory-session.js";
import { PASSWORD, settingsFor, USER } from "../connection/live-server.js";
import { collectItems, NO_PARTS, salesServer, withoutTime } from "./helpers.js";
import { plantServer } from "./plant-fixture.js";

/** Returns the items without the server address and problem messages, which differ between the two sessions. */
function comparable(items: Awaited<ReturnType<typeof collectItems>>): unknown[] {
  return withoutTime(items).map((item) => {
    const value = item as { kind: string; server?: object; problem?: { message: string } };
    if (value.kind === "server") {
      return { ...value, server: { ...value.server, address: "" } };
    }
    if (value.kind === "problem") {
      return { ...value, problem: { ...value.problem, message: "" } };
    }
    return value;
  });
}

describe("collection over the real driver", () => {
  let sales: RunningFixtureServer;
  let plant: RunningFixtureServer;

  before(async () => {
    const logins = [{ userName: USER, password: PASSWORD }];
    sales = await startFixtureServer(salesServer(), { logins });
    plant = await startFixtureServer(plantServer(), { logins });
  });

  after(async () => {
    await sales.close();
    await plant.close();
  });

  async function overTds(server: RunningFixtureServer): Promise<ServerSession> {
    return openServer(await settingsFor(server.tds));
  }

  it("gives the same items as the memory session", async () => {
    const session = await overTds(sales);
    try {
      const live = await collectItems(session, { parts: NO_PARTS, parallelism: 3 });
      const memory = await collectItems(memorySession(salesServer()), { parts: NO_PARTS });

      assert.deepEqual(comparable(live), comparable(memory));
    } finally {
      await session.close();
    }
  });

  it("rebuilds the same tables over TDS", async () => {
    const session = await overTds(plant);
    try {
      const live = await collectItems(session, { parts: NO_PARTS });
      const memory = await collectItems(memorySession(plantServer()), { parts: NO_PARTS });

      assert.deepEqual(comparable(live), comparable(memory));
      assert.ok(live.filter((item) => item.kind === "module").length >= 9);
    } finally {
      await session.close();
    }
  });

  it("sends only tagged collector queries with typed parameters", async () => {
    const session = await overTds(plant);
    try {
      await collectItems(session, { parts: NO_PARTS, tablePageSize: 4 });
    } finally {
      await session.close();
    }
    const queries = plant.tds.applicationQueries();

    assert.ok(queries.length > 0);
    assert.ok(queries.every((query) => query.sql.startsWith("/* infio:collector.")), "every statement is a tagged collector query");
    const paged = queries.filter((query) => query.sql.startsWith("/* infio:collector.tables */"));
    assert.ok(paged.every((query) => query.kind === "rpc" && query.declarations.includes("@page_size int")));
  });
});
