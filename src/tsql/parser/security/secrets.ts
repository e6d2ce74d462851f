/**
 * Passwords and secrets in security statements. The tree keeps only that
 * a secret was given, and error messages never quote a token that may be
 * one, because diagnostics end up in reports and logs.
 */

import { TokenKind } from "../../lexer/token.js";
import { ParseAbort, ParseErrors } from "../parse-error.js";
import type { Parser } from "../parser.js";

/** Option names whose value is a password, a secret or key material. */
export const SECRET_OPTIONS: ReadonlySet<string> = new Set([
  "PASSWORD",
  "OLD_PASSWORD",
  "NEW_PASSWORD",
  "SECRET",
  "KEY_SOURCE",
  "IDENTITY_VALUE",
  "ENCRYPTION BY PASSWORD",
  "DECRYPTION BY PASSWORD",
]);

const SECRET_TOKENS: ReadonlySet<TokenKind> = new Set([
  TokenKind.String,
  TokenKind.NString,
  TokenKind.Binary,
  TokenKind.Variable,
]);

/** Reads `= secret` and drops the value. */
export function skipSecretAssignment(p: Parser, valueName: string): void {
  if (!p.isKind(TokenKind.Equals)) {
    failHidingToken(p, `'=' before the ${valueName}`);
  }
  p.advance();
  if (!SECRET_TOKENS.has(p.token.kind)) {
    failHidingToken(p, `the ${valueName} as a quoted string`);
  }
  p.advance();
}

/**
 * Abandons the statement like Parser.fail, but describes the current
 * token without quoting it when it could be a secret written in the
 * wrong place, such as a password without its `=`.
 */
export function failHidingToken(p: Parser, expected: string): never {
  const t = p.token;
  const mayBeSecret =
    SECRET_TOKENS.has(t.kind) || t.kind === TokenKind.Word || t.kind === TokenKind.QuotedIdentifier;
  if (!mayBeSecret) {
    return p.fail(expected);
  }
  const found = "a value that is not shown because it may be a secret";
  throw new ParseAbort(
    ParseErrors.unexpectedToken.code,
    ParseErrors.unexpectedToken.message(found, expected),
    p.pos,
  );
}
