/**
 * Types that AWS DMS converts on the way: datetimeoffset travels as a
 * string (WSTRING) and money and smallmoney as NUMERIC (AWS DMS User
 * Guide, SQL Server as a source, "Source data types", 2023). PostgreSQL's
 * timestamptz keeps the instant but not the offset, and its money type
 * depends on lc_monetary, so numeric(19,4) is the usual choice.
 */

import { plural, readinessItem, type ReadinessRule } from "../rule.js";

const TYPES: readonly (readonly [string, string, string])[] = [
  [
    "datetimeoffset",
    "timestamptz keeps the instant but not the offset: add a column for the offset if the application reads it",
    "Babelfish keeps datetimeoffset; check that the task maps it back from the string form",
  ],
  ["money", "use numeric(19,4)", "Babelfish keeps money; the values travel as numeric"],
  ["smallmoney", "use numeric(10,4)", "Babelfish keeps smallmoney; the values travel as numeric"],
];

export const convertedTypesRule: ReadinessRule = {
  id: "readiness.table.converted-types",
  title: "datetimeoffset, money or smallmoney columns converted in transit",

  check(context) {
    return context.tables.flatMap((table) => {
      const found = TYPES.filter(([type]) => (table.columnTypes[type] ?? 0) > 0);
      if (found.length === 0) {
        return [];
      }
      const evidence = found.map(([type]) => `${plural(table.columnTypes[type] ?? 0, `${type} column`)}`).join(", ");
      const advice = found
        .map(([type, postgres, babelfish]) => `${type}: ${context.target === "babelfish" ? babelfish : postgres}`)
        .join("; ");
      return [
        readinessItem(
          this.id,
          "info",
          { database: table.database, object: table.name, objectType: "table" },
          evidence,
          `Create the target columns yourself rather than letting the tool choose: ${advice}. Compare a sample of values after the load.`,
        ),
      ];
    });
  },
};
