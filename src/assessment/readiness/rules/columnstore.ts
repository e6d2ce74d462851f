/**
 * Tables with a columnstore index. AWS DMS does not support columnstore
 * indexes (AWS DMS User Guide, SQL Server as a source, "Limitations",
 * 2023); the target has no columnstore either.
 */

import { readinessItem, type ReadinessRule } from "../rule.js";

export const columnstoreRule: ReadinessRule = {
  id: "readiness.table.columnstore",
  title: "Table with a columnstore index",

  check(context) {
    return context.tables
      .filter((t) => t.hasColumnstore)
      .map((t) =>
        readinessItem(
          this.id,
          "blocker",
          { database: t.database, object: t.name, objectType: "table" },
          `columnstore index${t.rows === null ? "" : `, ${t.rows.toLocaleString("en-US")} rows`}`,
          `Load the table by a full load from a query or view over it (or export it with bcp), not ` +
            `through ongoing replication; on the target use a B-tree or BRIN index, or partitioning, ` +
            `for the queries that relied on the columnstore.`,
        ),
      );
  },
};
