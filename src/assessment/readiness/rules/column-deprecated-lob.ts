/**
 * text, ntext and image columns. AWS DMS does not capture WRITETEXT and
 * UPDATETEXT changes, and moves these columns as LOBs (AWS DMS User
 * Guide, SQL Server as a source, "Limitations", 2023).
 */

import { readinessItem, type ReadinessRule } from "../rule.js";
import { columnsWithFeature } from "./columns.js";

const REPLACEMENTS: Readonly<Record<string, string>> = {
  text: "varchar(max)",
  ntext: "nvarchar(max)",
  image: "varbinary(max)",
};

export const deprecatedLobRule: ReadinessRule = {
  id: "readiness.column.deprecated-lob",
  title: "text, ntext or image column",

  check(context) {
    return columnsWithFeature(context.tables, "deprecated-lob").map(({ table, column }) => {
      const replacement = REPLACEMENTS[column.type] ?? "a (max) type";
      const pg = column.type === "image" ? "bytea" : "text";
      return readinessItem(
        this.id,
        "warning",
        { database: table.database, object: `${table.name}.${column.name}`, objectType: "column" },
        `column of the deprecated type ${column.type}`,
        `Create it as ${context.target === "babelfish" ? replacement : pg} on the target and load it in ` +
          `LOB mode; changes made with WRITETEXT or UPDATETEXT are not replicated, so replace those ` +
          `statements with UPDATE ... SET column = before relying on ongoing replication.`,
      );
    });
  },
};
