/**
 * Data types wherever a type is written: columns, variables, parameters,
 * CAST and CONVERT targets, function results, table types, sequences.
 * User-defined types count when the unit created them with CREATE TYPE.
 */

import type { ColumnDefinition } from "../../tsql/ast/tables.js";
import type {
  CreateTypeTableStatement,
  CreateTypeUddtStatement,
  CreateTypeUdtStatement,
} from "../../tsql/ast/tables.js";
import type { ProcedureParameter } from "../../tsql/ast/modules.js";
import type { DataType, Node } from "../../tsql/ast/node.js";
import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import { recordUserType, userTypeKind, type UserTypeKind } from "./unit-names.js";

/** System types with a catalog entry, by lower-case name. */
const SYSTEM_TYPES: Readonly<Record<string, string>> = {
  hierarchyid: "datatype.hierarchyid",
  geometry: "datatype.geometry",
  geography: "datatype.geography",
  sql_variant: "datatype.sql_variant",
  rowversion: "datatype.rowversion",
  timestamp: "datatype.rowversion",
  text: "datatype.text",
  ntext: "datatype.ntext",
  image: "datatype.image",
  datetimeoffset: "datatype.datetimeoffset",
  datetime: "datatype.datetime",
  smalldatetime: "datatype.datetime",
  money: "datatype.money",
  smallmoney: "datatype.money",
  uniqueidentifier: "datatype.uniqueidentifier",
  bit: "datatype.bit",
  tinyint: "datatype.tinyint",
  vector: "datatype.vector",
  json: "datatype.json",
};

/** Types whose `(MAX)` form is the large-value type. */
const MAX_TYPES = new Set(["varchar", "nvarchar", "varbinary"]);

const USER_TYPE_IDS: Readonly<Record<UserTypeKind, string>> = {
  alias: "datatype.user_defined.alias",
  table: "datatype.user_defined.table",
  clr: "datatype.user_defined.clr",
};

/** The type as written, on one line: `xml(CONTENT dbo.s)`. */
function written(context: AnalysisContext, node: Node): string {
  return context.textOf(node).replace(/\s+/g, " ");
}

/** True for a name the system schema owns: no schema, or `sys`. */
function isSystemName(type: DataType): boolean {
  const schema = type.name.schema?.value.toLowerCase();
  return schema === undefined || schema === "sys";
}

function visitDataType(type: DataType, context: AnalysisContext): void {
  const name = type.name.name.value.toLowerCase();

  if (isSystemName(type) && userTypeKind(context, type.name) === undefined) {
    visitSystemType(type, name, context);
    return;
  }

  const kind = userTypeKind(context, type.name);
  if (kind !== undefined) {
    context.report(type, USER_TYPE_IDS[kind], `${kind} type ${written(context, type)}`);
  }
}

/** Reports a system type; most types have no entry, so the text is read only for a finding. */
function visitSystemType(type: DataType, name: string, context: AnalysisContext): void {
  if (name === "xml") {
    const typed = type.xmlSchemaCollection !== undefined;
    const id = typed ? "datatype.xml.schema_collection" : "datatype.xml";
    context.report(type, id, `data type ${written(context, type)}`);
    return;
  }

  const max = type.parameters[0]?.toUpperCase() === "MAX";
  if (MAX_TYPES.has(name) && max) {
    context.report(type, "datatype.nvarchar_max", `data type ${written(context, type)}`);
    return;
  }

  const id = SYSTEM_TYPES[name];
  if (id === undefined) {
    return;
  }
  context.report(type, id, `data type ${written(context, type)}`);
  if (name === "timestamp") {
    reportTimestampName(type, context);
  }
}

/** TIMESTAMP is the deprecated name of ROWVERSION, not a date type. */
function reportTimestampName(node: Node, context: AnalysisContext): void {
  context.report(
    node,
    "syntax.timestamp_synonym",
    "TIMESTAMP as the name of ROWVERSION",
  );
}

/**
 * `CREATE TABLE t (id int, timestamp)`: a column named timestamp without
 * a type is a rowversion column.
 */
function visitColumn(column: ColumnDefinition, context: AnalysisContext): void {
  const bare = column.dataType === undefined && column.computed === undefined;
  if (!bare || column.name.value.toLowerCase() !== "timestamp") {
    return;
  }
  context.report(column, "datatype.rowversion", "column timestamp without a type (ROWVERSION)");
  reportTimestampName(column, context);
}

/**
 * A READONLY parameter is a table-valued parameter, whose type is a table
 * type even when the unit does not create it.
 */
function visitParameter(parameter: ProcedureParameter, context: AnalysisContext): void {
  if (!parameter.readonly || userTypeKind(context, parameter.dataType.name) !== undefined) {
    return;
  }
  const text = written(context, parameter.dataType);
  context.report(
    parameter.dataType,
    "datatype.user_defined.table",
    `table-valued parameter ${parameter.name} ${text} READONLY`,
  );
}

export const dataTypeDetector: Detector = {
  name: "data-types",
  description:
    "Data types with a catalog entry wherever a type is written, and user-defined types.",
  visitors: {
    DataType: visitDataType,
    ColumnDefinition: visitColumn,
    ProcedureParameter: visitParameter,
    CreateTypeUddtStatement(node: CreateTypeUddtStatement, context) {
      context.report(node, USER_TYPE_IDS.alias, `CREATE TYPE ${context.textOf(node.name)} FROM ...`);
      recordUserType(context, node.name, "alias");
    },
    CreateTypeTableStatement(node: CreateTypeTableStatement, context) {
      context.report(node, USER_TYPE_IDS.table, `CREATE TYPE ${context.textOf(node.name)} AS TABLE`);
      recordUserType(context, node.name, "table");
    },
    CreateTypeUdtStatement(node: CreateTypeUdtStatement, context) {
      context.report(node, USER_TYPE_IDS.clr, `CREATE TYPE ${context.textOf(node.name)} EXTERNAL NAME`);
      recordUserType(context, node.name, "clr");
    },
  },
};
