/**
 * Responders of the collector's index, CHECK and foreign key queries for
 * rebuilt tables: one row per index column with its index, key
 * constraint and storage, one row per CHECK constraint, and one row per
 * foreign key column pair.
 */

import type { ResponderInput, ResponderTable } from "../responder.js";
import { columnName, compression, dataSpace, inRange, userTables, value } from "./collector-table-rows.js";
import { databaseView, isOn, objectNameOf, orderBy, resultTable, type NamedRow } from "./result-table.js";

function sameIndex(row: NamedRow, index: NamedRow): boolean {
  return row["object_id"] === index["object_id"] && row["index_id"] === index["index_id"];
}

function indexes(input: ResponderInput) {
  const db = input.database;
  const tableIds = new Set(userTables(db).map((t) => t["object_id"]));
  const selected = databaseView(db, "sys.indexes").filter(
    (i) =>
      tableIds.has(i["object_id"]) &&
      Number(i["index_id"]) > 0 &&
      !isOn(i["is_hypothetical"]) &&
      inRange(input, i["object_id"]),
  );
  const rows: NamedRow[] = [];

  for (const index of selected) {
    const key = databaseView(db, "sys.key_constraints").find(
      (k) => k["parent_object_id"] === index["object_id"] && k["unique_index_id"] === index["index_id"],
    );
    const space = dataSpace(db, index["data_space_id"]);
    const hash = databaseView(db, "sys.hash_indexes").find((h) => sameIndex(h, index));
    const xml = databaseView(db, "sys.xml_indexes").find((x) => sameIndex(x, index));
    const primaryXml =
      xml === undefined
        ? undefined
        : databaseView(db, "sys.xml_indexes").find(
            (x) => x["object_id"] === xml["object_id"] && x["index_id"] === xml["using_xml_index_id"],
          );
    const tessellation = databaseView(db, "sys.spatial_index_tessellations").find((t) => sameIndex(t, index));
    const shared = {
      object_id: index["object_id"],
      index_id: index["index_id"],
      index_name: index["name"],
      index_type: index["type"],
      is_unique: isOn(index["is_unique"]),
      is_primary_key: isOn(index["is_primary_key"]),
      is_unique_constraint: isOn(index["is_unique_constraint"]),
      constraint_is_system_named: key === undefined ? null : isOn(key["is_system_named"]),
      ignore_dup_key: isOn(index["ignore_dup_key"]),
      fill_factor: value(index, "fill_factor") ?? 0,
      has_filter: isOn(index["has_filter"]),
      filter_definition: value(index, "filter_definition"),
      data_space_name: value(space, "name"),
      data_space_type: value(space, "type"),
      data_space_is_default: space === undefined ? null : isOn(space["is_default"]),
      data_compression_desc: compression(db, index["object_id"], [index["index_id"]]),
      bucket_count: value(hash, "bucket_count"),
      xml_index_type: value(xml, "xml_index_type"),
      secondary_type_desc: value(xml, "secondary_type_desc"),
      primary_xml_index_name: value(primaryXml, "name"),
      tessellation_scheme: value(tessellation, "tessellation_scheme"),
      bounding_box_xmin: value(tessellation, "bounding_box_xmin"),
      bounding_box_ymin: value(tessellation, "bounding_box_ymin"),
      bounding_box_xmax: value(tessellation, "bounding_box_xmax"),
      bounding_box_ymax: value(tessellation, "bounding_box_ymax"),
    };

    const columns = databaseView(db, "sys.index_columns").filter((c) => sameIndex(c, index));
    const noColumn = {
      index_column_id: null,
      key_ordinal: null,
      partition_ordinal: null,
      is_descending_key: null,
      is_included_column: null,
      column_name: null,
    };
    if (columns.length === 0) {
      rows.push({ ...shared, ...noColumn });
    }
    for (const column of columns) {
      rows.push({
        ...shared,
        index_column_id: column["index_column_id"],
        key_ordinal: column["key_ordinal"],
        partition_ordinal: value(column, "partition_ordinal") ?? 0,
        is_descending_key: isOn(column["is_descending_key"]),
        is_included_column: isOn(column["is_included_column"]),
        column_name: columnName(db, column["object_id"], column["column_id"]),
      });
    }
  }

  return resultTable(
    [
      ["object_id", "int"],
      ["index_id", "int"],
      ["index_name", "nvarchar(128)"],
      ["index_type", "tinyint"],
      ["is_unique", "bit"],
      ["is_primary_key", "bit"],
      ["is_unique_constraint", "bit"],
      ["constraint_is_system_named", "bit"],
      ["ignore_dup_key", "bit"],
      ["fill_factor", "tinyint"],
      ["has_filter", "bit"],
      ["filter_definition", "nvarchar(max)"],
      ["data_space_name", "nvarchar(128)"],
      ["data_space_type", "char(2)"],
      ["data_space_is_default", "bit"],
      ["data_compression_desc", "nvarchar(60)"],
      ["bucket_count", "bigint"],
      ["xml_index_type", "tinyint"],
      ["secondary_type_desc", "nvarchar(60)"],
      ["primary_xml_index_name", "nvarchar(128)"],
      ["tessellation_scheme", "nvarchar(60)"],
      ["bounding_box_xmin", "float"],
      ["bounding_box_ymin", "float"],
      ["bounding_box_xmax", "float"],
      ["bounding_box_ymax", "float"],
      ["index_column_id", "int"],
      ["key_ordinal", "tinyint"],
      ["partition_ordinal", "tinyint"],
      ["is_descending_key", "bit"],
      ["is_included_column", "bit"],
      ["column_name", "nvarchar(128)"],
    ],
    orderBy(rows, "object_id", "index_id", "index_column_id"),
  );
}

