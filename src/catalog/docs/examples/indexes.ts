/** Examples for the indexes family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const INDEXES: FamilyExamples = {
  group: "Indexes",
  problem:
    "PostgreSQL has no clustered indexes: Babelfish creates a clustered " +
    "index as an ordinary B-tree, so rows are not stored in key order and " +
    "range scans can perform differently. Columnstore, XML and spatial " +
    "indexes, ALTER INDEX, IGNORE_DUP_KEY and CREATE or UPDATE STATISTICS " +
    "are rejected. Full-text indexes can be created and dropped from " +
    "3.5.0, but ALTER FULLTEXT INDEX and most CONTAINS forms still fail. " +
    "Indexes with INCLUDE columns are confirmed from 3.8.0 (3.x) and " +
    "4.2.0 (4.x). Storage options such as FILLFACTOR and ONLINE are " +
    "accepted and ignored.",
  solution:
    "Keep plain, unique, filtered and INCLUDE indexes: PostgreSQL has " +
    "partial and covering indexes. Drop columnstore indexes or replace " +
    "them with B-tree or BRIN indexes, move index and statistics " +
    "maintenance out of the application into PostgreSQL tools (REINDEX, " +
    "ANALYZE, autovacuum), and remove the storage options. Test each " +
    "full-text query on the target release, or rewrite it with " +
    "PostgreSQL text search.",
  flagged: tsql`
CREATE CLUSTERED INDEX IX_Orders_Date ON dbo.Orders (OrderDate)
WITH (FILLFACTOR = 80, ONLINE = ON);
CREATE NONCLUSTERED INDEX IX_Orders_Customer ON dbo.Orders (CustomerId)
INCLUDE (Total) WHERE ShippedDate IS NULL;
CREATE NONCLUSTERED COLUMNSTORE INDEX CX_Orders ON dbo.Orders (Total);
ALTER INDEX IX_Orders_Date ON dbo.Orders REBUILD;
UPDATE STATISTICS dbo.Orders;
`,
  findings: [
    { featureId: "ddl.index.clustered", line: 1, column: 8, status: "reviewPerformance" },
    { featureId: "ddl.index.option", detail: "fillfactor", line: 2, column: 7, status: "ignored" },
    { featureId: "ddl.index.option", detail: "online", line: 2, column: 24, status: "ignored" },
    { featureId: "ddl.index.nonclustered", line: 3, column: 8, status: "supported" },
    { featureId: "ddl.index.include", line: 4, column: 1, status: "supported" },
    { featureId: "ddl.index.filtered", line: 4, column: 17, status: "supported" },
    { featureId: "ddl.index.columnstore", line: 5, column: 21, status: "notSupported" },
    { featureId: "ddl.index.alter", detail: "rebuild", line: 6, column: 1, status: "notSupported" },
    { featureId: "ddl.statistics", line: 7, column: 1, status: "notSupported" },
  ],
  fine: tsql`
CREATE INDEX IX_Orders_Date ON dbo.Orders (OrderDate);
CREATE INDEX IX_Orders_Customer ON dbo.Orders (CustomerId)
INCLUDE (Total) WHERE ShippedDate IS NULL;
`,
};
