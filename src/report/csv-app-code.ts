/**
 * The columns that `findings.csv` adds for an assessment with application
 * code: where in the program the finding's SQL sits. They are empty for
 * findings in scripts and in `.sql` files.
 */

import type { AppCodeStatement } from "../sources/app-code/model.js";
import { csvTextCell } from "./csv-cell.js";

/** `codeScope`: enclosing Class.method; `codeCall`: the raw-SQL call; `partlyDynamic`: `true` or `false`. */
export const APP_CODE_COLUMNS = ["codeScope", "codeCall", "partlyDynamic"] as const;

export function appCodeCells(statement: AppCodeStatement | undefined): string {
  if (statement === undefined) {
    return ",,";
  }
  return [
    csvTextCell(statement.scope),
    csvTextCell(statement.call ?? ""),
    csvTextCell(statement.dynamicParts > 0 ? "true" : "false"),
  ].join(",");
}
