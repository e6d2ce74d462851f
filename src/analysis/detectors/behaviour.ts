/**
 * Behaviour differences: code that runs on the target but can give other
 * results. Constructs that recur in ordinary code (string comparisons,
 * concatenation, ORDER BY) are reported once per object, at their first
 * use, so the finding means "this object depends on it" without repeating;
 * rarer ones (STR, TOP without ORDER BY, @@ROWCOUNT after a statement that
 * resets it, parsing @@VERSION) are reported where they occur.
 */

import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import type {
  BinaryExpression,
  ComparisonExpression,
  Expression,
  FunctionCall,
  GlobalVariableReference,
  LikeExpression,
  Literal,
} from "../../tsql/ast/expressions.js";
import type { Node } from "../../tsql/ast/node.js";
import type { QuerySpecification, SelectStatement } from "../../tsql/ast/query.js";
import { dateUnit } from "./argument-checks.js";
import { rowcountChecks } from "./rowcount.js";
import { baseName, perContext, reportOncePerObject, stringValue, wordValue } from "./support.js";

/** How many EXISTS subqueries enclose the node being visited, per unit. */
const existsDepth = perContext(() => ({ depth: 0 }));

function isValueReference(expression: Expression): boolean {
  return ["ColumnReference", "VariableReference", "FunctionCall"].includes(expression.kind);
}

/** The string literal of a comparison with a column or variable on the other side. */
function comparedString(left: Expression, right: Expression): string | undefined {
  if (isValueReference(left)) return stringValue(right);
  if (isValueReference(right)) return stringValue(left);
  return undefined;
}

function comparison(node: ComparisonExpression, context: AnalysisContext): void {
  if (!["=", "<>", "!="].includes(node.operator)) {
    return;
  }
  const text = comparedString(node.left, node.right);
  if (text === undefined) {
    return;
  }

  if (text === "" || text.endsWith(" ")) {
    reportOncePerObject(context, node, "behavior.empty_string_null", `comparison with '${text}' (empty string or trailing spaces)`);
  } else if (/^\s*[-+]?\d+(\.\d+)?\s*$/.test(text)) {
    reportOncePerObject(context, node, "behavior.implicit_conversion", `comparison with the string '${text}', converted implicitly`);
  } else if (/[a-z]/i.test(text)) {
    reportOncePerObject(context, node, "behavior.case_sensitivity", `string comparison with '${text}' under the server collation`);
  }
}

function like(node: LikeExpression, context: AnalysisContext): void {
  const pattern = stringValue(node.pattern);
  if (pattern !== undefined && /[a-z]/i.test(pattern)) {
    reportOncePerObject(context, node, "behavior.case_sensitivity", `LIKE '${pattern}' under the server collation`);
  }
  if (node.expression.kind === "GlobalVariableReference" && node.expression.name === "@@VERSION") {
    context.report(node.expression, "behavior.version_string", "@@VERSION compared with LIKE");
  }
}

function concatenation(node: BinaryExpression, context: AnalysisContext): void {
  if (node.operator === "+") {
    const literal = stringValue(node.left) !== undefined || stringValue(node.right) !== undefined;
    if (literal && (isValueReference(node.left) || isValueReference(node.right))) {
      reportOncePerObject(context, node, "behavior.string_concat_null", "string concatenation with + of a value that may be NULL");
    }
  }
  if (node.operator === "/" && [node.left, node.right].some((side) => side.kind === "Literal" && side.type === "Decimal")) {
    reportOncePerObject(context, node, "behavior.integer_division", "division with a decimal literal (result scale)");
  }
}

const IDENTITY_FUNCTIONS: ReadonlySet<string> = new Set(["scope_identity", "ident_current", "identity"]);

