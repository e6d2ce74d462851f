/**
 * Responder for the backup-history part: the latest msdb.dbo.backupset
 * row of each database and backup type (D, I, L), with the number of
 * backups of that type, as the query's ROW_NUMBER and COUNT windows give.
 */

import type { ResponderTable } from "../responder.js";
import { compareValues, resultTable, serverView, type NamedRow } from "./result-table.js";

const KINDS = new Set(["D", "I", "L"]);

function latestBackups(rows: readonly NamedRow[]): NamedRow[] {
  const groups = new Map<string, NamedRow[]>();
  for (const row of rows) {
    if (!KINDS.has(String(row["type"]))) {
      continue;
    }
    const key = `${String(row["database_name"]).toLowerCase()}\u0000${String(row["type"])}`;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }

  const latest: NamedRow[] = [];
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => timeOf(b) - timeOf(a));
    latest.push({ ...sorted[0]!, backup_count: group.length });
  }
  return latest.sort(
    (a, b) => compareValues(a["database_name"], b["database_name"]) || compareValues(a["type"], b["type"]),
  );
}

/** Returns the finish time in milliseconds; NULL sorts last, as in a descending ORDER BY. */
function timeOf(row: NamedRow): number {
  const finished = row["backup_finish_date"];
  return finished instanceof Date ? finished.getTime() : Number.NEGATIVE_INFINITY;
}

export const BACKUP_RESPONDERS: ResponderTable = {
  "inventory.backup-history": ({ server }) =>
    resultTable(
      [
        ["database_name", "nvarchar(128)"],
        ["type", "char(1)"],
        ["backup_finish_date", "datetime"],
        ["backup_size", "numeric(20,0)"],
        ["is_copy_only", "bit"],
        ["backup_count", "int"],
      ],
      latestBackups(serverView(server, "msdb.dbo.backupset")),
    ),
};
