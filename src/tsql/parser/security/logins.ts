/**
 * CREATE LOGIN and ALTER LOGIN.
 * Reference: CREATE LOGIN and ALTER LOGIN (Transact-SQL), SQL Server 2022.
 */

import type { Identifier } from "../../ast/node.js";
import type { LoginStatement, SecurityOption } from "../../ast/security.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { hasPassword, parseSecurityOptionList } from "./security-options.js";

/**
 * `LOGIN name {WITH options | FROM {WINDOWS [WITH options] | CERTIFICATE c
 * | ASYMMETRIC KEY k | EXTERNAL PROVIDER [WITH options]}}`, from LOGIN on.
 */
export function parseCreateLogin(p: Parser, context: StatementContext): LoginStatement {
  p.expectWord("LOGIN");
  const name = p.parseIdentifier("a login name");

  let source: LoginStatement["source"];
  let sourceName: Identifier | undefined;
  if (p.eatWord("FROM")) {
    source = parseLoginSource(p);
    if (source === "CERTIFICATE" || source === "ASYMMETRIC KEY") {
      sourceName = p.parseIdentifier(`a ${source.toLowerCase()} name`);
    }
  }

  let options: SecurityOption[] = [];
  if (source === undefined) {
    p.expectWord("WITH");
    options = parseSecurityOptionList(p);
  } else if (p.eatWord("WITH")) {
    options = parseSecurityOptionList(p);
  }

  return p.finish<LoginStatement>(context.mark, {
    kind: "CreateLoginStatement",
    name,
    ...(source ? { source } : {}),
    ...(sourceName ? { sourceName } : {}),
    options,
    passwordGiven: hasPassword(options),
  });
}

function parseLoginSource(p: Parser): NonNullable<LoginStatement["source"]> {
  if (p.eatWord("WINDOWS")) {
    return "WINDOWS";
  }
  if (p.eatWord("CERTIFICATE")) {
    return "CERTIFICATE";
  }
  if (p.eatWords("ASYMMETRIC", "KEY")) {
    return "ASYMMETRIC KEY";
  }
  if (p.eatWords("EXTERNAL", "PROVIDER")) {
    return "EXTERNAL PROVIDER";
  }
  return p.fail("WINDOWS, CERTIFICATE, ASYMMETRIC KEY or EXTERNAL PROVIDER");
}

/**
 * `LOGIN name {ENABLE | DISABLE | WITH options | ADD CREDENTIAL c |
 * DROP CREDENTIAL c}`, from LOGIN on.
 */
export function parseAlterLogin(p: Parser, context: StatementContext): LoginStatement {
  p.expectWord("LOGIN");
  const name = p.parseIdentifier("a login name");

  let status: LoginStatement["status"];
  let options: SecurityOption[] = [];
  let addCredential: Identifier | undefined;
  let dropCredential: Identifier | undefined;
  if (p.isWord("ENABLE") || p.isWord("DISABLE")) {
    status = p.advance().value as "ENABLE" | "DISABLE";
  } else if (p.eatWords("ADD", "CREDENTIAL")) {
    addCredential = p.parseIdentifier("a credential name");
  } else if (p.eatWords("DROP", "CREDENTIAL")) {
    dropCredential = p.parseIdentifier("a credential name");
  } else {
    if (!p.eatWord("WITH")) {
      p.fail("ENABLE, DISABLE, WITH, ADD CREDENTIAL or DROP CREDENTIAL");
    }
    options = parseSecurityOptionList(p);
  }

  return p.finish<LoginStatement>(context.mark, {
    kind: "AlterLoginStatement",
    name,
    options,
    passwordGiven: hasPassword(options),
    ...(status ? { status } : {}),
    ...(addCredential ? { addCredential } : {}),
    ...(dropCredential ? { dropCredential } : {}),
  });
}
