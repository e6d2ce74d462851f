import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { CollectedItem } from "../../../../src/sources/sqlserver/collected.js";
import { collectItems, NO_PARTS, salesSession } from "./helpers.js";

/** Databases whose permission check ran, which every collected database has. */
function collected(items: readonly CollectedItem[]): string[] {
  return items.flatMap((item) =>
    item.kind === "inventory" && item.part === "permissions" && item.items[0]?.database !== undefined
      ? [String(item.items[0].database)]
      : [],
  );
}

describe("database filter", () => {
  it("matches names without regard to case, in server order", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS, databases: ["hr", "SALES"] });

    assert.deepEqual(collected(items), ["Sales", "Hr"]);
    assert.ok(!items.some((item) => item.kind === "problem" && item.problem.reason === "not-found"));
  });

  it("reports unknown names and lists the databases", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS, databases: ["Sales", "Payroll", "payroll"] });
    const notFound = items.flatMap((item) =>
      item.kind === "problem" && item.problem.reason === "not-found" ? [item.problem] : [],
    );

    assert.deepEqual(collected(items), ["Sales"]);
    assert.equal(notFound.length, 1, "a name given twice is reported once");
    assert.equal(notFound[0]?.database, "Payroll");
    assert.equal(notFound[0]?.part, "database-list");
    assert.match(notFound[0]?.message ?? "", /database 'Payroll' was not found on 'sales-sql01,1433'/);
    assert.match(
      notFound[0]?.message ?? "",
      /the server lists: master, tempdb, model, msdb, Sales, Offline, Restoring, Broken, Hr/,
    );
  });

  it("reports unknown names before the server parts", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS, databases: ["Nope"] });
    const kinds = items.map((item) => (item.kind === "problem" ? item.problem.reason : item.kind));

    assert.deepEqual(kinds, ["server", "inventory", "not-found", "module"]);
  });

  it("collects a system database named in the filter", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS, databases: ["MSDB"] });

    assert.deepEqual(collected(items), ["msdb"]);
  });

  it("never collects tempdb, and says why when it is named", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS, databases: ["TempDB", "Sales"] });
    const problems = items.flatMap((item) =>
      item.kind === "problem" && item.problem.part === "database-list" ? [item.problem] : [],
    );

    assert.deepEqual(collected(items), ["Sales"]);
    assert.deepEqual(
      problems.map((p) => [p.reason, p.part, p.database]),
      [["database-unavailable", "database-list", "TempDB"]],
    );
    assert.match(problems[0]?.message ?? "", /database 'TempDB' on 'sales-sql01,1433' was not read: tempdb contains only temporary objects/);
  });

  it("reports a named database that is offline", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS, databases: ["offline"] });
    const problems = items.flatMap((item) => (item.kind === "problem" ? [item.problem] : []));

    assert.deepEqual(
      problems.map((p) => [p.reason, p.database]),
      [["database-unavailable", "Offline"]],
    );
  });

  it("treats an empty filter as none", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS, databases: [] });

    assert.deepEqual(collected(items), ["Sales", "Hr"]);
  });
});
