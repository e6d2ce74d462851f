/** Examples for the built-in functions family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const BUILT_IN_FUNCTIONS: FamilyExamples = {
  group: "Built-in functions",
  problem:
    "Most string, date, math and metadata functions exist on Babelfish, " +
    "but support often depends on an argument: HASHBYTES returns NULL " +
    "for MD2 and MD4 without an error, CONVERT styles format dates and " +
    "numbers differently, FORMAT with a culture follows PostgreSQL's " +
    "locale data, and SERVERPROPERTY returns nothing useful for many " +
    "properties. Some functions are missing on every release: " +
    "CHECKSUM_AGG, GROUPING_ID, APPROX_COUNT_DISTINCT, PERCENTILE_CONT " +
    "and PERCENTILE_DISC, GREATEST and LEAST, GENERATE_SERIES, the bit " +
    "functions and the encryption functions.",
  solution:
    "Pick arguments that Babelfish implements: SHA2_256 or SHA2_512 for " +
    "hashes, explicit FORMAT patterns instead of CONVERT styles, and the " +
    "SERVERPROPERTY properties it lists. Replace missing functions with " +
    "expressions (a CASE for GREATEST and LEAST, for example), and test " +
    "formatted output on the target.",
  flagged: tsql`
SELECT HASHBYTES('MD2', Email) AS EmailHash,
       CONVERT(varchar(10), OrderDate, 1) AS ShortDate,
       FORMAT(Total, 'C', 'de-DE') AS Amount,
       SERVERPROPERTY('IsClustered') AS IsClustered,
       GREATEST(OrderDate, ShippedDate) AS LastChange
FROM dbo.Orders;
`,
  findings: [
    { featureId: "builtin.function.hashbytes", detail: "md2", line: 1, column: 8, status: "notSupported" },
    { featureId: "builtin.function.convert", detail: "1", line: 2, column: 8, status: "reviewSemantics" },
    { featureId: "builtin.function.format", line: 3, column: 8, status: "supported" },
    { featureId: "builtin.function.format_culture", detail: "de-de", line: 3, column: 8, status: "reviewSemantics" },
    { featureId: "builtin.function.serverproperty", detail: "isclustered", line: 4, column: 8, status: "notSupported" },
    { featureId: "builtin.function.greatest", line: 5, column: 8, status: "notSupported" },
  ],
  fine: tsql`
SELECT HASHBYTES('SHA2_256', Email) AS EmailHash,
       FORMAT(OrderDate, 'MM/dd/yy') AS ShortDate,
       FORMAT(Total, '#,0.00') AS Amount,
       SERVERPROPERTY('ProductVersion') AS ProductVersion,
       CASE WHEN ShippedDate > OrderDate THEN ShippedDate
            ELSE OrderDate END AS LastChange
FROM dbo.Orders;
`,
};
