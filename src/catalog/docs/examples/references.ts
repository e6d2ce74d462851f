/** Examples for the references family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const REFERENCES: FamilyExamples = {
  group: "References",
  problem:
    "Three-part names that reach another database work on Babelfish in " +
    "multiple-database mode. Four-part names and OPENQUERY go through a " +
    "linked server, which Babelfish implements with tds_fdw and which " +
    "must be set up and tested. OPENROWSET and OPENDATASOURCE are " +
    "rejected. Identifiers longer than 63 characters are shortened with " +
    "a hash, and sqlcmd variables work only when sqlcmd runs the script.",
  solution:
    "Bring remote data into the database (replicate or load it) or " +
    "define a linked server and test each remote query. Load files with " +
    "bcp or aws_s3 instead of OPENROWSET(BULK ...). On native PostgreSQL " +
    "merge the databases into schemas of one database or use " +
    "postgres_fdw.",
  flagged: tsql`
SELECT o.OrderId, c.Name
FROM dbo.Orders AS o
INNER JOIN CRM.dbo.Customers AS c ON c.CustomerId = o.CustomerId;
SELECT OrderId FROM LEGACY01.Archive.dbo.Orders;
SELECT OrderId FROM OPENQUERY(LEGACY01, 'SELECT OrderId FROM Archive.dbo.Orders');
SELECT j.BulkColumn
FROM OPENROWSET(BULK 'D:\import\orders.json', SINGLE_CLOB) AS j;
`,
  findings: [
    { featureId: "reference.cross_database", line: 3, column: 12, status: "supported" },
    { featureId: "reference.four_part", line: 4, column: 21, status: "reviewManually" },
    { featureId: "reference.openquery", line: 5, column: 21, status: "reviewManually" },
    { featureId: "reference.openrowset", line: 7, column: 6, status: "notSupported" },
  ],
  fine: tsql`
SELECT o.OrderId, c.Name
FROM dbo.Orders AS o
INNER JOIN CRM.dbo.Customers AS c ON c.CustomerId = o.CustomerId;
SELECT OrderId FROM Archive.dbo.Orders;
SELECT i.OrderId, i.Payload
FROM dbo.OrderImport AS i;
`,
};
