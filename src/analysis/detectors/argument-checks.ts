/**
 * Built-in functions whose support depends on an argument: the HASHBYTES
 * algorithm, date part units, FORMAT cultures and the property name of the
 * property functions. Each check returns the detail to emit, lower-case.
 */

import type { Expression } from "../../tsql/ast/expressions.js";
import { stringValue, wordValue } from "./support.js";

export interface ArgumentFinding {
  readonly featureId: string;
  readonly detail: string;
  readonly message: string;
}

/**
 * Position of the property name among the arguments, from the T-SQL
 * reference (SQL Server 2022): SERVERPROPERTY(property),
 * OBJECTPROPERTY(id, property), COLUMNPROPERTY(id, column, property), ...
 */
export const PROPERTY_ARGUMENT: Readonly<Record<string, number>> = {
  serverproperty: 0,
  connectionproperty: 0,
  sessionproperty: 0,
  objectproperty: 1,
  objectpropertyex: 1,
  databasepropertyex: 1,
  databaseproperty: 1,
  typeproperty: 1,
  loginproperty: 1,
  fileproperty: 1,
  filegroupproperty: 1,
  assemblyproperty: 1,
  fulltextserviceproperty: 0,
  columnproperty: 2,
  indexproperty: 2,
  indexkey_property: 3,
};

/** Date part abbreviations and their unit, from the DATEPART reference (SQL Server 2022). */
const DATE_UNITS: Readonly<Record<string, string>> = {
  yy: "year", yyyy: "year", qq: "quarter", q: "quarter", mm: "month", m: "month",
  dy: "dayofyear", y: "dayofyear", dd: "day", d: "day", wk: "week", ww: "week",
  dw: "weekday", hh: "hour", mi: "minute", n: "minute", ss: "second", s: "second",
  ms: "millisecond", mcs: "microsecond", ns: "nanosecond", tz: "tzoffset",
  isowk: "iso_week", isoww: "iso_week",
};

/** Functions whose first argument is a date part unit. */
const DATE_PART_FUNCTIONS: ReadonlySet<string> = new Set(["datepart", "dateadd", "datediff", "datediff_big", "datename", "datetrunc", "date_bucket"]);

export function dateUnit(word: string): string {
  const lower = word.toLowerCase();
  return DATE_UNITS[lower] ?? lower;
}

export function argumentFindings(name: string, args: readonly Expression[]): ArgumentFinding[] {
  const upper = name.toUpperCase();

  if (name === "hashbytes") {
    const algorithm = stringValue(args[0]);
    return algorithm === undefined ? [] : [{ featureId: "builtin.function.hashbytes", detail: algorithm, message: `HASHBYTES('${algorithm}', ...)` }];
  }

  if (DATE_PART_FUNCTIONS.has(name)) {
    const unit = wordValue(args[0]);
    return unit === undefined ? [] : [{ featureId: `builtin.function.${name}`, detail: dateUnit(unit), message: `${upper}(${unit}, ...)` }];
  }

  if (name === "format") {
    const culture = stringValue(args[2]);
    return culture === undefined ? [] : [{ featureId: "builtin.function.format_culture", detail: culture, message: `FORMAT(..., ..., '${culture}')` }];
  }

  const index = PROPERTY_ARGUMENT[name];
  if (index !== undefined) {
    const property = stringValue(args[index]);
    return property === undefined ? [] : [{ featureId: `builtin.function.${name}`, detail: property, message: `${upper}(... '${property}')` }];
  }
  return [];
}

/**
 * Whether the function's own finding is replaced by its argument finding:
 * FORMAT keeps both (the function and its culture have separate entries).
 */
export function argumentReplacesCall(name: string): boolean {
  return name !== "format";
}
