/**
 * Renders `readiness.csv`: one row per readiness item, in report order,
 * with a header row; UTF-8 with a byte order mark and CRLF rows, as
 * findings.csv, and with the same protection against formula injection.
 */

import type { Readiness } from "../assessment/readiness/model.js";
import { csvTextCell } from "./csv-cell.js";

/** The columns of `readiness.csv`, in order; docs/output.md describes each. */
export const READINESS_CSV_COLUMNS = ["severity", "id", "rule", "database", "object", "objectType", "evidence", "action"] as const;

export function* readinessCsvParts(readiness: Readiness): Generator<string> {
  yield "\uFEFF" + READINESS_CSV_COLUMNS.map(csvTextCell).join(",") + "\r\n";
  for (const item of readiness.items) {
    const cells = [
      item.severity,
      item.id,
      item.rule,
      item.database ?? "",
      item.object ?? "",
      item.objectType,
      item.evidence,
      item.action,
    ];
    yield cells.map(csvTextCell).join(",") + "\r\n";
  }
}
