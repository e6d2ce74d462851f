/**
 * Readiness rules, one table of cases: each case is a small inventory and
 * the exact items (id and severity) the rules produce from it. The base
 * inventory (one FULL-recovery database with recent backups) produces none.
 */

import assert from "node:assert/strict";
import { test } from "node:test";

import { assessReadiness } from "../../../src/assessment/readiness/assess-readiness.js";
import type { InventoryItem } from "../../../src/sources/sqlserver/collected.js";
import { backups, database, liveSource, table } from "./inventory.js";

interface Case {
  readonly name: string;
  readonly inventory: Record<string, readonly InventoryItem[]>;
  /** `severity id` of every item, in report order. */
  readonly expected: readonly string[];
  readonly target?: string;
}

const column = (name: string, type: string, ...features: string[]) => ({ name, type, features });

const CASES: readonly Case[] = [
  { name: "ordinary table", inventory: { tables: [table("dbo.Customer")] }, expected: [] },
  {
    name: "heap without any key",
    inventory: { tables: [table("dbo.Audit", { hasPrimaryKey: false })] },
    expected: ["blocker readiness.table.no-key:Sales.dbo.Audit"],
  },
  {
    name: "unique index instead of a primary key",
    inventory: {
      tables: [table("dbo.Audit", { hasPrimaryKey: false })],
      indexes: [{ database: "Sales", schema: "dbo", object: "Audit", objectType: "table", isUnique: true, isFiltered: false, isDisabled: false }],
    },
    expected: ["warning readiness.table.no-key:Sales.dbo.Audit"],
  },
  {
    name: "filtered unique index is no key",
    inventory: {
      tables: [table("dbo.Audit", { hasPrimaryKey: false })],
      indexes: [{ database: "Sales", schema: "dbo", object: "Audit", objectType: "table", isUnique: true, isFiltered: true, isDisabled: false }],
    },
    expected: ["blocker readiness.table.no-key:Sales.dbo.Audit"],
  },
  {
    name: "sql_variant column",
    inventory: { tables: [table("dbo.Setting", { notableColumns: [column("Value", "sql_variant", "sql-variant")] })] },
    expected: ["blocker readiness.column.sql-variant:Sales.dbo.Setting.Value"],
  },
  {
    name: "CLR types",
    inventory: {
      tables: [
        table("dbo.Site", {
          notableColumns: [
            column("Node", "hierarchyid", "clr-type"),
            column("Location", "geography", "clr-type"),
            column("Shape", "dbo.Polygon", "clr-type"),
          ],
        }),
      ],
    },
    expected: [
      "blocker readiness.column.clr-type:Sales.dbo.Site.Shape",
      "warning readiness.column.clr-type:Sales.dbo.Site.Location",
      "warning readiness.column.clr-type:Sales.dbo.Site.Node",
    ],
  },
  {
    name: "rowversion, deprecated LOBs and xml",
    inventory: {
      tables: [
        table("dbo.Doc", {
          lobColumns: 3,
          notableColumns: [
            column("Stamp", "timestamp", "rowversion"),
            column("Body", "ntext", "deprecated-lob"),
            column("Terms", "xml", "lob", "typed-xml"),
            column("Extra", "xml", "lob", "xml"),
          ],
        }),
      ],
    },
    expected: [
      "warning readiness.column.deprecated-lob:Sales.dbo.Doc.Body",
      "warning readiness.column.rowversion:Sales.dbo.Doc.Stamp",
      "warning readiness.column.xml:Sales.dbo.Doc.Terms",
      "info readiness.table.load-strategy.lob:Sales.dbo.Doc",
    ],
  },
  {
    name: "converted types",
    inventory: { tables: [table("dbo.Price", { columnTypes: { int: 1, money: 2, datetimeoffset: 1 } })] },
    expected: ["info readiness.table.converted-types:Sales.dbo.Price"],
  },
  {
    name: "identity, computed, sparse and FILESTREAM",
    inventory: {
      tables: [
        table("dbo.Order", {
          identityColumns: 1,
          computedColumns: 1,
          sparseColumns: 2,
          hasColumnSet: true,
          filestreamColumns: 1,
          lobColumns: 1,
          notableColumns: [column("OrderId", "int", "identity"), column("Total", "money", "computed")],
        }),
      ],
    },
    expected: [
      "blocker readiness.table.sparse:Sales.dbo.Order",
      "warning readiness.table.computed:Sales.dbo.Order",
      "warning readiness.table.filestream:Sales.dbo.Order",
      "info readiness.table.identity:Sales.dbo.Order",
      "info readiness.table.load-strategy.lob:Sales.dbo.Order",
    ],
  },
  {
    name: "temporal, memory-optimized and columnstore",
    inventory: {
      tables: [
        table("dbo.Rate", { temporalType: "SYSTEM_VERSIONED_TEMPORAL_TABLE" }),
        table("dbo.RateHistory", { temporalType: "HISTORY_TABLE", hasPrimaryKey: false }),
        table("dbo.Slot", { isMemoryOptimized: true, rows: null, reservedKb: null }),
        table("dbo.Fact", { hasColumnstore: true }),
      ],
    },
    expected: [
      "blocker readiness.table.columnstore:Sales.dbo.Fact",
      "blocker readiness.table.temporal:Sales.dbo.Rate",
      "blocker readiness.table.memory-optimized:Sales.dbo.Slot",
      "warning readiness.table.temporal:Sales.dbo.RateHistory",
    ],
  },
  {
    name: "sequences",
    inventory: { objects: [{ database: "Sales", type: "SO", count: 2 }] },
    expected: ["info readiness.database.sequences:Sales"],
  },
  {
    name: "SIMPLE recovery without log backups",
    inventory: { databases: [database({ recoveryModel: "SIMPLE" })], "backup-history": [backups({ log: null })] },
    expected: ["blocker readiness.database.recovery-model:Sales"],
  },
  {
    name: "FULL recovery without log backups",
    inventory: { "backup-history": [backups({ log: null })] },
    expected: ["warning readiness.database.backups:Sales"],
  },
  {
    name: "no backup on record",
    inventory: { "backup-history": [] },
    expected: ["blocker readiness.database.backups:Sales", "warning readiness.database.backups:Sales"],
  },
  {
    name: "old full backup",
    inventory: { "backup-history": [backups({ full: { finishedAt: "2026-01-01T00:00:00.000Z", count: 1 } })] },
    expected: ["warning readiness.database.backups:Sales"],
  },
  {
    name: "backup history not read",
    inventory: { "backup-history": undefined as unknown as InventoryItem[] },
    expected: [],
  },
  {
    name: "TDE, CDC, change tracking and publishing",
    inventory: {
      databases: [
        database({
          isEncrypted: true,
          isCdcEnabled: true,
          changeTracking: { autoCleanup: true, retentionPeriod: 2, retentionUnits: "DAYS" },
          replication: { isPublished: true, isSubscribed: false, isMergePublished: false, isDistributor: false },
        }),
      ],
    },
    expected: [
      "warning readiness.database.change-capture.replication:Sales",
      "info readiness.database.change-capture.cdc:Sales",
      "info readiness.database.change-capture.change-tracking:Sales",
      "info readiness.database.tde:Sales",
    ],
  },
  {
    name: "accelerated recovery and delayed durability",
    inventory: { databases: [database({ isAcceleratedDatabaseRecoveryOn: true, delayedDurability: "FORCED" })] },
    expected: [
      "blocker readiness.database.log-options.accelerated-recovery:Sales",
      "warning readiness.database.log-options.delayed-durability:Sales",
    ],
  },
  {
    name: "large tables",
    inventory: {
      tables: [
        table("dbo.Reading", { rows: 50_000_000, isPartitioned: true, partitions: 12 }),
        table("dbo.Event", { rows: 20_000, reservedKb: 20 * 1024 * 1024 }),
      ],
    },
    expected: [
      "info readiness.table.load-strategy.parallel:Sales.dbo.Event",
      "info readiness.table.load-strategy.parallel:Sales.dbo.Reading",
    ],
  },
  {
    name: "system and offline databases are skipped",
    inventory: {
      databases: [database({ name: "msdb", isSystem: true, recoveryModel: "SIMPLE" }), database({ name: "Old", state: "OFFLINE", recoveryModel: "SIMPLE" })],
      tables: [table("dbo.Heap", { database: "msdb", hasPrimaryKey: false })],
    },
    expected: [],
  },
];

