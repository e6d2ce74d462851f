import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { found, statusOf, target } from "./detector-cases.js";

const FAMILIES = ["trigger", "module.create_or_alter", "ddl.constraint.not_for_replication", "module.option.execute_as"];

const CASES: readonly { name: string; sql: string; expected: readonly string[] }[] = [
  {
    name: "ALTER TABLE t ENABLE TRIGGER ALL is the trigger toggle",
    sql: "ALTER TABLE t ENABLE TRIGGER ALL",
    expected: ["trigger.enable_disable 1:15"],
  },
  {
    name: "ENABLE and DISABLE TRIGGER statements on objects, databases and servers",
    sql: "DISABLE TRIGGER ALL ON DATABASE\nENABLE TRIGGER dbo.tr1, tr2 ON dbo.t\nDISABLE TRIGGER lg ON ALL SERVER",
    expected: ["trigger.enable_disable 1:1", "trigger.enable_disable 2:1", "trigger.enable_disable 3:1"],
  },
  {
    name: "AFTER and FOR triggers at their timing keyword",
    sql: "CREATE TRIGGER a ON t AFTER INSERT AS SELECT 1\nGO\nCREATE TRIGGER b ON t FOR UPDATE, DELETE AS SELECT 1",
    expected: ["trigger.dml.after 1:23", "trigger.dml.after 3:23"],
  },
  {
    name: "INSTEAD OF on a table, and on a view the unit creates",
    sql: "CREATE TRIGGER a ON t INSTEAD OF DELETE AS SELECT 1\nGO\nCREATE VIEW v AS SELECT 1 AS x\nGO\nCREATE TRIGGER b ON v INSTEAD OF INSERT AS SELECT 1",
    expected: ["trigger.dml.instead_of_table 1:23", "trigger.dml.instead_of_view 5:23"],
  },
  {
    name: "ALTER TRIGGER with APPEND, NOT FOR REPLICATION and EXECUTE AS",
    sql: "ALTER TRIGGER tr ON t WITH EXECUTE AS OWNER FOR INSERT WITH APPEND NOT FOR REPLICATION AS SELECT 1",
    expected: [
      "trigger.alter 1:1", "module.option.execute_as [owner] 1:28", "trigger.dml.after 1:45",
      "trigger.with_append 1:61", "ddl.constraint.not_for_replication 1:68",
    ],
  },
  {
    name: "DDL triggers by event, and DROP of a database trigger",
    sql: "CREATE OR ALTER TRIGGER ddl ON DATABASE FOR CREATE_TABLE, DROP_TABLE AS SELECT 1\nGO\nDROP TRIGGER ddl ON DATABASE",
    expected: [
      "module.create_or_alter 1:8", "trigger.ddl [create_table] 1:45", "trigger.ddl [drop_table] 1:59",
      "trigger.ddl [drop] 3:1",
    ],
  },
  {
    name: "LOGON triggers",
    sql: "CREATE TRIGGER lg ON ALL SERVER FOR LOGON AS SELECT 1",
    expected: ["trigger.logon 1:37"],
  },
  {
    name: "CLR triggers",
    sql: "CREATE TRIGGER c ON t AFTER INSERT AS EXTERNAL NAME asm.[Ns.Trg].Fire",
    expected: ["trigger.dml.after 1:23", "trigger.clr 1:39"],
  },
  {
    name: "a trigger toggle in dynamic SQL inside a procedure",
    sql: "CREATE PROCEDURE p AS\n  EXEC sp_executesql N'ALTER TABLE t DISABLE TRIGGER tr'",
    expected: ["trigger.enable_disable 2:38"],
  },
];

describe("triggers detector", () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(found(c.sql, FAMILIES), c.expected);
    });
  }

  it("classifies ALTER TABLE ... ENABLE TRIGGER as the toggle, not as unknown", () => {
    const status = statusOf("ALTER TABLE t ENABLE TRIGGER ALL", "trigger.enable_disable", target("babelfish@5.5"));
    assert.equal(status, "supported");
  });

  it("classifies INSTEAD OF on a table by Babelfish version", () => {
    const sql = "CREATE TRIGGER a ON t INSTEAD OF DELETE AS SELECT 1";
    assert.equal(statusOf(sql, "trigger.dml.instead_of_table", target("babelfish@1.0")), "notSupported");
    assert.equal(statusOf(sql, "trigger.dml.instead_of_table", target("babelfish@1.2")), "supported");
  });
});
