/** Examples for the hints family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const HINTS: FamilyExamples = {
  group: "Hints",
  problem:
    "Babelfish accepts most table and query hints and ignores them, so " +
    "code that relied on their locking effect (NOLOCK, UPDLOCK, " +
    "HOLDLOCK) runs under PostgreSQL's own locking instead. Index hints, " +
    "join hints, MAXDOP and forced join algorithms are turned into plan " +
    "hints only where Babelfish can map them; elsewhere the plan may " +
    "differ. Native PostgreSQL has no hint syntax at all.",
  solution:
    "Remove hints that only papered over locking problems; PostgreSQL " +
    "readers do not block writers. Where a hint fixed a plan, measure the " +
    "query on the target and fix it with indexes or statistics, or with " +
    "pg_hint_plan if the plan must be forced.",
  flagged: tsql`
SELECT o.OrderId, c.Name
FROM dbo.Orders AS o WITH (NOLOCK, INDEX(IX_Orders_Date))
INNER HASH JOIN dbo.Customers AS c ON c.CustomerId = o.CustomerId
WHERE o.OrderDate >= '20240101'
OPTION (MAXDOP 1, RECOMPILE);
`,
  findings: [
    { featureId: "hint.table", detail: "nolock", line: 2, column: 28, status: "ignored" },
    { featureId: "hint.table", detail: "index", line: 2, column: 36, status: "reviewPerformance" },
    { featureId: "hint.join", detail: "hash", line: 3, column: 7, status: "reviewPerformance" },
    { featureId: "hint.query", detail: "maxdop", line: 5, column: 9, status: "reviewPerformance" },
    { featureId: "hint.query", detail: "recompile", line: 5, column: 19, status: "ignored" },
  ],
  fine: tsql`
SELECT o.OrderId, c.Name
FROM dbo.Orders AS o
INNER JOIN dbo.Customers AS c ON c.CustomerId = o.CustomerId
WHERE o.OrderDate >= '20240101';
`,
};
