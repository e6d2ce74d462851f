/**
 * Responders of the collector's tables and columns queries, which rebuild
 * CREATE TABLE statements: their joins done over fixture rows, with the
 * paging parameters applied as the WHERE clauses do. A column a fixture
 * row leaves out reads as NULL.
 */

import type { ResponderInput, ResponderTable } from "../responder.js";
import { rowsById } from "./collector-code.js";
import { columnName, compression, dataSpace, inRange, parameter, userTables, value } from "./collector-table-rows.js";
import { databaseView, isOn, objectNameOf, orderBy, resultTable, schemaNameOf } from "./result-table.js";

function tables(graph: boolean) {
  return (input: ResponderInput) => {
    const db = input.database;
    const after = parameter(input, "after_object_id");
    const pageSize = parameter(input, "page_size");
    const selected = orderBy(
      userTables(db).filter((t) => !isOn(t["is_external"]) && Number(t["object_id"]) > after),
      "object_id",
    ).slice(0, pageSize);

    const rows = selected.map((t) => {
      const id = t["object_id"];
      const index = databaseView(db, "sys.indexes").find((i) => i["object_id"] === id && [0, 1].includes(Number(i["index_id"])));
      const space = dataSpace(db, index?.["data_space_id"]);
      const partitionColumn = databaseView(db, "sys.index_columns").find(
        (c) => c["object_id"] === id && c["index_id"] === index?.["index_id"] && c["partition_ordinal"] === 1,
      );
      const lob = dataSpace(db, t["lob_data_space_id"]);
      const fileStream = dataSpace(db, t["filestream_data_space_id"]);
      const period = databaseView(db, "sys.periods").find((p) => p["object_id"] === id);
      const history = objectNameOf(db, t["history_table_id"]);

      return {
        object_id: id,
        schema_name: schemaNameOf(db, t["schema_id"]),
        table_name: t["name"],
        is_memory_optimized: isOn(t["is_memory_optimized"]),
        durability_desc: value(t, "durability_desc"),
        temporal_type: value(t, "temporal_type") ?? 0,
        history_schema_name: history.schema,
        history_table_name: history.name,
        period_start_column: period === undefined ? null : columnName(db, id, period["start_column_id"]),
        period_end_column: period === undefined ? null : columnName(db, id, period["end_column_id"]),
        is_filetable: isOn(t["is_filetable"]),
        lock_escalation_desc: value(t, "lock_escalation_desc"),
        is_node: graph && isOn(t["is_node"]),
        is_edge: graph && isOn(t["is_edge"]),
        data_space_name: value(space, "name"),
        data_space_type: value(space, "type"),
        data_space_is_default: space === undefined ? null : isOn(space["is_default"]),
        partition_column: partitionColumn === undefined ? null : columnName(db, id, partitionColumn["column_id"]),
        lob_data_space_name: value(lob, "name"),
        lob_data_space_is_default: lob === undefined ? null : isOn(lob["is_default"]),
        filestream_data_space_name: value(fileStream, "name"),
        filestream_data_space_is_default: fileStream === undefined ? null : isOn(fileStream["is_default"]),
        data_compression_desc: compression(db, id, [0, 1]),
      };
    });

    return resultTable(
      [
        ["object_id", "int"],
        ["schema_name", "nvarchar(128)"],
        ["table_name", "nvarchar(128)"],
        ["is_memory_optimized", "bit"],
        ["durability_desc", "nvarchar(60)"],
        ["temporal_type", "tinyint"],
        ["history_schema_name", "nvarchar(128)"],
        ["history_table_name", "nvarchar(128)"],
        ["period_start_column", "nvarchar(128)"],
        ["period_end_column", "nvarchar(128)"],
        ["is_filetable", "bit"],
        ["lock_escalation_desc", "nvarchar(60)"],
        ["is_node", "bit"],
        ["is_edge", "bit"],
        ["data_space_name", "nvarchar(128)"],
        ["data_space_type", "char(2)"],
        ["data_space_is_default", "bit"],
        ["partition_column", "nvarchar(128)"],
        ["lob_data_space_name", "nvarchar(128)"],
        ["lob_data_space_is_default", "bit"],
        ["filestream_data_space_name", "nvarchar(128)"],
        ["filestream_data_space_is_default", "bit"],
        ["data_compression_desc", "nvarchar(60)"],
      ],
      rows,
    );
  };
}

