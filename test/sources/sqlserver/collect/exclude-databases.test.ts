/** Databases left out of a collection with `excludeDatabases`. */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { CollectedItem } from "../../../../src/sources/sqlserver/collected.js";
import { collectItems, NO_PARTS, salesSession } from "./helpers.js";

/** Returns the databases whose permission check ran, which every collected database has. */
function collected(items: readonly CollectedItem[]): string[] {
  return items.flatMap((item) =>
    item.kind === "inventory" && item.part === "permissions" && item.items[0]?.database !== undefined
      ? [String(item.items[0].database)]
      : [],
  );
}

describe("excluded databases", () => {
  it("leaves them out of every user database", async () => {
    const all = await collectItems(salesSession(), { parts: NO_PARTS });
    const items = await collectItems(salesSession(), { parts: NO_PARTS, excludeDatabases: ["HR"] });

    assert.ok(collected(all).includes("Hr"));
    assert.deepEqual(
      collected(items),
      collected(all).filter((name) => name !== "Hr"),
    );
  });

  it("leaves them out of the named databases", async () => {
    const items = await collectItems(salesSession(), {
      parts: NO_PARTS,
      databases: ["Sales", "Hr"],
      excludeDatabases: ["sales"],
    });

    assert.deepEqual(collected(items), ["Hr"]);
  });

  it("ignores a name the server does not have", async () => {
    const items = await collectItems(salesSession(), { parts: NO_PARTS, databases: ["Sales"], excludeDatabases: ["Payroll"] });

    assert.deepEqual(collected(items), ["Sales"]);
    assert.ok(!items.some((item) => item.kind === "problem" && item.problem.reason === "not-found"));
  });
});
