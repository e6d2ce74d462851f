/** Examples for the SET and database options family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const SET_AND_DATABASE_OPTIONS: FamilyExamples = {
  group: "SET and database options",
  problem:
    "Babelfish supports the session options that client libraries set " +
    "(ANSI_NULLS, QUOTED_IDENTIFIER, NOCOUNT, XACT_ABORT, DATEFIRST) but " +
    "rejects many others: ANSI_PADDING OFF, ANSI_WARNINGS OFF, DATEFORMAT, " +
    "SET ROWCOUNT, the SHOWPLAN and STATISTICS options and CONTEXT_INFO. " +
    "ALTER DATABASE ... SET is rejected for almost every option; the " +
    "compatibility level is accepted and ignored.",
  solution:
    "Keep the supported defaults and remove the rest: limit rows with " +
    "TOP instead of SET ROWCOUNT, write dates in the unambiguous format " +
    "yyyymmdd instead of relying on DATEFORMAT, and set database options " +
    "through the Aurora parameter group.",
  flagged: tsql`
SET ANSI_PADDING OFF;
SET DATEFORMAT dmy;
SET ROWCOUNT 100;
SET NOCOUNT ON;
ALTER DATABASE Sales SET RECOVERY SIMPLE;
ALTER DATABASE Sales SET COMPATIBILITY_LEVEL = 150;
`,
  findings: [
    { featureId: "set.option", detail: "ansi_padding_off", line: 1, column: 5, status: "notSupported" },
    { featureId: "set.option", detail: "dateformat", line: 2, column: 5, status: "notSupported" },
    { featureId: "set.option", detail: "rowcount", line: 3, column: 5, status: "notSupported" },
    { featureId: "set.option", detail: "nocount", line: 4, column: 5, status: "supported" },
    { featureId: "database.alter", detail: "recovery", line: 5, column: 26, status: "notSupported" },
    { featureId: "database.alter", detail: "compatibility_level", line: 6, column: 26, status: "ignored" },
  ],
  fine: tsql`
SET NOCOUNT ON;
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
SELECT TOP (100) OrderId, OrderDate
FROM dbo.Orders
WHERE OrderDate >= '20240131'
ORDER BY OrderId;
`,
};
