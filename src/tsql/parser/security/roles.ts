/**
 * Database roles, server roles and application roles.
 * Reference: CREATE ROLE, ALTER ROLE, CREATE SERVER ROLE, ALTER SERVER
 * ROLE, CREATE APPLICATION ROLE and ALTER APPLICATION ROLE (Transact-SQL),
 * SQL Server 2022.
 */

import type { Identifier } from "../../ast/node.js";
import type { ApplicationRoleStatement, RoleStatement } from "../../ast/security.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { hasPassword, parsePrincipal, parseSecurityOptionList } from "./security-options.js";

/** `[SERVER] ROLE name [AUTHORIZATION owner]`, from SERVER or ROLE on. */
export function parseCreateRole(p: Parser, context: StatementContext): RoleStatement {
  const server = p.eatWord("SERVER");
  p.expectWord("ROLE");
  const name = p.parseIdentifier("a role name");
  const owner = p.eatWord("AUTHORIZATION") ? parsePrincipal(p) : undefined;

  return p.finish<RoleStatement>(context.mark, {
    kind: "CreateRoleStatement",
    server,
    name,
    ...(owner ? { owner } : {}),
  });
}

/**
 * `[SERVER] ROLE name {ADD MEMBER m | DROP MEMBER m | WITH NAME = n}`,
 * from SERVER or ROLE on.
 */
export function parseAlterRole(p: Parser, context: StatementContext): RoleStatement {
  const server = p.eatWord("SERVER");
  p.expectWord("ROLE");
  const name = p.parseIdentifier("a role name");

  let addMember: Identifier | undefined;
  let dropMember: Identifier | undefined;
  let newName: Identifier | undefined;
  if (p.eatWords("ADD", "MEMBER")) {
    addMember = parsePrincipal(p);
  } else if (p.eatWords("DROP", "MEMBER")) {
    dropMember = parsePrincipal(p);
  } else {
    if (!p.isWords("WITH", "NAME")) {
      p.fail("ADD MEMBER, DROP MEMBER or WITH NAME");
    }
    p.pos += 2;
    p.expect(TokenKind.Equals, "'=' after NAME");
    newName = p.parseIdentifier("the new role name");
  }

  return p.finish<RoleStatement>(context.mark, {
    kind: "AlterRoleStatement",
    server,
    name,
    ...(addMember ? { addMember } : {}),
    ...(dropMember ? { dropMember } : {}),
    ...(newName ? { newName } : {}),
  });
}

/** `APPLICATION ROLE name WITH option [, ...]`, from APPLICATION on. */
export function parseApplicationRole(
  p: Parser,
  context: StatementContext,
  isAlter: boolean,
): ApplicationRoleStatement {
  p.expectWords("APPLICATION", "ROLE");
  const name = p.parseIdentifier("an application role name");
  p.expectWord("WITH");
  const options = parseSecurityOptionList(p);

  return p.finish<ApplicationRoleStatement>(context.mark, {
    kind: isAlter ? "AlterApplicationRoleStatement" : "CreateApplicationRoleStatement",
    name,
    options,
    passwordGiven: hasPassword(options),
  });
}
