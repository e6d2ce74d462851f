/**
 * Responders of the indexes and constraints queries of the connection's
 * database.
 */

import type { ResultSet } from "../../tds-server/index.js";
import type { ResponderInput, ResponderTable } from "../responder.js";
import { isOn, orderBy, resultTable, type NamedRow } from "./result-table.js";
import { byKey, groupRows, SchemaCatalog } from "./schema-catalog.js";

function indexes(version: number) {
  return ({ database }: ResponderInput): ResultSet => {
    const catalog = new SchemaCatalog(database);
    const indexColumns = groupRows(catalog.view("sys.index_columns"), (c) => `${c["object_id"]}/${c["index_id"]}`);
    const partitions = groupRows(catalog.view("sys.partitions"), (p) => `${p["object_id"]}/${p["index_id"]}`);
    const dataSpaces = byKey(catalog.view("sys.data_spaces"), "data_space_id");
    const xmlIndexes = groupRows(catalog.view("sys.xml_indexes"), (x) => `${x["object_id"]}/${x["index_id"]}`);
    const spatialIndexes = groupRows(catalog.view("sys.spatial_indexes"), (s) => `${s["object_id"]}/${s["index_id"]}`);

    const rows: NamedRow[] = [];
    for (const i of catalog.view("sys.indexes")) {
      const object = catalog.object(i["object_id"]);
      const objectType = String(object?.["type"] ?? "").trim();
      if (object === undefined || (i["index_id"] as number) <= 0 || isOn(object["is_ms_shipped"])) {
        continue;
      }
      if (objectType !== "U" && objectType !== "V") {
        continue;
      }

      const key = `${i["object_id"]}/${i["index_id"]}`;
      const columns = indexColumns.get(key);
      const indexPartitions = partitions.get(key);
      const compressions = (indexPartitions ?? []).map((p) => String(p["data_compression_desc"])).sort();
      const xml = xmlIndexes.get(key)?.[0];
      rows.push({
        ...i,
        schema_name: catalog.schemaName(object["schema_id"]),
        object_name: object["name"],
        object_type: objectType,
        index_name: i["name"],
        optimize_for_sequential_key: version >= 15 ? (i["optimize_for_sequential_key"] ?? null) : null,
        key_column_count:
          columns === undefined
            ? null
            : columns.filter((c) => !isOn(c["is_included_column"]) && (c["key_ordinal"] as number) > 0).length,
        included_column_count: columns === undefined ? null : columns.filter((c) => isOn(c["is_included_column"])).length,
        partition_count: indexPartitions?.length ?? null,
        min_compression: compressions[0] ?? null,
        max_compression: compressions[compressions.length - 1] ?? null,
        data_space_type: dataSpaces.get(i["data_space_id"])?.["type_desc"] ?? null,
        data_space_name: dataSpaces.get(i["data_space_id"])?.["name"] ?? null,
        using_xml_index_id: xml?.["using_xml_index_id"] ?? null,
        xml_secondary_type_desc: xml?.["secondary_type_desc"] ?? null,
        tessellation_scheme: spatialIndexes.get(key)?.[0]?.["tessellation_scheme"] ?? null,
      });
    }

    return resultTable(
      [
        ["schema_name", "nvarchar(128)"],
        ["object_name", "nvarchar(128)"],
        ["object_type", "varchar(2)"],
        ["index_name", "nvarchar(128)"],
        ["index_id", "int"],
        ["type_desc", "nvarchar(60)"],
        ["is_unique", "bit"],
        ["is_primary_key", "bit"],
        ["is_unique_constraint", "bit"],
        ["has_filter", "bit"],
        ["filter_definition", "nvarchar(max)"],
        ["is_disabled", "bit"],
        ["is_hypothetical", "bit"],
        ["fill_factor", "tinyint"],
        ["ignore_dup_key", "bit"],
        ["allow_row_locks", "bit"],
        ["allow_page_locks", "bit"],
        ["optimize_for_sequential_key", "bit"],
        ["key_column_count", "int"],
        ["included_column_count", "int"],
        ["partition_count", "int"],
        ["min_compression", "nvarchar(60)"],
        ["max_compression", "nvarchar(60)"],
        ["data_space_type", "nvarchar(60)"],
        ["data_space_name", "nvarchar(128)"],
        ["using_xml_index_id", "int"],
        ["xml_secondary_type_desc", "nvarchar(60)"],
        ["tessellation_scheme", "nvarchar(60)"],
      ],
      orderBy(rows, "schema_name", "object_name", "index_id"),
    );
  };
}

/** Returns the user table a constraint belongs to, with its schema name, or undefined. */
function parentTable(catalog: SchemaCatalog, tables: ReadonlyMap<unknown, NamedRow>, constraint: NamedRow) {
  const table = tables.get(constraint["parent_object_id"]);
  return table === undefined
    ? undefined
    : { schema_name: catalog.schemaName(table["schema_id"]), table_name: table["name"] };
}

