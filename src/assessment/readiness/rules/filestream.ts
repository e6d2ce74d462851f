/**
 * FILESTREAM columns. Their data lives in the file system and moves as a
 * varbinary(max) LOB; Babelfish does not support the FILESTREAM attribute
 * (Aurora User Guide, unsupported functionalities in Babelfish).
 */

import { plural, readinessItem, type ReadinessRule } from "../rule.js";

export const filestreamRule: ReadinessRule = {
  id: "readiness.table.filestream",
  title: "FILESTREAM columns",

  check(context) {
    return context.tables
      .filter((t) => t.filestreamColumns > 0)
      .map((t) =>
        readinessItem(
          this.id,
          "warning",
          { database: t.database, object: t.name, objectType: "table" },
          `${plural(t.filestreamColumns, "FILESTREAM column")}, ${t.reservedKb === null ? "size unknown" : `${Math.round(t.reservedKb / 1024).toLocaleString("en-US")} MB in the database`} (file data not counted)`,
          `Create the column as ${context.target === "babelfish" ? "varbinary(max)" : "bytea"}, or move the files to object storage (Amazon S3) and keep their keys; ` +
            `load in full LOB mode and check the largest file against the target's 1 GB limit of a single value.`,
        ),
      );
  },
};
