/**
 * xml columns. AWS DMS moves xml as NCLOB, needs LOB support enabled in
 * the task, and during ongoing replication supports it only in tables
 * with a primary key (AWS DMS User Guide, SQL Server as a source, "Source
 * data types", 2023). XML schema collections do not exist on the target.
 */

import { readinessItem, type ReadinessRule } from "../rule.js";
import { columnsWithFeature } from "./columns.js";

export const xmlRule: ReadinessRule = {
  id: "readiness.column.xml",
  title: "xml column",

  check(context) {
    const columns = [...columnsWithFeature(context.tables, "xml"), ...columnsWithFeature(context.tables, "typed-xml")];
    return columns.map(({ table, column }) => {
      const typed = column.features.includes("typed-xml");
      return readinessItem(
        this.id,
        typed ? "warning" : "info",
        { database: table.database, object: `${table.name}.${column.name}`, objectType: "column" },
        typed ? "typed xml column (bound to an XML schema collection)" : "xml column",
        `Enable LOB support in the task (limited LOB mode with a size above the largest document, or ` +
          `full LOB mode); during ongoing replication the table needs a primary key.` +
          (typed ? " The XML schema collection is not migrated: validate the documents in the application or with a CHECK on the target." : ""),
      );
    });
  },
};
