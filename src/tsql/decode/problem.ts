/**
 * A decoding problem before it becomes a Diagnostic: the decoders know the
 * offset in the decoded text, and decode() adds line, column and file.
 */

import type { Severity } from "../diagnostics.js";

export interface DecodeProblem {
  /** Reason code, for example `decode.invalid-utf8`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Offset in the decoded text (UTF-16 code units) the problem points at. */
  readonly offset: number;
}

export interface Decoded {
  readonly text: string;
  readonly problems: DecodeProblem[];
}

/**
 * Advice appended to messages about bytes that do not fit an encoding that
 * infio detected.
 */
export const OVERRIDE_ADVICE = "pass --encoding to override";

/**
 * Advice appended to messages about bytes that do not fit the encoding the
 * user gave with --encoding. Telling them to pass --encoding again would
 * not help.
 */
export function givenEncodingAdvice(encoding: string): string {
  const name = encoding.startsWith("utf-") ? encoding.toUpperCase() : encoding;
  return `the file may not be in ${name}, the encoding given with --encoding`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
