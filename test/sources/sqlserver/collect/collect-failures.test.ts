import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { collectServer } from "../../../../src/sources/sqlserver/collect.js";
import type { CollectedItem } from "../../../../src/sources/sqlserver/collected.js";
import { SqlServerError } from "../../../../src/sources/sqlserver/errors.js";
import { memorySession } from "../../../helpers/sqlserver-fixture/memory-session.js";
import {
  collectItems,
  faultySession,
  label,
  NO_PARTS,
  salesServer,
  salesSession,
  testPart,
  trackedSession,
} from "./helpers.js";

function problems(items: readonly CollectedItem[]) {
  return items.flatMap((item) => (item.kind === "problem" ? [item.problem] : []));
}

function labels(items: readonly CollectedItem[], database: string): string[] {
  return items.map(label).filter((text) => text.includes(`@${database}`) || text.includes(` ${database}.`));
}

/** Collects until the iteration rejects; returns the items before it and the error. */
async function collectUntilFailure(
  ...args: Parameters<typeof collectServer>
): Promise<{ items: CollectedItem[]; error: unknown }> {
  const items: CollectedItem[] = [];
  try {
    for await (const item of collectServer(...args)) {
      items.push(item);
    }
  } catch (error) {
    return { items, error };
  }
  assert.fail("the collection did not reject");
}

