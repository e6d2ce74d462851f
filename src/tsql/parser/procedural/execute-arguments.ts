/**
 * The arguments of EXECUTE: `[@param =] value [OUTPUT]` or DEFAULT, where
 * a value is a constant, a variable or a bare word passed as a string.
 * Reference: "EXECUTE (Transact-SQL)", SQL Server 2022.
 */

import type { Expression, Literal } from "../../ast/expressions.js";
import type { Draft } from "../../ast/node.js";
import type { ExecuteArgument } from "../../ast/procedural.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import { parsePrimary } from "../primary.js";

const VALUE_KINDS: ReadonlySet<TokenKind> = new Set([
  TokenKind.Variable,
  TokenKind.SystemVariable,
  TokenKind.String,
  TokenKind.NString,
  TokenKind.Integer,
  TokenKind.Decimal,
  TokenKind.Float,
  TokenKind.Money,
  TokenKind.Binary,
  TokenKind.QuotedIdentifier,
  TokenKind.SqlcmdVariable,
  TokenKind.Minus,
  TokenKind.Plus,
]);

const NUMBER_KINDS: ReadonlySet<TokenKind> = new Set([
  TokenKind.Integer,
  TokenKind.Decimal,
  TokenKind.Float,
  TokenKind.Money,
]);

/**
 * Unreserved words that start a statement. After a procedure name on a new
 * line they begin the next statement rather than a bare-word argument.
 */
const STATEMENT_WORDS: ReadonlySet<string> = new Set([
  "THROW",
  "RECEIVE",
  "SEND",
  "GET",
  "MOVE",
  "ENABLE",
  "DISABLE",
]);

/** True when the tokens at the cursor begin the first argument of a call. */
export function startsArgument(p: Parser): boolean {
  const t = p.token;
  if (VALUE_KINDS.has(t.kind)) {
    return true;
  }
  if (t.kind !== TokenKind.Word) {
    return false;
  }
  if (t.value === "DEFAULT" || t.value === "NULL") {
    return true;
  }
  if (STATEMENT_WORDS.has(t.value) && p.afterNewline()) {
    return false;
  }
  // `retry:` is a label that starts the next statement.
  return p.isIdentifier() && !p.isKind(TokenKind.Colon, 1);
}

/** Reads `argument [, argument ...]`. */
export function parseExecuteArguments(p: Parser): ExecuteArgument[] {
  return p.parseCommaList(() => parseExecuteArgument(p));
}

function parseExecuteArgument(p: Parser): ExecuteArgument {
  const mark = p.mark();
  let name: string | undefined;
  if (p.isKind(TokenKind.Variable) && p.isKind(TokenKind.Equals, 1)) {
    name = p.advance().text;
    p.advance();
  }

  if (p.isWord("DEFAULT")) {
    p.advance();
    return p.finish<ExecuteArgument>(mark, {
      kind: "ExecuteArgument",
      ...(name ? { name } : {}),
      output: false,
      default: true,
    });
  }

  const bareWord = p.isIdentifier();
  if (bareWord && (p.isKind(TokenKind.LeftParen, 1) || p.isKind(TokenKind.Dot, 1))) {
    // `EXEC p GETDATE()` and `EXEC p dbo.t` are rejected by SQL Server too.
    p.fail("a constant, a @variable or DEFAULT; EXEC takes no expressions or function calls as arguments");
  }
  const value = bareWord ? parseBareWord(p) : parseArgumentValue(p);
  const output = p.eatWord("OUTPUT") || p.eatWord("OUT");
  const node = { kind: "ExecuteArgument" } as Draft<ExecuteArgument>;
  if (name) node.name = name;
  node.value = value;
  if (bareWord) node.bareWord = true;
  node.output = output;
  node.default = false;
  return p.finish<ExecuteArgument>(mark, node);
}

/** Reads a constant, a variable or a signed number. SQL Server accepts no expressions here. */
function parseArgumentValue(p: Parser): Expression {
  const mark = p.mark();
  const t = p.token;
  if (t.kind === TokenKind.Minus || t.kind === TokenKind.Plus) {
    p.advance();
    if (!NUMBER_KINDS.has(p.token.kind)) {
      p.fail("a number after the sign");
    }
    const operand = parsePrimary(p);
    const operator = t.kind === TokenKind.Minus ? "-" : "+";
    return p.finish(mark, { kind: "UnaryExpression", operator, operand });
  }
  if (!VALUE_KINDS.has(t.kind) && !p.isWord("NULL")) {
    p.fail("a parameter value: a constant, a @variable or DEFAULT");
  }
  return parsePrimary(p);
}

/**
 * Reads a bare word. `EXEC sp_help Orders` passes the string 'Orders', as
 * written, and `[dbo.Orders]` passes the string dbo.Orders.
 */
function parseBareWord(p: Parser): Literal {
  const mark = p.mark();
  const t = p.advance();
  const value = t.kind === TokenKind.QuotedIdentifier ? t.value : t.text;
  return p.finish<Literal>(mark, { kind: "Literal", type: "String", value });
}
