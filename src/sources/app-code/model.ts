/**
 * The application-code part of an assessment: which source trees were
 * scanned, what was skipped and why, and each SQL statement found in a
 * string literal. Field names follow `applicationCode` in
 * schema/assessment.schema.json.
 */

import type { SourceLanguage } from "./tokens.js";

/** A source language, or `sql` for a `.sql` file inside the tree, assessed as a script. */
export type ScannedLanguage = SourceLanguage | "sql";

/** One statement found in a string literal. */
export interface AppCodeStatement {
  /** The source file, named as in findings. */
  readonly file: string;
  /** 1-based line and column of the statement's first literal in the source file. */
  readonly line: number;
  readonly column: number;
  /** Line of the statement's last character. */
  readonly endLine: number;
  readonly language: SourceLanguage;
  /** The raw-SQL call, property or tag it is given to (`SqlCommand`, `execute`), when known. */
  readonly call?: string;
  /** Enclosing `Class.method`, or empty when not found. */
  readonly scope: string;
  /** Non-literal parts, replaced by `@__dynamic1`, `@__dynamic2`, ... */
  readonly dynamicParts: number;
  /** Driver parameter markers (`?`, `%s`, `:name`), replaced by variables. */
  readonly parameters: number;
  /** The statement as assessed. */
  readonly text: string;
}

/** One scanned file that held SQL, or a `.sql` file assessed as a script. */
export interface AppCodeFile {
  readonly file: string;
  readonly language: ScannedLanguage;
  readonly bytes: number;
  /** Statements found; 0 for a `.sql` file. */
  readonly statements: number;
  /** Of those, statements with non-literal parts. */
  readonly partlyDynamic: number;
}

export interface ApplicationCodeSource {
  /** The folders as the user gave them. */
  readonly roots: readonly string[];
  /** Files read, by language. */
  readonly filesScanned: Readonly<Partial<Record<ScannedLanguage, number>>>;
  readonly bytesScanned: number;
  readonly statementsFound: number;
  readonly partlyDynamic: number;
  /**
   * Strings left out although they started like SQL, because a quote or
   * comment in them is not closed, which would swallow what follows.
   */
  readonly unterminated: number;
  /** Folders and files left out, counted by reason (see docs/app-code.md). */
  readonly skipped: Readonly<Record<string, number>>;
  /** Files with statements and `.sql` files, in walk order. */
  readonly files: readonly AppCodeFile[];
  /** In file order, then by position. */
  readonly statements: readonly AppCodeStatement[];
}