function functionCall(node: FunctionCall, context: AnalysisContext): void {
  if (node.name.partCount !== 1) {
    return;
  }
  const name = baseName(node.name);

  if (name === "str") {
    context.report(node, "behavior.str_padding", "STR() padding and rounding");
  } else if (name === "len" || name === "datalength") {
    reportOncePerObject(context, node, "behavior.empty_string_null", `${name.toUpperCase()}() and trailing spaces`);
  } else if (IDENTITY_FUNCTIONS.has(name)) {
    reportOncePerObject(context, node, "behavior.identity_gaps", `${name.toUpperCase()}() and identity gaps`);
  } else if (name === "dateadd" && ["millisecond"].includes(dateUnit(wordValue(node.arguments[0]) ?? ""))) {
    reportOncePerObject(context, node, "behavior.datetime_rounding", "DATEADD(millisecond, ...) and datetime rounding");
  }

  for (const argument of node.arguments) {
    if (argument.kind === "GlobalVariableReference" && argument.name === "@@VERSION") {
      context.report(argument, "behavior.version_string", `@@VERSION parsed with ${name.toUpperCase()}()`);
    }
  }
}

function globalVariable(node: GlobalVariableReference, context: AnalysisContext): void {
  if (node.name === "@@IDENTITY") {
    reportOncePerObject(context, node, "behavior.identity_gaps", "@@IDENTITY and identity gaps");
  }
}

function literal(node: Literal, context: AnalysisContext): void {
  const string = node.type === "String" || node.type === "NString";
  if (string && node.value.includes(":") && /\d:\d\d:\d\d\.\d{3}(?!\d)/.test(node.value)) {
    reportOncePerObject(context, node, "behavior.datetime_rounding", `datetime literal with milliseconds '${node.value}'`);
  }
}

function query(node: QuerySpecification, context: AnalysisContext): void {
  const top = node.top;
  if (top === undefined || node.orderBy !== undefined || existsDepth(context).depth > 0) {
    return;
  }
  if (top.percent && top.expression.kind === "Literal" && top.expression.value === "100") {
    return;
  }
  context.report(top, "behavior.top_without_order_by", "TOP without ORDER BY");
}

function dmlTop(node: Node & { top?: Node }, context: AnalysisContext): void {
  if (node.top !== undefined) {
    context.report(node.top, "behavior.top_without_order_by", "TOP in a data modification, which takes no ORDER BY");
  }
}

/** A SELECT that returns a result set should name its columns. */
function select(node: SelectStatement, context: AnalysisContext): void {
  const spec = node.query.kind === "QuerySpecification" ? node.query : undefined;
  if (spec === undefined || spec.into !== undefined) {
    return;
  }
  for (const element of spec.selectList) {
    if (element.kind === "SelectAssignment") {
      return;
    }
  }
  for (const element of spec.selectList) {
    if (element.kind === "SelectColumn" && element.alias === undefined && !["ColumnReference", "StarExpression"].includes(element.expression.kind)) {
      reportOncePerObject(context, element, "behavior.blank_column_name", "result column without a name");
      return;
    }
  }
}

/** TOP inside EXISTS picks no particular row, so order does not matter there. */
function enterExists(_node: Node, context: AnalysisContext): void {
  existsDepth(context).depth++;
}

function leaveExists(_node: Node, context: AnalysisContext): void {
  existsDepth(context).depth--;
}

export const behaviourDetector: Detector = {
  name: "behaviour",
  description: "Code that runs on the target but behaves differently: STR, trailing spaces, collation, TOP without ORDER BY, @@ROWCOUNT and others.",
  visitors: {
    ComparisonExpression: comparison,
    LikeExpression: like,
    BinaryExpression: concatenation,
    FunctionCall: functionCall,
    GlobalVariableReference: globalVariable,
    Literal: literal,
    ExistsExpression: enterExists,
    QuerySpecification: query,
    UpdateStatement: dmlTop,
    DeleteStatement: dmlTop,
    SelectStatement: select,
    OrderByClause: (node: Node, context: AnalysisContext) => reportOncePerObject(context, node, "behavior.sort_nulls", "ORDER BY and the position of NULLs"),
    ...rowcountChecks,
  },
  leave: {
    ExistsExpression: leaveExists,
  },
};
