/**
 * Renders `findings.csv`: one row per finding, in the order of the
 * assessment, with a header row. The text is UTF-8 and starts with a byte
 * order mark, because Excel reads a CSV file without one in the machine's
 * ANSI code page and garbles non-ASCII names. Rows end in CRLF as RFC 4180
 * specifies. An assessment of workload captures has one more column,
 * `executions`: how often the finding's statement ran. An assessment with
 * application code has three more (csv-app-code.ts).
 */

import type { Assessment, Finding } from "../assessment/model.js";
import { csvNumberCell, csvTextCell } from "./csv-cell.js";
import { executionsByUnit } from "./workload-counts.js";
import { APP_CODE_COLUMNS, appCodeCells } from "./csv-app-code.js";
import { appCodeStatements } from "./sarif-app-code.js";

/** The columns of `findings.csv`, in order; docs/output.md describes each. */
export const CSV_COLUMNS = [
  "status",
  "featureId",
  "file",
  "line",
  "column",
  "object",
  "message",
  "detail",
  "complexity",
] as const;

const BYTE_ORDER_MARK = "\uFEFF";
const ROW_END = "\r\n";

/** Renders the findings of an assessment as CSV text, BOM included. */
export function renderCsv(a: Assessment): string {
  return [...csvParts(a)].join("");
}

/**
 * Yields the CSV text a row at a time, so that a writer can stream a file
 * of any size; the parts joined are the text of {@link renderCsv}.
 */
export function* csvParts(a: Assessment): Generator<string> {
  const executions = executionsByUnit(a);
  const statementAt = appCodeStatements(a);
  const columns = [
    ...CSV_COLUMNS,
    ...(executions === undefined ? [] : ["executions"]),
    ...(statementAt === undefined ? [] : APP_CODE_COLUMNS),
  ];
  yield BYTE_ORDER_MARK + columns.map(csvTextCell).join(",") + ROW_END;
  for (const finding of a.findings) {
    let row = findingRow(finding);
    if (executions !== undefined) {
      const count = executions.get(finding.file);
      row += `,${count === undefined ? "" : csvNumberCell(count)}`;
    }
    if (statementAt !== undefined) {
      row += `,${appCodeCells(statementAt(finding.file, finding.line))}`;
    }
    yield row + ROW_END;
  }
}

function findingRow(f: Finding): string {
  const cells = [
    csvTextCell(f.status),
    csvTextCell(f.featureId),
    csvTextCell(f.file),
    csvNumberCell(f.line),
    csvNumberCell(f.column),
    csvTextCell(f.object),
    csvTextCell(f.message),
    csvTextCell(f.detail ?? ""),
    csvTextCell(f.complexity ?? ""),
  ];

  return cells.join(",");
}
