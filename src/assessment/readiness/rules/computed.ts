/**
 * Computed columns. AWS DMS does not replicate changes to computed
 * columns (AWS DMS User Guide, SQL Server as a source, "Limitations",
 * 2023), so the target computes them itself.
 */

import { bracketed } from "../inventory-view.js";
import { plural, readinessItem, type ReadinessRule } from "../rule.js";

export const computedRule: ReadinessRule = {
  id: "readiness.table.computed",
  title: "Computed columns",

  check(context) {
    return context.tables
      .filter((t) => t.computedColumns > 0)
      .map((t) => {
        const names = t.notableColumns.filter((c) => c.features.includes("computed")).map((c) => bracketed(c.name));
        return readinessItem(
          this.id,
          "warning",
          { database: t.database, object: t.name, objectType: "table" },
          `${plural(t.computedColumns, "computed column")}${names.length === 0 ? "" : `: ${names.join(", ")}`}`,
          `Create the computed columns on the target with the schema (generated columns on ` +
            `PostgreSQL, computed columns on Babelfish) and leave them out of the load, because the ` +
            `target computes them and the tool does not replicate their changes.`,
        );
      });
  },
};
