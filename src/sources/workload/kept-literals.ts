/**
 * Literals that normalisation keeps because they are code, not data: the
 * style of CONVERT, a hash algorithm, the length and decimals of STR and
 * ROUND, a format pattern, a property name,
 * a JSON path or XQuery, the length of a data type, query hint values,
 * the value of a SET option and ORDER BY column positions. The analysis
 * reads several of them (HASHBYTES('MD5', ...) is classified by its
 * algorithm), so masking them would change the findings. Two statements
 * that differ in one of them are different code and stay apart.
 *
 * SQL Server's forced parameterization leaves the CONVERT style, IDENTITY
 * constants, query hint arguments and ORDER BY literals alone for the
 * same reason ("Forced Parameterization", Microsoft Learn, SQL Server
 * 2008 R2 and later).
 */

import { PROPERTY_ARGUMENT } from "../../analysis/detectors/argument-checks.js";

/** Zero-based argument positions kept, by lower-case function name. */
const KEPT_ARGUMENTS: ReadonlyMap<string, ReadonlySet<number>> = new Map<string, ReadonlySet<number>>([
  ["convert", new Set([2])],
  ["try_convert", new Set([2])],
  ["hashbytes", new Set([0])],
  ["str", new Set([1, 2])],
  ["round", new Set([1, 2])],
  ["format", new Set([1, 2])],
  ["json_value", new Set([1])],
  ["json_query", new Set([1])],
  ["json_modify", new Set([1])],
  ["json_path_exists", new Set([1])],
  ["openjson", new Set([1])],
  ...Object.entries(PROPERTY_ARGUMENT).map(([name, index]): [string, ReadonlySet<number>] => [name, new Set([index])]),
]);

/**
 * Names before `(` whose literal arguments are all kept: data types (a
 * length, precision or scale), IDENTITY(seed, increment) and the OPTION
 * clause of query hints.
 */
const ALL_ARGUMENTS_KEPT: ReadonlySet<string> = new Set([
  "char",
  "nchar",
  "varchar",
  "nvarchar",
  "binary",
  "varbinary",
  "decimal",
  "numeric",
  "dec",
  "float",
  "time",
  "datetime2",
  "datetimeoffset",
  "identity",
  "option",
]);

/** XML data type methods, whose arguments are XQuery and SQL types: `col.value('(/a)[1]', 'int')`. */
const XML_METHODS: ReadonlySet<string> = new Set(["value", "query", "exist", "nodes", "modify"]);

/**
 * SET options whose value is a literal: `SET ROWCOUNT 0`,
 * `SET LANGUAGE 'us_english'`, `SET DEADLOCK_PRIORITY -5`.
 */
export const SET_OPTIONS_WITH_LITERAL: ReadonlySet<string> = new Set([
  "ROWCOUNT",
  "TEXTSIZE",
  "LOCK_TIMEOUT",
  "DATEFIRST",
  "DEADLOCK_PRIORITY",
  "LANGUAGE",
  "QUERY_GOVERNOR_COST_LIMIT",
]);

/** The call a parenthesis opens: a function, a method, a data type or a clause. */
export interface CallContext {
  /** Lower-case name before `(`, or undefined for a plain parenthesis. */
  readonly name: string | undefined;
  /** Whether the name followed a `.`, as XML methods do. */
  readonly method: boolean;
  /** Zero-based position of the argument being read. */
  readonly argument: number;
}

/**
 * Returns whether a literal that makes up a whole argument of `call` is kept.
 * `wholeArgument` is false for a literal that is part of an expression.
 */
export function keepsArgument(call: CallContext, wholeArgument: boolean): boolean {
  const name = call.name;
  if (name === undefined) {
    return false;
  }
  if (ALL_ARGUMENTS_KEPT.has(name)) {
    return true;
  }
  if (call.method && XML_METHODS.has(name)) {
    return true;
  }
  return wholeArgument && (KEPT_ARGUMENTS.get(name)?.has(call.argument) ?? false);
}
