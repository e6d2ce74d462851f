/**
 * Responders of the tables part's queries: one row per user table with
 * its row count, pages, column and index features, and one row per column
 * of user tables.
 */

import type { ResultSet } from "../../tds-server/index.js";
import type { ResponderInput, ResponderTable } from "../responder.js";
import { isOn, orderBy, resultTable, type NamedRow } from "./result-table.js";
import { byKey, groupRows, SchemaCatalog, sum } from "./schema-catalog.js";

function since(version: number, first: number, value: unknown): unknown {
  return version >= first ? (value ?? null) : null;
}

const LOB_SYSTEM_TYPES = new Set([34, 35, 99]);

function count(rows: readonly NamedRow[], test: (row: NamedRow) => boolean): number {
  return rows.filter(test).length;
}

/** MAX(CASE WHEN ... THEN 1 ELSE 0 END) over a table's indexes. */
function any(rows: readonly NamedRow[], test: (row: NamedRow) => boolean): number {
  return rows.some(test) ? 1 : 0;
}

function tables(version: number) {
  return ({ database }: ResponderInput): ResultSet => {
    const catalog = new SchemaCatalog(database);
    const partitions = groupRows(catalog.view("sys.partitions"), (p) => p["object_id"]);
    const units = catalog.view("sys.allocation_units");
    const columns = groupRows(catalog.view("sys.columns"), (c) => c["object_id"]);
    const indexes = groupRows(catalog.view("sys.indexes"), (i) => i["object_id"]);
    const dataSpaces = byKey(catalog.view("sys.data_spaces"), "data_space_id");
    const tablesById = byKey(catalog.view("sys.tables"), "object_id");

    const rows = catalog.userTables().map((t) => {
      const id = t["object_id"];
      const tablePartitions = partitions.get(id) ?? [];
      const base = tablePartitions.filter((p) => p["index_id"] === 0 || p["index_id"] === 1);
      const tableUnits = units.filter((a) =>
        tablePartitions.some((p) =>
          a["type"] === 2 ? a["container_id"] === p["partition_id"] : a["container_id"] === p["hobt_id"],
        ),
      );
      const tableColumns = columns.get(id);
      const tableIndexes = indexes.get(id);
      const baseIndex = tableIndexes?.find((i) => i["index_id"] === 0 || i["index_id"] === 1);
      const dataSpace = baseIndex === undefined ? undefined : dataSpaces.get(baseIndex["data_space_id"]);
      const history = t["history_table_id"] === null ? undefined : tablesById.get(t["history_table_id"]);

      return {
        schema_name: catalog.schemaName(t["schema_id"]),
        table_name: t["name"],
        create_date: t["create_date"],
        modify_date: t["modify_date"],
        row_count: base.length === 0 ? null : sum(base, (p) => p["rows"]),
        partition_count: base.length === 0 ? null : base.length,
        reserved_pages: tableUnits.length === 0 ? null : sum(tableUnits, (a) => a["total_pages"]),
        used_pages: tableUnits.length === 0 ? null : sum(tableUnits, (a) => a["used_pages"]),
        data_pages: tableUnits.length === 0 ? null : sum(tableUnits, (a) => a["data_pages"]),
        column_count: tableColumns?.length ?? null,
        identity_columns: tableColumns === undefined ? null : count(tableColumns, (c) => isOn(c["is_identity"])),
        computed_columns: tableColumns === undefined ? null : count(tableColumns, (c) => isOn(c["is_computed"])),
        sparse_columns: tableColumns === undefined ? null : count(tableColumns, (c) => isOn(c["is_sparse"])),
        column_sets: tableColumns === undefined ? null : count(tableColumns, (c) => isOn(c["is_column_set"])),
        filestream_columns: tableColumns === undefined ? null : count(tableColumns, (c) => isOn(c["is_filestream"])),
        lob_columns:
          tableColumns === undefined
            ? null
            : count(tableColumns, (c) => c["max_length"] === -1 || LOB_SYSTEM_TYPES.has(c["system_type_id"] as number)),
        index_count: tableIndexes === undefined ? null : count(tableIndexes, (i) => (i["index_id"] as number) > 0),
        has_primary_key: tableIndexes === undefined ? null : any(tableIndexes, (i) => isOn(i["is_primary_key"])),
        has_clustered_index: tableIndexes === undefined ? null : any(tableIndexes, (i) => i["index_id"] === 1),
        has_clustered_columnstore: tableIndexes === undefined ? null : any(tableIndexes, (i) => i["type"] === 5),
        has_nonclustered_columnstore: tableIndexes === undefined ? null : any(tableIndexes, (i) => i["type"] === 6),
        data_space_type: dataSpace?.["type_desc"] ?? null,
        data_space_name: dataSpace?.["name"] ?? null,
        is_memory_optimized: t["is_memory_optimized"],
        durability_desc: t["durability_desc"],
        temporal_type_desc: t["temporal_type_desc"],
        history_schema_name: history === undefined ? null : catalog.schemaName(history["schema_id"]),
        history_table_name: history?.["name"] ?? null,
        is_filetable: t["is_filetable"],
        is_external: t["is_external"],
        is_replicated: t["is_replicated"],
        is_tracked_by_cdc: t["is_tracked_by_cdc"],
        lock_escalation_desc: t["lock_escalation_desc"],
        is_node: since(version, 14, t["is_node"]),
        is_edge: since(version, 14, t["is_edge"]),
        ledger_type_desc: since(version, 16, t["ledger_type_desc"]),
      };
    });

    return resultTable(
      [
        ["schema_name", "nvarchar(128)"],
        ["table_name", "nvarchar(128)"],
        ["create_date", "datetime"],
        ["modify_date", "datetime"],
        ["row_count", "bigint"],
        ["partition_count", "int"],
        ["reserved_pages", "bigint"],
        ["used_pages", "bigint"],
        ["data_pages", "bigint"],
        ["column_count", "int"],
        ["identity_columns", "int"],
        ["computed_columns", "int"],
        ["sparse_columns", "int"],
        ["column_sets", "int"],
        ["filestream_columns", "int"],
        ["lob_columns", "int"],
        ["index_count", "int"],
        ["has_primary_key", "int"],
        ["has_clustered_index", "int"],
        ["has_clustered_columnstore", "int"],
        ["has_nonclustered_columnstore", "int"],
        ["data_space_type", "nvarchar(60)"],
        ["data_space_name", "nvarchar(128)"],
        ["is_memory_optimized", "bit"],
        ["durability_desc", "nvarchar(60)"],
        ["temporal_type_desc", "nvarchar(60)"],
        ["history_schema_name", "nvarchar(128)"],
        ["history_table_name", "nvarchar(128)"],
        ["is_filetable", "bit"],
        ["is_external", "bit"],
        ["is_replicated", "bit"],
        ["is_tracked_by_cdc", "bit"],
        ["lock_escalation_desc", "nvarchar(60)"],
        ["is_node", "bit"],
        ["is_edge", "bit"],
        ["ledger_type_desc", "nvarchar(60)"],
      ],
      orderBy(rows, "schema_name", "table_name"),
    );
  };
}

