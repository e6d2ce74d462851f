/**
 * EXECUTE as the row source of `INSERT ... EXEC`. Reference: "EXECUTE
 * (Transact-SQL)", SQL Server 2022:
 *
 *   EXEC[UTE] [@status =] { procedure [;number] | @procedure_variable }
 *     [[@parameter =] { value | @variable [OUTPUT] | DEFAULT }] [, ...]
 *     [WITH RECOMPILE]
 *   EXEC[UTE] ( string_expression [, argument ...] )
 *     [AS { LOGIN | USER } = 'name'] [AT linked_server | AT DATA_SOURCE name]
 *
 * NOTE: this reads what INSERT needs and no more. EXECUTE as a statement
 * of its own is registered by another statement family.
 */

import type { InsertExecArgument, InsertExecSource } from "../../ast/dml.js";
import type { Expression, VariableReference } from "../../ast/expressions.js";
import type { Identifier, SchemaObjectName } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import { isBareAlias } from "../aliases.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import { appendAll } from "../../../util/arrays.js";

/** Token kinds that can begin an argument value. */
const VALUE_KINDS = new Set([
  TokenKind.Variable,
  TokenKind.SystemVariable,
  TokenKind.String,
  TokenKind.NString,
  TokenKind.Integer,
  TokenKind.Decimal,
  TokenKind.Float,
  TokenKind.Money,
  TokenKind.Binary,
  TokenKind.Minus,
  TokenKind.Plus,
  TokenKind.QuotedIdentifier,
  TokenKind.SqlcmdVariable,
]);

interface Fields {
  returnStatus?: VariableReference;
  procedure?: SchemaObjectName;
  procedureNumber?: number;
  procedureVariable?: VariableReference;
  command?: Expression;
  arguments: InsertExecArgument[];
  executeAs?: { readonly type: "LOGIN" | "USER"; readonly name: string };
  linkedServer?: Identifier;
  dataSource?: Identifier;
  withOptions: string[];
}

export function parseInsertExecSource(p: Parser): InsertExecSource {
  const mark = p.mark();
  p.expectOneOf(["EXEC", "EXECUTE"]);
  const fields: Fields = { arguments: [], withOptions: [] };

  if (p.isKind(TokenKind.LeftParen)) {
    parseCommandString(p, fields);
  } else {
    parseProcedureCall(p, fields);
  }
  return p.finish<InsertExecSource>(mark, {
    kind: "InsertExecSource",
    ...fields,
  });
}

function parseCommandString(p: Parser, fields: Fields): void {
  p.expect(TokenKind.LeftParen, "'('");
  fields.command = parseExpression(p);
  while (p.eat(TokenKind.Comma)) {
    fields.arguments.push(parseArgument(p));
  }
  p.expect(TokenKind.RightParen, "')' to close the command string");

  if (p.isWord("AS") && (p.isWord("LOGIN", 1) || p.isWord("USER", 1))) {
    p.advance();
    const type = p.advance().value as "LOGIN" | "USER";
    p.expect(TokenKind.Equals, "'='");
    const name = p.token;
    if (name.kind !== TokenKind.String && name.kind !== TokenKind.NString) {
      p.fail(`a quoted ${type.toLowerCase()} name`);
    }
    p.advance();
    fields.executeAs = { type, name: name.value };
  }

  if (p.eatWord("AT")) {
    if (p.isWord("DATA_SOURCE") && p.isIdentifier(1)) {
      p.advance();
      fields.dataSource = p.parseIdentifier("a data source name");
    } else {
      fields.linkedServer = p.parseIdentifier("a linked server name after AT");
    }
  }
}

function parseProcedureCall(p: Parser, fields: Fields): void {
  if (p.isKind(TokenKind.Variable) && p.isKind(TokenKind.Equals, 1)) {
    fields.returnStatus = parseVariable(p);
    p.advance();
  }

  if (p.isKind(TokenKind.Variable)) {
    fields.procedureVariable = parseVariable(p);
  } else {
    fields.procedure = p.parseSchemaObjectName(
      "a procedure name after EXECUTE",
    );
    const number = parseProcedureNumber(p);
    if (number !== undefined) {
      fields.procedureNumber = number;
    }
  }

  if (atArgument(p)) {
    appendAll(fields.arguments, p.parseCommaList(() => parseArgument(p)));
  }

  const withOption =
    p.isWords("WITH", "RECOMPILE") || p.isWords("WITH", "RESULT", "SETS");
  if (withOption) {
    p.advance();
    appendAll(fields.withOptions, p.parseCommaList(() => parseExecuteOption(p)));
  }
}

/**
 * Reads `;number` of a numbered procedure, written without blanks as in
 * `EXEC dbo.orders;2`. A semicolon with blanks around it ends the statement.
 */
function parseProcedureNumber(p: Parser): number | undefined {
  const semicolon = p.token;
  const number = p.peek(1);
  const adjacent =
    semicolon.kind === TokenKind.Semicolon &&
    number.kind === TokenKind.Integer &&
    semicolon.start === p.peek(-1).end &&
    number.start === semicolon.end;
  if (!adjacent) {
    return undefined;
  }
  p.pos += 2;
  return Number(number.text);
}

function atArgument(p: Parser): boolean {
  const t = p.token;
  if (VALUE_KINDS.has(t.kind)) {
    return true;
  }
  if (t.kind !== TokenKind.Word) {
    return false;
  }
  // A bare word is a string argument (`EXEC sp_helpdb master`) unless it
  // could begin the next statement.
  return t.value === "DEFAULT" || t.value === "NULL" || isBareAlias(p);
}

function parseArgument(p: Parser): InsertExecArgument {
  const mark = p.mark();
  let name: string | undefined;
  if (p.isKind(TokenKind.Variable) && p.isKind(TokenKind.Equals, 1)) {
    name = p.advance().text;
    p.advance();
  }

  const value = parseExpression(p);
  const output = p.eatWord("OUTPUT") || p.eatWord("OUT");
  return p.finish<InsertExecArgument>(mark, {
    kind: "InsertExecArgument",
    ...(name !== undefined ? { name } : {}),
    value,
    output,
  });
}

/** `RECOMPILE` or `RESULT SETS { UNDEFINED | NONE | (...) }`, kept as text. */
function parseExecuteOption(p: Parser): string {
  const mark = p.mark();
  if (p.eatWord("RECOMPILE")) {
    return "RECOMPILE";
  }
  p.expectWords("RESULT", "SETS");
  if (p.isKind(TokenKind.LeftParen)) {
    p.skipParenthesized();
  } else {
    p.expectOneOf(["UNDEFINED", "NONE"]);
  }
  return p.textFrom(mark);
}

function parseVariable(p: Parser): VariableReference {
  const mark = p.mark();
  const t = p.advance();
  return p.finish<VariableReference>(mark, {
    kind: "VariableReference",
    name: t.text,
  });
}
