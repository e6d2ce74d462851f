/**
 * Parameters of procedures, functions and aggregates:
 * `@name [AS] [type_schema.]type [VARYING] [NULL | NOT NULL] [= default]
 * [OUT | OUTPUT] [READONLY]`.
 * Reference: CREATE PROCEDURE (Transact-SQL), SQL Server 2022.
 */

import type { DataType, Identifier, SchemaObjectName } from "../../ast/node.js";
import type { ProcedureParameter } from "../../ast/modules.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";

/**
 * Reads procedure parameters, which may stand in parentheses or follow the
 * name directly: `CREATE PROC p @a int, @b int AS ...`.
 */
export function parseProcedureParameters(p: Parser): ProcedureParameter[] {
  if (p.isKind(TokenKind.LeftParen)) {
    return parseParenthesizedParameters(p);
  }
  if (!p.isVariableName()) {
    return [];
  }
  return p.parseCommaList(() => parseParameter(p));
}

/** Reads `( [parameter [, ...]] )`, as functions and aggregates require. */
export function parseParenthesizedParameters(p: Parser): ProcedureParameter[] {
  p.expect(TokenKind.LeftParen, "'(' before the parameter list");
  if (p.eat(TokenKind.RightParen)) {
    return [];
  }
  const parameters = p.parseCommaList(() => parseParameter(p));
  p.expect(TokenKind.RightParen, "')' after the parameter list");
  return parameters;
}

export function parseParameter(p: Parser): ProcedureParameter {
  const mark = p.mark();
  if (!p.isVariableName()) {
    p.fail("a parameter name starting with @");
  }
  const name = p.advance().text;
  p.eatWord("AS");
  const dataType = parseParameterType(p);
  const varying = p.eatWord("VARYING");

  let nullable: boolean | undefined;
  if (p.eatWords("NOT", "NULL")) {
    nullable = false;
  } else if (p.eatWord("NULL")) {
    nullable = true;
  }

  const defaultValue = p.eat(TokenKind.Equals) ? parseExpression(p) : undefined;
  const output = p.eatWord("OUTPUT") || p.eatWord("OUT");
  const readonly = p.eatWord("READONLY");

  return p.finish<ProcedureParameter>(mark, {
    kind: "ProcedureParameter",
    name,
    dataType,
    varying,
    ...(nullable === undefined ? {} : { nullable }),
    ...(defaultValue ? { defaultValue } : {}),
    output,
    readonly,
  });
}

/** Reads a data type, or CURSOR, which is reserved and so not read as a type name. */
function parseParameterType(p: Parser): DataType {
  if (!p.isWord("CURSOR")) {
    return p.parseDataType();
  }

  const mark = p.mark();
  const word = p.advance();
  const identifier = p.finish<Identifier>(mark, { kind: "Identifier", value: word.text, quote: "none" });
  const name = p.finish<SchemaObjectName>(mark, { kind: "SchemaObjectName", name: identifier, partCount: 1 });
  return p.finish<DataType>(mark, { kind: "DataType", name, parameters: [] });
}
