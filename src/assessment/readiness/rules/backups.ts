/**
 * Backup history. AWS DMS needs a full backup taken before ongoing
 * replication starts and reads log backups when the active log no longer
 * holds the changes it needs (AWS DMS User Guide, SQL Server as a source,
 * "Prerequisites" and the safeguardPolicy setting, 2023). A database in
 * FULL recovery without log backups has a log that only grows.
 */

import { bracketed, type BackupView, type DatabaseView } from "../inventory-view.js";
import type { ReadinessItem } from "../model.js";
import { readinessItem, type ReadinessContext, type ReadinessRule } from "../rule.js";

const DAY_MS = 86_400_000;

export const backupsRule: ReadinessRule = {
  id: "readiness.database.backups",
  title: "Backup history",

  check(context) {
    if (context.backups === undefined) {
      return [];
    }
    const backups = context.backups;
    return context.databases.flatMap((d) => databaseItems(this.id, d, backups.get(d.name), context));
  },
};

function databaseItems(
  rule: string,
  database: DatabaseView,
  backups: BackupView | undefined,
  context: ReadinessContext,
): ReadinessItem[] {
  const place = { database: database.name, object: null, objectType: "database" as const };
  const full = backups?.full ?? null;
  const log = backups?.log ?? null;
  const items: ReadinessItem[] = [];

  if (full === null || full.finishedAt === null) {
    items.push(
      readinessItem(
        rule,
        "blocker",
        place,
        "no full backup in msdb's backup history",
        `Take a full backup (BACKUP DATABASE ${bracketed(database.name)} TO DISK = ...) before ` +
          `starting ongoing replication; AWS DMS needs one.`,
      ),
    );
  } else {
    const ageDays = (Date.parse(context.collectedAt) - Date.parse(full.finishedAt)) / DAY_MS;
    if (ageDays > context.thresholds.fullBackupMaxAgeDays) {
      items.push(
        readinessItem(
          rule,
          "warning",
          place,
          `last full backup finished ${full.finishedAt}, more than ${context.thresholds.fullBackupMaxAgeDays} days before the inventory`,
          `Take a new full backup shortly before the migration starts, so that a restore point and ` +
            `the log chain the tool reads are current.`,
        ),
      );
    }
  }

  if (database.recoveryModel !== "SIMPLE" && (log === null || log.finishedAt === null)) {
    items.push(
      readinessItem(
        rule,
        "warning",
        place,
        `recovery model ${database.recoveryModel ?? "unknown"} but no log backup in msdb's backup history`,
        `Schedule log backups (BACKUP LOG ${bracketed(database.name)} TO DISK = ...); without them the ` +
          `log grows while the tool replicates, and there is no point-in-time restore during the migration.`,
      ),
    );
  }
  return items;
}
