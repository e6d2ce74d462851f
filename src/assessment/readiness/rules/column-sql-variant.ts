/**
 * sql_variant columns. AWS DMS does not support tables that include a
 * sql_variant column (AWS DMS User Guide, SQL Server as a source, "Source
 * data types for SQL Server", 2023). PostgreSQL has no such type.
 */

import { bracketed } from "../inventory-view.js";
import { readinessItem, type ReadinessRule } from "../rule.js";
import { columnsWithFeature } from "./columns.js";

export const sqlVariantRule: ReadinessRule = {
  id: "readiness.column.sql-variant",
  title: "sql_variant column",

  check(context) {
    const keep =
      context.target === "babelfish"
        ? "Babelfish has a sql_variant type, so the column can keep its type"
        : "PostgreSQL has no sql_variant type: choose text, or one column per base type";
    return columnsWithFeature(context.tables, "sql-variant").map(({ table, column }) =>
      readinessItem(
        this.id,
        "blocker",
        { database: table.database, object: `${table.name}.${column.name}`, objectType: "column" },
        `column of type ${column.type}`,
        `AWS DMS does not load tables with a sql_variant column: exclude ${bracketed(table.schema, table.table)} from the task ` +
          `and copy it with bcp or an INSERT ... SELECT over a linked connection, converting each value ` +
          `with SQL_VARIANT_PROPERTY(value, 'BaseType'). ${keep}.`,
      ),
    );
  },
};
