/**
 * The backup history of the Kestrel fixture in msdb.dbo.backupset:
 * KestrelColdChain (FULL recovery) has weekly full, daily differential
 * and frequent log backups, one of them copy-only; Archive (SIMPLE) has
 * full backups only; master and msdb have a full backup each; model has
 * none. Sizes are in bytes.
 */

import type { SqlValue } from "../../tds-server/index.js";
import type { FixtureArea } from "./area.js";

type BackupType = "D" | "I" | "L";

function backup(database: string, type: BackupType, finished: string, sizeMb: number, copyOnly = false): Record<string, SqlValue> {
  const finishedAt = new Date(finished);
  return {
    database_name: database,
    type,
    backup_start_date: new Date(finishedAt.getTime() - 10 * 60_000),
    backup_finish_date: finishedAt,
    backup_size: sizeMb * 1_048_576,
    compressed_backup_size: Math.round(sizeMb * 1_048_576 * 0.4),
    is_copy_only: copyOnly,
    recovery_model: database === "KestrelColdChain" ? "FULL" : "SIMPLE",
    server_name: "KESTREL-SQL01",
  };
}

export const BACKUPS: FixtureArea = {
  server: {
    "msdb.dbo.backupset": [
      backup("master", "D", "2025-06-01T01:05:00.000Z", 6),
      backup("msdb", "D", "2025-06-01T01:06:00.000Z", 310),
      backup("KestrelColdChain", "D", "2025-05-25T01:30:00.000Z", 40_960),
      backup("KestrelColdChain", "D", "2025-06-01T01:30:00.000Z", 41_200),
      backup("KestrelColdChain", "I", "2025-06-02T01:20:00.000Z", 3_100),
      // A copy-only full backup taken for a restore drill.
      backup("KestrelColdChain", "D", "2025-05-30T02:40:00.000Z", 41_100, true),
      backup("KestrelColdChain", "L", "2025-06-02T09:00:00.000Z", 180),
      backup("KestrelColdChain", "L", "2025-06-02T09:15:00.000Z", 160),
      backup("KestrelColdChain", "L", "2025-06-02T09:30:00.000Z", 170),
      backup("Archive", "D", "2025-01-05T03:00:00.000Z", 9_800),
      backup("Archive", "D", "2024-01-07T03:00:00.000Z", 9_100),
    ],
  },
};
