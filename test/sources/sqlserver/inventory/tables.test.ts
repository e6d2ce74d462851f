import { test } from "node:test";
import assert from "node:assert/strict";

import { tablesPart } from "../../../../src/sources/sqlserver/inventory/tables.js";
import { itemWhere, runPart } from "./harness.js";

const KESTREL = { database: "KestrelColdChain" };

test("tables part streams the columns", async () => {
  const { calls } = await runPart(tablesPart, KESTREL);

  assert.deepEqual(calls, ["all inventory.tables.2022", "rows inventory.table-columns.2017"]);
});

test("tables part lists every KestrelColdChain table", async () => {
  const { items } = await runPart(tablesPart, KESTREL);

  assert.equal(items.length, 45);
  assert.deepEqual(
    items.slice(0, 3).map((item) => `${item["schema"]}.${item["name"]}`),
    ["audit.ChangeLog", "audit.DdlEvent", "audit.LoginAudit"],
  );
  for (const item of items) {
    assert.equal(item["database"], "KestrelColdChain");
  }
});

test("tables without a primary key", async () => {
  const { items } = await runPart(tablesPart, KESTREL);

  assert.deepEqual(
    items.filter((item) => item["hasPrimaryKey"] === false).map((item) => `${item["schema"]}.${item["name"]}`),
    ["billing.RateCardHistory", "telemetry.SensorReading", "telemetry.SensorReadingArchive"],
  );
});

test("tables part sizes ref.Currency", async () => {
  const { items } = await runPart(tablesPart, KESTREL);

  // 32 rows of 120 bytes fill one data page; one more page for the index
  // root; one 8-page extent reserved.
  const currency = itemWhere(items, { schema: "ref", name: "Currency" });
  assert.equal(currency["rows"], 32);
  assert.equal(currency["partitions"], 1);
  assert.equal(currency["reservedKb"], 64);
  assert.equal(currency["usedKb"], 16);
  assert.equal(currency["dataKb"], 8);
  assert.equal(currency["columns"], 5);
  assert.deepEqual(currency["columnTypes"], { char: 1, nvarchar: 1, tinyint: 1, decimal: 1, datetime2: 1 });
  assert.deepEqual(currency["notableColumns"], []);
  assert.equal(currency["isHeap"], false);
  assert.equal(currency["dataSpace"], "PRIMARY");
});

test("temporal table and its history table", async () => {
  const { items } = await runPart(tablesPart, KESTREL);

  const rateCard = itemWhere(items, { name: "RateCard" });
  assert.equal(rateCard["temporalType"], "SYSTEM_VERSIONED_TEMPORAL_TABLE");
  assert.equal(rateCard["historyTable"], "billing.RateCardHistory");
  const periodColumns = (rateCard["notableColumns"] as { name: string; features: string[] }[]).filter((column) =>
    column.features.includes("hidden"),
  );
  assert.deepEqual(periodColumns.map((column) => [column.name, column.features]), [
    ["ValidFrom", ["hidden", "generated-as-row-start"]],
    ["ValidTo", ["hidden", "generated-as-row-end"]],
  ]);

  const history = itemWhere(items, { name: "RateCardHistory" });
  assert.equal(history["temporalType"], "HISTORY_TABLE");
  assert.equal(history["historyTable"], null);
});

test("memory-optimized table", async () => {
  const { items } = await runPart(tablesPart, KESTREL);

  const slots = itemWhere(items, { name: "DockSlotReservation" });
  assert.equal(slots["isMemoryOptimized"], true);
  assert.equal(slots["durability"], "SCHEMA_AND_DATA");
  assert.equal(slots["rows"], null);
  assert.equal(slots["reservedKb"], null);
  assert.equal(slots["isHeap"], false);
  assert.equal(slots["hasPrimaryKey"], true);
  assert.equal(slots["indexes"], 2);
});

test("partitioned clustered columnstore table", async () => {
  const { items } = await runPart(tablesPart, KESTREL);

  const readings = itemWhere(items, { name: "SensorReading" });
  assert.equal(readings["rows"], 735_000_000);
  assert.equal(readings["partitions"], 19);
  assert.equal(readings["isPartitioned"], true);
  assert.equal(readings["dataSpace"], "psReadingMonth");
  assert.equal(readings["hasClusteredColumnstore"], true);
  assert.equal(readings["hasColumnstore"], true);
  assert.equal(readings["hasClusteredIndex"], true);

  const ledger = itemWhere(items, { name: "LedgerEntry" });
  assert.equal(ledger["partitions"], 5);
  assert.equal(ledger["isPartitioned"], true);
  assert.equal(ledger["hasColumnstore"], false);
});

