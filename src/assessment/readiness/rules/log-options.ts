/**
 * Database options that stop log-based replication. AWS DMS does not
 * support replication from databases with accelerated database recovery
 * on, nor delayed durability (AWS DMS User Guide, SQL Server as a source,
 * "Limitations", 2023).
 */

import type { ReadinessItem } from "../model.js";
import { bracketed } from "../inventory-view.js";
import { readinessItem, type ReadinessRule } from "../rule.js";

export const logOptionsRule: ReadinessRule = {
  id: "readiness.database.log-options",
  title: "Accelerated database recovery or delayed durability",

  check(context) {
    return context.databases.flatMap((d): ReadinessItem[] => {
      const place = { database: d.name, object: null, objectType: "database" as const };
      const items: ReadinessItem[] = [];
      if (d.isAcceleratedDatabaseRecoveryOn) {
        items.push(
          readinessItem(
            `${this.id}.accelerated-recovery`,
            "blocker",
            place,
            "accelerated database recovery is on",
            `Turn it off for the migration (ALTER DATABASE ${bracketed(d.name)} SET ` +
              `ACCELERATED_DATABASE_RECOVERY = OFF) or move the data by full loads only, because AWS DMS ` +
              `does not replicate from such a database.`,
          ),
        );
      }
      if (d.delayedDurability !== null && d.delayedDurability !== "DISABLED") {
        items.push(
          readinessItem(
            `${this.id}.delayed-durability`,
            "warning",
            place,
            `delayed durability is ${d.delayedDurability}`,
            `Set DELAYED_DURABILITY = DISABLED for the migration (ALTER DATABASE ${bracketed(d.name)} ` +
              `SET DELAYED_DURABILITY = DISABLED), since AWS DMS does not support it.`,
          ),
        );
      }
      return items;
    });
  },
};
