/**
 * WAITFOR DELAY, WAITFOR TIME and WAITFOR around a Service Broker RECEIVE
 * or GET CONVERSATION GROUP. Reference: "WAITFOR (Transact-SQL)", SQL
 * Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type { WaitForStatement } from "../../ast/procedural.js";
import { TokenKind } from "../../lexer/token.js";
import { parseGetConversationGroup } from "../admin/conversation.js";
import { parseReceive } from "../admin/receive.js";
import { parseArithmetic } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";

export function parseWaitFor(p: Parser, context: StatementContext): WaitForStatement {
  p.expectWord("WAITFOR");
  if (p.isWord("DELAY") || p.isWord("TIME")) {
    const type = p.advance().value as "DELAY" | "TIME";
    const value = parseArithmetic(p);
    return p.finish<WaitForStatement>(context.mark, { kind: "WaitForStatement", type, value });
  }

  p.expect(TokenKind.LeftParen, "DELAY, TIME or '(' before RECEIVE or GET CONVERSATION GROUP");
  let statement: WaitForStatement["statement"];
  if (p.isWord("RECEIVE")) {
    statement = parseReceive(p);
  } else if (p.isWords("GET", "CONVERSATION", "GROUP")) {
    statement = parseGetConversationGroup(p);
  } else {
    p.fail("RECEIVE or GET CONVERSATION GROUP inside WAITFOR ( )");
  }
  p.expect(TokenKind.RightParen, "')' to close WAITFOR (");

  let timeout: Expression | undefined;
  if (p.isKind(TokenKind.Comma) && p.isWord("TIMEOUT", 1)) {
    p.pos += 2;
    timeout = parseArithmetic(p);
  }

  return p.finish<WaitForStatement>(context.mark, {
    kind: "WaitForStatement",
    type: "STATEMENT",
    statement,
    ...(timeout ? { timeout } : {}),
  });
}