test("computed, alias and CLR type columns", async () => {
  const { items } = await runPart(tablesPart, KESTREL);

  const employee = itemWhere(items, { schema: "hr", name: "Employee" });
  assert.equal(employee["computedColumns"], 2);
  assert.equal(employee["identityColumns"], 1);
  assert.deepEqual(
    (employee["notableColumns"] as { name: string; type: string; features: string[] }[]).map((c) => [c.name, c.type, c.features]),
    [
      ["EmployeeId", "int", ["identity"]],
      ["OrgNode", "hierarchyid", ["clr-type"]],
      ["OrgLevel", "smallint", ["computed"]],
      ["FullName", "nvarchar(101)", ["computed"]],
      ["Email", "ref.EmailAddress", ["alias-type"]],
      ["Phone", "ref.PhoneNumber", ["alias-type"]],
    ],
  );
  assert.deepEqual(employee["columnTypes"], {
    int: 2,
    hierarchyid: 1,
    smallint: 1,
    varchar: 2,
    nvarchar: 5,
    bit: 1,
    date: 2,
    varbinary: 1,
    datetime2: 1,
  });
});

test("sparse columns with a column set", async () => {
  const { items } = await runPart(tablesPart, KESTREL);

  const trailer = itemWhere(items, { name: "Trailer" });
  assert.equal(trailer["sparseColumns"], 5);
  assert.equal(trailer["hasColumnSet"], true);
  const columnSet = (trailer["notableColumns"] as { name: string; features: string[] }[]).find(
    (column) => column.name === "SpecialAttributes",
  );
  assert.deepEqual(columnSet?.features, ["column-set", "lob", "xml"]);
});

test("FILESTREAM column with its ROWGUIDCOL", async () => {
  const { items } = await runPart(tablesPart, KESTREL);

  const documents = itemWhere(items, { name: "DeliveryDocument" });
  assert.equal(documents["filestreamColumns"], 1);
  assert.deepEqual(documents["notableColumns"], [
    {
      name: "DocumentId",
      type: "uniqueidentifier",
      isNullable: false,
      features: ["rowguidcol"],
      collation: null,
      default: "(newsequentialid())",
    },
    { name: "Content", type: "varbinary(max)", isNullable: true, features: ["filestream", "lob"], collation: null, default: null },
  ]);
});

test("deprecated LOB and rowversion columns", async () => {
  const { items } = await runPart(tablesPart, KESTREL);

  const order = itemWhere(items, { schema: "legacy", name: "OldOrder" });
  assert.equal(order["lobColumns"], 3);
  assert.deepEqual(
    (order["notableColumns"] as { name: string; type: string; features: string[] }[]).map((c) => [c.name, c.type, c.features]),
    [
      ["Instructions", "text", ["deprecated-lob"]],
      ["InstructionsUni", "ntext", ["deprecated-lob"]],
      ["ScannedForm", "image", ["deprecated-lob"]],
      ["Stamp", "timestamp", ["rowversion"]],
    ],
  );
});

test("heaps without a primary key in Archive", async () => {
  const { items } = await runPart(tablesPart, { database: "Archive" });

  assert.deepEqual(
    items.map((item) => [item["name"], item["isHeap"], item["hasPrimaryKey"], item["rows"]]),
    [
      ["ArchiveRun", false, true, 5],
      ["ArchiveSetting", true, false, 12],
      ["ShipmentArchive", true, false, 5_400_000],
    ],
  );
});

test("tables part queries by version", async () => {
  const old = await runPart(tablesPart, { ...KESTREL, majorVersion: 13 });
  assert.deepEqual(old.queryIds, ["inventory.tables.2016", "inventory.table-columns.2016"]);
  const oldCurrency = itemWhere(old.items, { name: "Currency" });
  assert.equal(oldCurrency["isNode"], null);
  assert.equal(oldCurrency["ledgerType"], null);
  assert.equal(oldCurrency["temporalType"], "NON_TEMPORAL_TABLE");

  const middle = await runPart(tablesPart, { ...KESTREL, majorVersion: 14 });
  assert.deepEqual(middle.queryIds, ["inventory.tables.2017", "inventory.table-columns.2017"]);
  assert.equal(itemWhere(middle.items, { name: "Currency" })["isNode"], false);
  assert.equal(itemWhere(middle.items, { name: "Currency" })["ledgerType"], null);

  const latest = await runPart(tablesPart, { ...KESTREL, majorVersion: 16 });
  assert.equal(itemWhere(latest.items, { name: "Currency" })["ledgerType"], "NON_LEDGER_TABLE");
});

test("tables part in a database without tables", async () => {
  const { items } = await runPart(tablesPart, { database: "master" });

  assert.deepEqual(items, []);
});
