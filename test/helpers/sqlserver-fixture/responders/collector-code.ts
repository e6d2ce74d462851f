/**
 * Responders of the collector's module queries: sys.sql_modules joined to
 * sys.objects and to the database DDL triggers of sys.triggers, and
 * sys.server_sql_modules joined to sys.server_triggers. OBJECTPROPERTY
 * (object_id, 'IsEncrypted') comes from an `objectproperty` view of rows
 * `object_id`, `property_name`, `value` when the fixture has one for the
 * module; otherwise it is 1 exactly when the definition is NULL.
 */

import type { ResponderInput, ResponderTable } from "../responder.js";
import { databaseView, isOn, orderBy, resultTable, schemaNameOf, serverView, type NamedRow } from "./result-table.js";

/** Rows by key, the last row winning, so that two areas describing one object join once. */
export function rowsById(rows: readonly NamedRow[], key: string): Map<unknown, NamedRow> {
  return new Map(rows.map((row) => [row[key], row]));
}

function isEncrypted(input: ResponderInput, module: NamedRow): number {
  const property = databaseView(input.database, "objectproperty").find(
    (row) => row["object_id"] === module["object_id"] && row["property_name"] === "IsEncrypted",
  );
  if (property !== undefined) {
    return isOn(property["value"]) ? 1 : 0;
  }
  return module["definition"] === null ? 1 : 0;
}

/** Pads a type code to char(2) as SQL Server does. */
function typeCode(type: unknown): string {
  return String(type ?? "").padEnd(2, " ");
}

function modules(input: ResponderInput) {
  const objects = rowsById(databaseView(input.database, "sys.objects"), "object_id");
  const ddlTriggers = rowsById(
    databaseView(input.database, "sys.triggers").filter((t) => t["parent_class"] === 0),
    "object_id",
  );
  const rows: NamedRow[] = [];

  for (const module of rowsById(databaseView(input.database, "sys.sql_modules"), "object_id").values()) {
    const object = objects.get(module["object_id"]);
    const trigger = ddlTriggers.get(module["object_id"]);
    const isObject =
      object !== undefined &&
      !isOn(object["is_ms_shipped"]) &&
      (String(object["type"]).trim() !== "D" || object["parent_object_id"] === 0);
    const isDdlTrigger = trigger !== undefined && !isOn(trigger["is_ms_shipped"]);
    if (!isObject && !isDdlTrigger) {
      continue;
    }
    rows.push({
      object_id: module["object_id"],
      module_schema: isObject ? (schemaNameOf(input.database, object!["schema_id"]) ?? "") : "",
      module_name: isObject ? object!["name"] : trigger!["name"],
      type_code: typeCode(isObject ? object!["type"] : trigger!["type"]),
      is_encrypted: isObject ? isEncrypted(input, module) : null,
      uses_ansi_nulls: isOn(module["uses_ansi_nulls"]),
      uses_quoted_identifier: isOn(module["uses_quoted_identifier"]),
      definition: module["definition"] ?? null,
    });
  }

  return resultTable(
    [
      ["object_id", "int"],
      ["module_schema", "nvarchar(128)"],
      ["module_name", "nvarchar(128)"],
      ["type_code", "char(2)"],
      ["is_encrypted", "int"],
      ["uses_ansi_nulls", "bit"],
      ["uses_quoted_identifier", "bit"],
      ["definition", "nvarchar(max)"],
    ],
    orderBy(rows, "module_schema", "module_name", "object_id"),
  );
}

function serverModules(input: ResponderInput) {
  const triggers = rowsById(serverView(input.server, "sys.server_triggers"), "object_id");
  const rows: NamedRow[] = [];

  for (const module of rowsById(serverView(input.server, "sys.server_sql_modules"), "object_id").values()) {
    const trigger = triggers.get(module["object_id"]);
    if (trigger === undefined || isOn(trigger["is_ms_shipped"])) {
      continue;
    }
    rows.push({
      object_id: module["object_id"],
      trigger_name: trigger["name"],
      type_code: typeCode(trigger["type"]),
      uses_ansi_nulls: isOn(module["uses_ansi_nulls"]),
      uses_quoted_identifier: isOn(module["uses_quoted_identifier"]),
      definition: module["definition"] ?? null,
    });
  }

  return resultTable(
    [
      ["object_id", "int"],
      ["trigger_name", "nvarchar(128)"],
      ["type_code", "char(2)"],
      ["uses_ansi_nulls", "bit"],
      ["uses_quoted_identifier", "bit"],
      ["definition", "nvarchar(max)"],
    ],
    orderBy(rows, "trigger_name", "object_id"),
  );
}

export const COLLECTOR_CODE_RESPONDERS: ResponderTable = {
  "collector.modules": modules,
  "collector.server-modules": serverModules,
};
