/**
 * Diagnostics produced by the front end. The library never throws on user
 * input: every problem with the input becomes one of these, with the place
 * where it was found.
 */

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  /** Stable reason code, for example `parse.unexpected-token`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Offset of the first character, in UTF-16 code units of the decoded text. */
  readonly start: number;
  readonly end: number;
  /** 1-based line and column of `start`. */
  readonly line: number;
  readonly column: number;
  /** File or module name the text came from, when the caller gave one. */
  readonly file?: string;
}

/**
 * Renders a diagnostic as `file:line:col: severity: message`, followed by
 * the source line and a caret under the column when the text is given.
 */
export function formatDiagnostic(d: Diagnostic, text?: string): string {
  const where = `${d.file ?? "<input>"}:${d.line}:${d.column}`;
  const head = `${where}: ${d.severity}: ${d.message}`;
  if (text === undefined) {
    return head;
  }

  const lineText = sourceLine(text, d.start);
  const caretPad = " ".repeat(Math.max(0, d.column - 1));
  return `${head}\n  ${lineText}\n  ${caretPad}^`;
}

function sourceLine(text: string, offset: number): string {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== "\n" && text[lineStart - 1] !== "\r") {
    lineStart--;
  }

  let lineEnd = offset;
  while (lineEnd < text.length && text[lineEnd] !== "\n" && text[lineEnd] !== "\r") {
    lineEnd++;
  }

  return text.slice(lineStart, lineEnd).replace(/\t/g, " ");
}
