/**
 * The options after EXECUTE: `WITH RECOMPILE` and `WITH RESULT SETS`.
 * Reference: "EXECUTE (Transact-SQL)", SQL Server 2022.
 */

import type { Identifier } from "../../ast/node.js";
import type { ExecuteOption, ResultColumnDefinition, ResultSetDefinition } from "../../ast/procedural.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";

/** True at `WITH RECOMPILE` or `WITH RESULT SETS`, not at a CTE that starts the next statement. */
export function startsExecuteOptions(p: Parser): boolean {
  return p.isWord("WITH") && (p.isWord("RECOMPILE", 1) || (p.isWord("RESULT", 1) && p.isWord("SETS", 2)));
}

/** Reads `WITH option [, option]`. */
export function parseExecuteOptions(p: Parser): ExecuteOption[] {
  p.expectWord("WITH");
  return p.parseCommaList(() => parseExecuteOption(p));
}

function parseExecuteOption(p: Parser): ExecuteOption {
  const mark = p.mark();
  if (p.eatWord("RECOMPILE")) {
    return p.finish<ExecuteOption>(mark, { kind: "ExecuteOption", name: "RECOMPILE" });
  }
  if (!p.eatWords("RESULT", "SETS")) {
    p.fail("RECOMPILE or RESULT SETS");
  }

  let resultSets: ExecuteOption["resultSets"];
  if (p.isWord("NONE") || p.isWord("UNDEFINED")) {
    resultSets = p.advance().value as "NONE" | "UNDEFINED";
  } else {
    p.expect(TokenKind.LeftParen, "NONE, UNDEFINED or '(' after RESULT SETS");
    resultSets = p.parseCommaList(() => parseResultSet(p));
    p.expect(TokenKind.RightParen, "')' to close RESULT SETS");
  }
  return p.finish<ExecuteOption>(mark, { kind: "ExecuteOption", name: "RESULT SETS", resultSets });
}

/** `(column type [COLLATE c] [NULL | NOT NULL], ...)`, `AS OBJECT name`, `AS TYPE name` or `AS FOR XML`. */
function parseResultSet(p: Parser): ResultSetDefinition {
  const mark = p.mark();
  if (p.eatWord("AS")) {
    if (p.eatWords("FOR", "XML")) {
      return p.finish<ResultSetDefinition>(mark, { kind: "ResultSetDefinition", type: "FOR XML" });
    }
    const type = p.expectOneOf(["OBJECT", "TYPE"]) as "OBJECT" | "TYPE";
    const name = p.parseSchemaObjectName(type === "OBJECT" ? "a table, view or function name" : "a table type name");
    return p.finish<ResultSetDefinition>(mark, { kind: "ResultSetDefinition", type, name });
  }

  p.expect(TokenKind.LeftParen, "'(' before the result set columns, or AS OBJECT, AS TYPE or AS FOR XML");
  const columns = p.parseCommaList(() => parseResultColumn(p));
  p.expect(TokenKind.RightParen, "')' after the result set columns");
  return p.finish<ResultSetDefinition>(mark, { kind: "ResultSetDefinition", type: "COLUMNS", columns });
}

function parseResultColumn(p: Parser): ResultColumnDefinition {
  const mark = p.mark();
  const name = p.parseIdentifier("a column name");
  const dataType = p.parseDataType();
  let collation: Identifier | undefined;
  if (p.eatWord("COLLATE")) {
    collation = p.parseName("a collation name");
  }

  let nullable: boolean | undefined;
  if (p.eatWord("NULL")) {
    nullable = true;
  } else if (p.eatWords("NOT", "NULL")) {
    nullable = false;
  }

  return p.finish<ResultColumnDefinition>(mark, {
    kind: "ResultColumnDefinition",
    name,
    dataType,
    ...(collation ? { collation } : {}),
    ...(nullable === undefined ? {} : { nullable }),
  });
}
