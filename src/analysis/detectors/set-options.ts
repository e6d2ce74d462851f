/**
 * SET statements by option, as `set.option` with the option as the detail.
 * Where the value matters the detail carries the value that differs from
 * SQL Server's default (`ansi_padding_off`, `arithignore_on`); options
 * whose value does not change the classification are named alone
 * (`nocount`, `statistics_io`). Transaction settings (XACT_ABORT,
 * LOCK_TIMEOUT, DEADLOCK_PRIORITY) belong to the transactions detector.
 */

import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import { wordIn } from "./source-words.js";
import type { Identifier } from "../../tsql/ast/node.js";
import type { SetCommandStatement, SetIdentityInsertStatement, SetOptionsStatement } from "../../tsql/ast/procedural.js";
import type { Expression } from "../../tsql/ast/expressions.js";

const ELSEWHERE: ReadonlySet<string> = new Set(["XACT_ABORT", "LOCK_TIMEOUT", "DEADLOCK_PRIORITY"]);

/** Options named without their value. */
const NAME_ONLY: ReadonlySet<string> = new Set([
  "nocount", "implicit_transactions", "parseonly", "fmtonly", "forceplan", "no_browsetable", "offsets",
  "remote_proc_transactions", "showplan_all", "showplan_text", "showplan_xml", "statistics_io",
  "statistics_time", "statistics_profile", "statistics_xml", "babelfish_showplan_all", "noexec",
]);

/**
 * Options that are ON by default in connections from SSMS and the ODBC and
 * OLE DB drivers (SQL Server 2022 reference, "SET statements"); every other
 * ON/OFF option is OFF by default.
 */
const ON_BY_DEFAULT: ReadonlySet<string> = new Set([
  "ansi_nulls", "ansi_padding", "ansi_warnings", "arithabort", "concat_null_yields_null",
  "quoted_identifier", "ansi_null_dflt_on", "ansi_defaults",
]);

function optionDetail(name: string, value: "ON" | "OFF"): string {
  const option = name.toLowerCase().replace(/\s+/g, "_");
  if (NAME_ONLY.has(option)) {
    return option;
  }
  const defaultValue = ON_BY_DEFAULT.has(option) ? "ON" : "OFF";
  return value === defaultValue ? option : `${option}_${value.toLowerCase()}`;
}

function options(node: SetOptionsStatement, context: AnalysisContext): void {
  for (const option of node.options) {
    if (!ELSEWHERE.has(option.name)) {
      context.report(option, "set.option", `SET ${option.name} ${option.value}`, optionDetail(option.name, option.value));
    }
  }
}

function valueText(value: Expression | Identifier): string {
  if (value.kind === "Identifier") return value.value;
  if (value.kind === "Literal") return value.value;
  if (value.kind === "VariableReference") return value.name;
  return "...";
}

function commandDetail(node: SetCommandStatement): string | undefined {
  const option = node.name.toLowerCase();
  const value = valueText(node.value);
  if (option === "language") {
    return ["english", "us_english"].includes(value.toLowerCase()) ? "language_english" : "language";
  }
  if (option === "rowcount") {
    if (node.value.kind === "VariableReference") return "rowcount_variable";
    // SET ROWCOUNT 0 restores the default: no row limit.
    return value === "0" ? undefined : "rowcount";
  }
  return option;
}

function command(node: SetCommandStatement, context: AnalysisContext): void {
  if (ELSEWHERE.has(node.name)) {
    return;
  }
  const detail = commandDetail(node);
  if (detail !== undefined) {
    const at = wordIn(context, node, [node.name]);
    context.report(at, "set.option", `SET ${node.name} ${valueText(node.value)}`, detail);
  }
}

function identityInsert(node: SetIdentityInsertStatement, context: AnalysisContext): void {
  context.report(node, "set.option", `SET IDENTITY_INSERT ${node.table.name.value} ${node.on ? "ON" : "OFF"}`, "identity_insert");
}

export const setOptionDetector: Detector = {
  name: "set-options",
  description: "SET session options by name and value.",
  visitors: {
    SetOptionsStatement: options,
    SetCommandStatement: command,
    SetIdentityInsertStatement: identityInsert,
  },
};
