/**
 * Recovery model. Ongoing replication from SQL Server reads the
 * transaction log, so AWS DMS needs the FULL or BULK_LOGGED recovery
 * model and a full backup taken before replication starts (AWS DMS User
 * Guide, SQL Server as a source, "Prerequisites for using ongoing
 * replication (CDC)", 2023), because under SIMPLE the log is truncated
 * as soon as its records are no longer needed for recovery.
 */

import { bracketed } from "../inventory-view.js";
import { readinessItem, type ReadinessRule } from "../rule.js";

export const recoveryModelRule: ReadinessRule = {
  id: "readiness.database.recovery-model",
  title: "SIMPLE recovery model",

  check(context) {
    return context.databases
      .filter((d) => d.recoveryModel === "SIMPLE")
      .map((d) =>
        readinessItem(
          this.id,
          "blocker",
          { database: d.name, object: null, objectType: "database" },
          "recovery model SIMPLE",
          `For ongoing replication, switch to FULL (ALTER DATABASE ${bracketed(d.name)} SET RECOVERY FULL), ` +
            `take a full backup, then schedule log backups; or move this database by a full load ` +
            `(or backup and restore through a SQL Server) during downtime.`,
        ),
      );
  },
};
