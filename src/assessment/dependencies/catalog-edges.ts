/**
 * Nodes and edges from the live inventory: the `dependencies` part
 * (objects, sys.sql_expression_dependencies, synonyms, trigger parents)
 * and the foreign keys of the `constraints` part.
 */

import type { InventoryItem } from "../../sources/sqlserver/collected.js";
import { DEFAULT_SCHEMA, type NodeTable, type ObjectName } from "./node-table.js";

/** Node types by sys.objects type ("sys.objects", Microsoft Learn, SQL Server 2022), TY for sys.types. */
const TYPE_OF_CODE: Readonly<Record<string, string>> = {
  U: "table",
  V: "view",
  P: "procedure",
  PC: "procedure",
  FN: "function",
  IF: "function",
  TF: "function",
  FS: "function",
  FT: "function",
  TR: "trigger",
  TA: "trigger",
  DDL_TRIGGER: "trigger",
  SO: "sequence",
  SN: "synonym",
  TY: "type",
};

/** sys.sql_expression_dependencies.referenced_class 6: a type. */
const TYPE_CLASS = 6;

type Inventory = Readonly<Record<string, readonly InventoryItem[]>>;

function text(item: InventoryItem, field: string): string | undefined {
  const value = item[field];
  return typeof value === "string" ? value : undefined;
}

function nameOf(item: InventoryItem, schemaField: string, nameField: string): ObjectName {
  return {
    database: item.database ?? "",
    schema: text(item, schemaField) ?? DEFAULT_SCHEMA,
    name: text(item, nameField) ?? "",
  };
}

/** Returns the referenced object of an item, whose `referenced*` fields may name another database or server. */
function referencedName(item: InventoryItem): ObjectName {
  const server = text(item, "referencedServer");
  return {
    ...(server === undefined ? {} : { server }),
    database: text(item, "referencedDatabase") ?? item.database ?? "",
    schema: text(item, "referencedSchema") ?? DEFAULT_SCHEMA,
    name: text(item, "referencedName") ?? "",
  };
}

/** Adds the objects of the catalog; call before `addCatalogReferences`. */
export function addCatalogObjects(table: NodeTable, inventory: Inventory): void {
  for (const item of inventory["dependencies"] ?? []) {
    if (item["source"] === "object") {
      const type = TYPE_OF_CODE[text(item, "type") ?? ""] ?? "object";
      table.define(nameOf(item, "schema", "name"), type, "catalog");
    }
  }
}

export function addCatalogReferences(table: NodeTable, inventory: Inventory): void {
  for (const item of inventory["dependencies"] ?? []) {
    const source = item["source"];
    if (source === "object" || text(item, "referencedName") === undefined) {
      continue;
    }
    const from = referencingNode(table, item);
    const typeHint = referencedType(item);
    const to = table.resolve(referencedName(item), typeHint);

    if (source === "synonym") {
      table.addEdge(from, to, "synonym", "catalog");
    } else if (source === "trigger") {
      table.addEdge(from, to, "trigger", "catalog");
    } else if (item["referencedClass"] === TYPE_CLASS) {
      table.addEdge(from, to, "type", "catalog", { ambiguous: isAmbiguous(item) });
    } else {
      table.addCatalogReference(from, to, { ambiguous: isAmbiguous(item) });
    }
  }

  for (const item of inventory["constraints"] ?? []) {
    if (item["type"] !== "FOREIGN KEY") {
      continue;
    }
    const from = table.resolve(nameOf(item, "schema", "table"), "table");
    const to = table.resolve(nameOf(item, "referencedSchema", "referencedTable"), "table");
    table.addEdge(from, to, "foreignKey", "catalog");
  }
}

function referencingNode(table: NodeTable, item: InventoryItem): string {
  const type = TYPE_OF_CODE[text(item, "type") ?? ""] ?? "object";
  const name = nameOf(item, "schema", "name");
  // A database DDL trigger has no schema, so its id is `database..name`.
  if (item["type"] === "DDL_TRIGGER") {
    return table.define({ ...name, schema: "" }, type, "catalog");
  }
  return table.resolve(name, type);
}

function referencedType(item: InventoryItem): string {
  if (item["source"] === "trigger") {
    return TYPE_OF_CODE[text(item, "referencedType") ?? ""] ?? "table";
  }
  if (item["referencedClass"] === TYPE_CLASS) {
    return "type";
  }
  return TYPE_OF_CODE[text(item, "referencedType") ?? ""] ?? "object";
}

function isAmbiguous(item: InventoryItem): boolean {
  return item["isAmbiguous"] === true || item["isCallerDependent"] === true;
}
