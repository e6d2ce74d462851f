/**
 * GRANT, DENY and REVOKE.
 * Reference: GRANT, DENY and REVOKE (Transact-SQL), SQL Server 2022.
 */

import type { PermissionStatement } from "../../ast/security.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parsePrincipal } from "./security-options.js";
import { parsePermission, parseSecurable } from "./securables.js";

const KINDS = {
  GRANT: "GrantStatement",
  DENY: "DenyStatement",
  REVOKE: "RevokeStatement",
} as const;

/**
 * `GRANT permissions [ON securable] TO principals [WITH GRANT OPTION]
 * [AS principal]`, `DENY ... TO ... [CASCADE]` and `REVOKE [GRANT OPTION
 * FOR] ... {TO | FROM} ... [CASCADE]`, from the first word on.
 */
export function parsePermissionStatement(p: Parser, context: StatementContext): PermissionStatement {
  const verb = p.expectOneOf(["GRANT", "DENY", "REVOKE"]) as keyof typeof KINDS;
  const grantOptionFor = verb === "REVOKE" && p.eatWords("GRANT", "OPTION", "FOR");
  const permissions = p.parseCommaList(() => parsePermission(p));
  const securable = p.eatWord("ON") ? parseSecurable(p) : undefined;

  if (verb === "REVOKE") {
    p.expectOneOf(["TO", "FROM"]);
  } else {
    p.expectWord("TO");
  }
  const principals = p.parseCommaList(() => parsePrincipal(p));
  const withGrantOption = verb === "GRANT" && p.eatWords("WITH", "GRANT", "OPTION");
  const cascade = verb !== "GRANT" && p.eatWord("CASCADE");
  const asPrincipal = p.eatWord("AS") ? parsePrincipal(p) : undefined;

  return p.finish<PermissionStatement>(context.mark, {
    kind: KINDS[verb],
    permissions,
    ...(securable ? { securable } : {}),
    principals,
    withGrantOption,
    grantOptionFor,
    cascade,
    ...(asPrincipal ? { asPrincipal } : {}),
  });
}
