/**
 * Deprecated or removed syntax: `*=` and `=*` outer joins, string literals
 * as column aliases, COMPUTE, the `::fn()` call form, numbered procedure
 * calls, `$IDENTITY`-style pseudo-columns and sqlcmd variables left in the
 * code. Legacy RAISERROR and GROUP BY ALL have their own entries, reported
 * by the error and DML detectors.
 */

import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import { findToken } from "./source-words.js";
import type { ColumnReference, ComparisonExpression, SqlcmdVariableReference } from "../../tsql/ast/expressions.js";
import type { ErrorStatement } from "../../tsql/ast/node.js";
import type { ExecuteStatement } from "../../tsql/ast/procedural.js";
import type { SelectColumn, TableValuedFunctionReference } from "../../tsql/ast/query.js";

const PSEUDO_COLUMNS: ReadonlySet<string> = new Set(["$identity", "$rowguid", "identitycol", "rowguidcol"]);

/** Lengths of the pseudo-column names, to skip other names without lower-casing them. */
const PSEUDO_COLUMN_LENGTHS: ReadonlySet<number> = new Set([...PSEUDO_COLUMNS].map((name) => name.length));

function comparison(node: ComparisonExpression, context: AnalysisContext): void {
  if (node.operator === "*=" || node.operator === "=*") {
    // `*=` is one token; `=*` is an `=` followed by a `*`.
    const first = node.operator === "*=" ? "*=" : "=";
    const operator = findToken(context, node, (_kind, _value, text) => text === first, node.left.end);
    context.report(operator ?? node, "syntax.outer_join_operator", `outer join operator ${node.operator}`);
  }
}

function column(node: SelectColumn, context: AnalysisContext): void {
  if (node.aliasStyle === "string" && node.alias !== undefined) {
    context.report(node.alias, "syntax.string_alias", `string literal column alias '${node.alias.value}'`);
  }
}

function error(node: ErrorStatement, context: AnalysisContext): void {
  if (node.leadingWord === "COMPUTE") {
    context.report(node, "syntax.compute", "COMPUTE clause");
  }
}

function rowset(node: TableValuedFunctionReference, context: AnalysisContext): void {
  if (context.textOf(node).startsWith("::")) {
    context.report(node, "syntax.fn_double_colon", `::${node.call.name.name.value}() call syntax`);
  }
}

function numbered(node: ExecuteStatement, context: AnalysisContext): void {
  if (node.procedure !== undefined && node.procedureNumber !== undefined) {
    context.report(node.procedure, "syntax.numbered_procedure_call", `EXEC ${node.procedure.name.value};${node.procedureNumber}`);
  }
}

function pseudoColumn(node: ColumnReference, context: AnalysisContext): void {
  const last = node.parts[node.parts.length - 1];
  if (last === undefined || last.quote !== "none" || !PSEUDO_COLUMN_LENGTHS.has(last.value.length)) {
    return;
  }
  if (PSEUDO_COLUMNS.has(last.value.toLowerCase())) {
    context.report(last, "syntax.column_dollar_identity", `pseudo-column ${last.value.toUpperCase()}`);
  }
}

function sqlcmd(node: SqlcmdVariableReference, context: AnalysisContext): void {
  context.report(node, "reference.sqlcmd_variable", `sqlcmd variable $(${node.name})`);
}

export const deprecatedDetector: Detector = {
  name: "deprecated",
  description: "Deprecated syntax such as *= joins, string aliases, COMPUTE and sqlcmd variables left in code.",
  visitors: {
    ComparisonExpression: comparison,
    SelectColumn: column,
    ErrorStatement: error,
    TableValuedFunctionReference: rowset,
    ExecuteStatement: numbered,
    ColumnReference: pseudoColumn,
    SqlcmdVariableReference: sqlcmd,
  },
};
