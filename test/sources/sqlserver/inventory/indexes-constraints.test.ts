import { test } from "node:test";
import assert from "node:assert/strict";

import { constraintsPart } from "../../../../src/sources/sqlserver/inventory/constraints.js";
import { indexesPart } from "../../../../src/sources/sqlserver/inventory/indexes.js";
import { partitioningPart } from "../../../../src/sources/sqlserver/inventory/partitioning.js";
import { queryStorePart } from "../../../../src/sources/sqlserver/inventory/query-store.js";
import { itemWhere, runPart } from "./harness.js";

const KESTREL = { database: "KestrelColdChain" };

test("indexes part lists every index", async () => {
  const { items, queryIds } = await runPart(indexesPart, KESTREL);

  assert.deepEqual(queryIds, ["inventory.indexes.2019"]);
  assert.equal(items.length, 74);
  const types = new Map<unknown, number>();
  for (const item of items) {
    types.set(item["type"], (types.get(item["type"]) ?? 0) + 1);
  }
  assert.deepEqual(Object.fromEntries(types), {
    CLUSTERED: 42,
    NONCLUSTERED: 25,
    "CLUSTERED COLUMNSTORE": 2,
    XML: 3,
    SPATIAL: 1,
    "NONCLUSTERED HASH": 1,
  });
});

test("filtered index with included columns", async () => {
  const { items } = await runPart(indexesPart, KESTREL);

  assert.deepEqual(itemWhere(items, { name: "IX_Route_Status_Departure" }), {
    database: "KestrelColdChain",
    schema: "ops",
    object: "Route",
    objectType: "table",
    name: "IX_Route_Status_Departure",
    indexId: 3,
    type: "NONCLUSTERED",
    isColumnstore: false,
    isUnique: false,
    isPrimaryKey: false,
    isUniqueConstraint: false,
    isFiltered: true,
    filter: "([Status] IN ('P', 'D'))",
    isDisabled: false,
    isHypothetical: false,
    fillFactor: 0,
    ignoreDupKey: false,
    allowRowLocks: true,
    allowPageLocks: true,
    optimizeForSequentialKey: false,
    keyColumns: 2,
    includedColumns: 4,
    partitions: 1,
    compression: "NONE",
    isPartitioned: false,
    dataSpace: "PRIMARY",
    xmlIndexType: null,
    spatialTessellation: null,
  });
});

test("columnstore, XML, spatial and hash indexes", async () => {
  const { items } = await runPart(indexesPart, KESTREL);

  const columnstore = itemWhere(items, { name: "CCI_SensorReading" });
  assert.equal(columnstore["isColumnstore"], true);
  assert.equal(columnstore["isPartitioned"], true);
  assert.equal(columnstore["partitions"], 19);
  assert.equal(columnstore["compression"], "COLUMNSTORE");
  assert.equal(itemWhere(items, { name: "CCI_SensorReadingArchive" })["compression"], "COLUMNSTORE_ARCHIVE");

  assert.deepEqual(
    items.filter((item) => item["type"] === "XML").map((item) => [item["name"], item["xmlIndexType"]]),
    [
      ["PXML_Contract_Terms", "PRIMARY"],
      ["SXML_Contract_Terms_Path", "PATH"],
      ["SXML_Contract_Terms_Value", "VALUE"],
    ],
  );
  assert.equal(itemWhere(items, { name: "SIX_Depot_Location" })["spatialTessellation"], "GEOGRAPHY_AUTO_GRID");
  assert.equal(itemWhere(items, { name: "PK_DockSlotReservation" })["type"], "NONCLUSTERED HASH");
  assert.equal(itemWhere(items, { name: "IX_Shipment_Customer_BookedAt" })["compression"], "PAGE");
  assert.equal(itemWhere(items, { name: "PK_Shipment" })["optimizeForSequentialKey"], true);
});

test("indexes part on SQL Server 2016", async () => {
  const { items, queryIds } = await runPart(indexesPart, { ...KESTREL, majorVersion: 13 });

  assert.deepEqual(queryIds, ["inventory.indexes.2016"]);
  assert.equal(itemWhere(items, { name: "PK_Shipment" })["optimizeForSequentialKey"], null);
});

test("constraints part counts each type", async () => {
  const { items, queryIds } = await runPart(constraintsPart, KESTREL);

  assert.deepEqual(queryIds, [
    "inventory.key-constraints",
    "inventory.foreign-keys",
    "inventory.check-constraints",
    "inventory.default-constraints",
  ]);
  const counts: Record<string, number> = {};
  for (const item of items) {
    counts[item["type"] as string] = (counts[item["type"] as string] ?? 0) + 1;
  }
  assert.deepEqual(counts, { "PRIMARY KEY": 42, UNIQUE: 12, "FOREIGN KEY": 48, CHECK: 36, DEFAULT: 79 });
});