function tableColumns(version: number) {
  return ({ database }: ResponderInput): ResultSet => {
    const catalog = new SchemaCatalog(database);
    const userTables = byKey(catalog.userTables(), "object_id");
    const defaults = byKey(catalog.view("sys.default_constraints"), "object_id");

    const rows: NamedRow[] = [];
    for (const c of catalog.view("sys.columns")) {
      const table = userTables.get(c["object_id"]);
      const type = catalog.type(c["user_type_id"]);
      if (table === undefined || type === undefined) {
        continue;
      }
      rows.push({
        ...c,
        schema_name: catalog.schemaName(table["schema_id"]),
        table_name: table["name"],
        column_name: c["name"],
        type_schema_name: catalog.schemaName(type["schema_id"]),
        type_name: type["name"],
        base_type_name: catalog.baseTypeName(c),
        is_user_defined: type["is_user_defined"],
        is_assembly_type: type["is_assembly_type"],
        graph_type_desc: since(version, 14, c["graph_type_desc"]),
        default_definition: defaults.get(c["default_object_id"])?.["definition"] ?? null,
      });
    }

    return resultTable(
      [
        ["schema_name", "nvarchar(128)"],
        ["table_name", "nvarchar(128)"],
        ["column_id", "int"],
        ["column_name", "nvarchar(128)"],
        ["type_schema_name", "nvarchar(128)"],
        ["type_name", "nvarchar(128)"],
        ["base_type_name", "nvarchar(128)"],
        ["is_user_defined", "bit"],
        ["is_assembly_type", "bit"],
        ["max_length", "smallint"],
        ["precision", "tinyint"],
        ["scale", "tinyint"],
        ["is_nullable", "bit"],
        ["is_identity", "bit"],
        ["is_computed", "bit"],
        ["is_sparse", "bit"],
        ["is_column_set", "bit"],
        ["is_filestream", "bit"],
        ["is_rowguidcol", "bit"],
        ["is_xml_document", "bit"],
        ["xml_collection_id", "int"],
        ["collation_name", "nvarchar(128)"],
        ["generated_always_type_desc", "nvarchar(60)"],
        ["is_hidden", "bit"],
        ["is_masked", "bit"],
        ["encryption_type_desc", "nvarchar(64)"],
        ["graph_type_desc", "nvarchar(60)"],
        ["default_definition", "nvarchar(max)"],
      ],
      orderBy(rows, "schema_name", "table_name", "column_id"),
    );
  };
}

export const SCHEMA_TABLE_RESPONDERS: ResponderTable = {
  "inventory.tables.2016": tables(13),
  "inventory.tables.2017": tables(14),
  "inventory.tables.2022": tables(16),
  "inventory.table-columns.2016": tableColumns(13),
  "inventory.table-columns.2017": tableColumns(14),
};
