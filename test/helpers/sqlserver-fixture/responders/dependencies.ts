/**
 * Responders of the dependencies part: user objects and types, rows of
 * sys.sql_expression_dependencies with the names joined, synonyms' base
 * objects and DML triggers' parents, from the connection's database.
 */

import type { ResultSet } from "../../tds-server/index.js";
import type { ResponderInput, ResponderTable } from "../responder.js";
import { isOn, orderBy, resultTable, type NamedRow } from "./result-table.js";
import { byKey, SchemaCatalog } from "./schema-catalog.js";

const OBJECT_TYPES = new Set(["U", "V", "P", "PC", "FN", "IF", "TF", "FS", "FT", "TR", "TA", "SO", "SN"]);

function dependencyObjects({ database }: ResponderInput): ResultSet {
  const catalog = new SchemaCatalog(database);
  const objects = catalog
    .view("sys.objects")
    .filter((o) => !isOn(o["is_ms_shipped"]) && OBJECT_TYPES.has(String(o["type"]).trim()))
    .map((o) => ({ schema_name: catalog.schemaName(o["schema_id"]), object_name: o["name"], type: String(o["type"]).trim() }));
  const types = catalog
    .view("sys.types")
    .filter((t) => isOn(t["is_user_defined"]))
    .map((t) => ({ schema_name: catalog.schemaName(t["schema_id"]), object_name: t["name"], type: "TY" }));
  return resultTable(
    [
      ["schema_name", "nvarchar(128)"],
      ["object_name", "nvarchar(128)"],
      ["type", "varchar(2)"],
    ],
    orderBy([...objects, ...types], "schema_name", "object_name"),
  );
}

function expressionDependencies({ database }: ResponderInput): ResultSet {
  const catalog = new SchemaCatalog(database);
  const triggers = byKey(catalog.view("sys.triggers"), "object_id");
  const rows: NamedRow[] = [];

  for (const d of catalog.view("sys.sql_expression_dependencies")) {
    const object = d["referencing_class"] === 1 ? catalog.object(d["referencing_id"]) : undefined;
    const trigger = d["referencing_class"] === 12 ? triggers.get(d["referencing_id"]) : undefined;
    const shipped = object !== undefined ? isOn(object["is_ms_shipped"]) : trigger === undefined || isOn(trigger["is_ms_shipped"]);
    if (shipped) {
      continue;
    }
    const referenced = d["referenced_class"] === 1 ? catalog.object(d["referenced_id"]) : undefined;
    rows.push({
      referencing_schema_name: object === undefined ? null : catalog.schemaName(object["schema_id"]),
      referencing_entity_name: (object ?? trigger)!["name"],
      referencing_type: object === undefined ? "TR" : String(object["type"]).trim(),
      referencing_class: d["referencing_class"],
      referenced_class: d["referenced_class"],
      referenced_server_name: d["referenced_server_name"],
      referenced_database_name: d["referenced_database_name"],
      referenced_schema_name:
        d["referenced_schema_name"] ?? (referenced === undefined ? null : catalog.schemaName(referenced["schema_id"])),
      referenced_entity_name: d["referenced_entity_name"],
      referenced_type: referenced === undefined ? null : String(referenced["type"]).trim(),
      is_ambiguous: d["is_ambiguous"],
      is_caller_dependent: d["is_caller_dependent"],
      is_schema_bound_reference: d["is_schema_bound_reference"],
    });
  }

  return resultTable(
    [
      ["referencing_schema_name", "nvarchar(128)"],
      ["referencing_entity_name", "nvarchar(128)"],
      ["referencing_type", "varchar(2)"],
      ["referencing_class", "tinyint"],
      ["referenced_class", "tinyint"],
      ["referenced_server_name", "nvarchar(128)"],
      ["referenced_database_name", "nvarchar(128)"],
      ["referenced_schema_name", "nvarchar(128)"],
      ["referenced_entity_name", "nvarchar(128)"],
      ["referenced_type", "varchar(2)"],
      ["is_ambiguous", "bit"],
      ["is_caller_dependent", "bit"],
      ["is_schema_bound_reference", "bit"],
    ],
    orderBy(
      rows,
      "referencing_schema_name",
      "referencing_entity_name",
      "referenced_database_name",
      "referenced_schema_name",
      "referenced_entity_name",
    ),
  );
}

function synonymTargets({ database }: ResponderInput): ResultSet {
  const catalog = new SchemaCatalog(database);
  const rows = catalog.view("sys.synonyms").map((s) => ({
    schema_name: catalog.schemaName(s["schema_id"]),
    synonym_name: s["name"],
    base_object_name: s["base_object_name"],
  }));
  return resultTable(
    [
      ["schema_name", "nvarchar(128)"],
      ["synonym_name", "nvarchar(128)"],
      ["base_object_name", "nvarchar(1035)"],
    ],
    orderBy(rows, "schema_name", "synonym_name"),
  );
}

function triggerParents({ database }: ResponderInput): ResultSet {
  const catalog = new SchemaCatalog(database);
  const rows: NamedRow[] = [];
  for (const trigger of catalog.view("sys.triggers")) {
    const own = catalog.object(trigger["object_id"]);
    const parent = catalog.object(trigger["parent_id"]);
    if (trigger["parent_class"] !== 1 || isOn(trigger["is_ms_shipped"]) || own === undefined || parent === undefined) {
      continue;
    }
    rows.push({
      schema_name: catalog.schemaName(own["schema_id"]),
      trigger_name: trigger["name"],
      parent_schema_name: catalog.schemaName(parent["schema_id"]),
      parent_name: parent["name"],
      parent_type: String(parent["type"]).trim(),
    });
  }
  return resultTable(
    [
      ["schema_name", "nvarchar(128)"],
      ["trigger_name", "nvarchar(128)"],
      ["parent_schema_name", "nvarchar(128)"],
      ["parent_name", "nvarchar(128)"],
      ["parent_type", "varchar(2)"],
    ],
    orderBy(rows, "schema_name", "trigger_name"),
  );
}

export const DEPENDENCY_RESPONDERS: ResponderTable = {
  "inventory.dependency-objects": dependencyObjects,
  "inventory.expression-dependencies": expressionDependencies,
  "inventory.synonym-targets": synonymTargets,
  "inventory.trigger-parents": triggerParents,
};
