/**
 * PRINT, RAISERROR and THROW. Reference: "PRINT", "RAISERROR" and "THROW
 * (Transact-SQL)", SQL Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type { PrintStatement, RaiserrorStatement, ThrowStatement } from "../../ast/procedural.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import { parsePrimary } from "../primary.js";
import type { StatementContext } from "../registry.js";

const RAISERROR_OPTIONS: readonly string[] = ["LOG", "NOWAIT", "SETERROR"];

export function parsePrint(p: Parser, context: StatementContext): PrintStatement {
  p.expectWord("PRINT");
  const expression = parseExpression(p);
  return p.finish<PrintStatement>(context.mark, { kind: "PrintStatement", expression });
}

/**
 * `RAISERROR (msg, severity, state [, argument ...]) [WITH LOG, NOWAIT,
 * SETERROR]`, and the legacy `RAISERROR number 'text'`, which SQL Server
 * 2012 and later reject but old scripts still contain.
 */
export function parseRaiserror(p: Parser, context: StatementContext): RaiserrorStatement {
  p.expectWord("RAISERROR");
  if (!p.isKind(TokenKind.LeftParen)) {
    return parseLegacyRaiserror(p, context);
  }

  p.advance();
  const message = parseExpression(p);
  p.expect(TokenKind.Comma, "',' and the severity after the message");
  const severity = parseExpression(p);
  p.expect(TokenKind.Comma, "',' and the state after the severity");
  const state = parseExpression(p);
  const args: Expression[] = [];
  while (p.eat(TokenKind.Comma)) {
    args.push(parseExpression(p));
  }
  p.expect(TokenKind.RightParen, "')' to close RAISERROR");

  return p.finish<RaiserrorStatement>(context.mark, {
    kind: "RaiserrorStatement",
    message,
    severity,
    state,
    arguments: args,
    options: parseRaiserrorOptions(p),
    legacySyntax: false,
  });
}

/** `RAISERROR 50001 'text'` or `RAISERROR @number @text`. */
function parseLegacyRaiserror(p: Parser, context: StatementContext): RaiserrorStatement {
  if (!p.isKind(TokenKind.Integer) && !p.isKind(TokenKind.Variable)) {
    p.fail("'(' or, in the legacy form, an error number");
  }
  const errorNumber = parsePrimary(p);
  const t = p.token;
  if (t.kind !== TokenKind.String && t.kind !== TokenKind.NString && t.kind !== TokenKind.Variable) {
    p.fail("the message text after the error number");
  }
  const message = parsePrimary(p);

  return p.finish<RaiserrorStatement>(context.mark, {
    kind: "RaiserrorStatement",
    message,
    errorNumber,
    arguments: [],
    options: parseRaiserrorOptions(p),
    legacySyntax: true,
  });
}

function parseRaiserrorOptions(p: Parser): string[] {
  if (!p.isWord("WITH") || !RAISERROR_OPTIONS.includes(p.wordAt(1) ?? "")) {
    return [];
  }
  p.advance();
  return p.parseCommaList(() => p.expectOneOf(RAISERROR_OPTIONS));
}

/**
 * `THROW number, message, state`, or THROW alone, which rethrows the error
 * that a CATCH block caught. A word after THROW begins the next statement.
 */
export function parseThrow(p: Parser, context: StatementContext): ThrowStatement {
  p.expectWord("THROW");
  const t = p.token;
  if (t.kind === TokenKind.Semicolon || t.kind === TokenKind.EndOfInput || t.kind === TokenKind.Word) {
    return p.finish<ThrowStatement>(context.mark, { kind: "ThrowStatement" });
  }

  const errorNumber = parseExpression(p);
  p.expect(TokenKind.Comma, "',' and the message after the error number");
  const message = parseExpression(p);
  p.expect(TokenKind.Comma, "',' and the state after the message");
  const state = parseExpression(p);
  return p.finish<ThrowStatement>(context.mark, { kind: "ThrowStatement", errorNumber, message, state });
}
