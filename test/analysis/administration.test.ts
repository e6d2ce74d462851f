import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { found, statusOf, target } from "./detector-cases.js";

const FAMILIES = ["statement", "database", "module.assembly", "ddl.synonym", "ddl.sequence", "ddl.rule", "ddl.default_object", "datatype.xml.schema_collection", "ddl.partition"];

const CASES: readonly { name: string; sql: string; expected: readonly string[] }[] = [
  {
    name: "ALTER DATABASE with three SET options gives three details",
    sql: "ALTER DATABASE d SET RECOVERY SIMPLE, ANSI_NULLS ON, READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE",
    expected: ["database.alter [recovery] 1:22", "database.alter [ansi_nulls] 1:39", "database.alter [read_committed_snapshot] 1:54"],
  },
  {
    name: "other ALTER DATABASE forms",
    sql: [
      "ALTER DATABASE CURRENT SET COMPATIBILITY_LEVEL = 150",
      "ALTER DATABASE d MODIFY FILE (NAME = d, SIZE = 10MB)",
      "ALTER DATABASE d ADD LOG FILE (NAME = l2, FILENAME = 'l2.ldf')",
      "ALTER DATABASE d COLLATE Latin1_General_CS_AS",
      "ALTER DATABASE d MODIFY NAME = e",
    ].join("\n"),
    expected: [
      "database.alter [compatibility_level] 1:28", "database.alter [modify_file] 2:1", "database.alter [add_file] 3:1",
      "database.alter [collate] 4:1", "database.alter [modify_name] 5:1",
    ],
  },
  {
    name: "CREATE DATABASE clauses",
    sql: "CREATE DATABASE d ON PRIMARY (NAME = d, FILENAME = 'd.mdf') LOG ON (NAME = l, FILENAME = 'l.ldf') COLLATE Latin1_General_CI_AS\nCREATE DATABASE plain",
    expected: ["database.create_options [files] 1:22", "database.create_options [collate] 1:107"],
  },
  {
    name: "scoped configuration",
    sql: "ALTER DATABASE SCOPED CONFIGURATION SET MAXDOP = 4\nALTER DATABASE SCOPED CONFIGURATION CLEAR PROCEDURE_CACHE",
    expected: ["database.scoped_configuration [maxdop] 1:41", "database.scoped_configuration [clear_procedure_cache] 2:1"],
  },
  {
    name: "server statements",
    sql: "ALTER SERVER CONFIGURATION SET SOFTNUMA OFF\nRECONFIGURE WITH OVERRIDE\nSHUTDOWN WITH NOWAIT\nKILL 53\nCHECKPOINT",
    expected: [
      "statement.alter_server_configuration [softnuma] 1:1", "statement.reconfigure 2:1", "statement.shutdown 3:1",
      "statement.kill 4:1", "statement.checkpoint 5:1",
    ],
  },
  {
    name: "DBCC by command, inside a procedure",
    sql: "CREATE PROCEDURE p AS\nBEGIN\n  DBCC CHECKDB (d) WITH NO_INFOMSGS\n  DBCC CHECKIDENT ('t', RESEED, 0)\nEND",
    expected: ["statement.dbcc [checkdb] 3:3", "statement.dbcc [checkident] 4:3"],
  },
  {
    name: "BACKUP and RESTORE by kind",
    sql: "BACKUP DATABASE d TO DISK = 'x.bak'\nBACKUP LOG d TO DISK = 'x.trn'\nRESTORE DATABASE d FROM DISK = 'x.bak' WITH NORECOVERY\nRESTORE HEADERONLY FROM DISK = 'x.bak'",
    expected: ["statement.backup [database] 1:1", "statement.backup [log] 2:1", "statement.restore [database] 3:1", "statement.restore [headeronly] 4:1"],
  },
  {
    name: "Service Broker objects and conversations",
    sql: "CREATE QUEUE q\nCREATE SERVICE s ON QUEUE q ([DEFAULT])\nBEGIN DIALOG @h FROM SERVICE s TO SERVICE 't'\nSEND ON CONVERSATION @h MESSAGE TYPE m (N'x')\nEND CONVERSATION @h",
    expected: [
      "statement.service_broker [create_queue] 1:1", "statement.service_broker [create_service] 2:1",
      "statement.service_broker [begin_dialog] 3:1", "statement.service_broker [send] 4:1",
      "statement.service_broker [end_conversation] 5:1",
    ],
  },
  {
    name: "assemblies by PERMISSION_SET and instance objects",
    sql: [
      "CREATE ASSEMBLY a FROM 'a.dll' WITH PERMISSION_SET = UNSAFE",
      "CREATE ENDPOINT e STATE = STARTED AS TCP (LISTENER_PORT = 5022) FOR DATABASE_MIRRORING (ROLE = ALL)",
      "CREATE EVENT SESSION s ON SERVER ADD EVENT sqlserver.sql_statement_completed",
      "CREATE RESOURCE POOL p",
      "ALTER RESOURCE GOVERNOR RECONFIGURE",
      "CREATE EXTERNAL DATA SOURCE ds WITH (LOCATION = 's3://b')",
    ].join("\n"),
    expected: [
      "module.assembly [unsafe] 1:1", "statement.endpoint 2:1", "statement.event_session 3:1",
      "statement.resource_governor 4:1", "statement.resource_governor 5:1", "statement.external_object 6:1",
    ],
  },
  {
    name: "synonyms, sequences, XML schema collections, defaults and rules",
    sql: [
      "CREATE SYNONYM s FOR dbo.t",
      "CREATE SEQUENCE sq AS bigint START WITH 1",
      "CREATE XML SCHEMA COLLECTION xs AS N'<x/>'",
      "CREATE DEFAULT df AS 0",
      "CREATE RULE ru AS @v > 0",
    ].join("\nGO\n"),
    expected: ["ddl.synonym 1:1", "ddl.sequence 3:1", "datatype.xml.schema_collection 5:1", "ddl.default_object 7:1", "ddl.rule 9:1"],
  },
  {
    name: "DROP only where the dropped object is a feature",
    sql: "DROP PARTITION SCHEME ps\nDROP TABLE t\nDROP XML SCHEMA COLLECTION dbo.xs\nDROP PROCEDURE p\nDROP SYNONYM s",
    expected: ["ddl.partition.scheme [drop] 1:1", "datatype.xml.schema_collection [drop] 3:1", "ddl.synonym [drop] 5:1"],
  },
];

describe("administration detectors", () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(found(c.sql, FAMILIES), c.expected);
    });
  }

  it("classifies ALTER DATABASE options by name", () => {
    const on = target("babelfish@5.5");
    assert.equal(statusOf("ALTER DATABASE d SET COMPATIBILITY_LEVEL = 150", "database.alter", on), "ignored");
    assert.equal(statusOf("ALTER DATABASE d SET RECOVERY FULL", "database.alter", on), "notSupported");
  });

  it("classifies CHECKPOINT as not supported", () => {
    assert.equal(statusOf("CHECKPOINT", "statement.checkpoint", target("babelfish@5.5")), "notSupported");
  });
});