function checks(input: ResponderInput) {
  const db = input.database;
  const tableIds = new Set(userTables(db).map((t) => t["object_id"]));
  const rows = databaseView(db, "sys.check_constraints")
    .filter((c) => tableIds.has(c["parent_object_id"]) && inRange(input, c["parent_object_id"]))
    .map((c) => ({
      object_id: c["parent_object_id"],
      constraint_id: c["object_id"],
      constraint_name: c["name"],
      is_system_named: isOn(c["is_system_named"]),
      is_not_for_replication: isOn(c["is_not_for_replication"]),
      definition: c["definition"],
    }));

  return resultTable(
    [
      ["object_id", "int"],
      ["constraint_id", "int"],
      ["constraint_name", "nvarchar(128)"],
      ["is_system_named", "bit"],
      ["is_not_for_replication", "bit"],
      ["definition", "nvarchar(max)"],
    ],
    orderBy(rows, "object_id", "constraint_id"),
  );
}

function foreignKeys(input: ResponderInput) {
  const db = input.database;
  const tableIds = new Set(userTables(db).map((t) => t["object_id"]));
  const rows: NamedRow[] = [];

  for (const key of databaseView(db, "sys.foreign_keys")) {
    if (!tableIds.has(key["parent_object_id"]) || !inRange(input, key["parent_object_id"])) {
      continue;
    }
    const referenced = objectNameOf(db, key["referenced_object_id"]);
    const columns = databaseView(db, "sys.foreign_key_columns").filter(
      (c) => c["constraint_object_id"] === key["object_id"],
    );
    for (const column of columns) {
      rows.push({
        object_id: key["parent_object_id"],
        constraint_id: key["object_id"],
        constraint_name: key["name"],
        is_system_named: isOn(key["is_system_named"]),
        is_not_for_replication: isOn(key["is_not_for_replication"]),
        delete_referential_action_desc: value(key, "delete_referential_action_desc") ?? "NO_ACTION",
        update_referential_action_desc: value(key, "update_referential_action_desc") ?? "NO_ACTION",
        referenced_schema_name: referenced.schema,
        referenced_table_name: referenced.name,
        constraint_column_id: column["constraint_column_id"],
        column_name: columnName(db, column["parent_object_id"], column["parent_column_id"]),
        referenced_column_name: columnName(db, column["referenced_object_id"], column["referenced_column_id"]),
      });
    }
  }

  return resultTable(
    [
      ["object_id", "int"],
      ["constraint_id", "int"],
      ["constraint_name", "nvarchar(128)"],
      ["is_system_named", "bit"],
      ["is_not_for_replication", "bit"],
      ["delete_referential_action_desc", "nvarchar(60)"],
      ["update_referential_action_desc", "nvarchar(60)"],
      ["referenced_schema_name", "nvarchar(128)"],
      ["referenced_table_name", "nvarchar(128)"],
      ["constraint_column_id", "int"],
      ["column_name", "nvarchar(128)"],
      ["referenced_column_name", "nvarchar(128)"],
    ],
    orderBy(rows, "object_id", "constraint_id", "constraint_column_id"),
  );
}

export const COLLECTOR_CONSTRAINT_RESPONDERS: ResponderTable = {
  "collector.table-indexes": indexes,
  "collector.table-checks": checks,
  "collector.table-foreign-keys": foreignKeys,
};
