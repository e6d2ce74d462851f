/**
 * rowversion (timestamp) columns. AWS DMS maps TIMESTAMP to BYTES (AWS
 * DMS User Guide, SQL Server as a source, "Source data types", 2023); the
 * target cannot keep the values, because it generates its own or none.
 */

import { readinessItem, type ReadinessRule } from "../rule.js";
import { columnsWithFeature } from "./columns.js";

export const rowversionRule: ReadinessRule = {
  id: "readiness.column.rowversion",
  title: "rowversion (timestamp) column",

  check(context) {
    const target =
      context.target === "babelfish"
        ? "Babelfish generates new rowversion values on insert, so the loaded values differ from the source"
        : "PostgreSQL has no rowversion: use a bigint column set by a trigger, or xmin for optimistic concurrency";
    return columnsWithFeature(context.tables, "rowversion").map(({ table, column }) =>
      readinessItem(
        this.id,
        "warning",
        { database: table.database, object: `${table.name}.${column.name}`, objectType: "column" },
        `column of type ${column.type}, moved as binary(8)`,
        `Leave the column out of the load or map it to bytea/binary(8); ${target}. Check the code ` +
          `that compares row versions across the cut-over.`,
      ),
    );
  },
};
