import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { found, statusOf, target } from "./detector-cases.js";

const FAMILIES = ["ddl.table", "ddl.column", "ddl.partition", "security.always_encrypted", "ddl.constraint.not_for_replication", "trigger.enable_disable"];

const CASES: readonly { name: string; sql: string; expected: readonly string[] }[] = [
  {
    name: "temporary tables, local and global",
    sql: "CREATE TABLE #l (a int)\nCREATE TABLE ##g (a int)",
    expected: ["ddl.table.temporary 1:14", "ddl.table.global_temporary 2:14"],
  },
  {
    name: "a temporal table: period, generated columns and SYSTEM_VERSIONING",
    sql: [
      "CREATE TABLE t (id int,",
      "  vs datetime2 GENERATED ALWAYS AS ROW START HIDDEN,",
      "  ve datetime2 GENERATED ALWAYS AS ROW END,",
      "  PERIOD FOR SYSTEM_TIME (vs, ve))",
      "WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = dbo.h))",
    ].join("\n"),
    expected: ["ddl.table.temporal 2:16", "ddl.table.temporal 3:16", "ddl.table.temporal 4:3", "ddl.table.temporal 5:7"],
  },
  {
    name: "memory-optimized: DURABILITY adds nothing to MEMORY_OPTIMIZED",
    sql: "CREATE TABLE t (id int) WITH (MEMORY_OPTIMIZED = ON, DURABILITY = SCHEMA_ONLY)",
    expected: ["ddl.table.memory_optimized 1:31"],
  },
  {
    name: "graph tables and FileTable",
    sql: "CREATE TABLE n (id int) AS NODE\nCREATE TABLE e AS EDGE\nCREATE TABLE f AS FILETABLE WITH (FILETABLE_DIRECTORY = 'd')",
    expected: ["ddl.table.graph_node 1:28", "ddl.table.graph_edge 2:19", "ddl.table.filetable 3:19"],
  },
  {
    name: "partition scheme, TEXTIMAGE_ON and FILESTREAM_ON",
    sql: "CREATE TABLE t (a int) ON ps(a) TEXTIMAGE_ON [PRIMARY] FILESTREAM_ON fs",
    expected: ["ddl.table.partitioned 1:27", "ddl.table.filegroup 1:46", "ddl.table.filestream 1:70"],
  },
  {
    name: "table options by name, unlisted ones with the name as detail",
    sql: "CREATE TABLE t (a int) WITH (DATA_COMPRESSION = PAGE, XML_COMPRESSION = ON, LEDGER = ON)",
    expected: ["ddl.table.data_compression 1:30", "ddl.table.option [xml_compression] 1:55", "ddl.table.ledger 1:77"],
  },
  {
    name: "column attributes at their keywords",
    sql: [
      "CREATE TABLE t (",
      "  id int IDENTITY(1, 1) NOT FOR REPLICATION,",
      "  n nvarchar(50) COLLATE Latin1_General_CS_AS SPARSE NULL,",
      "  r uniqueidentifier ROWGUIDCOL,",
      "  m varchar(20) MASKED WITH (FUNCTION = 'partial(1, \"x\", 0)'),",
      "  f varbinary(max) FILESTREAM,",
      "  s xml COLUMN_SET FOR ALL_SPARSE_COLUMNS,",
      "  e int ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = k, ENCRYPTION_TYPE = DETERMINISTIC, ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256'))",
    ].join("\n"),
    expected: [
      "ddl.column.identity 2:10", "ddl.constraint.not_for_replication 2:25",
      "ddl.column.collate [latin1_general_cs_as] 3:18", "ddl.column.sparse 3:47",
      "ddl.column.rowguidcol 4:22", "ddl.column.masked [partial] 5:17", "ddl.table.filestream 6:20",
      "ddl.column.sparse 7:9", "security.always_encrypted 8:9",
    ],
  },
  {
    name: "computed columns, persisted or not",
    sql: "CREATE TABLE t (a int, b AS a * 2, c AS a + 1 PERSISTED)",
    expected: ["ddl.column.computed 1:24", "ddl.column.computed_persisted 1:47"],
  },
  {
    name: "table variables and their collations",
    sql: "DECLARE @t TABLE (a int, b varchar(10) COLLATE Latin1_General_BIN)",
    expected: ["ddl.table.variable 1:12", "ddl.column.collate [latin1_general_bin] 1:40"],
  },
  {
    name: "ALTER TABLE ... ENABLE TRIGGER ALL is the trigger toggle",
    sql: "ALTER TABLE dbo.t ENABLE TRIGGER ALL",
    expected: ["trigger.enable_disable 1:19"],
  },
  {
    name: "ALTER TABLE ... DISABLE TRIGGER by name, inside a procedure",
    sql: "CREATE PROCEDURE p AS\nBEGIN\n  ALTER TABLE t DISABLE TRIGGER tr1, tr2\nEND",
    expected: ["trigger.enable_disable 3:17"],
  },
  {
    name: "NOCHECK forms and re-enabling constraints",
    sql: [
      "ALTER TABLE t WITH NOCHECK ADD CONSTRAINT ck CHECK (a > 0)",
      "ALTER TABLE t NOCHECK CONSTRAINT ALL",
      "ALTER TABLE t WITH NOCHECK CHECK CONSTRAINT ck",
      "ALTER TABLE t WITH CHECK CHECK CONSTRAINT ck",
    ].join("\n"),
    expected: [
      "ddl.table.nocheck_constraint 1:20", "ddl.table.nocheck_constraint 2:15",
      "ddl.table.nocheck_constraint 3:20", "ddl.table.check_constraint 4:26",
    ],
  },
  {
    name: "ALTER TABLE SWITCH, SET, REBUILD and change tracking",
    sql: [
      "ALTER TABLE t SWITCH PARTITION 1 TO t2",
      "ALTER TABLE t SET (LOCK_ESCALATION = AUTO)",
      "ALTER TABLE t SET (SYSTEM_VERSIONING = OFF)",
      "ALTER TABLE t REBUILD",
      "ALTER TABLE t ENABLE CHANGE_TRACKING WITH (TRACK_COLUMNS_UPDATED = ON)",
    ].join("\n"),
    expected: [
      "ddl.partition.switch 1:15", "ddl.table.lock_escalation 2:20", "ddl.table.temporal 3:20",
      "ddl.table.rebuild 4:15", "ddl.table.change_tracking 5:15",
    ],
  },
  {
    name: "ALTER COLUMN with COLLATE, and column properties",
    sql: "ALTER TABLE t ALTER COLUMN n nvarchar(60) COLLATE Latin1_General_CI_AS NOT NULL\nALTER TABLE t ALTER COLUMN r DROP ROWGUIDCOL",
    expected: [
      "ddl.table.alter_column 1:15", "ddl.column.collate [latin1_general_ci_as] 1:43",
      "ddl.table.alter_column 2:15", "ddl.column.rowguidcol 2:30",
    ],
  },
  {
    name: "ALTER TABLE ADD of columns and of a period",
    sql: "ALTER TABLE t ADD c AS a * 2 PERSISTED\nALTER TABLE t DROP PERIOD FOR SYSTEM_TIME",
    expected: ["ddl.column.computed_persisted 1:30", "ddl.table.temporal 2:20"],
  },
  {
    name: "partition functions and schemes",
    sql: "CREATE PARTITION FUNCTION pf (int) AS RANGE LEFT FOR VALUES (1, 10)\nCREATE PARTITION SCHEME ps AS PARTITION pf ALL TO ([PRIMARY])\nALTER PARTITION FUNCTION pf() SPLIT RANGE (20)",
    expected: [
      "ddl.partition.function [range_left] 1:1",
      "ddl.partition.scheme 2:1",
      "ddl.partition.function [alter] 3:1",
    ],
  },
  {
    name: "partition function sides and scheme changes",
    sql: "CREATE PARTITION FUNCTION pf (int) AS RANGE RIGHT FOR VALUES (1)\nCREATE PARTITION FUNCTION pg2 (int) AS RANGE FOR VALUES (1)\nALTER PARTITION SCHEME ps NEXT USED [PRIMARY]",
    expected: [
      "ddl.partition.function [range_right] 1:1",
      "ddl.partition.function [range_left] 2:1",
      "ddl.partition.scheme [alter] 3:1",
    ],
  },
  {
    name: "a global temporary table in dynamic SQL",
    sql: "EXEC ('CREATE TABLE ##x (a int)')",
    expected: ["ddl.table.global_temporary 1:21"],
  },
  {
    name: "an ordinary table has no table findings",
    sql: "CREATE TABLE dbo.t (id int NOT NULL, name nvarchar(40) NULL)",
    expected: [],
  },
];

describe("table detectors", () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(found(c.sql, FAMILIES), c.expected);
    });
  }

  it("classifies a global temporary table as not supported", () => {
    assert.equal(statusOf("CREATE TABLE ##g (a int)", "ddl.table.global_temporary", target("babelfish@5.5")), "notSupported");
  });

  it("classifies a computed column by PostgreSQL major", () => {
    const sql = "CREATE TABLE t (a int, b AS a * 2)";
    assert.equal(statusOf(sql, "ddl.column.computed", target("postgresql@17")), "notSupported");
    assert.equal(statusOf(sql, "ddl.column.computed", target("postgresql@18")), "reviewSemantics");
  });
});