describe("collectServer failures", () => {
  it("skips unavailable databases and reads the rest", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS });
    const skipped = problems(items).filter((p) => p.reason === "database-unavailable");

    assert.deepEqual(
      skipped.map((p) => p.database),
      ["Offline", "Restoring", "Broken"],
    );
    assert.match(skipped[0]!.message, /database 'Offline' on 'sales-sql01,1433' is OFFLINE, so it was skipped/);
    assert.match(skipped[1]!.message, /is RESTORING/);
    assert.match(skipped[2]!.message, /'Broken'.*error 4060/);
    assert.ok(items.some((item) => item.kind === "module" && item.module.database === "Hr"));
  });

  it("skips a database HAS_DBACCESS closes", async () => {
    const fixture = salesServer();
    const closed = {
      ...fixture,
      views: {
        ...fixture.views,
        "sys.databases": fixture.views["sys.databases"]!.map((row) =>
          row["name"] === "Hr" ? { ...row, has_dbaccess: 0 } : row,
        ),
      },
    };
    const items = await collectItems(memorySession(closed, "sales"), { parts: NO_PARTS });
    const problem = problems(items).find((p) => p.database === "Hr");

    assert.equal(problem?.reason, "database-unavailable");
    assert.match(problem?.message ?? "", /login 'infio_reader' cannot open database 'Hr' on 'sales' \(HAS_DBACCESS returned 0\)/);
    assert.ok(!items.some((item) => item.kind === "module" && item.module.database === "Hr"));
  });

  it("makes a denied view a problem of its part only", async () => {
    const session = salesSession({ faults: { deniedViewsByDatabase: { Sales: ["sys.sql_modules"] } } });
    const items = await collectItems(session, { parts: NO_PARTS });

    assert.deepEqual(labels(items, "Sales"), [
      "inventory permissions @Sales",
      "problem permission-denied modules @Sales",
      "rebuilt-table Sales.sales.Customer",
      "rebuilt-table Sales.sales.Order",
    ]);
    const problem = problems(items).find((p) => p.part === "modules");
    assert.match(problem?.message ?? "", /cannot read part 'modules' of database 'Sales' on 'sales-sql01,1433'/);
    assert.match(problem?.message ?? "", /sys\.sql_modules/);
    assert.ok(items.some((item) => item.kind === "module" && item.module.database === "Hr"));
  });

  it("makes a denied constraint view a problem of the table definitions", async () => {
    const session = salesSession({ faults: { deniedViewsByDatabase: { Sales: ["sys.check_constraints"] } } });
    const items = await collectItems(session, { parts: NO_PARTS });
    const sales = labels(items, "Sales");

    assert.ok(sales.includes("module Sales.sales.usp_PlaceOrder"));
    assert.ok(sales.includes("problem permission-denied table-definitions @Sales"));
    assert.ok(!sales.some((text) => text.startsWith("rebuilt-table")));
    assert.ok(labels(items, "Hr").includes("rebuilt-table Hr.hr.Employee"));
  });

  it("goes on after a failing part", async () => {
    const denied = new SqlServerError(
      "permission-denied",
      "SELECT denied on 'sys.dm_os_sys_info' (error 229); grant the login VIEW SERVER STATE (infio grant-script prints the statements)",
      { server: "sales", number: 229 },
    );
    const parts = {
      server: [testPart("first", "server", denied), testPart("second", "server")],
      database: [],
    };
    const items = await collectItems(salesSession(), { parts });

    assert.deepEqual(items.map(label).slice(2, 4), ["problem permission-denied first", "inventory second"]);
    const problem = problems(items).find((p) => p.part === "first");
    assert.equal(
      problem?.message,
      `cannot read part 'first' of server 'sales-sql01,1433': ${denied.message}`,
      "the error's fix, once",
    );
  });

  it("keeps the modules read before a dropped connection", async () => {
    const session = faultySession(salesSession(), [
      { queryId: "collector.modules", database: "Sales", kind: "connection-lost", afterRows: 2 },
    ]);
    const items = await collectItems(session, { parts: NO_PARTS });

    assert.deepEqual(labels(items, "Sales"), [
      "inventory permissions @Sales",
      "module Sales..trg_Ddl",
      "module Sales.dbo.usp_Legacy",
      "problem connection-lost modules @Sales",
      "rebuilt-table Sales.sales.Customer",
      "rebuilt-table Sales.sales.Order",
    ]);
    assert.ok(labels(items, "Hr").includes("module Hr.hr.usp_Hire"));
  });

  it("records a timeout in one database and goes on", async () => {
    const session = faultySession(salesSession(), [
      { queryId: "collector.table-indexes", database: "Sales", kind: "timeout" },
    ]);
    const items = await collectItems(session, { parts: NO_PARTS });
    const problem = problems(items).find((p) => p.reason === "timeout");

    assert.equal(problem?.part, "table-definitions");
    assert.equal(problem?.database, "Sales");
    assert.match(problem?.message ?? "", /^cannot read part 'table-definitions' of database 'Sales' on 'sales-sql01,1433': query collector\.table-indexes failed/);
    assert.ok(labels(items, "Hr").includes("rebuilt-table Hr.hr.Employee"));
  });

  it("rejects on a kind in stopOn after the same items at any parallelism", async () => {
    const run = async (parallelism: number) =>
      collectUntilFailure(
        faultySession(salesSession(), [{ queryId: "collector.modules", database: "Hr", kind: "connection-lost" }]),
        { parts: NO_PARTS, stopOn: ["connection-lost"], parallelism },
      );
    const one = await run(1);
    const four = await run(4);

    assert.ok(one.error instanceof SqlServerError);
    assert.equal(one.error.kind, "connection-lost");
    assert.equal(one.error.database, "Hr");
    assert.deepEqual(four.items.map(label), one.items.map(label));
    assert.equal(one.items.map(label).at(-1), "inventory permissions @Hr");
  });

  it("rejects before any item when master cannot be opened", async () => {
    const session = faultySession(salesSession(), [], { master: "login-failed" });
    const { items, error } = await collectUntilFailure(session, { parts: NO_PARTS });

    assert.deepEqual(items, []);
    assert.ok(error instanceof SqlServerError);
    assert.equal(error.kind, "login-failed");
  });

  it("rejects when the server header cannot be read", async () => {
    const session = faultySession(salesSession(), [
      { queryId: "collector.server-header", database: "master", kind: "timeout" },
    ]);
    const { items, error } = await collectUntilFailure(session, { parts: NO_PARTS });

    assert.deepEqual(items, []);
    assert.ok(error instanceof SqlServerError);
    assert.equal(error.kind, "timeout");
  });

  it("rejects when the server becomes unreachable", async () => {
    const session = faultySession(salesSession(), [], { Hr: "unreachable" });
    const { items, error } = await collectUntilFailure(session, { parts: NO_PARTS, parallelism: 3 });

    assert.ok(error instanceof SqlServerError);
    assert.equal(error.kind, "unreachable");
    assert.ok(items.some((item) => item.kind === "module" && item.module.database === "Sales"));
    assert.ok(!items.some((item) => label(item).includes("@Hr")));
  });

  it("rejects on an error that is not a SqlServerError", async () => {
    const parts = { server: [testPart("buggy", "server", new TypeError("x is undefined"))], database: [] };
    const { error } = await collectUntilFailure(salesSession(), { parts });

    assert.ok(error instanceof TypeError);
  });

  it("stops when the signal aborts", async () => {
    const controller = new AbortController();
    const items: CollectedItem[] = [];
    await assert.rejects(async () => {
      for await (const item of collectServer(salesSession(), { parts: NO_PARTS, signal: controller.signal })) {
        items.push(item);
        if (item.kind === "module" && item.module.database === "Sales") {
          controller.abort();
        }
      }
    }, /abort/i);
    assert.ok(!items.some((item) => label(item).includes("Hr")));
  });

  it("releases databases when the reader stops early", async () => {
    const session = trackedSession(salesSession());
    for await (const item of collectServer(session, { parts: NO_PARTS, parallelism: 5 })) {
      if (item.kind === "module" && item.module.database === "Sales") {
        break;
      }
    }
    // Preludes still running release their database when they settle.
    await new Promise((resolve) => setImmediate(resolve));

    assert.deepEqual(session.open(), []);
  });
});
