/** Examples for the deprecated syntax family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const DEPRECATED_SYNTAX: FamilyExamples = {
  group: "Deprecated syntax",
  problem:
    "Syntax that SQL Server has deprecated for years is often rejected " +
    "by Babelfish: the outer join operators *= and =*, $IDENTITY and " +
    "$ROWGUID, variables with several leading @ and names containing @ " +
    "or ]]. A string literal used as a column alias ('Customer' = Name) " +
    "needs checking, and TIMESTAMP as the name of ROWVERSION is easily " +
    "confused with the PostgreSQL date-time type.",
  solution:
    "Rewrite old outer joins as LEFT or RIGHT OUTER JOIN, write column " +
    "aliases with AS, name identity columns instead of using $IDENTITY, " +
    "and write ROWVERSION for row versions.",
  flagged: tsql`
SELECT 'Customer' = c.Name, o.Total
FROM dbo.Customers AS c, dbo.Orders AS o
WHERE c.CustomerId *= o.CustomerId;
SELECT $IDENTITY AS OrderId FROM dbo.Orders;
`,
  findings: [
    { featureId: "syntax.string_alias", line: 1, column: 8, status: "reviewManually" },
    { featureId: "syntax.outer_join_operator", line: 3, column: 20, status: "notSupported" },
    { featureId: "syntax.column_dollar_identity", line: 4, column: 8, status: "notSupported" },
  ],
  fine: tsql`
SELECT c.Name AS Customer, o.Total
FROM dbo.Customers AS c
LEFT OUTER JOIN dbo.Orders AS o ON o.CustomerId = c.CustomerId;
SELECT OrderId FROM dbo.Orders;
`,
};
