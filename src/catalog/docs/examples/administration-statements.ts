/** Examples for the administration statements family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const ADMINISTRATION_STATEMENTS: FamilyExamples = {
  group: "Administration statements",
  problem:
    "On Aurora the service runs backups, checkpoints and storage " +
    "maintenance, so BACKUP, RESTORE, CHECKPOINT, DBCC, SHUTDOWN, " +
    "RECONFIGURE and sp_configure have no place in migrated code and are " +
    "rejected. BULK INSERT, READTEXT and WRITETEXT, Service Broker and " +
    "WAITFOR are rejected too. KILL with a session id works from 3.4.0, " +
    "and so does DBCC CHECKIDENT.",
  solution:
    "Remove maintenance statements from application code and schedule " +
    "the equivalent work with Aurora snapshots, parameter groups and " +
    "PostgreSQL maintenance (VACUUM, ANALYZE, REINDEX). Load files with " +
    "bcp from a client, or with the aws_s3 extension, into a staging " +
    "table, then insert from there.",
  flagged: tsql`
CHECKPOINT;
DBCC CHECKDB (N'Sales') WITH NO_INFOMSGS;
BACKUP DATABASE Sales TO DISK = N'D:\backup\sales.bak' WITH COMPRESSION;
BULK INSERT dbo.Orders FROM 'D:\import\orders.csv'
WITH (FIELDTERMINATOR = ',', FIRSTROW = 2);
`,
  findings: [
    { featureId: "statement.checkpoint", line: 1, column: 1, status: "notSupported" },
    { featureId: "statement.dbcc", detail: "checkdb", line: 2, column: 1, status: "notSupported" },
    { featureId: "statement.backup", detail: "database", line: 3, column: 1, status: "notSupported" },
    { featureId: "statement.bulk_insert", line: 4, column: 1, status: "notSupported" },
  ],
  fine: tsql`
USE Sales;
-- Backups, checkpoints and integrity checks are run by Aurora. The file is
-- loaded into dbo.OrdersStaging by bcp before this script runs.
INSERT INTO dbo.Orders (OrderId, CustomerId, Total)
SELECT OrderId, CustomerId, Total FROM dbo.OrdersStaging;
`,
};
