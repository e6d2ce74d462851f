/**
 * The token kinds that normalisation masks, and their placeholders: a
 * literal becomes a value of the same type, so the statement still parses
 * as it did.
 */

import { TokenFlags, TokenKind, type Token } from "../../tsql/lexer/token.js";

export const NUMBERS: ReadonlySet<TokenKind> = new Set([
  TokenKind.Integer,
  TokenKind.Decimal,
  TokenKind.Float,
  TokenKind.Money,
]);

export const LITERALS: ReadonlySet<TokenKind> = new Set([...NUMBERS, TokenKind.String, TokenKind.NString, TokenKind.Binary]);

/** Token kinds that end an operand, so a sign after them is binary. */
export const OPERANDS: ReadonlySet<TokenKind> = new Set([
  ...LITERALS,
  TokenKind.QuotedIdentifier,
  TokenKind.Variable,
  TokenKind.SystemVariable,
  TokenKind.SqlcmdVariable,
  TokenKind.RightParen,
]);

/** Reserved keywords that end an operand: `CASE ... END - 1`, `CURRENT_TIMESTAMP - 1`. */
export const OPERAND_KEYWORDS: ReadonlySet<string> = new Set([
  "END",
  "NULL",
  "CURRENT_DATE",
  "CURRENT_TIME",
  "CURRENT_TIMESTAMP",
  "CURRENT_USER",
  "SESSION_USER",
  "SYSTEM_USER",
  "USER",
  "IDENTITYCOL",
  "ROWGUIDCOL",
]);

/** Returns the placeholder of a literal: a value of the same type, so the statement still parses alike. */
export function placeholderOf(token: Token): string {
  const open = (token.flags & TokenFlags.Unterminated) !== 0;
  switch (token.kind) {
    case TokenKind.String:
      return open ? "'?" : "'?'";
    case TokenKind.NString:
      return open ? "N'?" : "N'?'";
    case TokenKind.Decimal:
      return "0.0";
    case TokenKind.Float:
      return "0E0";
    case TokenKind.Money:
      return "$0";
    case TokenKind.Binary:
      return "0x";
    default:
      return "0";
  }
}
