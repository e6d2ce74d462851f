/**
 * Sparse columns and column sets. The AWS DMS SQL Server endpoint does not
 * support sparse tables (AWS DMS User Guide, SQL Server as a source,
 * "Limitations", 2023), and Babelfish does not support the SPARSE
 * attribute (Aurora User Guide, unsupported functionalities in Babelfish).
 */

import { plural, readinessItem, type ReadinessRule } from "../rule.js";

export const sparseRule: ReadinessRule = {
  id: "readiness.table.sparse",
  title: "Sparse columns or a column set",

  check(context) {
    return context.tables
      .filter((t) => t.sparseColumns > 0 || t.hasColumnSet)
      .map((t) =>
        readinessItem(
          this.id,
          "blocker",
          { database: t.database, object: t.name, objectType: "table" },
          `${plural(t.sparseColumns, "sparse column")}${t.hasColumnSet ? " and a column set" : ""}`,
          `Create the columns as ordinary nullable columns on the target${t.hasColumnSet ? " and drop the column set (or keep its XML in one column)" : ""}, ` +
            `and load the table with a SELECT of the named columns (bcp queryout or an export view), ` +
            `since AWS DMS does not read sparse tables.`,
        ),
      );
  },
};