function keyConstraints({ database }: ResponderInput): ResultSet {
  const catalog = new SchemaCatalog(database);
  const tables = byKey(catalog.userTables(), "object_id");
  const allIndexes = catalog.view("sys.indexes");
  const indexColumns = catalog.view("sys.index_columns");

  const rows: NamedRow[] = [];
  for (const k of catalog.view("sys.key_constraints")) {
    const parent = parentTable(catalog, tables, k);
    const index = allIndexes.find((i) => i["object_id"] === k["parent_object_id"] && i["index_id"] === k["unique_index_id"]);
    if (parent === undefined || index === undefined) {
      continue;
    }
    rows.push({
      ...parent,
      constraint_name: k["name"],
      constraint_type: String(k["type"]).trim(),
      is_system_named: k["is_system_named"],
      index_type_desc: index["type_desc"],
      column_count: indexColumns.filter(
        (c) =>
          c["object_id"] === k["parent_object_id"] && c["index_id"] === k["unique_index_id"] && !isOn(c["is_included_column"]),
      ).length,
    });
  }
  return resultTable(
    [
      ["schema_name", "nvarchar(128)"],
      ["table_name", "nvarchar(128)"],
      ["constraint_name", "nvarchar(128)"],
      ["constraint_type", "varchar(2)"],
      ["is_system_named", "bit"],
      ["index_type_desc", "nvarchar(60)"],
      ["column_count", "int"],
    ],
    orderBy(rows, "schema_name", "table_name", "constraint_name"),
  );
}

function foreignKeys({ database }: ResponderInput): ResultSet {
  const catalog = new SchemaCatalog(database);
  const tables = byKey(catalog.userTables(), "object_id");
  const fkColumns = catalog.view("sys.foreign_key_columns");

  const rows: NamedRow[] = [];
  for (const fk of catalog.view("sys.foreign_keys")) {
    const parent = parentTable(catalog, tables, fk);
    const referenced = catalog.object(fk["referenced_object_id"]);
    if (parent === undefined || referenced === undefined) {
      continue;
    }
    rows.push({
      ...fk,
      ...parent,
      constraint_name: fk["name"],
      referenced_schema_name: catalog.schemaName(referenced["schema_id"]),
      referenced_table_name: referenced["name"],
      column_count: fkColumns.filter((c) => c["constraint_object_id"] === fk["object_id"]).length,
    });
  }
  return resultTable(
    [
      ["schema_name", "nvarchar(128)"],
      ["table_name", "nvarchar(128)"],
      ["constraint_name", "nvarchar(128)"],
      ["is_system_named", "bit"],
      ["referenced_schema_name", "nvarchar(128)"],
      ["referenced_table_name", "nvarchar(128)"],
      ["delete_referential_action_desc", "nvarchar(60)"],
      ["update_referential_action_desc", "nvarchar(60)"],
      ["is_disabled", "bit"],
      ["is_not_trusted", "bit"],
      ["is_not_for_replication", "bit"],
      ["column_count", "int"],
    ],
    orderBy(rows, "schema_name", "table_name", "constraint_name"),
  );
}

/** Returns the name of a constraint's column, or NULL for column id 0 (table level). */
function columnName(columns: readonly NamedRow[], objectId: unknown, columnId: unknown): unknown {
  return columns.find((c) => c["object_id"] === objectId && c["column_id"] === columnId)?.["name"] ?? null;
}

function checkConstraints({ database }: ResponderInput): ResultSet {
  const catalog = new SchemaCatalog(database);
  const tables = byKey(catalog.userTables(), "object_id");
  const columns = catalog.view("sys.columns");

  const rows: NamedRow[] = [];
  for (const check of catalog.view("sys.check_constraints")) {
    const parent = parentTable(catalog, tables, check);
    if (parent === undefined) {
      continue;
    }
    rows.push({
      ...check,
      ...parent,
      constraint_name: check["name"],
      column_name: columnName(columns, check["parent_object_id"], check["parent_column_id"]),
    });
  }
  return resultTable(
    [
      ["schema_name", "nvarchar(128)"],
      ["table_name", "nvarchar(128)"],
      ["constraint_name", "nvarchar(128)"],
      ["is_system_named", "bit"],
      ["column_name", "nvarchar(128)"],
      ["definition", "nvarchar(max)"],
      ["is_disabled", "bit"],
      ["is_not_trusted", "bit"],
      ["is_not_for_replication", "bit"],
    ],
    orderBy(rows, "schema_name", "table_name", "constraint_name"),
  );
}

function defaultConstraints({ database }: ResponderInput): ResultSet {
  const catalog = new SchemaCatalog(database);
  const tables = byKey(catalog.userTables(), "object_id");
  const columns = catalog.view("sys.columns");

  const rows: NamedRow[] = [];
  for (const constraint of catalog.view("sys.default_constraints")) {
    const parent = parentTable(catalog, tables, constraint);
    const column = columnName(columns, constraint["parent_object_id"], constraint["parent_column_id"]);
    if (parent === undefined || column === null) {
      continue;
    }
    rows.push({ ...constraint, ...parent, constraint_name: constraint["name"], column_name: column });
  }
  return resultTable(
    [
      ["schema_name", "nvarchar(128)"],
      ["table_name", "nvarchar(128)"],
      ["constraint_name", "nvarchar(128)"],
      ["is_system_named", "bit"],
      ["column_name", "nvarchar(128)"],
      ["definition", "nvarchar(max)"],
    ],
    orderBy(rows, "schema_name", "table_name", "constraint_name"),
  );
}

export const SCHEMA_INDEX_RESPONDERS: ResponderTable = {
  "inventory.indexes.2016": indexes(13),
  "inventory.indexes.2019": indexes(15),
  "inventory.key-constraints": keyConstraints,
  "inventory.foreign-keys": foreignKeys,
  "inventory.check-constraints": checkConstraints,
  "inventory.default-constraints": defaultConstraints,
};
