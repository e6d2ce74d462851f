/**
 * Problem messages over the real driver: each names what failed and
 * states its fix once. The classifier writes the fix into the error's message,
 * and the collector only puts the part and the database before it.
 */

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import type { CollectionProblem } from "../../../../src/sources/sqlserver/collected.js";
import { openServer } from "../../../../src/sources/sqlserver/connection/session.js";
import { startFixtureServer, type RunningFixtureServer } from "../../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { PASSWORD, settingsFor, USER } from "../connection/live-server.js";
import { collectItems, NO_PARTS } from "./helpers.js";

/** Counts the occurrences of `fragment` in `text`. */
function count(text: string, fragment: string): number {
  return text.split(fragment).length - 1;
}

describe("problem messages over TDS", () => {
  let server: RunningFixtureServer;
  let problems: CollectionProblem[];

  before(async () => {
    server = await startFixtureServer(
      {
        ...kestrelServer(),
        faults: {
          hangingQueries: ["collector.modules"],
          deniedViews: ["sys.check_constraints"],
          dropConnection: { "collector.server-modules": 0 },
        },
      },
      { logins: [{ userName: USER, password: PASSWORD }] },
    );
    const session = await openServer(await settingsFor(server.tds, { statementTimeout: "1s", retries: "1" }));
    try {
      const items = await collectItems(session, { parts: NO_PARTS, databases: ["KestrelColdChain"] });
      problems = items.flatMap((item) => (item.kind === "problem" ? [item.problem] : []));
    } finally {
      await session.close();
    }
  });

  after(async () => {
    await server.close();
  });

  function problemOf(reason: string, part: string): CollectionProblem {
    const problem = problems.find((p) => p.reason === reason && p.part === part);
    assert.ok(problem !== undefined, `no ${reason} problem of ${part} in ${JSON.stringify(problems)}`);
    return problem;
  }

  it("says the timeout's fix once", () => {
    const { message } = problemOf("timeout", "modules");

    assert.match(message, /^cannot read part 'modules' of database 'KestrelColdChain' on '127\.0\.0\.1,\d+': /);
    assert.equal(count(message, "raise --timeout"), 1, message);
    assert.equal(count(message, "less busy"), 1, message);
    assert.equal(count(message, "statement timeout"), 0, message);
  });

  it("says the permission's fix once", () => {
    const { message } = problemOf("permission-denied", "table-definitions");

    assert.equal(count(message, "grant the login"), 1, message);
    assert.equal(count(message, "infio grant-script"), 1, message);
  });

  it("says the lost connection's fix once", () => {
    const { message } = problemOf("connection-lost", "server-modules");

    assert.equal(count(message, "check the network"), 1, message);
    assert.equal(count(message, "collect again") + count(message, "run again"), 1, message);
  });
});