for (const c of CASES) {
  test(`readiness: ${c.name}`, () => {
    const readiness = assessReadiness(liveSource(c.inventory), { target: c.target ?? "babelfish@5.5" });
    assert.deepEqual(
      readiness.items.map((item) => `${item.severity} ${item.id}`),
      c.expected,
    );
  });
}

test("readiness actions follow the target", () => {
  const inventory = {
    tables: [table("dbo.Order", { identityColumns: 1, notableColumns: [column("OrderId", "int", "identity")] })],
  };
  const babelfish = assessReadiness(liveSource(inventory), { target: "babelfish@5.5" });
  const postgres = assessReadiness(liveSource(inventory), { target: "postgresql@17" });

  assert.match(babelfish.items[0]!.action, /DBCC CHECKIDENT \('\[dbo\]\.\[Order\]', RESEED\)/);
  assert.match(postgres.items[0]!.action, /setval\(pg_get_serial_sequence\('"dbo"\."Order"', 'OrderId'\)/);
});

test("readiness thresholds decide the strategy", () => {
  const inventory = { tables: [table("dbo.Event", { rows: 2_000_000 })] };
  const thresholds = { parallelLoadRows: 1_000_000, parallelLoadKb: 1 << 30, biggestTables: 1, fullBackupMaxAgeDays: 7 };

  const lowered = assessReadiness(liveSource(inventory), { target: "postgresql@17", thresholds });
  const standard = assessReadiness(liveSource(inventory), { target: "postgresql@17" });

  assert.equal(lowered.biggestTables[0]?.strategy, "parallel-full-load-ranges");
  assert.deepEqual(lowered.strategyCounts, { "full-load": 0, "parallel-full-load-partitions": 0, "parallel-full-load-ranges": 1 });
  assert.equal(standard.biggestTables[0]?.strategy, "full-load");
});

test("readiness names parts not read", () => {
  const source = liveSource({});
  const withProblem = { ...source, problems: [{ part: "tables", reason: "permission-denied", message: "denied" }] };

  const readiness = assessReadiness(withProblem as typeof source, { target: "babelfish@5.5" });

  assert.deepEqual(readiness.missingParts, ["tables"]);
});
