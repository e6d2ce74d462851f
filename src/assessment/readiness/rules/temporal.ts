/**
 * System-versioned temporal tables and their history tables. AWS DMS
 * does not support temporal tables (AWS DMS User Guide, SQL Server as a
 * source, "Limitations", 2023), and neither PostgreSQL nor Babelfish has
 * system versioning.
 */

import { readinessItem, type ReadinessRule } from "../rule.js";

export const temporalRule: ReadinessRule = {
  id: "readiness.table.temporal",
  title: "System-versioned temporal table or its history table",

  check(context) {
    return context.tables.flatMap((t) => {
      const place = { database: t.database, object: t.name, objectType: "table" as const };
      if (t.temporalType === "SYSTEM_VERSIONED_TEMPORAL_TABLE") {
        return [
          readinessItem(
            this.id,
            "blocker",
            place,
            "system-versioned temporal table",
            `Create it on the target as an ordinary table with its period columns, load it and its ` +
              `history table as plain tables, and keep the history with a trigger (or the ` +
              `temporal_tables extension on PostgreSQL where available); rewrite FOR SYSTEM_TIME queries.`,
          ),
        ];
      }
      if (t.temporalType === "HISTORY_TABLE") {
        return [
          readinessItem(
            this.id,
            "warning",
            place,
            `history table of a temporal table, no primary key${t.rows === null ? "" : `, ${t.rows.toLocaleString("en-US")} rows`}`,
            `Load it once by a full load during the cut-over window (it has no key, so changes cannot ` +
              `be replicated), after the tool stops writing the current table.`,
          ),
        ];
      }
      return [];
    });
  },
};