function columns(graph: boolean) {
  return (input: ResponderInput) => {
    const db = input.database;
    const tableIds = new Set(userTables(db).map((t) => t["object_id"]));
    const types = rowsById(databaseView(db, "sys.types"), "user_type_id");
    const collections = rowsById(databaseView(db, "sys.xml_schema_collections"), "xml_collection_id");
    const byColumn = (view: string) =>
      new Map(databaseView(db, view).map((row) => [`${row["object_id"]}:${row["column_id"]}`, row]));
    const masked = byColumn("sys.masked_columns");
    const identity = byColumn("sys.identity_columns");
    const computed = byColumn("sys.computed_columns");
    const defaults = new Map(
      databaseView(db, "sys.default_constraints").map((d) => [`${d["parent_object_id"]}:${d["parent_column_id"]}`, d]),
    );

    const selected = databaseView(db, "sys.columns").filter(
      (c) => tableIds.has(c["object_id"]) && inRange(input, c["object_id"]),
    );
    const rows = selected.map((c) => {
      const key = `${c["object_id"]}:${c["column_id"]}`;
      const type = types.get(c["user_type_id"]);
      const collection = Number(c["xml_collection_id"] ?? 0) === 0 ? undefined : collections.get(c["xml_collection_id"]);
      const ident = identity.get(key);
      const comp = computed.get(key);
      const dflt = defaults.get(key);
      return {
        object_id: c["object_id"],
        column_id: c["column_id"],
        column_name: c["name"],
        type_name: value(type, "name"),
        type_schema_name: type === undefined ? null : schemaNameOf(db, type["schema_id"]),
        is_user_defined: type === undefined ? null : isOn(type["is_user_defined"]),
        max_length: value(c, "max_length"),
        precision: value(c, "precision"),
        scale: value(c, "scale"),
        collation_name: value(c, "collation_name"),
        is_nullable: isOn(c["is_nullable"]),
        is_rowguidcol: isOn(c["is_rowguidcol"]),
        is_filestream: isOn(c["is_filestream"]),
        is_sparse: isOn(c["is_sparse"]),
        is_column_set: isOn(c["is_column_set"]),
        is_xml_document: isOn(c["is_xml_document"]),
        xml_collection_name: value(collection, "name"),
        xml_collection_schema_name: collection === undefined ? null : schemaNameOf(db, collection["schema_id"]),
        generated_always_type: value(c, "generated_always_type") ?? 0,
        is_hidden: isOn(c["is_hidden"]),
        graph_type: graph ? value(c, "graph_type") : null,
        masking_function: value(masked.get(key), "masking_function"),
        identity_seed: ident === undefined ? null : String(ident["seed_value"]),
        identity_increment: ident === undefined ? null : String(ident["increment_value"]),
        identity_not_for_replication: ident === undefined ? null : isOn(ident["is_not_for_replication"]),
        computed_definition: value(comp, "definition"),
        is_persisted: comp === undefined ? null : isOn(comp["is_persisted"]),
        default_name: value(dflt, "name"),
        default_is_system_named: dflt === undefined ? null : isOn(dflt["is_system_named"]),
        default_definition: value(dflt, "definition"),
      };
    });

    return resultTable(
      [
        ["object_id", "int"],
        ["column_id", "int"],
        ["column_name", "nvarchar(128)"],
        ["type_name", "nvarchar(128)"],
        ["type_schema_name", "nvarchar(128)"],
        ["is_user_defined", "bit"],
        ["max_length", "smallint"],
        ["precision", "tinyint"],
        ["scale", "tinyint"],
        ["collation_name", "nvarchar(128)"],
        ["is_nullable", "bit"],
        ["is_rowguidcol", "bit"],
        ["is_filestream", "bit"],
        ["is_sparse", "bit"],
        ["is_column_set", "bit"],
        ["is_xml_document", "bit"],
        ["xml_collection_name", "nvarchar(128)"],
        ["xml_collection_schema_name", "nvarchar(128)"],
        ["generated_always_type", "tinyint"],
        ["is_hidden", "bit"],
        ["graph_type", "int"],
        ["masking_function", "nvarchar(4000)"],
        ["identity_seed", "nvarchar(40)"],
        ["identity_increment", "nvarchar(40)"],
        ["identity_not_for_replication", "bit"],
        ["computed_definition", "nvarchar(max)"],
        ["is_persisted", "bit"],
        ["default_name", "nvarchar(128)"],
        ["default_is_system_named", "bit"],
        ["default_definition", "nvarchar(max)"],
      ],
      orderBy(rows, "object_id", "column_id"),
    );
  };
}

export const COLLECTOR_TABLE_RESPONDERS: ResponderTable = {
  "collector.tables": tables(true),
  "collector.tables-2016": tables(false),
  "collector.table-columns": columns(true),
  "collector.table-columns-2016": columns(false),
};
