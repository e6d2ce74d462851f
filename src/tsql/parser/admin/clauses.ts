/**
 * Small clauses shared by administration statements: owners, literal
 * operands, variables, termination clauses and the object names that
 * Service Broker and instance objects use.
 */

import type { Expression, VariableReference } from "../../ast/expressions.js";
import type { Termination } from "../../ast/admin.js";
import type { Identifier } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import { parseArithmetic } from "../expressions.js";
import type { Parser } from "../parser.js";

/** Reads `AUTHORIZATION owner` when it comes next. */
export function parseOwner(p: Parser): Identifier | undefined {
  if (!p.eatWord("AUTHORIZATION")) {
    return undefined;
  }
  return p.parseName("an owner name after AUTHORIZATION");
}

/** True when the token is a string literal, a variable or a sqlcmd variable. */
export function isStringOrVariable(p: Parser, offset = 0): boolean {
  const kind = p.peek(offset).kind;
  return (
    kind === TokenKind.String ||
    kind === TokenKind.NString ||
    kind === TokenKind.Variable ||
    kind === TokenKind.SqlcmdVariable
  );
}

/** Reads a string literal or a variable, as in `DISK = 'x'` or `TO SERVICE @s`. */
export function parseStringOrVariable(p: Parser, what: string): Expression {
  if (!isStringOrVariable(p)) {
    p.fail(what);
  }
  return parseArithmetic(p);
}

export function parseVariable(p: Parser, what: string): VariableReference {
  const mark = p.mark();
  const t = p.token;
  if (t.kind !== TokenKind.Variable) {
    p.fail(what);
  }
  p.advance();
  return p.finish<VariableReference>(mark, { kind: "VariableReference", name: t.text });
}

/** Reads a variable, or a parenthesised variable as in `(@handle)`. */
export function parseConversationHandle(p: Parser): Expression {
  if (p.eat(TokenKind.LeftParen)) {
    const handle = parseArithmetic(p);
    p.expect(TokenKind.RightParen, "')'");
    return handle;
  }
  return parseVariable(p, "a conversation handle variable");
}

/**
 * Reads `WITH ROLLBACK IMMEDIATE | ROLLBACK AFTER n [SECONDS] | NO_WAIT`
 * when it comes next. Reference: "ALTER DATABASE SET options", SQL Server
 * 2022.
 */
export function parseTermination(p: Parser): Termination | undefined {
  if (p.isWords("WITH", "ROLLBACK", "IMMEDIATE")) {
    p.pos += 3;
    return { type: "ROLLBACK IMMEDIATE" };
  }
  if (p.isWords("WITH", "ROLLBACK", "AFTER")) {
    p.pos += 3;
    const seconds = parseArithmetic(p);
    p.eatWord("SECONDS");
    return { type: "ROLLBACK AFTER", seconds };
  }
  if (p.isWords("WITH", "NO_WAIT")) {
    p.pos += 2;
    return { type: "NO_WAIT" };
  }
  // A CTE cannot follow here without a semicolon, so WITH must be a termination.
  if (p.eatWord("WITH")) {
    p.fail("ROLLBACK IMMEDIATE, ROLLBACK AFTER n [SECONDS] or NO_WAIT after WITH");
  }
  return undefined;
}

/** Reads a name written as an identifier or as a string literal: `REMOVE FILE 'f'`. */
export function parseNameOrString(p: Parser, what: string): Identifier {
  const t = p.token;
  if (t.kind !== TokenKind.String && t.kind !== TokenKind.NString) {
    return p.parseName(what);
  }
  const mark = p.mark();
  p.advance();
  return p.finish<Identifier>(mark, { kind: "Identifier", value: t.value, quote: "none" });
}

/** Reads the upper-case word that comes next, failing with `what` otherwise. */
export function expectAnyWord(p: Parser, what: string): string {
  const word = p.wordAt();
  if (word === undefined) {
    p.fail(what);
  }
  p.advance();
  return word;
}
