/**
 * Cursors: the declaration, each non-default option, FETCH orientations
 * other than NEXT, cursor variables and cursor OUTPUT parameters.
 */

import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import { wordIn } from "./source-words.js";
import type { ProcedureParameter } from "../../tsql/ast/modules.js";
import type { CursorDefinition, CursorReference, FetchCursorStatement, VariableDeclaration } from "../../tsql/ast/procedural.js";

/** Option words with their own entry; LOCAL, FORWARD_ONLY and READ_ONLY are the defaults. */
const OPTION_IDS: Readonly<Record<string, string>> = {
  SCROLL: "cursor.option.scroll",
  DYNAMIC: "cursor.option.dynamic",
  KEYSET: "cursor.option.keyset",
  FAST_FORWARD: "cursor.option.fast_forward",
  SCROLL_LOCKS: "cursor.option.scroll_locks",
  OPTIMISTIC: "cursor.option.optimistic",
  TYPE_WARNING: "cursor.option.type_warning",
  GLOBAL: "cursor.option.global",
  STATIC: "cursor.option.static",
  INSENSITIVE: "cursor.option.static",
};

function definition(node: CursorDefinition, context: AnalysisContext): void {
  context.report(node, "cursor.declare", "DECLARE CURSOR");

  for (const option of node.options) {
    const featureId = OPTION_IDS[option];
    if (featureId !== undefined) {
      context.report(wordIn(context, node, [option]), featureId, `cursor option ${option}`);
    }
  }
  if (node.forClause === "UPDATE") {
    context.report(wordIn(context, node, ["UPDATE"]), "cursor.option.for_update", "cursor option FOR UPDATE");
  }
}

function reference(node: CursorReference, context: AnalysisContext): void {
  if (node.global) {
    context.report(node, "cursor.option.global", "reference to a GLOBAL cursor");
  }
}

function fetch(node: FetchCursorStatement, context: AnalysisContext): void {
  if (node.orientation !== undefined && node.orientation !== "NEXT") {
    const featureId = `cursor.fetch.${node.orientation.toLowerCase()}`;
    context.report(node, featureId, `FETCH ${node.orientation}`);
  }
}

function variable(node: VariableDeclaration, context: AnalysisContext): void {
  if (node.cursor === true) {
    context.report(node, "cursor.variable", `cursor variable ${node.name} CURSOR`);
  }
}

function parameter(node: ProcedureParameter, context: AnalysisContext): void {
  if (node.varying) {
    context.report(node, "cursor.parameter.output", `parameter ${node.name} CURSOR VARYING OUTPUT`);
  }
}

export const cursorDetector: Detector = {
  name: "cursors",
  description: "Cursor declarations, cursor options, FETCH orientations and cursor variables.",
  visitors: {
    CursorDefinition: definition,
    CursorReference: reference,
    FetchCursorStatement: fetch,
    VariableDeclaration: variable,
    ProcedureParameter: parameter,
  },
};
