import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { collectServer, type CollectProgress } from "../../../../src/sources/sqlserver/collect.js";
import { moduleUnitName } from "../../../../src/sources/sqlserver/collected.js";
import { DATABASE_PARTS, SERVER_PARTS } from "../../../../src/sources/sqlserver/inventory/index.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { memorySession } from "../../../helpers/sqlserver-fixture/memory-session.js";
import { collectItems, label, NO_PARTS, salesSession, testPart, trackedSession, withoutTime } from "./helpers.js";

const PARTS = {
  server: [testPart("probe-server", "server")],
  database: [testPart("probe-a", "database"), testPart("probe-b", "database")],
};

describe("collectServer order", () => {
  it("emits header, permissions, parts, server modules, then databases", async () => {
    const items = await collectItems(salesSession(), { parts: PARTS });

    assert.deepEqual(items.map(label), [
      "server SALES-SQL01",
      "inventory permissions",
      "inventory probe-server",
      "module ..trg_Logon",
      "inventory permissions @Sales",
      "inventory probe-a @Sales",
      "inventory probe-b @Sales",
      "module Sales..trg_Ddl",
      "module Sales.dbo.usp_Legacy",
      "module Sales.sales.fn_Total",
      "problem permission-denied modules @Sales",
      "module Sales.sales.usp_PlaceOrder",
      "module Sales.sales.usp_Secret (null)",
      "module Sales.sales.vOrders",
      "rebuilt-table Sales.sales.Customer",
      "rebuilt-table Sales.sales.Order",
      "problem database-unavailable database @Offline",
      "problem database-unavailable database @Restoring",
      "problem database-unavailable database @Broken",
      "inventory permissions @Hr",
      "inventory probe-a @Hr",
      "inventory probe-b @Hr",
      "module Hr.hr.usp_Hire",
      "rebuilt-table Hr.hr.Employee",
    ]);
  });

  it("gives identical streams for parallelism 1 and 4", async () => {
    const one = await collectItems(salesSession(), { parts: PARTS, parallelism: 1 });
    const four = await collectItems(salesSession(), { parts: PARTS, parallelism: 4 });

    assert.deepEqual(withoutTime(four), withoutTime(one));
  });

  it("keeps the order when later databases finish first", async () => {
    // Sales replies slowly and Hr at once, so Hr's prelude is done first.
    const slowFirst = (database: string) => (database === "Sales" ? 20 : 0);
    const one = await collectItems(salesSession(), { parts: PARTS, parallelism: 1 });
    const session = trackedSession(salesSession(), slowFirst);
    const five = await collectItems(session, { parts: PARTS, parallelism: 5 });

    assert.deepEqual(withoutTime(five), withoutTime(one));
    assert.deepEqual(session.open(), [], "every database is released");
  });

  it("opens at most `parallelism` databases at once", async () => {
    for (const parallelism of [1, 2, 3]) {
      const session = trackedSession(salesSession(), () => 1);
      await collectItems(session, { parts: PARTS, parallelism });

      assert.ok(session.maxOpen() <= parallelism, `parallelism ${parallelism}: ${session.maxOpen()} open at once`);
      assert.ok(session.maxOpen() >= 1);
    }
  });

  it("gives identical Kestrel streams for parallelism 1 and 4", async () => {
    const session = () => memorySession(kestrelServer(), "kestrel-sql01");
    const one = await collectItems(session(), { parts: NO_PARTS, parallelism: 1 });
    const four = await collectItems(session(), { parts: NO_PARTS, parallelism: 4 });

    assert.ok(one.filter((item) => item.kind === "module").length > 50, "the Kestrel fixture has its modules");
    assert.deepEqual(withoutTime(four), withoutTime(one));
  });

  it("runs the registered parts in order on Kestrel", async () => {
    const items = await collectItems(memorySession(kestrelServer(), "kestrel-sql01"));
    const partOf = (item: (typeof items)[number]): string | undefined => {
      if (item.kind === "inventory") {
        return item.part;
      }
      return item.kind === "problem" ? item.problem.part : undefined;
    };
    const serverNames = new Set(SERVER_PARTS.map((part) => part.name));
    const databaseNames = new Set(DATABASE_PARTS.map((part) => part.name));
    // A database's items run from its permissions item to the next one.
    const starts = items.flatMap((item, index) =>
      item.kind === "inventory" && item.part === "permissions" && item.items[0]?.database !== undefined ? [index] : [],
    );
    const inDatabase = (database: string) => {
      const start = starts.find((index) => {
        const item = items[index];
        return item?.kind === "inventory" && item.items[0]?.database === database;
      });
      assert.ok(start !== undefined, `${database} was not collected`);
      const end = starts.find((index) => index > start) ?? items.length;
      return items.slice(start, end);
    };

    const serverParts = [...new Set(items.map(partOf).filter((name) => name !== undefined && serverNames.has(name)))];
    assert.deepEqual(serverParts, SERVER_PARTS.map((part) => part.name));
    for (const database of ["KestrelColdChain", "Archive"]) {
      const parts = inDatabase(database).map(partOf).filter((name) => name !== undefined && databaseNames.has(name));
      assert.deepEqual(parts, DATABASE_PARTS.map((part) => part.name), database);
    }
  });

  it("fills the server header", async () => {
    const before = Date.now();
    const [first] = await collectItems(salesSession(), { parts: NO_PARTS, tlsVerificationDisabled: true });

    assert.ok(first?.kind === "server");
    assert.equal(first.server.address, "sales-sql01,1433");
    assert.equal(first.server.name, "SALES-SQL01");
    assert.equal(first.server.version, "16.0.4135.4");
    assert.equal(first.server.edition, "Enterprise Edition (64-bit)");
    assert.equal(first.server.tlsVerificationDisabled, true);
    assert.ok(Date.parse(first.server.collectedAt) >= before - 1000);
  });

  it("names the database in items of database parts", async () => {
    const items = await collectItems(salesSession(), { parts: PARTS, databases: ["Sales"] });
    const probe = items.find((item) => item.kind === "inventory" && item.part === "probe-a");

    assert.ok(probe?.kind === "inventory");
    assert.deepEqual(probe.items, [{ database: "Sales", name: "probe-a", ranIn: "Sales" }]);
  });

  it("leaves system databases out unless asked, and tempdb always", async () => {
    const plain = await collectItems(salesSession(), { parts: PARTS });
    const withSystem = await collectItems(salesSession(), { parts: PARTS, includeSystemDatabases: true });
    const probed = (items: typeof plain) =>
      items.filter((item) => item.kind === "inventory" && item.part === "probe-a").map((item) => label(item));

    assert.deepEqual(probed(plain), ["inventory probe-a @Sales", "inventory probe-a @Hr"]);
    assert.deepEqual(probed(withSystem), [
      "inventory probe-a @master",
      "inventory probe-a @model",
      "inventory probe-a @msdb",
      "inventory probe-a @Sales",
      "inventory probe-a @Hr",
    ]);
  });

  it("reports progress for each database", async () => {
    const events: CollectProgress[] = [];
    await collectItems(salesSession(), { parts: NO_PARTS, onProgress: (event) => events.push(event) });
    const finished = events.filter((event) => event.kind === "database-finished");
    const started = events.filter((event) => event.kind === "database-started");

    assert.deepEqual(
      started.map((event) => event.database),
      ["Sales", "Offline", "Restoring", "Broken", "Hr"],
    );
    assert.deepEqual(
      finished.map((event) => [event.database, event.modules, event.tables, event.skipped]),
      [
        ["Sales", 6, 2, false],
        ["Offline", 0, 0, true],
        ["Restoring", 0, 0, true],
        ["Broken", 0, 0, true],
        ["Hr", 1, 1, false],
      ],
    );
    assert.ok(events.some((event) => event.kind === "modules-read" && event.database === "Sales" && event.modules === 6));
  });

  it("counts problems, modules and tables", async () => {
    const collection = collectServer(salesSession(), { parts: NO_PARTS });
    for await (const _item of collection) {
      // Reading to the end fills the stats.
    }

    assert.equal(collection.stats.problems, 4);
    assert.deepEqual(collection.stats.problemsByReason, { "permission-denied": 1, "database-unavailable": 3 });
    assert.equal(collection.stats.modules, 8);
    assert.equal(collection.stats.encryptedModules, 1);
    assert.equal(collection.stats.rebuiltTables, 3);
    assert.equal(collection.stats.databasesCollected, 2);
    assert.equal(collection.stats.databasesSkipped, 3);
  });

  it("rejects an invalid parallelism", () => {
    for (const parallelism of [0, -1, 1.5, Number.NaN]) {
      assert.throws(() => collectServer(salesSession(), { parallelism }), /invalid parallelism .*: give a whole number of at least 1/);
    }
    assert.throws(() => collectServer(salesSession(), { tablePageSize: 0 }), /invalid tablePageSize 0/);
  });

  it("can be iterated once", async () => {
    const collection = collectServer(salesSession(), { parts: NO_PARTS });
    for await (const _item of collection) {
      break;
    }
    assert.throws(() => collection[Symbol.asyncIterator](), /iterated once/);
  });

  it("names server modules apart from database modules", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS, databases: ["Sales"] });
    const names = items.flatMap((item) => (item.kind === "module" ? [moduleUnitName(item.module)] : []));

    assert.ok(names.includes("server.trg_Logon"));
    assert.ok(names.includes("Sales.sales.usp_PlaceOrder"));
    assert.equal(new Set(names).size, names.length, "unit names are unique");
  });
});
