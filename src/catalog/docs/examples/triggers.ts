/** Examples for the triggers family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const TRIGGERS: FamilyExamples = {
  group: "Triggers",
  problem:
    "AFTER triggers and INSTEAD OF triggers on tables work on Babelfish, " +
    "including UPDATE() and COLUMNS_UPDATED(). DDL triggers (ON DATABASE " +
    "or ALL SERVER), logon triggers, CLR triggers, INSTEAD OF triggers on " +
    "views and ALTER TRIGGER are rejected, and EVENTDATA() does not " +
    "exist. Native PostgreSQL needs every trigger rewritten as a trigger " +
    "function.",
  solution:
    "Keep DML triggers on tables as they are. Replace a DDL trigger that " +
    "guards or logs schema changes with a PostgreSQL event trigger, " +
    "created from the PostgreSQL side, or with permissions that prevent " +
    "the change. Drop and recreate a trigger instead of altering it, and " +
    "check on your Babelfish version whether ENABLE and DISABLE TRIGGER " +
    "are accepted before code relies on them.",
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
    { featureId: "trigger.enable_disable", line: 13, column: 1, status: "reviewManually" },
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