test("untrusted and cross-schema foreign keys", async () => {
  const { items } = await runPart(constraintsPart, KESTREL);

  assert.deepEqual(itemWhere(items, { name: "FK_Depot_Manager" }), {
    database: "KestrelColdChain",
    type: "FOREIGN KEY",
    schema: "ops",
    table: "Depot",
    name: "FK_Depot_Manager",
    isSystemNamed: false,
    columns: 1,
    referencedSchema: "hr",
    referencedTable: "Employee",
    isCrossSchema: true,
    onDelete: "NO_ACTION",
    onUpdate: "NO_ACTION",
    isDisabled: false,
    isNotTrusted: true,
    isNotForReplication: false,
  });
  assert.deepEqual(
    items.filter((item) => item["isNotTrusted"] === true).map((item) => item["name"]),
    ["FK_Depot_Manager"],
  );
  const cascade = itemWhere(items, { name: "FK_ShipmentLine_ProductClass" });
  assert.equal(cascade["onUpdate"], "CASCADE");
  assert.equal(itemWhere(items, { name: "FK_Holiday_Country" })["isCrossSchema"], false);
});

test("key, check and default constraints", async () => {
  const { items } = await runPart(constraintsPart, KESTREL);

  assert.deepEqual(itemWhere(items, { name: "PK_DockSlotReservation" }), {
    database: "KestrelColdChain",
    type: "PRIMARY KEY",
    schema: "ops",
    table: "DockSlotReservation",
    name: "PK_DockSlotReservation",
    isSystemNamed: false,
    indexType: "NONCLUSTERED HASH",
    columns: 3,
  });
  assert.equal(itemWhere(items, { name: "PK__Outbound__7944C810D1B2A3F4" })["isSystemNamed"], true);

  const columnCheck = itemWhere(items, { name: "CK_Sensor_Compartment" });
  assert.equal(columnCheck["column"], "Compartment");
  assert.equal(columnCheck["definition"], "([Compartment]>=(1) AND [Compartment]<=(3))");
  assert.equal(itemWhere(items, { name: "CK_Route_Times" })["column"], null);

  const systemDefaults = items.filter((item) => item["type"] === "DEFAULT" && item["isSystemNamed"] === true);
  assert.equal(systemDefaults.length, 21);
  const received = itemWhere(items, { name: "DF_InboundMessage_ReceivedAt" });
  assert.deepEqual(received, {
    database: "KestrelColdChain",
    type: "DEFAULT",
    schema: "integration",
    table: "InboundMessage",
    name: "DF_InboundMessage_ReceivedAt",
    isSystemNamed: false,
    column: "ReceivedAt",
    definition: "(sysutcdatetime())",
  });
});

test("partitioning part", async () => {
  const { items, queryIds } = await runPart(partitioningPart, KESTREL);

  assert.deepEqual(queryIds, ["inventory.partition-functions", "inventory.partition-schemes"]);
  assert.deepEqual(items, [
    {
      database: "KestrelColdChain",
      name: "pfInvoiceYear",
      type: "RANGE",
      range: "RIGHT",
      parameterType: "date",
      boundaries: 4,
      partitions: 5,
      schemes: [{ name: "psInvoiceYear", filegroups: 2, objects: 1, indexes: 1 }],
    },
    {
      database: "KestrelColdChain",
      name: "pfReadingMonth",
      type: "RANGE",
      range: "RIGHT",
      parameterType: "datetime2(0)",
      boundaries: 18,
      partitions: 19,
      schemes: [{ name: "psReadingMonth", filegroups: 1, objects: 1, indexes: 2 }],
    },
  ]);
});

test("partitioning part without partition functions", async () => {
  const { items, queryIds } = await runPart(partitioningPart, { database: "Archive" });

  assert.deepEqual(items, []);
  assert.deepEqual(queryIds, ["inventory.partition-functions"]);
});

test("query store part", async () => {
  const kestrel = await runPart(queryStorePart, KESTREL);
  assert.deepEqual(kestrel.queryIds, ["inventory.query-store.2017"]);
  assert.deepEqual(kestrel.items, [
    {
      database: "KestrelColdChain",
      desiredState: "READ_WRITE",
      actualState: "READ_WRITE",
      readonlyReason: 0,
      currentStorageMb: 412,
      maxStorageMb: 1024,
      captureMode: "AUTO",
      sizeBasedCleanupMode: "AUTO",
      staleQueryThresholdDays: 30,
      waitStatsCaptureMode: "ON",
    },
  ]);

  const archive = await runPart(queryStorePart, { database: "Archive", majorVersion: 13 });
  assert.deepEqual(archive.queryIds, ["inventory.query-store.2016"]);
  assert.equal(archive.items[0]?.["actualState"], "READ_ONLY");
  assert.equal(archive.items[0]?.["readonlyReason"], 1);
  assert.equal(archive.items[0]?.["waitStatsCaptureMode"], null);
});
