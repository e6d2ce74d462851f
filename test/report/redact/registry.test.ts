import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { NameKind } from "../../../src/report/redact/kinds.js";
import { NameRegistry } from "../../../src/report/redact/registry.js";

function registryOf(names: readonly (readonly [string, NameKind])[]): NameRegistry {
  const registry = new NameRegistry();
  for (const [name, kind] of names) {
    registry.addName(name, kind);
  }
  return registry;
}

const TABLES: readonly (readonly [string, NameKind])[] = [
  ["Shipment", "table"],
  ["Pallet", "table"],
  ["SensorReading", "table"],
];

describe("NameRegistry", () => {
  it("numbers names in sorted order, not in the order met", () => {
    const forward = registryOf(TABLES).number();
    const backward = registryOf([...TABLES].reverse()).number();

    assert.equal(forward.name("Pallet"), "table1");
    assert.equal(forward.name("SensorReading"), "table2");
    assert.equal(forward.name("Shipment"), "table3");
    assert.deepEqual(backward.entries(), forward.entries());
  });

  it("gives names that differ only in case one pseudonym", () => {
    const table = registryOf([
      ["Orders", "table"],
      ["ORDERS", "table"],
      ["orders", "name"],
    ]).number();

    assert.equal(table.name("oRdErS"), "table1");
    assert.equal(table.entries().length, 1);
    assert.equal(table.entries()[0]!.name, "ORDERS", "the first spelling in code-unit order");
  });

  it("takes the first kind in priority order", () => {
    const table = registryOf([
      ["etl", "user"],
      ["etl", "login"],
      ["Total", "name"],
      ["Total", "column"],
    ]).number();

    assert.equal(table.name("etl"), "login1");
    assert.equal(table.name("Total"), "column1");
  });

  it("leaves built-in and empty names out", () => {
    const registry = registryOf([
      ["dbo", "schema"],
      ["MSDB", "database"],
      ["##MS_PolicyEventProcessingLogin##", "login"],
      ["", "table"],
    ]);

    assert.equal(registry.number().entries().length, 0);
  });

  it("tells known names from names only code uses", () => {
    const registry = registryOf([
      ["Orders", "table"],
      ["o", "name"],
    ]);

    assert.equal(registry.isKnown("ORDERS"), true);
    assert.equal(registry.isKnown("o"), false);
    assert.equal(registry.hasName("O"), true);
  });

  it("orders by a keyed hash when given a secret", () => {
    const names = Array.from({ length: 12 }, (_, i): [string, NameKind] => [`Table${String(i).padStart(2, "0")}`, "table"]);
    const plain = registryOf(names).number();
    const keyed = registryOf(names).number("first secret");
    const again = registryOf([...names].reverse()).number("first secret");
    const other = registryOf(names).number("second secret");

    const order = (t: typeof plain) => names.map(([name]) => t.name(name));
    assert.deepEqual(order(plain), names.map((_, i) => `table${i + 1}`));
    assert.notDeepEqual(order(keyed), order(plain));
    assert.deepEqual(order(again), order(keyed));
    assert.notDeepEqual(order(other), order(keyed));
    assert.deepEqual([...order(keyed)].sort(), [...order(plain)].sort());
  });

  it("numbers path segments exactly and keeps SQL extensions", () => {
    const registry = new NameRegistry();
    registry.addPath("Procs", "folder");
    registry.addPath("procs", "folder");
    registry.addPath("GetOrder.SQL", "file");
    registry.addPath("notes.custom", "file");
    const table = registry.number();

    assert.equal(table.path("Procs", "folder"), "folder1");
    assert.equal(table.path("procs", "folder"), "folder2");
    assert.equal(table.path("GetOrder.SQL", "file"), "file1.sql");
    assert.equal(table.path("notes.custom", "file"), "file2");
  });

  it("spells variables, temporary tables and e-mail addresses", () => {
    const table = registryOf([
      ["@OrderId", "variable"],
      ["$(TargetDb)", "variable"],
      ["#Staging", "temp"],
      ["##Shared", "temp"],
      ["dba@corp.example", "email"],
    ]).number();

    assert.equal(table.name("@orderid"), "@var2");
    assert.equal(table.name("$(TargetDb)"), "$(var1)");
    assert.equal(table.name("#staging"), "#temp2");
    assert.equal(table.name("##shared"), "##temp1");
    assert.equal(table.name("DBA@corp.example"), "email1@example.invalid");
  });
});
