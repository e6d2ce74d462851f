/** Examples for the DML family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const DML: FamilyExamples = {
  group: "DML",
  problem:
    "Babelfish rejects MERGE, TOP WITH TIES, GROUP BY ALL, FOR BROWSE, " +
    "WHERE CURRENT OF and IS [NOT] DISTINCT FROM. TOP in UPDATE, DELETE " +
    "and INSERT is accepted from 3.2.0, but which rows it changes is not " +
    "defined and can differ from SQL Server. TOP ... PERCENT, UNPIVOT, " +
    "ROLLUP and table value constructors in FROM depend on the release, " +
    "and no release test covers CUBE or GROUPING SETS. On native " +
    "PostgreSQL, TOP becomes LIMIT, OUTPUT becomes RETURNING and MERGE " +
    "needs PostgreSQL 17 for WHEN NOT MATCHED BY SOURCE.",
  solution:
    "Split a MERGE into an UPDATE with a join, an INSERT of the missing " +
    "rows and a DELETE of the rows without a source, in one transaction. " +
    "Select by key before deleting a batch of rows, so the order is " +
    "explicit, and rewrite TOP WITH TIES as a RANK() filter over a " +
    "derived table.",
  flagged: tsql`
MERGE dbo.Stock AS s
USING dbo.StockDelta AS d ON s.ProductId = d.ProductId
WHEN MATCHED THEN UPDATE SET s.Qty = s.Qty + d.Qty
WHEN NOT MATCHED THEN INSERT (ProductId, Qty) VALUES (d.ProductId, d.Qty)
WHEN NOT MATCHED BY SOURCE THEN DELETE;
DELETE TOP (100) FROM dbo.StockLog WHERE LoggedAt < '20240101';
SELECT TOP 10 WITH TIES ProductId, Qty FROM dbo.Stock ORDER BY Qty DESC;
`,
  findings: [
    { featureId: "dml.merge", line: 1, column: 1, status: "notSupported" },
    { featureId: "dml.merge", detail: "not_matched_by_source", line: 5, column: 1, status: "notSupported" },
    { featureId: "dml.top.update_delete", line: 6, column: 8, status: "reviewSemantics" },
    { featureId: "behavior.top_without_order_by", line: 6, column: 8, status: "reviewSemantics" },
    { featureId: "dml.top", line: 7, column: 8, status: "supported" },
    { featureId: "dml.top.with_ties", line: 7, column: 8, status: "notSupported" },
    { featureId: "behavior.sort_nulls", line: 7, column: 55, status: "supported" },
  ],
  fine: tsql`
UPDATE s SET s.Qty = s.Qty + d.Qty
FROM dbo.Stock AS s
INNER JOIN dbo.StockDelta AS d ON s.ProductId = d.ProductId;
INSERT INTO dbo.Stock (ProductId, Qty)
SELECT d.ProductId, d.Qty FROM dbo.StockDelta AS d
WHERE NOT EXISTS (SELECT 1 FROM dbo.Stock AS s WHERE s.ProductId = d.ProductId);
DELETE FROM dbo.Stock
WHERE ProductId NOT IN (SELECT ProductId FROM dbo.StockDelta);
DELETE FROM dbo.StockLog
WHERE LogId IN (SELECT TOP (100) LogId FROM dbo.StockLog
                WHERE LoggedAt < '20240101' ORDER BY LogId);
SELECT ProductId, Qty
FROM (SELECT ProductId, Qty, RANK() OVER (ORDER BY Qty DESC) AS QtyRank
      FROM dbo.Stock) AS ranked
WHERE QtyRank <= 10;
`,
};
