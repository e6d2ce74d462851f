/**
 * The tokens that the application-code lexers return: only what finding
 * SQL in string literals needs. Comments and whitespace are dropped, and
 * every string literal carries its decoded value with source positions.
 */

import type { MappedText } from "./mapped-text.js";

export type CodeTokenKind =
  /** Identifier or keyword. */
  | "word"
  /** Operator or punctuation, with multi-character operators kept whole (`+=`, `=>`). */
  | "punct"
  /** String literal of any form, decoded. */
  | "string"
  /** Number, character literal, regular expression or anything else. */
  | "other"
  /** End of a logical line in Python, where adjacent literals stop joining. */
  | "newline";

export interface CodeToken {
  readonly kind: CodeTokenKind;
  /** Source text for words and punctuation; empty for strings. */
  readonly text: string;
  /** 1-based line and column of the first character, in UTF-16 code units. */
  readonly line: number;
  readonly column: number;
  /** The decoded value of a string, with interpolation holes as {@link HOLE}. */
  readonly value?: MappedText;
  /** Line of a string's last character. */
  readonly endLine?: number;
  /** Whether a string is a template or interpolated string (`$"..."`, f"...", `...`). */
  readonly interpolated?: boolean;
}

/**
 * The placeholder of an interpolation hole in a string's value until the
 * statement is built. It is a private-use character, so no source text
 * contains it by accident.
 */
export const HOLE = "\uE000";

/** Source languages whose string literals are scanned. */
export type SourceLanguage = "csharp" | "java" | "python" | "javascript" | "typescript";

export const SOURCE_LANGUAGES: readonly SourceLanguage[] = [
  "csharp",
  "java",
  "python",
  "javascript",
  "typescript",
];
