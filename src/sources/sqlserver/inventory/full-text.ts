/**
 * Full-text search in a database: catalogs, the full-text index of each
 * table with its catalog, change tracking and stoplist, and user-defined
 * stoplists.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { qualifiedName } from "./qualified-name.js";
import { countOf, numberOf } from "./row-numbers.js";
import { flagOf, requiredTextOf, textOf } from "./row-values.js";

const CATALOGS = defineQuery({
  id: "inventory.fulltext-catalogs",
  scope: "database",
  sql: `
SELECT
    c.name,
    c.is_default,
    c.is_accent_sensitivity_on,
    (SELECT COUNT(*) FROM sys.fulltext_indexes AS i
     WHERE i.fulltext_catalog_id = c.fulltext_catalog_id) AS index_count
FROM sys.fulltext_catalogs AS c
ORDER BY c.name;`,
  reads: ["sys.fulltext_catalogs", "sys.fulltext_indexes"],
  permission: "VIEW DEFINITION",
});

// stoplist_id is NULL for STOPLIST = OFF and 0 for the system stoplist
// (Microsoft Learn, sys.fulltext_indexes and CREATE FULLTEXT INDEX).
const INDEXES = defineQuery({
  id: "inventory.fulltext-indexes",
  scope: "database",
  sql: `
SELECT
    OBJECT_SCHEMA_NAME(i.object_id) AS schema_name,
    OBJECT_NAME(i.object_id) AS table_name,
    c.name AS catalog_name,
    i.is_enabled,
    i.change_tracking_state_desc,
    i.stoplist_id,
    sl.name AS stoplist_name,
    (SELECT COUNT(*) FROM sys.fulltext_index_columns AS ic
     WHERE ic.object_id = i.object_id) AS column_count
FROM sys.fulltext_indexes AS i
JOIN sys.fulltext_catalogs AS c
    ON c.fulltext_catalog_id = i.fulltext_catalog_id
LEFT JOIN sys.fulltext_stoplists AS sl
    ON sl.stoplist_id = i.stoplist_id
ORDER BY schema_name, table_name;`,
  reads: [
    "sys.fulltext_indexes",
    "sys.fulltext_catalogs",
    "sys.fulltext_stoplists",
    "sys.fulltext_index_columns",
    "OBJECT_SCHEMA_NAME",
    "OBJECT_NAME",
  ],
  permission: "VIEW DEFINITION",
});

const STOPLISTS = defineQuery({
  id: "inventory.fulltext-stoplists",
  scope: "database",
  sql: `
SELECT
    sl.name,
    (SELECT COUNT(*) FROM sys.fulltext_stopwords AS w
     WHERE w.stoplist_id = sl.stoplist_id) AS stopword_count
FROM sys.fulltext_stoplists AS sl
ORDER BY sl.name;`,
  reads: ["sys.fulltext_stoplists", "sys.fulltext_stopwords"],
  permission: "VIEW DEFINITION",
});

export const fullTextPart: InventoryPart = {
  name: "full-text",
  title: "Full-text catalogs, indexes and stoplists",
  scope: "database",
  queries: [CATALOGS, INDEXES, STOPLISTS],

  async collect(reader): Promise<PartResult> {
    const database = reader.database;
    const items: InventoryItem[] = [];

    for (const row of await reader.all(CATALOGS)) {
      items.push({
        database,
        type: "catalog",
        name: requiredTextOf(row, "name"),
        isDefault: flagOf(row, "is_default"),
        accentSensitive: flagOf(row, "is_accent_sensitivity_on"),
        indexes: countOf(row, "index_count"),
      });
    }
    for (const row of await reader.all(INDEXES)) {
      items.push(indexItem(database, row));
    }
    for (const row of await reader.all(STOPLISTS)) {
      const name = requiredTextOf(row, "name");
      items.push({ database, type: "stoplist", name, stopwords: countOf(row, "stopword_count") });
    }

    return { items };
  },
};

function indexItem(database: string, row: Row): InventoryItem {
  const stoplistId = numberOf(row, "stoplist_id");
  let stoplist: string | null;
  if (stoplistId === null) {
    stoplist = "OFF";
  } else if (stoplistId === 0) {
    stoplist = "SYSTEM";
  } else {
    stoplist = textOf(row, "stoplist_name");
  }

  return {
    database,
    type: "index",
    name: qualifiedName(textOf(row, "schema_name"), textOf(row, "table_name")),
    catalog: textOf(row, "catalog_name"),
    enabled: flagOf(row, "is_enabled"),
    changeTracking: textOf(row, "change_tracking_state_desc"),
    stoplist,
    columns: countOf(row, "column_count"),
  };
}
