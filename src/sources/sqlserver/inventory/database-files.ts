/**
 * The database-files part: the data, log, FILESTREAM and memory-optimized
 * containers of every database, with size, maximum size and growth.
 * Physical file paths are not read: they show the server's directory
 * layout and a migration estimate needs only the sizes.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { numberOf, pagesToMb } from "./row-numbers.js";
import { flagOf, requiredTextOf, textOf } from "./row-values.js";

// size, max_size and growth are in 8-KB pages, but growth is a percentage
// when is_percent_growth is 1. max_size -1 means unlimited, and 268435456
// is the 2 TB limit of a log file set to UNLIMITED ("sys.master_files",
// Microsoft Learn).
const DATABASE_FILES = defineQuery({
  id: "inventory.database-files",
  scope: "server",
  sql: `
SELECT
    DB_NAME(f.database_id) AS database_name,
    f.file_id,
    f.name,
    f.type_desc,
    f.data_space_id,
    f.state_desc,
    f.size,
    f.max_size,
    f.growth,
    f.is_percent_growth,
    f.is_read_only
FROM sys.master_files AS f
ORDER BY f.database_id, f.file_id;`,
  reads: ["sys.master_files", "DB_NAME"],
  permission: "VIEW ANY DEFINITION",
});

const UNLIMITED = -1;

export const databaseFilesPart: InventoryPart = {
  name: "database-files",
  title: "Database files: sizes and growth",
  scope: "server",
  queries: [DATABASE_FILES],

  async collect(reader): Promise<PartResult> {
    const rows = await reader.all(DATABASE_FILES);
    return { items: rows.map(fileItem) };
  },
};

function fileItem(row: Row): InventoryItem {
  const maxSize = numberOf(row, "max_size");
  const growth = numberOf(row, "growth") ?? 0;
  const isPercent = flagOf(row, "is_percent_growth") === true;

  let growthSetting: Record<string, number | null> | null = null;
  if (growth !== 0) {
    growthSetting = isPercent ? { percent: growth } : { mb: pagesToMb(growth) };
  }

  return {
    database: requiredTextOf(row, "database_name"),
    fileId: numberOf(row, "file_id"),
    // Logical file name.
    name: requiredTextOf(row, "name"),
    // ROWS, LOG, FILESTREAM (also memory-optimized data containers), FULLTEXT.
    type: textOf(row, "type_desc"),
    dataSpaceId: numberOf(row, "data_space_id"),
    state: textOf(row, "state_desc"),
    sizeMb: pagesToMb(numberOf(row, "size")),
    maxSizeMb: maxSize === UNLIMITED ? null : pagesToMb(maxSize),
    isUnlimited: maxSize === UNLIMITED,
    // NULL when the file does not grow.
    growth: growthSetting,
    isReadOnly: flagOf(row, "is_read_only"),
  };
}
