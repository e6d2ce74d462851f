/**
 * References outside the current database: three-part and `db..name`
 * names, four-part linked-server names, OPENQUERY, OPENROWSET and
 * OPENDATASOURCE, EXEC ... AT, and USE, which switches databases.
 */

import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import type { FunctionCall } from "../../tsql/ast/expressions.js";
import type { Node, SchemaObjectName } from "../../tsql/ast/node.js";
import type { ExecuteStatement, UseStatement } from "../../tsql/ast/procedural.js";
import type { NamedTableReference } from "../../tsql/ast/query.js";
import { baseName } from "./support.js";
import { isSystemObject } from "./system-names.js";

/** Rowset functions of this family; the built-in detector leaves them alone. */
export const REFERENCE_FUNCTION_IDS: Readonly<Record<string, string>> = {
  openquery: "reference.openquery",
  openrowset: "reference.openrowset",
  opendatasource: "reference.openrowset",
};

function written(name: SchemaObjectName): string {
  const parts = [name.server, name.database, name.schema].filter((part) => part !== undefined).map((part) => part?.value ?? "");
  return [...parts, name.name.value].join(".");
}

/**
 * Reports a name that leaves the database. Names in the system databases
 * that the system-object detector reports (msdb.dbo.sp_add_job,
 * master.sys.databases) are left to it.
 */
function reportName(name: SchemaObjectName, context: AnalysisContext, crossDatabaseId: string, what: string): void {
  if (name.server !== undefined && name.server !== null) {
    context.report(name, "reference.four_part", `four-part name ${written(name)} ${what}`);
    return;
  }
  if (name.database === undefined || isSystemObject(name)) {
    return;
  }
  const form = name.schema === null ? "db..name" : "three-part name";
  context.report(name, crossDatabaseId, `${form} ${written(name)} ${what}`);
}

function table(node: NamedTableReference, context: AnalysisContext): void {
  reportName(node.name, context, "reference.cross_database", "in a table reference");
}

function execute(node: ExecuteStatement, context: AnalysisContext): void {
  const exec = node.insertSource === true ? "INSERT ... EXEC" : "EXEC";
  if (node.procedure !== undefined) {
    reportName(node.procedure, context, "reference.cross_database_exec", `in ${exec}`);
  }
  if (node.at !== undefined) {
    const target = node.at.dataSource ? `DATA_SOURCE ${node.at.name.value}` : node.at.name.value;
    context.report(node.at.name, "reference.exec_at", `${exec} (...) AT ${target}`);
  }
}

function functionCall(node: FunctionCall, context: AnalysisContext): void {
  if (node.name.partCount === 1) {
    const featureId = REFERENCE_FUNCTION_IDS[baseName(node.name)];
    if (featureId !== undefined) {
      context.report(node, featureId, `${node.name.name.value.toUpperCase()}(...)`);
    }
    return;
  }
  // `t.col.nodes('/r')` is an xml method, not a three-part function name.
  if (baseName(node.name) !== "nodes") {
    reportName(node.name, context, "reference.cross_database", "in a function call");
  }
}

export const referenceDetector: Detector = {
  name: "references",
  description: "Cross-database and linked-server names, OPENQUERY, OPENROWSET, EXEC ... AT and USE.",
  visitors: {
    NamedTableReference: table,
    ExecuteStatement: execute,
    FunctionCall: functionCall,
    BulkOpenRowset: (node: Node, context: AnalysisContext) => context.report(node, "reference.openrowset", "OPENROWSET(BULK ...)"),
    UseStatement: (node: UseStatement, context: AnalysisContext) => context.report(node, "statement.use", `USE ${node.database.value}`),
    OdbcEscape: (node: Node & { escapeType: string }, context: AnalysisContext) => context.report(node, "reference.odbc_escape", `ODBC escape {${node.escapeType} ...}`),
  },
};
