/**
 * Responders of the objects, column types and partitioning queries of the
 * connection's database.
 */

import type { ResultSet } from "../../tds-server/index.js";
import type { ResponderInput, ResponderTable } from "../responder.js";
import { compareValues, isOn, orderBy, resultTable, type NamedRow } from "./result-table.js";
import { byKey, groupRows, lineCount, SchemaCatalog, sum } from "./schema-catalog.js";

/** Computes the aggregates of the objects queries over objects joined to their modules. */
function moduleAggregates(objects: readonly NamedRow[], modules: ReadonlyMap<unknown, NamedRow>): NamedRow {
  const joined = objects.map((object) => modules.get(object["object_id"]));
  const present = joined.filter((module): module is NamedRow => module !== undefined);
  return {
    object_count: objects.length,
    module_count: present.length,
    // SUM over no rows is NULL, as for a database without DDL triggers.
    encrypted_count: objects.length === 0 ? null : present.filter((m) => m["definition"] === null).length,
    line_count: sum(present, (m) => lineCount(m["definition"])),
  };
}

const COUNT_COLUMNS = [
  ["object_count", "int"],
  ["module_count", "int"],
  ["encrypted_count", "int"],
  ["line_count", "bigint"],
] as const;

function objectsByType({ database }: ResponderInput): ResultSet {
  const catalog = new SchemaCatalog(database);
  const modules = byKey(catalog.view("sys.sql_modules"), "object_id");
  const user = catalog.view("sys.objects").filter((o) => !isOn(o["is_ms_shipped"]));
  const groups = groupRows(user, (o) => `${String(o["type"]).trim()}\u0000${String(o["type_desc"])}`);

  const rows = [...groups.values()].map((objects) => ({
    type: String(objects[0]!["type"]).trim(),
    type_desc: objects[0]!["type_desc"],
    ...moduleAggregates(objects, modules),
  }));
  return resultTable([["type", "varchar(2)"], ["type_desc", "nvarchar(60)"], ...COUNT_COLUMNS], orderBy(rows, "type"));
}

function ddlTriggers({ database }: ResponderInput): ResultSet {
  const catalog = new SchemaCatalog(database);
  const modules = byKey(catalog.view("sys.sql_modules"), "object_id");
  const triggers = catalog
    .view("sys.triggers")
    .filter((t) => t["parent_class"] === 0 && !isOn(t["is_ms_shipped"]));
  return resultTable(COUNT_COLUMNS, [moduleAggregates(triggers, modules)]);
}

function columnTypes({ database }: ResponderInput): ResultSet {
  const catalog = new SchemaCatalog(database);
  const tables = new Set(catalog.userTables().map((t) => t["object_id"]));
  const columns = catalog.view("sys.columns").filter((c) => tables.has(c["object_id"]));
  const groups = groupRows(columns, (c) => catalog.baseTypeName(c));

  const rows = [...groups.entries()].map(([type, members]) => ({
    type_name: type,
    column_count: members.length,
    table_count: new Set(members.map((c) => c["object_id"])).size,
  }));
  return resultTable(
    [
      ["type_name", "nvarchar(128)"],
      ["column_count", "int"],
      ["table_count", "int"],
    ],
    orderBy(rows, "type_name"),
  );
}

function partitionFunctions({ database }: ResponderInput): ResultSet {
  const catalog = new SchemaCatalog(database);
  const parameters = catalog.view("sys.partition_parameters").filter((p) => p["parameter_id"] === 1);
  const ranges = catalog.view("sys.partition_range_values");

  const rows: NamedRow[] = [];
  for (const fn of catalog.view("sys.partition_functions")) {
    for (const parameter of parameters.filter((p) => p["function_id"] === fn["function_id"])) {
      const type = catalog.type(parameter["system_type_id"]);
      if (type === undefined) {
        continue;
      }
      rows.push({
        function_id: fn["function_id"],
        function_name: fn["name"],
        type_desc: fn["type_desc"],
        fanout: fn["fanout"],
        boundary_value_on_right: fn["boundary_value_on_right"],
        base_type_name: type["name"],
        max_length: parameter["max_length"],
        precision: parameter["precision"],
        scale: parameter["scale"],
        boundary_count: ranges.filter((r) => r["function_id"] === fn["function_id"]).length,
      });
    }
  }
  return resultTable(
    [
      ["function_id", "int"],
      ["function_name", "nvarchar(128)"],
      ["type_desc", "nvarchar(60)"],
      ["fanout", "int"],
      ["boundary_value_on_right", "bit"],
      ["base_type_name", "nvarchar(128)"],
      ["max_length", "smallint"],
      ["precision", "tinyint"],
      ["scale", "tinyint"],
      ["boundary_count", "int"],
    ],
    orderBy(rows, "function_name"),
  );
}

function partitionSchemes({ database }: ResponderInput): ResultSet {
  const catalog = new SchemaCatalog(database);
  const destinations = catalog.view("sys.destination_data_spaces");
  const indexes = catalog.view("sys.indexes");

  const rows = catalog.view("sys.partition_schemes").map((scheme) => {
    const onScheme = indexes.filter((i) => i["data_space_id"] === scheme["data_space_id"]);
    const filegroups = destinations
      .filter((d) => d["partition_scheme_id"] === scheme["data_space_id"])
      .map((d) => d["data_space_id"]);
    return {
      function_id: scheme["function_id"],
      scheme_name: scheme["name"],
      filegroup_count: new Set(filegroups).size,
      object_count: new Set(onScheme.map((i) => i["object_id"])).size,
      index_count: onScheme.length,
    };
  });
  rows.sort((a, b) => compareValues(a.scheme_name, b.scheme_name));
  return resultTable(
    [
      ["function_id", "int"],
      ["scheme_name", "nvarchar(128)"],
      ["filegroup_count", "int"],
      ["object_count", "int"],
      ["index_count", "int"],
    ],
    rows,
  );
}

export const SCHEMA_OBJECT_RESPONDERS: ResponderTable = {
  "inventory.objects-by-type": objectsByType,
  "inventory.objects-ddl-triggers": ddlTriggers,
  "inventory.column-types": columnTypes,
  "inventory.partition-functions": partitionFunctions,
  "inventory.partition-schemes": partitionSchemes,
};
