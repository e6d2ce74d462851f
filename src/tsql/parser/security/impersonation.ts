/**
 * Changing the security context: EXECUTE AS, REVERT and SETUSER, and
 * module signing with ADD SIGNATURE.
 * Reference: EXECUTE AS, REVERT, SETUSER and ADD SIGNATURE (Transact-SQL),
 * SQL Server 2022.
 */

import type {
  AddSignatureStatement,
  ExecuteAsStatement,
  RevertStatement,
  SetUserStatement,
  Signer,
} from "../../ast/security.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseSecurable } from "./securables.js";
import { skipSecretAssignment } from "./secrets.js";

/**
 * `{EXEC | EXECUTE} AS {LOGIN | USER} = 'name' [WITH {NO REVERT | COOKIE
 * INTO @cookie}]` or `EXECUTE AS CALLER`.
 */
export function parseExecuteAs(p: Parser, context: StatementContext): ExecuteAsStatement {
  p.expectOneOf(["EXECUTE", "EXEC"]);
  p.expectWord("AS");
  const principalType = p.expectOneOf(["LOGIN", "USER", "CALLER"]) as ExecuteAsStatement["principalType"];
  if (principalType === "CALLER") {
    return p.finish<ExecuteAsStatement>(context.mark, {
      kind: "ExecuteAsStatement",
      principalType,
      noRevert: false,
    });
  }

  p.expect(TokenKind.Equals, `'=' after ${principalType}`);
  const principal = parsePrincipalValue(p);
  let noRevert = false;
  let cookie: string | undefined;
  if (p.isWord("WITH") && (p.isWord("NO", 1) || p.isWord("COOKIE", 1))) {
    p.advance();
    if (p.eatWords("NO", "REVERT")) {
      noRevert = true;
    } else {
      p.expectWords("COOKIE", "INTO");
      cookie = p.expect(TokenKind.Variable, "a varbinary variable for the cookie").text;
    }
  }

  return p.finish<ExecuteAsStatement>(context.mark, {
    kind: "ExecuteAsStatement",
    principalType,
    principal,
    noRevert,
    ...(cookie ? { cookie } : {}),
  });
}

/** Reads a login or user name: a string literal, or a variable that contains one. */
function parsePrincipalValue(p: Parser): string {
  const t = p.token;
  if (t.kind === TokenKind.String || t.kind === TokenKind.NString) {
    p.advance();
    return t.value;
  }
  return p.expect(TokenKind.Variable, "a quoted login or user name").text;
}

/** `REVERT [WITH COOKIE = @cookie]`. */
export function parseRevert(p: Parser, context: StatementContext): RevertStatement {
  p.expectWord("REVERT");
  let cookie: string | undefined;
  if (p.eatWords("WITH", "COOKIE")) {
    p.expect(TokenKind.Equals, "'=' after COOKIE");
    cookie = p.expect(TokenKind.Variable, "the cookie variable").text;
  }
  return p.finish<RevertStatement>(context.mark, {
    kind: "RevertStatement",
    ...(cookie ? { cookie } : {}),
  });
}

/** `SETUSER ['user' [WITH NORESET]]`. */
export function parseSetUser(p: Parser, context: StatementContext): SetUserStatement {
  p.expectWord("SETUSER");
  const t = p.token;
  let user: string | undefined;
  if (t.kind === TokenKind.String || t.kind === TokenKind.NString) {
    p.advance();
    user = t.value;
  }
  const noReset = user !== undefined && p.eatWords("WITH", "NORESET");
  return p.finish<SetUserStatement>(context.mark, {
    kind: "SetUserStatement",
    ...(user !== undefined ? { user } : {}),
    noReset,
  });
}

/**
 * `ADD [COUNTER] SIGNATURE TO [class ::] module BY {CERTIFICATE c |
 * ASYMMETRIC KEY k} [WITH {PASSWORD = '...' | SIGNATURE = 0x...}] [, ...]`.
 */
export function parseAddSignature(p: Parser, context: StatementContext): AddSignatureStatement {
  p.expectWord("ADD");
  const counter = p.eatWord("COUNTER");
  p.expectWords("SIGNATURE", "TO");
  const securable = parseSecurable(p);
  p.expectWord("BY");
  const signers = p.parseCommaList(() => parseSigner(p));

  return p.finish<AddSignatureStatement>(context.mark, {
    kind: "AddSignatureStatement",
    counter,
    securable,
    signers,
  });
}

function parseSigner(p: Parser): Signer {
  const mark = p.mark();
  let mechanism: Signer["mechanism"];
  if (p.eatWord("CERTIFICATE")) {
    mechanism = "CERTIFICATE";
  } else {
    p.expectWords("ASYMMETRIC", "KEY");
    mechanism = "ASYMMETRIC KEY";
  }
  const name = p.parseIdentifier(`a ${mechanism.toLowerCase()} name`);

  let passwordGiven = false;
  let signatureGiven = false;
  if (p.eatWords("WITH", "PASSWORD")) {
    skipSecretAssignment(p, "password");
    passwordGiven = true;
  } else if (p.eatWords("WITH", "SIGNATURE")) {
    p.expect(TokenKind.Equals, "'=' after SIGNATURE");
    p.expect(TokenKind.Binary, "a binary signature such as 0x1A2B");
    signatureGiven = true;
  }

  return p.finish<Signer>(mark, { kind: "Signer", mechanism, name, passwordGiven, signatureGiven });
}
