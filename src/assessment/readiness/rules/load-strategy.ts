/**
 * Tables whose size or LOB columns change how they are loaded: parallel
 * full load by partitions or key ranges, and LOB mode. The figures that
 * decide are the thresholds (thresholds.ts); see load-plan.ts.
 */

import { tableLoad } from "../load-plan.js";
import type { ReadinessItem } from "../model.js";
import { plural, readinessItem, type ReadinessRule } from "../rule.js";

function size(reservedKb: number | null): string {
  return reservedKb === null ? "size unknown" : `${(reservedKb / 1_048_576).toFixed(1)} GB reserved`;
}

export const loadStrategyRule: ReadinessRule = {
  id: "readiness.table.load-strategy",
  title: "Large table or LOB columns deciding the load strategy",

  check(context) {
    return context.tables.flatMap((t): ReadinessItem[] => {
      const load = tableLoad(t, context.thresholds);
      const place = { database: t.database, object: t.name, objectType: "table" as const };
      const rows = t.rows === null ? "rows unknown" : `${t.rows.toLocaleString("en-US")} rows`;
      const items: ReadinessItem[] = [];

      if (load.strategy === "parallel-full-load-partitions") {
        items.push(
          readinessItem(
            `${this.id}.parallel`,
            "info",
            place,
            `${rows}, ${size(t.reservedKb)}, ${plural(t.partitions ?? 0, "partition")}`,
            `Load in parallel by partition (AWS DMS table-settings rule "parallel-load" of type ` +
              `"partitions-auto"); on PostgreSQL, create the table partitioned the same way before the load.`,
          ),
        );
      } else if (load.strategy === "parallel-full-load-ranges") {
        items.push(
          readinessItem(
            `${this.id}.parallel`,
            "info",
            place,
            `${rows}, ${size(t.reservedKb)}, not partitioned`,
            `Load in parallel by key ranges (AWS DMS table-settings rule "parallel-load" of type ` +
              `"ranges" on the clustered key), create secondary indexes after the load, and give the ` +
              `table its own task if it dominates the load time.`,
          ),
        );
      }
      if (load.lobMode) {
        items.push(
          readinessItem(
            `${this.id}.lob`,
            "info",
            place,
            `${plural(t.lobColumns, "LOB column")} ((max) types, xml, text, ntext, image or CLR types)`,
            `Enable LOB support: limited LOB mode with LobMaxSize above the largest value (measure it with ` +
              `MAX(DATALENGTH(column))), or full LOB mode, which is slower; LOBs of a table without a ` +
              `primary key are not replicated during ongoing replication.`,
          ),
        );
      }
      return items;
    });
  },
};
