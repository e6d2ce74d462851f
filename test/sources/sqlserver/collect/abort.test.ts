/**
 * Aborting a collection over the real driver: a query that returns nothing
 * is cancelled with an ATTENTION as soon as the collection's signal
 * aborts or the session closes, instead of running on until its
 * statement timeout. Each test has a timeout far below the statement
 * timeout, so a query left running fails it.
 */

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { collectServer } from "../../../../src/sources/sqlserver/collect.js";
import { openServer } from "../../../../src/sources/sqlserver/connection/session.js";
import type { ServerSession } from "../../../../src/sources/sqlserver/reader.js";
import { startFixtureServer, type RunningFixtureServer } from "../../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { eventually, PASSWORD, settingsFor, USER } from "../connection/live-server.js";
import { NO_PARTS } from "./helpers.js";

const HANGING = "collector.modules";

/** Guards each test: far below the statement timeout of one hour. */
const GUARD = { timeout: 60_000 };

describe("aborting a collection over TDS", () => {
  let server: RunningFixtureServer;

  before(async () => {
    server = await startFixtureServer(
      { ...kestrelServer(), faults: { hangingQueries: [HANGING] } },
      { logins: [{ userName: USER, password: PASSWORD }] },
    );
  });

  after(async () => {
    await server.close();
  });

  async function openSession(): Promise<ServerSession> {
    return openServer(await settingsFor(server.tds, { statementTimeout: "60m" }));
  }

  /** Queries of the hanging id the server received, oldest first. */
  function hangingQueries() {
    return server.tds.queries.filter((query) => query.sql.startsWith(`/* infio:${HANGING} */`));
  }

  /** Resolves once the server has received a hanging query beyond the first `seen`. */
  function hangingQueryStarted(seen: number): Promise<void> {
    return eventually(() => hangingQueries().length > seen, `query ${HANGING}`);
  }

  /** Asserts that the server saw the hanging query number `index` cancelled with ATTENTION. */
  async function assertCancelledByAttention(index: number): Promise<void> {
    await eventually(() => hangingQueries()[index]?.cancelled === true, "an ATTENTION for the hanging query");
    const connection = server.tds.connections.find((c) => c.id === hangingQueries()[index]?.connectionId);
    assert.ok(connection !== undefined);
    assert.ok(connection.attentions >= 1);
  }

  it("rejects with the signal's reason and cancels the query", GUARD, async () => {
    const session = await openSession();
    const controller = new AbortController();
    const reason = new Error("interrupted by SIGINT");
    const seen = hangingQueries().length;
    try {
      const items = collectServer(session, { parts: NO_PARTS, signal: controller.signal });
      const collecting = (async () => {
        for await (const item of items) {
          void item;
        }
      })();
      await hangingQueryStarted(seen);
      controller.abort(reason);

      await assert.rejects(collecting, (error) => error === reason);
      await assertCancelledByAttention(seen);
    } finally {
      await session.close();
    }
  });

  it("ends when the session closes", GUARD, async () => {
    const session = await openSession();
    const seen = hangingQueries().length;
    const collecting = (async () => {
      for await (const item of collectServer(session, { parts: NO_PARTS })) {
        void item;
      }
    })();
    await hangingQueryStarted(seen);
    const rejected = assert.rejects(collecting, /the session on '.+' was closed/);
    await session.close();

    await rejected;
    await assertCancelledByAttention(seen);
  });
});
