/**
 * One CSV cell, quoted per RFC 4180 and neutralised against formula
 * injection. Spreadsheets (Excel, LibreOffice Calc, Google Sheets) run a
 * cell as a formula when it starts with `=`, `+`, `-` or `@`. OWASP's "CSV
 * Injection" page adds tab and carriage return to that list, and OWASP ASVS
 * 5.0 (requirement 1.2.10) adds NUL; both recommend a `'` prefix. The check
 * skips leading whitespace, because some spreadsheets trim it before they
 * look for a formula. The fullwidth forms of the four signs (U+FF1D,
 * U+FF0B, U+FF0D, U+FF20) are neutralised too, as a precaution that costs
 * one character in rare text.
 */

import { escapeControls } from "../util/escape-controls.js";

const FORMULA_START = /^\s*[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Returns the cell text with a `'` prefix when a spreadsheet would run it. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Returns the cell ready to join with commas: control and bidirectional
 * characters other than tab, line feed and carriage return written as
 * visible escapes (`\x1b`, `\u202e`), then neutralised, then enclosed in
 * double quotes with inner quotes doubled. Every text cell is quoted, so a
 * comma, quote or line break inside never shifts the columns.
 */
export function csvTextCell(text: string): string {
  const safe = neutraliseFormula(escapeControls(text, "\t\n\r"));
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * Returns a number cell, unquoted. A value that is not a finite number
 * goes through the text path instead, so it can never carry a formula.
 */
export function csvNumberCell(value: number): string {
  if (Number.isFinite(value) && value >= 0) {
    return String(value);
  }

  return csvTextCell(String(value));
}
