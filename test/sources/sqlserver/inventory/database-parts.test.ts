import { test } from "node:test";
import assert from "node:assert/strict";

import { databaseFilesPart } from "../../../../src/sources/sqlserver/inventory/database-files.js";
import { databasesPart } from "../../../../src/sources/sqlserver/inventory/databases.js";
import { tdePart } from "../../../../src/sources/sqlserver/inventory/tde.js";
import { itemWhere, runPart } from "./harness.js";

test("databases part lists every database", async () => {
  const { items, queryIds } = await runPart(databasesPart, { majorVersion: 16 });

  assert.deepEqual(queryIds, ["inventory.databases.2022"]);
  assert.deepEqual(
    items.map((item) => [item["name"], item["state"], item["isSystem"], item["hasAccess"]]),
    [
      ["master", "ONLINE", true, true],
      ["tempdb", "ONLINE", true, true],
      ["model", "ONLINE", true, true],
      ["msdb", "ONLINE", true, true],
      ["KestrelColdChain", "ONLINE", false, true],
      ["Archive", "ONLINE", false, true],
      ["KestrelReporting", "OFFLINE", false, false],
      ["KestrelColdChain_Drill", "RESTORING", false, false],
    ],
  );
});

test("databases part reads KestrelColdChain options", async () => {
  const { items } = await runPart(databasesPart, { majorVersion: 16 });

  assert.deepEqual(itemWhere(items, { name: "KestrelColdChain" }), {
    name: "KestrelColdChain",
    databaseId: 5,
    state: "ONLINE",
    isSystem: false,
    hasAccess: true,
    userAccess: "MULTI_USER",
    isReadOnly: false,
    isInStandby: false,
    snapshotOf: null,
    recoveryModel: "FULL",
    compatibilityLevel: 160,
    collation: "Latin1_General_100_CI_AS_SC",
    containment: "NONE",
    owner: "sa",
    createdAt: "2023-05-14T09:00:00.000Z",
    isEncrypted: false,
    isCdcEnabled: true,
    replication: { isPublished: false, isSubscribed: false, isMergePublished: false, isDistributor: false },
    changeTracking: { autoCleanup: true, retentionPeriod: 3, retentionUnits: "DAYS" },
    isQueryStoreOn: true,
    snapshotIsolation: "ON",
    isReadCommittedSnapshotOn: true,
    isBrokerEnabled: true,
    isTrustworthyOn: false,
    isDbChainingOn: false,
    isAutoCloseOn: false,
    isAutoShrinkOn: false,
    isParameterizationForced: false,
    pageVerify: "CHECKSUM",
    delayedDurability: "DISABLED",
    isAvailabilityDatabase: true,
    isAcceleratedDatabaseRecoveryOn: true,
    isLedgerOn: false,
  });
});

test("databases part reads Archive and the unavailable ones", async () => {
  const { items } = await runPart(databasesPart);

  const archive = itemWhere(items, { name: "Archive" });
  assert.equal(archive["isReadOnly"], true);
  assert.equal(archive["isEncrypted"], true);
  assert.equal(archive["recoveryModel"], "SIMPLE");
  assert.equal(archive["changeTracking"], null);
  assert.equal(archive["isAvailabilityDatabase"], false);

  // sys.databases has no collation for a database that is not online.
  const offline = itemWhere(items, { name: "KestrelReporting" });
  assert.equal(offline["collation"], null);

  // Restored from another server: no login has the owner's SID.
  const restoring = itemWhere(items, { name: "KestrelColdChain_Drill" });
  assert.equal(restoring["owner"], null);
});

test("databases part on SQL Server 2016 and 2019", async () => {
  const old = await runPart(databasesPart, { majorVersion: 13 });
  assert.deepEqual(old.queryIds, ["inventory.databases.2016"]);
  const kestrel2016 = itemWhere(old.items, { name: "KestrelColdChain" });
  assert.equal(kestrel2016["isAcceleratedDatabaseRecoveryOn"], null);
  assert.equal(kestrel2016["isLedgerOn"], null);
  assert.equal(kestrel2016["isQueryStoreOn"], true);

  const middle = await runPart(databasesPart, { majorVersion: 15 });
  assert.deepEqual(middle.queryIds, ["inventory.databases.2019"]);
  const kestrel2019 = itemWhere(middle.items, { name: "KestrelColdChain" });
  assert.equal(kestrel2019["isAcceleratedDatabaseRecoveryOn"], true);
  assert.equal(kestrel2019["isLedgerOn"], null);
});

test("database files part converts pages", async () => {
  const { items, queryIds } = await runPart(databaseFilesPart);

  assert.deepEqual(queryIds, ["inventory.database-files"]);
  assert.equal(items.length, 29);
  const kestrel = items.filter((item) => item["database"] === "KestrelColdChain");
  assert.deepEqual(
    kestrel.map((item) => [item["name"], item["type"], item["sizeMb"], item["maxSizeMb"], item["growth"]]),
    [
      ["KestrelColdChain", "ROWS", 512, null, { mb: 256 }],
      ["KestrelColdChain_log", "LOG", 2048, 2097152, { mb: 512 }],
      ["KestrelColdChain_Ops01", "ROWS", 1024, null, { mb: 512 }],
      ["KestrelColdChain_Tel01", "ROWS", 4096, null, { mb: 1024 }],
      ["KestrelColdChain_Tel02", "ROWS", 4096, null, { mb: 1024 }],
      ["KestrelColdChain_Arc01", "ROWS", 2048, 204800, { mb: 1024 }],
      ["KestrelColdChain_Documents", "FILESTREAM", 0, null, null],
      ["KestrelColdChain_InMemory", "FILESTREAM", 0, null, null],
    ],
  );
});

test("database files part reads percent growth and states", async () => {
  const { items } = await runPart(databaseFilesPart);

  const archiveLog = itemWhere(items, { database: "Archive", name: "Archive_log" });
  assert.deepEqual(archiveLog["growth"], { percent: 10 });
  assert.equal(archiveLog["isUnlimited"], false);

  const offline = items.filter((item) => item["database"] === "KestrelReporting");
  assert.deepEqual(offline.map((item) => item["state"]), ["OFFLINE", "OFFLINE"]);
  for (const item of items) {
    assert.equal("physical_name" in item || "physicalName" in item, false);
  }
});

test("tde part lists encrypted databases", async () => {
  const { items, queryIds } = await runPart(tdePart);

  assert.deepEqual(queryIds, ["inventory.database-encryption-keys"]);
  assert.deepEqual(items, [
    {
      database: "tempdb",
      encryptionState: "ENCRYPTED",
      keyAlgorithm: "AES",
      keyLength: 256,
      encryptor: "ASYMMETRIC KEY",
      percentComplete: 0,
    },
    {
      database: "Archive",
      encryptionState: "ENCRYPTED",
      keyAlgorithm: "AES",
      keyLength: 256,
      encryptor: "CERTIFICATE",
      percentComplete: 0,
    },
  ]);
});
