/**
 * Typed xml columns. AWS DMS moves xml as NCLOB and needs LOB support in
 * the task (AWS DMS User Guide, SQL Server as a source, "Source data
 * types", 2023). The load-strategy rule covers that for every LOB column.
 * A typed column also loses its XML schema collection, which the target
 * does not have.
 */

import { readinessItem, type ReadinessRule } from "../rule.js";
import { columnsWithFeature } from "./columns.js";

export const xmlRule: ReadinessRule = {
  id: "readiness.column.xml",
  title: "Typed xml column",

  check(context) {
    return columnsWithFeature(context.tables, "typed-xml").map(({ table, column }) =>
      readinessItem(
        this.id,
        "warning",
        { database: table.database, object: `${table.name}.${column.name}`, objectType: "column" },
        "typed xml column (bound to an XML schema collection)",
        `The XML schema collection is not migrated: validate the documents in the application or ` +
          `with a CHECK constraint on the target, and load the column in LOB mode.`,
      ),
    );
  },
};
