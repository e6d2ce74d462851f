/**
 * CREATE and ALTER ENDPOINT. Reference: "CREATE ENDPOINT" and "ALTER
 * ENDPOINT", SQL Server 2022.
 */

import type { EndpointStatement } from "../../ast/admin.js";
import type { OptionNode } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseParenthesizedAdminOptions } from "./admin-options.js";
import { expectAnyWord, parseOwner } from "./clauses.js";

/**
 * CREATE | ALTER ENDPOINT e [AUTHORIZATION login] [STATE = STARTED | STOPPED
 * | DISABLED] [AS TCP ( ... )] [FOR TSQL | SERVICE_BROKER |
 * DATABASE_MIRRORING ( ... )].
 */
export function parseEndpoint(p: Parser, context: StatementContext, create: boolean): EndpointStatement {
  p.expectWord("ENDPOINT");
  const name = p.parseName("an endpoint name");
  const owner = create ? parseOwner(p) : undefined;

  let state: string | undefined;
  if (p.eatWord("STATE")) {
    p.expect(TokenKind.Equals, "'=' after STATE");
    state = p.expectOneOf(["STARTED", "STOPPED", "DISABLED"]);
  }

  let protocol: string | undefined;
  let protocolOptions: OptionNode[] = [];
  if (p.eatWord("AS")) {
    protocol = expectAnyWord(p, "TCP or HTTP after AS");
    protocolOptions = parseParenthesizedAdminOptions(p);
  } else if (create) {
    p.fail("AS TCP ( ... ) after the endpoint name");
  }

  let payload: string | undefined;
  let payloadOptions: OptionNode[] = [];
  if (p.eatWord("FOR")) {
    payload = expectAnyWord(p, "TSQL, SERVICE_BROKER or DATABASE_MIRRORING after FOR");
    payloadOptions = parseParenthesizedAdminOptions(p);
  } else if (create) {
    p.fail("FOR TSQL, SERVICE_BROKER or DATABASE_MIRRORING ( ... )");
  }

  return p.finish<EndpointStatement>(context.mark, {
    kind: create ? "CreateEndpointStatement" : "AlterEndpointStatement",
    name,
    ...(owner ? { owner } : {}),
    ...(state ? { state } : {}),
    ...(protocol ? { protocol } : {}),
    protocolOptions,
    ...(payload ? { payload } : {}),
    payloadOptions,
  });
}
