/** Nodes and edges from the references that the analysis found in the code. */

import type { DefinedInUnit, ObjectReference, ReferenceKind, WrittenName } from "../../analysis/dependencies.js";
import { DEFAULT_SCHEMA, type NodeTable, type ObjectName } from "./node-table.js";

/** The references of one unit, as the workers return them. */
export interface UnitReferences {
  readonly file: string;
  /** The database of a module read from a server. */
  readonly database?: string;
  readonly references: readonly ObjectReference[];
  readonly definitions: readonly DefinedInUnit[];
}

/** The type of a node that only a reference of this kind names. */
const TYPE_OF_KIND: Readonly<Record<ReferenceKind, string>> = {
  read: "object",
  write: "object",
  execute: "procedure",
  function: "function",
  sequence: "sequence",
  type: "type",
  synonym: "object",
  trigger: "object",
  foreignKey: "table",
  linkedServer: "server",
};

/**
 * Resolves a written name: the database written, else the one of the last
 * USE, else the module's; the schema written, else dbo. `db..name` has an
 * empty schema and takes dbo too.
 */
function resolveName(written: WrittenName, useDatabase: string | undefined, unitDatabase: string | undefined): ObjectName {
  return {
    ...(written.server === undefined ? {} : { server: written.server }),
    database: written.database ?? useDatabase ?? unitDatabase ?? "",
    schema: written.schema ?? DEFAULT_SCHEMA,
    name: written.name,
  };
}

/** Adds the objects the units create; call for every unit before `addCodeReferences`. */
export function addCodeDefinitions(table: NodeTable, unit: UnitReferences): void {
  for (const definition of unit.definitions) {
    table.define(resolveName(definition, definition.useDatabase, unit.database), definition.type, "code");
  }
}

export function addCodeReferences(table: NodeTable, unit: UnitReferences): void {
  // The references of one object share its `from` object, which structured
  // cloning keeps shared, so each object is resolved once.
  const resolved = new Map<WrittenName, { readonly useDatabase: string | undefined; readonly id: string }>();
  const resolveFrom = (from: WrittenName, useDatabase: string | undefined): string => {
    const known = resolved.get(from);
    if (known !== undefined && known.useDatabase === useDatabase) {
      return known.id;
    }
    const id = table.resolve(resolveName(from, useDatabase, unit.database), "object");
    resolved.set(from, { useDatabase, id });
    return id;
  };

  for (const reference of unit.references) {
    const from =
      reference.from === undefined ? table.code(unit.file) : resolveFrom(reference.from, reference.useDatabase);

    let to: string;
    if (reference.kind === "linkedServer") {
      to = table.server(reference.server ?? reference.name);
    } else {
      to = table.resolve(resolveName(reference, reference.useDatabase, unit.database), TYPE_OF_KIND[reference.kind]);
    }

    table.addEdge(from, to, reference.kind, "code", {
      dynamic: reference.dynamic === true,
      file: unit.file,
      line: reference.line,
    });
  }
}
