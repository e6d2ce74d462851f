/** Examples for the SET and database options family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const SET_AND_DATABASE_OPTIONS: FamilyExamples = {
  group: "SET and database options",
  problem:
    "Babelfish supports the session options that client libraries set " +
    "(ANSI_NULLS, QUOTED_IDENTIFIER, NOCOUNT, XACT_ABORT, DATEFIRST), " +
    "the STATISTICS options from 2.2.0 and SET ROWCOUNT from 3.2.0. It " +
    "rejects others: DATEFORMAT, ARITHABORT OFF, NUMERIC_ROUNDABORT ON, " +
    "FORCEPLAN, DEADLOCK_PRIORITY and any LANGUAGE but English. " +
    "ANSI_PADDING OFF and ANSI_WARNINGS OFF are accepted but need a " +
    "test, and TEXTSIZE, SHOWPLAN_TEXT and SHOWPLAN_XML are accepted and " +
    "ignored. ALTER DATABASE ... SET is rejected for almost every option; " +
    "the compatibility level is accepted and ignored.",
  solution:
    "Keep the supported options and remove the rest: write dates in the " +
    "unambiguous format yyyymmdd instead of relying on DATEFORMAT, drop " +
    "SET ARITHABORT OFF and guard divisors with NULLIF where the code " +
    "expected NULL from a division by zero, and test code that relies " +
    "on ANSI_PADDING OFF trimming trailing blanks. Set database options " +
    "through the Aurora parameter group.",
  flagged: tsql`
SET ANSI_PADDING OFF;
SET DATEFORMAT dmy;
SET ARITHABORT OFF;
SET NOCOUNT ON;
ALTER DATABASE Sales SET RECOVERY SIMPLE;
ALTER DATABASE Sales SET COMPATIBILITY_LEVEL = 150;
`,
  findings: [
    { featureId: "set.option", detail: "ansi_padding_off", line: 1, column: 5, status: "reviewSemantics" },
    { featureId: "set.option", detail: "dateformat", line: 2, column: 5, status: "notSupported" },
    { featureId: "set.option", detail: "arithabort_off", line: 3, column: 5, status: "notSupported" },
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
