/** Examples for the dynamic SQL family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const DYNAMIC_SQL: FamilyExamples = {
  group: "Dynamic SQL",
  problem:
    "EXEC of a string and sp_executesql run on Babelfish, but what they " +
    "run is only known when the string is. infio reads a string made of " +
    "literals, and of variables the batch sets to literals, and reports " +
    "the features inside it at their place in the literal. A string built " +
    "from anything else (a function result, a parameter, a table) cannot " +
    "be read, so the code it runs needs a manual check. EXEC of a string " +
    "AS LOGIN, AS USER or AT a linked server is rejected. On native " +
    "PostgreSQL dynamic SQL becomes EXECUTE in PL/pgSQL.",
  solution:
    "Write static SQL where the statement does not really vary. Where it " +
    "must vary, keep the statement text a literal and pass values as " +
    "sp_executesql parameters, so both infio and a reviewer can read it. " +
    "For strings that are built at run time, capture the statements the " +
    "code sends (with a trace) and assess them as scripts.",
  flagged: tsql`
DECLARE @Table sysname = N'Orders';
DECLARE @Sql nvarchar(4000);
SET @Sql = N'SELECT COUNT(*) AS Total FROM dbo.' + QUOTENAME(@Table);
EXEC (@Sql);
EXEC ('SELECT TOP 10 WITH TIES OrderId FROM dbo.Orders ORDER BY Total DESC');
`,
  findings: [
    { featureId: "behavior.string_concat_null", line: 3, column: 12, status: "supported" },
    { featureId: "builtin.function.quotename", line: 3, column: 52, status: "supported" },
    { featureId: "dynamic_sql.exec_string", line: 4, column: 1, status: "supported" },
    { featureId: "dynamic_sql.unresolved", line: 4, column: 1, status: "reviewManually" },
    { featureId: "dynamic_sql.exec_string", line: 5, column: 1, status: "supported" },
    { featureId: "dml.top", line: 5, column: 15, status: "supported" },
    { featureId: "dml.top.with_ties", line: 5, column: 15, status: "notSupported" },
    { featureId: "behavior.sort_nulls", line: 5, column: 56, status: "supported" },
  ],
  fine: tsql`
SELECT COUNT(*) AS Total FROM dbo.Orders;
SELECT OrderId
FROM (SELECT OrderId, RANK() OVER (ORDER BY Total DESC) AS TotalRank
      FROM dbo.Orders) AS ranked
WHERE TotalRank <= 10;
`,
};
