/** Examples for the cursors family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const CURSORS: FamilyExamples = {
  group: "Cursors",
  problem:
    "Babelfish supports local, forward-only, read-only cursors, and " +
    "STATIC cursors. SCROLL, DYNAMIC, KEYSET, SCROLL_LOCKS, OPTIMISTIC " +
    "and TYPE_WARNING are rejected, as are GLOBAL cursors, updatable " +
    "cursors (FOR UPDATE) and cursor OUTPUT parameters. FAST_FORWARD is " +
    "accepted and ignored. For FETCH directions other than NEXT (PRIOR, " +
    "FIRST, LAST, ABSOLUTE, RELATIVE) the sources disagree from 1.2.0 " +
    "on, so they need a test. Native PostgreSQL has cursors only inside " +
    "PL/pgSQL.",
  solution:
    "Declare cursors LOCAL FORWARD_ONLY READ_ONLY and fetch with FETCH " +
    "NEXT; to read backwards, reverse the ORDER BY of the cursor query. " +
    "Update rows by key instead of through the cursor, and where possible " +
    "replace the loop with one set-based statement.",
  flagged: tsql`
DECLARE @OrderId int;
DECLARE order_cursor CURSOR GLOBAL SCROLL KEYSET FOR
    SELECT OrderId FROM dbo.Orders WHERE ShippedDate IS NULL;
OPEN order_cursor;
FETCH LAST FROM order_cursor INTO @OrderId;
FETCH PRIOR FROM order_cursor INTO @OrderId;
CLOSE order_cursor;
DEALLOCATE order_cursor;
`,
  findings: [
    { featureId: "cursor.declare", line: 2, column: 22, status: "supported" },
    { featureId: "cursor.option.global", line: 2, column: 29, status: "notSupported" },
    { featureId: "cursor.option.scroll", line: 2, column: 36, status: "notSupported" },
    { featureId: "cursor.option.keyset", line: 2, column: 43, status: "notSupported" },
    { featureId: "cursor.fetch.last", line: 5, column: 1, status: "reviewManually" },
    { featureId: "cursor.fetch.prior", line: 6, column: 1, status: "reviewManually" },
  ],
  fine: tsql`
DECLARE @OrderId int;
DECLARE order_cursor CURSOR LOCAL FORWARD_ONLY READ_ONLY FOR
    SELECT OrderId FROM dbo.Orders WHERE ShippedDate IS NULL
    ORDER BY OrderId DESC;
OPEN order_cursor;
FETCH NEXT FROM order_cursor INTO @OrderId;
WHILE @@FETCH_STATUS = 0
    FETCH NEXT FROM order_cursor INTO @OrderId;
CLOSE order_cursor;
DEALLOCATE order_cursor;
`,
};
