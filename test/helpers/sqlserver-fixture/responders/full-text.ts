/** Responders for the full-text part, over the full-text catalog views. */

import type { ResponderTable } from "../responder.js";
import {
  countWhere,
  databaseView,
  objectNameOf,
  orderBy,
  resultTable,
  type ColumnSpec,
  type NamedRow,
} from "./result-table.js";

const CATALOG_COLUMNS: readonly ColumnSpec[] = [
  ["name", "sysname"],
  ["is_default", "bit"],
  ["is_accent_sensitivity_on", "bit"],
  ["index_count", "int"],
];

const INDEX_COLUMNS: readonly ColumnSpec[] = [
  ["schema_name", "sysname"],
  ["table_name", "sysname"],
  ["catalog_name", "sysname"],
  ["is_enabled", "bit"],
  ["change_tracking_state_desc", "nvarchar(60)"],
  ["stoplist_id", "int"],
  ["stoplist_name", "sysname"],
  ["column_count", "int"],
];

export const FULL_TEXT_RESPONDERS: ResponderTable = {
  "inventory.fulltext-catalogs": ({ database }) => {
    const indexes = databaseView(database, "sys.fulltext_indexes");
    const rows = databaseView(database, "sys.fulltext_catalogs").map((c) => ({
      ...c,
      index_count: countWhere(indexes, "fulltext_catalog_id", c["fulltext_catalog_id"]),
    }));
    return resultTable(CATALOG_COLUMNS, orderBy(rows, "name"));
  },

  "inventory.fulltext-indexes": ({ database }) => {
    const catalogs = databaseView(database, "sys.fulltext_catalogs");
    const stoplists = databaseView(database, "sys.fulltext_stoplists");
    const columns = databaseView(database, "sys.fulltext_index_columns");
    const rows: NamedRow[] = [];
    for (const index of databaseView(database, "sys.fulltext_indexes")) {
      const catalog = catalogs.find((c) => c["fulltext_catalog_id"] === index["fulltext_catalog_id"]);
      if (catalog === undefined) {
        continue;
      }
      const table = objectNameOf(database, index["object_id"]);
      rows.push({
        ...index,
        schema_name: table.schema,
        table_name: table.name,
        catalog_name: catalog["name"],
        stoplist_name: stoplists.find((s) => s["stoplist_id"] === index["stoplist_id"])?.["name"] ?? null,
        column_count: countWhere(columns, "object_id", index["object_id"]),
      });
    }
    return resultTable(INDEX_COLUMNS, orderBy(rows, "schema_name", "table_name"));
  },

  "inventory.fulltext-stoplists": ({ database }) => {
    const words = databaseView(database, "sys.fulltext_stopwords");
    const rows = databaseView(database, "sys.fulltext_stoplists").map((s) => ({
      name: s["name"],
      stopword_count: countWhere(words, "stoplist_id", s["stoplist_id"]),
    }));
    return resultTable(
      [
        ["name", "sysname"],
        ["stopword_count", "int"],
      ],
      orderBy(rows, "name"),
    );
  },
};
