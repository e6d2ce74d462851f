/**
 * Service Broker conversations: BEGIN DIALOG, SEND, END CONVERSATION, GET
 * CONVERSATION GROUP, MOVE CONVERSATION and BEGIN CONVERSATION TIMER.
 * Reference: the statements of the same names, SQL Server 2022.
 */

import type {
  BeginConversationTimerStatement,
  BeginDialogStatement,
  EndConversationStatement,
  GetConversationGroupStatement,
  MoveConversationStatement,
  SendStatement,
} from "../../ast/admin.js";
import type { Expression } from "../../ast/expressions.js";
import type { Identifier, OptionNode } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import { parseArithmetic, parseExpression } from "../expressions.js";
import type { Mark, Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseLooseOptionList } from "./admin-options.js";
import { parseConversationHandle, parseStringOrVariable, parseVariable } from "./clauses.js";

/**
 * BEGIN DIALOG [CONVERSATION] @h FROM SERVICE s TO SERVICE 't' [, 'broker']
 * [ON CONTRACT c] [WITH RELATED_CONVERSATION = ..., LIFETIME = ..., ENCRYPTION = ...].
 */
export function parseBeginDialog(p: Parser, context: StatementContext): BeginDialogStatement {
  p.expectWords("BEGIN", "DIALOG");
  p.eatWord("CONVERSATION");
  const handle = parseVariable(p, "a variable for the dialog handle");
  p.expectWords("FROM", "SERVICE");
  const initiatorService = p.parseName("the initiating service name");
  p.expectWords("TO", "SERVICE");
  const targetService = parseStringOrVariable(p, "the target service name as a string");
  const brokerInstance = p.eat(TokenKind.Comma)
    ? parseStringOrVariable(p, "a broker instance or 'CURRENT DATABASE'")
    : undefined;
  const contract: Identifier | undefined = p.eatWords("ON", "CONTRACT")
    ? p.parseName("a contract name")
    : undefined;
  const options: OptionNode[] = p.eatWord("WITH") ? parseLooseOptionList(p) : [];

  return p.finish<BeginDialogStatement>(context.mark, {
    kind: "BeginDialogStatement",
    handle,
    initiatorService,
    targetService,
    ...(brokerInstance ? { brokerInstance } : {}),
    ...(contract ? { contract } : {}),
    options,
  });
}

/** SEND ON CONVERSATION [(] @h [, ...] [)] [MESSAGE TYPE m] [( body )]. */
export function parseSend(p: Parser, context: StatementContext): SendStatement {
  p.expectWords("SEND", "ON", "CONVERSATION");
  let conversations: Expression[];
  if (p.eat(TokenKind.LeftParen)) {
    conversations = p.parseCommaList(() => parseArithmetic(p));
    p.expect(TokenKind.RightParen, "')'");
  } else {
    conversations = p.parseCommaList(() => parseVariable(p, "a conversation handle variable"));
  }

  const messageType: Identifier | undefined = p.eatWords("MESSAGE", "TYPE")
    ? p.parseName("a message type name")
    : undefined;
  let body: Expression | undefined;
  if (p.eat(TokenKind.LeftParen)) {
    body = parseExpression(p);
    p.expect(TokenKind.RightParen, "')' after the message body");
  }

  return p.finish<SendStatement>(context.mark, {
    kind: "SendStatement",
    conversations,
    ...(messageType ? { messageType } : {}),
    ...(body ? { body } : {}),
  });
}

/** END CONVERSATION @h [WITH ERROR = n DESCRIPTION = 'text' | WITH CLEANUP]. */
export function parseEndConversation(p: Parser, context: StatementContext): EndConversationStatement {
  p.expectWords("END", "CONVERSATION");
  const conversation = parseConversationHandle(p);
  let errorCode: Expression | undefined;
  let errorDescription: Expression | undefined;
  let cleanup = false;
  if (p.eatWord("WITH")) {
    if (p.eatWord("CLEANUP")) {
      cleanup = true;
    } else {
      p.expectWord("ERROR");
      p.expect(TokenKind.Equals, "'=' after ERROR");
      errorCode = parseArithmetic(p);
      p.expectWord("DESCRIPTION");
      p.expect(TokenKind.Equals, "'=' after DESCRIPTION");
      errorDescription = parseArithmetic(p);
    }
  }

  return p.finish<EndConversationStatement>(context.mark, {
    kind: "EndConversationStatement",
    conversation,
    ...(errorCode ? { errorCode } : {}),
    ...(errorDescription ? { errorDescription } : {}),
    cleanup,
  });
}

/**
 * GET CONVERSATION GROUP @g FROM queue. Exported for WAITFOR ( GET
 * CONVERSATION GROUP ... ), which starts it at the first word.
 */
export function parseGetConversationGroup(p: Parser, mark: Mark = p.mark()): GetConversationGroupStatement {
  p.expectWords("GET", "CONVERSATION", "GROUP");
  const group = parseVariable(p, "a variable for the conversation group id");
  p.expectWord("FROM");
  const queue = p.parseSchemaObjectName("a queue name");
  return p.finish<GetConversationGroupStatement>(mark, { kind: "GetConversationGroupStatement", group, queue });
}

/** MOVE CONVERSATION @h TO @group. */
export function parseMoveConversation(p: Parser, context: StatementContext): MoveConversationStatement {
  p.expectWords("MOVE", "CONVERSATION");
  const conversation = parseConversationHandle(p);
  p.expectWord("TO");
  const group = parseArithmetic(p);
  return p.finish<MoveConversationStatement>(context.mark, {
    kind: "MoveConversationStatement",
    conversation,
    group,
  });
}

/** BEGIN CONVERSATION TIMER ( @h ) TIMEOUT = seconds. */
export function parseBeginConversationTimer(
  p: Parser,
  context: StatementContext,
): BeginConversationTimerStatement {
  p.expectWords("BEGIN", "CONVERSATION", "TIMER");
  p.expect(TokenKind.LeftParen, "'(' before the conversation handle");
  const conversation = parseArithmetic(p);
  p.expect(TokenKind.RightParen, "')'");
  p.expectWord("TIMEOUT");
  p.expect(TokenKind.Equals, "'=' after TIMEOUT");
  const timeout = parseArithmetic(p);
  return p.finish<BeginConversationTimerStatement>(context.mark, {
    kind: "BeginConversationTimerStatement",
    conversation,
    timeout,
  });
}
