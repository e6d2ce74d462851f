/**
 * The backup-history part: for each database named in msdb's backup
 * history, the last full, differential and log backup, with the size of
 * each and how many of each kind are on record. Ongoing replication needs
 * a full backup and, in the full recovery model, regular log backups.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf, numberOf } from "./row-numbers.js";
import { dateOf, flagOf, requiredTextOf } from "./row-values.js";

// msdb.dbo.backupset has one row per backup set; type is D (database),
// I (differential database), L (log), F (file or filegroup), G
// (differential file), P (partial) or Q (differential partial)
// ("backupset (Transact-SQL)", Microsoft Learn, SQL Server 2016-2022).
// Only D, I and L matter here. The latest row of each type is picked with
// ROW_NUMBER so that its size and copy-only flag come with it. The
// history keeps whatever msdb's cleanup (sp_delete_backuphistory) left.
const BACKUP_HISTORY = defineQuery({
  id: "inventory.backup-history",
  scope: "server",
  sql: `
WITH ranked AS (
    SELECT
        b.database_name,
        b.type,
        b.backup_finish_date,
        b.backup_size,
        b.is_copy_only,
        ROW_NUMBER() OVER (
            PARTITION BY b.database_name, b.type
            ORDER BY b.backup_finish_date DESC
        ) AS recency,
        COUNT(*) OVER (PARTITION BY b.database_name, b.type) AS backup_count
    FROM msdb.dbo.backupset AS b
    WHERE b.type IN ('D', 'I', 'L')
)
SELECT
    r.database_name,
    r.type,
    r.backup_finish_date,
    r.backup_size,
    r.is_copy_only,
    r.backup_count
FROM ranked AS r
WHERE r.recency = 1
ORDER BY r.database_name, r.type;`,
  reads: ["msdb.dbo.backupset"],
  permission: "SELECT in msdb",
});

/** The kinds of backup read, by backupset.type. */
const KINDS: Readonly<Record<string, "full" | "differential" | "log">> = {
  D: "full",
  I: "differential",
  L: "log",
};

/** The last backup of one kind. */
export interface LastBackup {
  readonly finishedAt: string | null;
  readonly sizeBytes: number | null;
  readonly isCopyOnly: boolean | null;
  /** Backups of this kind on record in msdb. */
  readonly count: number;
}

export const backupHistoryPart: InventoryPart = {
  name: "backup-history",
  title: "Backup history: last full, differential and log backup of each database",
  scope: "server",
  queries: [BACKUP_HISTORY],

  async collect(reader): Promise<PartResult> {
    const byDatabase = new Map<string, Record<string, LastBackup | null>>();
    for (const row of await reader.all(BACKUP_HISTORY)) {
      const kind = KINDS[requiredTextOf(row, "type").trim()];
      if (kind === undefined) {
        continue;
      }
      const database = requiredTextOf(row, "database_name");
      let backups = byDatabase.get(database);
      if (backups === undefined) {
        backups = { full: null, differential: null, log: null };
        byDatabase.set(database, backups);
      }
      backups[kind] = lastBackup(row);
    }

    const items: InventoryItem[] = [...byDatabase].map(([database, backups]) => ({
      database,
      full: backups["full"] ?? null,
      differential: backups["differential"] ?? null,
      log: backups["log"] ?? null,
    }));
    return { items };
  },
};

function lastBackup(row: Row): LastBackup {
  return {
    finishedAt: dateOf(row, "backup_finish_date"),
    sizeBytes: numberOf(row, "backup_size"),
    isCopyOnly: flagOf(row, "is_copy_only"),
    count: countOf(row, "backup_count"),
  };
}
