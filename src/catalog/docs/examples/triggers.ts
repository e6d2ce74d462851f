/** Examples for the triggers family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const TRIGGERS: FamilyExamples = {
  group: "Triggers",
  problem:
    "AFTER triggers and INSTEAD OF triggers on tables work on Babelfish, " +
    "including UPDATE() and COLUMNS_UPDATED(), and so do INSTEAD OF " +
    "triggers on views from 3.5.0 and the ENABLE and DISABLE TRIGGER " +
    "statements from 3.4.0. DDL triggers (ON DATABASE or ALL SERVER), " +
    "logon triggers, CLR triggers and ALTER TRIGGER are rejected, and " +
    "EVENTDATA() does not exist. Native PostgreSQL needs every trigger " +
    "rewritten as a trigger function.",
  solution:
    "Keep DML triggers on tables as they are. Replace a DDL trigger that " +
    "guards or logs schema changes with a PostgreSQL event trigger, " +
    "created from the PostgreSQL side, or with permissions that prevent " +
    "the change. Drop and recreate a trigger instead of altering it. On " +
    "releases before 3.4.0, turn triggers on and off with ALTER TABLE " +
    "... ENABLE | DISABLE TRIGGER.",
  flagged: tsql`
CREATE TRIGGER trg_Orders_Audit ON dbo.Orders
AFTER UPDATE
AS
IF UPDATE(Status)
    INSERT INTO dbo.OrderAudit (OrderId, Status)
    SELECT OrderId, Status FROM inserted;
GO
CREATE TRIGGER trg_LogDdl ON DATABASE
FOR CREATE_TABLE, DROP_TABLE
AS
INSERT INTO dbo.DdlLog (EventXml) VALUES (EVENTDATA());
GO
DISABLE TRIGGER trg_Orders_Audit ON dbo.Orders;
`,
  findings: [
    { featureId: "trigger.dml.after", line: 2, column: 1, status: "supported" },
    { featureId: "trigger.function.update", line: 4, column: 4, status: "supported" },
    { featureId: "trigger.ddl", detail: "create_table", line: 9, column: 5, status: "notSupported" },
    { featureId: "trigger.ddl", detail: "drop_table", line: 9, column: 19, status: "notSupported" },
    { featureId: "builtin.function.eventdata", line: 11, column: 43, status: "notSupported" },
    { featureId: "trigger.enable_disable", line: 13, column: 1, status: "supported" },
  ],
  fine: tsql`
CREATE TRIGGER trg_Orders_Audit ON dbo.Orders
AFTER UPDATE
AS
IF UPDATE(Status)
    INSERT INTO dbo.OrderAudit (OrderId, Status)
    SELECT OrderId, Status FROM inserted;
`,
};
