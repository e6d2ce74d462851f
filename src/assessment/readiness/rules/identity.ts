/**
 * Identity columns. AWS DMS does not migrate the identity property (AWS
 * DMS User Guide, SQL Server as a source, "Limitations", 2023). A load
 * that writes explicit values leaves the target's sequence at its start,
 * so the next insert would collide with a loaded row.
 */

import { bracketed, quoted } from "../inventory-view.js";
import { readinessItem, type ReadinessRule } from "../rule.js";

export const identityRule: ReadinessRule = {
  id: "readiness.table.identity",
  title: "Identity column to reseed after the load",

  check(context) {
    return context.tables
      .filter((t) => t.identityColumns > 0)
      .map((t) => {
        const column = t.notableColumns.find((c) => c.features.includes("identity"))?.name ?? "<identity column>";
        const reseed =
          context.target === "babelfish"
            ? `DBCC CHECKIDENT ('${bracketed(t.schema, t.table).replaceAll("'", "''")}', RESEED) (Babelfish 3.4.0 and later)`
            : `SELECT setval(pg_get_serial_sequence('${quoted(t.schema, t.table).replaceAll("'", "''")}', ` +
              `'${column.replaceAll("'", "''")}'), (SELECT max(${quoted(column)}) FROM ${quoted(t.schema, t.table)}))`;
        return readinessItem(
          this.id,
          "info",
          { database: t.database, object: t.name, objectType: "table" },
          `identity column ${bracketed(column)}`,
          `Create the table on the target first (the tool does not carry the identity property), ` +
            `load with explicit values, then reseed before the application writes: ${reseed}.`,
        );
      });
  },
};
