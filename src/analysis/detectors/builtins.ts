/**
 * Built-in functions: every call of a function without a schema, by name
 * (`builtin.function.<name>`), with argument-sensitive details; CONVERT
 * styles and the other conversion functions; NEXT VALUE FOR, $PARTITION,
 * static methods of system CLR types and hierarchyid or spatial instance
 * methods. A built-in the catalog lacks still gets its id, so it classifies
 * as unknown rather than vanishing.
 */

import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import type { CastExpression, FunctionCall, MethodCall, NextValueFor, StaticMethodCall } from "../../tsql/ast/expressions.js";
import type { TableValuedFunctionReference } from "../../tsql/ast/query.js";
import { argumentFindings, argumentReplacesCall } from "./argument-checks.js";
import { ERROR_FUNCTION_IDS } from "./errors.js";
import { REFERENCE_FUNCTION_IDS } from "./references.js";
import { baseName, schemaOf, stringValue, wordValue } from "./support.js";
import { XML_JSON_FUNCTION_IDS } from "./xml-json.js";

/**
 * Functions with the same name and meaning in SQL Server, Babelfish (from
 * 1.0.0) and PostgreSQL. Reporting them would only add noise.
 */
const BASIC: ReadonlySet<string> = new Set([
  "count", "sum", "min", "max", "avg", "coalesce", "nullif", "upper", "lower",
  "abs", "ceiling", "floor", "power", "sqrt", "exp", "sign", "pi", "sin", "cos",
  "tan", "asin", "acos", "atan", "degrees", "radians", "cot", "replace",
  "substring", "ltrim", "rtrim", "reverse", "ascii", "row_number", "rank",
  "dense_rank", "ntile", "lag", "lead", "first_value", "last_value",
  "percent_rank", "cume_dist",
]);

/** Functions that only triggers call, reported under the triggers family. */
const TRIGGER_FUNCTION_IDS: Readonly<Record<string, string>> = {
  update: "trigger.function.update",
  columns_updated: "trigger.function.columns_updated",
};

/** Functions that other detectors report under their own ids. */
const DEDICATED: ReadonlySet<string> = new Set([
  ...Object.keys(TRIGGER_FUNCTION_IDS),
  ...Object.keys(ERROR_FUNCTION_IDS),
  ...Object.keys(XML_JSON_FUNCTION_IDS),
  ...Object.keys(REFERENCE_FUNCTION_IDS),
]);

/** Rowset functions without a schema that are built in; others are user functions. */
const BUILTIN_ROWSETS: ReadonlySet<string> = new Set([
  "string_split", "generate_series", "containstable", "freetexttable", "changetable",
  "semantickeyphrasetable", "semanticsimilaritytable", "semanticsimilaritydetailstable", "predict",
]);

const HIERARCHYID_METHODS: ReadonlySet<string> = new Set(["getancestor", "getdescendant", "getlevel", "getreparentedvalue", "isdescendantof"]);
const SPATIAL_METHODS: ReadonlySet<string> = new Set(["makevalid", "reduce", "bufferwithtolerance", "envelopecenter", "envelopeangle", "ringn", "numrings", "isvaliddetailed", "asgml", "astextzm", "filter", "instanceof", "minimumboundingcircle", "curvetolinewithtolerance", "hasm", "hasz"]);

const rowsetCalls = new WeakSet<object>();

function functionCall(node: FunctionCall, context: AnalysisContext): void {
  if (node.name.partCount === 2 && schemaOf(node.name) === "$partition") {
    context.report(node, "ddl.partition.function", `$PARTITION.${node.name.name.value}(...)`);
    return;
  }
  if (node.name.partCount !== 1) {
    return;
  }

  const name = baseName(node.name);
  if (rowsetCalls.has(node) && !BUILTIN_ROWSETS.has(name)) {
    return;
  }
  const triggerFunction = TRIGGER_FUNCTION_IDS[name];
  if (triggerFunction !== undefined) {
    context.report(node, triggerFunction, `${node.name.name.value.toUpperCase()}() in a trigger`);
    return;
  }
  if (DEDICATED.has(name) || BASIC.has(name)) {
    return;
  }

  const findings = argumentFindings(name, node.arguments);
  for (const finding of findings) {
    context.report(node, finding.featureId, finding.message, finding.detail);
  }
  if (findings.length === 0 || !argumentReplacesCall(name)) {
    context.report(node, `builtin.function.${name}`, `${node.name.name.value.toUpperCase()}()`);
  }
}

function cast(node: CastExpression, context: AnalysisContext): void {
  if (node.function === "CAST") {
    return;
  }
  const featureId = `builtin.function.${node.function.toLowerCase()}`;
  const style = stringValue(node.style) ?? wordValue(node.style);
  if (style !== undefined) {
    context.report(node, featureId, `${node.function}(..., ..., ${style})`, style);
    return;
  }
  context.report(node, featureId, `${node.function}(...)`);
}

function staticMethod(node: StaticMethodCall, context: AnalysisContext): void {
  const type = baseName(node.type);
  const written = `${node.type.name.value}::${node.method.value}(...)`;
  if (["geography", "geometry", "hierarchyid"].includes(type) && node.type.partCount === 1) {
    context.report(node, `datatype.${type}`, written);
    return;
  }
  context.report(node, "datatype.user_defined.clr", written);
}

function method(node: MethodCall, context: AnalysisContext): void {
  const name = node.method.value.toLowerCase();
  if (HIERARCHYID_METHODS.has(name)) {
    context.report(node.method, "builtin.method.hierarchyid", `hierarchyid method .${node.method.value}()`, name);
  } else if (/^st[a-z]/.test(name) || SPATIAL_METHODS.has(name)) {
    context.report(node.method, "builtin.method.spatial", `spatial method .${node.method.value}()`, name);
  }
}

function nextValue(node: NextValueFor, context: AnalysisContext): void {
  context.report(node, "ddl.sequence", `NEXT VALUE FOR ${node.sequence.name.value}`);
}

export const builtinDetector: Detector = {
  name: "builtins",
  description: "Built-in function calls with argument-sensitive details, conversions, NEXT VALUE FOR and CLR type methods.",
  visitors: {
    TableValuedFunctionReference: (node: TableValuedFunctionReference) => {
      rowsetCalls.add(node.call);
    },
    FunctionCall: functionCall,
    CastExpression: cast,
    StaticMethodCall: staticMethod,
    MethodCall: method,
    NextValueFor: nextValue,
  },
};
