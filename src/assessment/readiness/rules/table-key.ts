/**
 * Tables without a primary key. AWS DMS captures changes of tables with a
 * primary key through MS-Replication and of other tables only through
 * MS-CDC enabled on the table; with neither, it captures INSERT and
 * DELETE only and ignores UPDATE (AWS DMS User Guide, SQL Server as a
 * source, "Limitations" and "Capturing data changes", 2023). The history
 * table of a temporal table has no key by design: the temporal rule
 * covers it.
 */

import { readinessItem, tableKey, type ReadinessRule } from "../rule.js";
import { bracketed } from "../inventory-view.js";

export const tableKeyRule: ReadinessRule = {
  id: "readiness.table.no-key",
  title: "Table without a primary key",

  check(context) {
    return context.tables
      .filter((t) => !t.hasPrimaryKey && t.temporalType !== "HISTORY_TABLE")
      .map((t) => {
        const place = { database: t.database, object: t.name, objectType: "table" as const };
        const rows = t.rows === null ? "" : ` (${t.rows.toLocaleString("en-US")} rows)`;
        const cdc =
          `EXEC sys.sp_cdc_enable_table @source_schema = N'${t.schema.replaceAll("'", "''")}', ` +
          `@source_name = N'${t.table.replaceAll("'", "''")}', @role_name = NULL`;

        if (context.uniquelyIndexed.has(tableKey(t.database, t.name))) {
          return readinessItem(
            this.id,
            "warning",
            place,
            `no primary key, but a unique index${rows}`,
            `Promote the unique index to a PRIMARY KEY on the target, and for ongoing replication ` +
              `enable MS-CDC on the source table (${cdc}), because MS-Replication needs a primary key.`,
          );
        }
        return readinessItem(
          this.id,
          "blocker",
          place,
          `no primary key and no unique index${rows}`,
          `Add a primary key (ALTER TABLE ${bracketed(t.schema, t.table)} ADD CONSTRAINT ... PRIMARY KEY) ` +
            `before ongoing replication, or enable MS-CDC on it (${cdc}); otherwise updates are not ` +
            `replicated and the table can only be moved by a full load during downtime.`,
        );
      });
  },
};
