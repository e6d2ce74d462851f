/**
 * How statement families plug into the dispatcher. Each family exports a
 * StatementFamily: parsers keyed by the words that start a statement, or by
 * the object-type words after CREATE, ALTER and DROP.
 */

import type { WithClause } from "../ast/query.js";
import type { Statement } from "../ast/statements.js";
import type { Mark, Parser } from "./parser.js";

export interface StatementContext {
  /** First token of the statement, for the node's range. */
  readonly mark: Mark;
  /** A WITH clause that preceded the statement (SELECT and DML only). */
  readonly with?: WithClause;
  /** `CREATE OR ALTER`. */
  readonly orAlter?: boolean;
  /** A procedure call without EXEC at the start of a batch. */
  readonly implicitExecute?: boolean;
}

/**
 * Parses one statement. Leading parsers start at the statement's first
 * word; CREATE, ALTER and DROP parsers start at the object-type words,
 * after the dispatcher consumed CREATE [OR ALTER], ALTER or DROP.
 */
export type StatementParser = (p: Parser, context: StatementContext) => Statement;

/**
 * Keys are upper-case words joined by one space, such as `BEGIN TRAN` or
 * `XML SCHEMA COLLECTION`; the dispatcher tries the longest key first, up
 * to three words.
 */
export interface StatementFamily {
  readonly leading?: Readonly<Record<string, StatementParser>>;
  readonly create?: Readonly<Record<string, StatementParser>>;
  readonly alter?: Readonly<Record<string, StatementParser>>;
  readonly drop?: Readonly<Record<string, StatementParser>>;
}
