/**
 * CREATE USER and ALTER USER.
 * Reference: CREATE USER and ALTER USER (Transact-SQL), SQL Server 2022.
 */

import type { Identifier } from "../../ast/node.js";
import type { SecurityOption, UserStatement } from "../../ast/security.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { hasPassword, parseSecurityOptionList } from "./security-options.js";

/**
 * `USER name [{FOR | FROM} {LOGIN l | CERTIFICATE c | ASYMMETRIC KEY k}
 * | WITHOUT LOGIN | FROM EXTERNAL PROVIDER] [WITH options]`, from USER on.
 * A user with neither, such as `[DOMAIN\name]`, maps to the login of the
 * same name or is a contained user with a password.
 */
export function parseCreateUser(p: Parser, context: StatementContext): UserStatement {
  p.expectWord("USER");
  const name = p.parseIdentifier("a user name");

  let login: Identifier | undefined;
  let certificate: Identifier | undefined;
  let asymmetricKey: Identifier | undefined;
  let externalProvider = false;
  const withoutLogin = p.eatWords("WITHOUT", "LOGIN");
  if (!withoutLogin && (p.isWord("FOR") || p.isWord("FROM"))) {
    p.advance();
    if (p.eatWord("LOGIN")) {
      login = p.parseIdentifier("a login name");
    } else if (p.eatWord("CERTIFICATE")) {
      certificate = p.parseIdentifier("a certificate name");
    } else if (p.eatWords("ASYMMETRIC", "KEY")) {
      asymmetricKey = p.parseIdentifier("an asymmetric key name");
    } else if (p.eatWords("EXTERNAL", "PROVIDER")) {
      externalProvider = true;
    } else {
      p.fail("LOGIN, CERTIFICATE, ASYMMETRIC KEY or EXTERNAL PROVIDER");
    }
  }

  const options: SecurityOption[] = p.eatWord("WITH") ? parseSecurityOptionList(p) : [];
  return p.finish<UserStatement>(context.mark, {
    kind: "CreateUserStatement",
    name,
    ...(login ? { login } : {}),
    withoutLogin,
    ...(certificate ? { certificate } : {}),
    ...(asymmetricKey ? { asymmetricKey } : {}),
    externalProvider,
    options,
    passwordGiven: hasPassword(options),
  });
}

/** `USER name WITH option [, ...]`, from USER on. */
export function parseAlterUser(p: Parser, context: StatementContext): UserStatement {
  p.expectWord("USER");
  const name = p.parseIdentifier("a user name");
  p.expectWord("WITH");
  const options = parseSecurityOptionList(p);

  return p.finish<UserStatement>(context.mark, {
    kind: "AlterUserStatement",
    name,
    withoutLogin: false,
    externalProvider: false,
    options,
    passwordGiven: hasPassword(options),
  });
}
