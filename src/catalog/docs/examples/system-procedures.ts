/** Examples for the system procedures family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const SYSTEM_PROCEDURES: FamilyExamples = {
  group: "System procedures",
  problem:
    "Babelfish implements the catalog and role procedures that client " +
    "tools call (sp_columns, sp_tables, sp_helprole, sp_rename and " +
    "others). The version table does not list the ones that reach " +
    "outside the database (SQL Agent jobs, Database Mail, replication, " +
    "OLE Automation, extended procedures such as xp_cmdshell), nor " +
    "sp_helptext and sp_configure, so code that calls them must change.",
  solution:
    "Run scheduled jobs with an external scheduler or pg_cron, send mail " +
    "from the application, and move file and shell work out of the " +
    "database. Read module text with OBJECT_DEFINITION instead of " +
    "sp_helptext.",
  flagged: tsql`
DECLARE @FileSystem int;
EXEC sp_helptext 'dbo.usp_GetOrders';
EXEC xp_cmdshell 'bcp dbo.Orders out C:\exports\orders.dat -n -T';
EXEC sp_OACreate 'Scripting.FileSystemObject', @FileSystem OUTPUT;
EXEC sp_rename 'dbo.Orders.Total', 'Amount', 'COLUMN';
`,
  findings: [
    { featureId: "sysproc.sp_helptext", line: 2, column: 6, status: "notSupported" },
    { featureId: "sysproc.xp_cmdshell", line: 3, column: 6, status: "notSupported" },
    { featureId: "sysproc.sp_oacreate", line: 4, column: 6, status: "notSupported" },
    { featureId: "sysproc.sp_rename", line: 5, column: 6, status: "supported" },
  ],
  fine: tsql`
SELECT OBJECT_DEFINITION(OBJECT_ID('dbo.usp_GetOrders')) AS Definition;
EXEC sp_rename 'dbo.Orders.Total', 'Amount', 'COLUMN';
`,
};
