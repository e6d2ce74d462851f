/**
 * System objects: @@variables, calls of system procedures (sp_, xp_, with or
 * without sys., master.dbo. or msdb.dbo.), and reads of catalog views, DMVs
 * and the compatibility views.
 */

import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import type { FunctionCall, GlobalVariableReference } from "../../tsql/ast/expressions.js";
import type { SchemaObjectName } from "../../tsql/ast/node.js";
import type { ExecuteStatement } from "../../tsql/ast/procedural.js";
import type { NamedTableReference } from "../../tsql/ast/query.js";
import { baseName } from "./support.js";
import { catalogViewId, isSystemProcedure } from "./system-names.js";
import { XML_PROCEDURES } from "./xml-json.js";

/** Procedures whose catalog entry sits in another family. */
const PROCEDURE_IDS: Readonly<Record<string, string>> = {
  sp_getapplock: "transaction.applock",
  sp_releaseapplock: "transaction.applock",
  sp_addmessage: "error.sp_addmessage",
};

/** Procedures that other detectors report: sp_executesql is dynamic SQL. */
const REPORTED_ELSEWHERE: ReadonlySet<string> = new Set(["sp_executesql", ...XML_PROCEDURES]);

/** @@variables reported by other detectors. */
const VARIABLES_ELSEWHERE: ReadonlySet<string> = new Set(["@@ERROR"]);

/** Feature ids of the @@variables met so far, by upper-case name; bounded. */
const variableIds = new Map<string, string>();
const MAX_CACHED_VARIABLES = 1000;

function globalVariable(node: GlobalVariableReference, context: AnalysisContext): void {
  if (VARIABLES_ELSEWHERE.has(node.name)) {
    return;
  }
  let featureId = variableIds.get(node.name);
  if (featureId === undefined) {
    featureId = `variable.${node.name.replace(/^@@/, "").toLowerCase()}`;
    if (variableIds.size < MAX_CACHED_VARIABLES) {
      variableIds.set(node.name, featureId);
    }
  }
  context.report(node, featureId, node.name);
}

function procedure(name: SchemaObjectName, context: AnalysisContext): void {
  if (!isSystemProcedure(name)) {
    return;
  }
  const object = baseName(name);
  if (REPORTED_ELSEWHERE.has(object)) {
    return;
  }
  context.report(name, PROCEDURE_IDS[object] ?? `sysproc.${object}`, `system procedure ${object}`);
}

function view(name: SchemaObjectName, context: AnalysisContext, what: string): void {
  const featureId = catalogViewId(name);
  if (featureId !== undefined) {
    context.report(name, featureId, `${what} ${name.schema?.value ?? "dbo"}.${name.name.value}`);
  }
}

export const systemObjectDetector: Detector = {
  name: "system-objects",
  description: "@@variables, system procedures, catalog views and DMVs.",
  visitors: {
    GlobalVariableReference: globalVariable,
    ExecuteStatement: (node: ExecuteStatement, context: AnalysisContext) => {
      if (node.procedure !== undefined) procedure(node.procedure, context);
    },
    NamedTableReference: (node: NamedTableReference, context: AnalysisContext) => view(node.name, context, "catalog view"),
    FunctionCall: (node: FunctionCall, context: AnalysisContext) => view(node.name, context, "system function"),
  },
};
