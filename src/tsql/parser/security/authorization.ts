/**
 * ALTER AUTHORIZATION: changing the owner of a securable.
 * Reference: ALTER AUTHORIZATION (Transact-SQL), SQL Server 2022.
 */

import type { Identifier } from "../../ast/node.js";
import type { AlterAuthorizationStatement } from "../../ast/security.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parsePrincipal } from "./security-options.js";
import { parseSecurable } from "./securables.js";

/** `AUTHORIZATION ON [class ::] entity TO {principal | SCHEMA OWNER}`, from AUTHORIZATION on. */
export function parseAlterAuthorization(p: Parser, context: StatementContext): AlterAuthorizationStatement {
  p.expectWords("AUTHORIZATION", "ON");
  const securable = parseSecurable(p);
  p.expectWord("TO");
  const schemaOwner = p.eatWords("SCHEMA", "OWNER");
  const principal: Identifier | undefined = schemaOwner ? undefined : parsePrincipal(p);

  return p.finish<AlterAuthorizationStatement>(context.mark, {
    kind: "AlterAuthorizationStatement",
    securable,
    ...(principal ? { principal } : {}),
    schemaOwner,
  });
}
