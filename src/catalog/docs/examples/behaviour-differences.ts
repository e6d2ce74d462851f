/** Examples for the behaviour differences family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const BEHAVIOUR_DIFFERENCES: FamilyExamples = {
  group: "Behaviour differences",
  problem:
    "Some code runs on Babelfish without an error but returns something " +
    "else: STR() pads and rounds differently, TOP without ORDER BY " +
    "returns whatever rows the PostgreSQL plan reaches first, code that " +
    "parses @@VERSION finds a Babelfish and PostgreSQL text, @@ROWCOUNT " +
    "after some statements " +
    "differs, and datetime rounding, case sensitivity under the server " +
    "collation and implicit conversions follow PostgreSQL rules in places.",
  solution:
    "State what the code relies on: add ORDER BY to every TOP, format " +
    "numbers with CAST or FORMAT and an explicit pattern, read the " +
    "version from SERVERPROPERTY('ProductMajorVersion') or " +
    "SERVERPROPERTY('Babelfish'), read @@ROWCOUNT right " +
    "after the statement it counts, and test comparisons that depend on " +
    "collation or conversion on the target.",
  flagged: tsql`
SELECT TOP (5) OrderId, STR(Total, 10, 2) AS TotalText
FROM dbo.Orders;
SELECT SUBSTRING(@@VERSION, 22, 4) AS ProductYear;
`,
  findings: [
    { featureId: "dml.top", line: 1, column: 8, status: "supported" },
    { featureId: "behavior.top_without_order_by", line: 1, column: 8, status: "reviewSemantics" },
    { featureId: "builtin.function.str", line: 1, column: 25, status: "supported" },
    { featureId: "behavior.str_padding", line: 1, column: 25, status: "reviewSemantics" },
    { featureId: "variable.version", line: 3, column: 18, status: "supported" },
    { featureId: "behavior.version_string", line: 3, column: 18, status: "reviewSemantics" },
  ],
  fine: tsql`
SELECT TOP (5) OrderId, CAST(CAST(Total AS decimal(10, 2)) AS varchar(11)) AS TotalText
FROM dbo.Orders
ORDER BY OrderId;
SELECT SERVERPROPERTY('ProductMajorVersion') AS ProductMajorVersion;
`,
};
