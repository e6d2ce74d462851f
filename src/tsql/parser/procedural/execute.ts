/**
 * EXECUTE of procedures and of strings, the procedure call without EXEC at
 * the start of a batch, and EXECUTE as the row source of `INSERT ... EXEC`.
 * Reference: "EXECUTE (Transact-SQL)", SQL Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type { Draft, SchemaObjectName } from "../../ast/node.js";
import type { ExecuteArgument, ExecuteOption, ExecuteStatement } from "../../ast/procedural.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseExecuteArguments, startsArgument } from "./execute-arguments.js";
import { parseExecuteOptions, startsExecuteOptions } from "./result-sets.js";

/**
 * Reads `EXEC [@rc =] {proc | @procVar} [;n] [args] [WITH ...]` or
 * `EXEC (string [+ ...] [, args]) [AS ...] [AT ...]`. With
 * `context.implicitExecute` the statement starts at the procedure name.
 * `insertSource` marks the node as the row source of `INSERT ... EXEC`.
 */
export function parseExecute(
  p: Parser,
  context: StatementContext,
  insertSource = false,
): ExecuteStatement {
  const implicit = context.implicitExecute === true;
  if (!implicit) {
    p.expectOneOf(["EXEC", "EXECUTE"]);
    if (p.isKind(TokenKind.LeftParen)) {
      return parseExecuteString(p, context, insertSource);
    }
  }

  let returnStatus: string | undefined;
  if (!implicit && p.isKind(TokenKind.Variable) && p.isKind(TokenKind.Equals, 1)) {
    returnStatus = p.advance().text;
    p.advance();
  }

  let procedure: SchemaObjectName | undefined;
  let procedureVariable: string | undefined;
  if (!implicit && p.isKind(TokenKind.Variable)) {
    procedureVariable = p.advance().text;
  } else {
    procedure = p.parseSchemaObjectName("a procedure name or @variable after EXEC");
  }

  // `proc;2` names procedure number 2 of a numbered procedure group.
  let procedureNumber: string | undefined;
  if (p.isKind(TokenKind.Semicolon) && p.isKind(TokenKind.Integer, 1)) {
    p.advance();
    procedureNumber = p.advance().text;
  }

  const args = startsArgument(p) ? parseExecuteArguments(p) : [];
  const options = startsExecuteOptions(p) ? parseExecuteOptions(p) : [];

  const node = { kind: "ExecuteStatement" } as Draft<ExecuteStatement>;
  if (procedure) node.procedure = procedure;
  if (procedureVariable) node.procedureVariable = procedureVariable;
  if (procedureNumber) node.procedureNumber = procedureNumber;
  if (returnStatus) node.returnStatus = returnStatus;
  node.arguments = args;
  node.implicit = implicit;
  if (insertSource) node.insertSource = true;
  node.options = options;
  return p.finish<ExecuteStatement>(context.mark, node);
}

/**
 * Reads EXECUTE as the row source of `INSERT ... EXEC`, at the EXEC
 * keyword: every form of the statement, with the same node.
 */
export function parseExecuteInsertSource(p: Parser): ExecuteStatement {
  return parseExecute(p, { mark: p.mark() }, true);
}

/**
 * `EXEC ('...' + @v [, args]) [AS LOGIN | USER = 'name'] [AT server | AT
 * DATA_SOURCE name] [WITH ...]`. The pieces joined by `+` are kept apart
 * so the analysis can parse literal dynamic SQL.
 */
function parseExecuteString(
  p: Parser,
  context: StatementContext,
  insertSource: boolean,
): ExecuteStatement {
  p.expect(TokenKind.LeftParen, "'('");
  const strings = splitConcatenation(parseExpression(p));
  const args: ExecuteArgument[] = p.eat(TokenKind.Comma) ? parseExecuteArguments(p) : [];
  p.expect(TokenKind.RightParen, "')' to close EXEC (");

  let asContext: ExecuteStatement["asContext"];
  if (p.isWord("AS") && (p.isWord("LOGIN", 1) || p.isWord("USER", 1))) {
    p.advance();
    const type = p.advance().value as "LOGIN" | "USER";
    p.expect(TokenKind.Equals, `'=' after AS ${type}`);
    asContext = { type, name: parseExpression(p) };
  }

  let at: ExecuteStatement["at"];
  if (p.isWord("AT") && (p.isIdentifier(1) || p.isKind(TokenKind.Word, 1))) {
    p.advance();
    const dataSource = p.isWord("DATA_SOURCE") && (p.isIdentifier(1) || p.isKind(TokenKind.Word, 1));
    if (dataSource) {
      p.advance();
    }
    at = { dataSource, name: p.parseName("a linked server or data source name after AT") };
  }

  const options: ExecuteOption[] = startsExecuteOptions(p) ? parseExecuteOptions(p) : [];
  return p.finish<ExecuteStatement>(context.mark, {
    kind: "ExecuteStatement",
    arguments: args,
    strings,
    ...(asContext ? { asContext } : {}),
    ...(at ? { at } : {}),
    implicit: false,
    ...(insertSource ? { insertSource: true as const } : {}),
    options,
  });
}

/** Flattens `a + b + c` into its operands, left to right. */
function splitConcatenation(expression: Expression): Expression[] {
  const pieces: Expression[] = [];
  let current = expression;
  while (current.kind === "BinaryExpression" && current.operator === "+") {
    pieces.push(current.right);
    current = current.left;
  }
  pieces.push(current);
  return pieces.reverse();
}
