/**
 * SET: assignment to a variable, including cursor variables and CLR
 * properties and methods, and the SET options, read in set-options.ts.
 * Reference: "SET @local_variable (Transact-SQL)", SQL Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type { Draft } from "../../ast/node.js";
import type { AssignmentOperator, CursorDefinition, SetVariableStatement } from "../../ast/procedural.js";
import type { Statement } from "../../ast/statements.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import { parsePrimary } from "../primary.js";
import type { StatementContext } from "../registry.js";
import { parseCursorDefinition } from "./cursor-definition.js";
import { parseSetOption } from "./set-options.js";

export function parseSet(p: Parser, context: StatementContext): Statement {
  p.expectWord("SET");
  if (p.isKind(TokenKind.Variable)) {
    return parseSetVariable(p, context);
  }
  if (p.isKind(TokenKind.SystemVariable) && (p.isKind(TokenKind.Equals, 1) || p.isKind(TokenKind.CompoundAssign, 1))) {
    return parseSetVariable(p, context);
  }
  return parseSetOption(p, context);
}

/**
 * Reads the rest of `SET @v = value`, `SET @v += value`, `SET @c = CURSOR
 * ...`, `SET @p.Property = value` or `SET @p.Method(args)`.
 */
function parseSetVariable(p: Parser, context: StatementContext): SetVariableStatement {
  const variable = p.token.text;
  const target = parsePrimary(p);

  const operator = assignmentOperator(p);
  if (operator === undefined) {
    if (target.kind !== "MethodCall") {
      p.fail("'=' or a compound assignment such as '+=' after the variable");
    }
    return p.finish<SetVariableStatement>(context.mark, { kind: "SetVariableStatement", variable, target });
  }
  p.advance();

  let cursor: CursorDefinition | undefined;
  let value: Expression | undefined;
  if (operator === "=" && p.isWord("CURSOR")) {
    cursor = parseCursorDefinition(p, p.mark());
  } else {
    value = parseExpression(p);
  }

  const node: Draft<SetVariableStatement> = { kind: "SetVariableStatement", variable, target, operator };
  if (value) node.value = value;
  if (cursor) node.cursor = cursor;
  const first = p.tokens[context.mark]!;
  node.start = first.start;
  node.end = p.endAt(context.mark);
  node.line = first.line;
  node.column = first.column;
  return node as SetVariableStatement;
}

function assignmentOperator(p: Parser): AssignmentOperator | undefined {
  const t = p.token;
  if (t.kind === TokenKind.Equals) {
    return "=";
  }
  if (t.kind === TokenKind.CompoundAssign) {
    return t.text as AssignmentOperator;
  }
  return undefined;
}
