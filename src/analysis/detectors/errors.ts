/**
 * Error handling: TRY ... CATCH, THROW, RAISERROR in its modern and legacy
 * forms with its WITH options, @@ERROR and the ERROR_* functions.
 */

import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import type { FunctionCall, GlobalVariableReference } from "../../tsql/ast/expressions.js";
import type { Node } from "../../tsql/ast/node.js";
import type { RaiserrorStatement, ThrowStatement } from "../../tsql/ast/procedural.js";
import { baseName } from "./support.js";

/** Functions of this family; the built-in detector leaves them alone. */
export const ERROR_FUNCTION_IDS: Readonly<Record<string, string>> = {
  error_message: "error.function",
  error_number: "error.function",
  error_severity: "error.function",
  error_state: "error.function",
  error_line: "error.function",
  error_procedure: "error.function",
  xact_state: "error.xact_state",
  formatmessage: "error.formatmessage",
};

function raiserror(node: RaiserrorStatement, context: AnalysisContext): void {
  if (node.legacySyntax) {
    context.report(node, "error.raiserror_legacy", "RAISERROR number 'text' (legacy syntax)");
    return;
  }

  const details: string[] = [];
  if (node.message.kind === "Literal" && node.message.type === "Integer") {
    details.push("message_id");
  }
  for (const option of node.options) {
    details.push(`with_${option.toLowerCase()}`);
  }
  if (details.length === 0) {
    context.report(node, "error.raiserror", "RAISERROR (message, severity, state)");
    return;
  }
  for (const detail of details) {
    const written = detail === "message_id" ? "RAISERROR with a message id" : `RAISERROR ... WITH ${detail.slice(5).toUpperCase()}`;
    context.report(node, "error.raiserror", written, detail);
  }
}

function throwStatement(node: ThrowStatement, context: AnalysisContext): void {
  const message = node.errorNumber === undefined ? "THROW without arguments (rethrow)" : "THROW number, message, state";
  context.report(node, "error.throw", message);
}

function globalVariable(node: GlobalVariableReference, context: AnalysisContext): void {
  if (node.name === "@@ERROR") {
    context.report(node, "error.variable", "@@ERROR");
  }
}

function functionCall(node: FunctionCall, context: AnalysisContext): void {
  if (node.name.partCount !== 1) {
    return;
  }
  const featureId = ERROR_FUNCTION_IDS[baseName(node.name)];
  if (featureId !== undefined) {
    context.report(node, featureId, `${node.name.name.value.toUpperCase()}()`);
  }
}

export const errorDetector: Detector = {
  name: "errors",
  description: "TRY ... CATCH, THROW, RAISERROR forms, @@ERROR and the ERROR_* functions.",
  visitors: {
    TryCatchStatement: (node: Node, context: AnalysisContext) => context.report(node, "error.try_catch", "BEGIN TRY ... BEGIN CATCH"),
    ThrowStatement: throwStatement,
    PrintStatement: (node: Node, context: AnalysisContext) => context.report(node, "error.print", "PRINT"),
    RaiserrorStatement: raiserror,
    GlobalVariableReference: globalVariable,
    FunctionCall: functionCall,
  },
};
