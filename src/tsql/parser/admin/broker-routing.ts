/**
 * Service Broker routing and notification objects: routes, remote service
 * bindings, broker priorities and event notifications. Reference: "CREATE
 * ROUTE", "CREATE REMOTE SERVICE BINDING", "CREATE BROKER PRIORITY" and
 * "CREATE EVENT NOTIFICATION", SQL Server 2022.
 */

import type {
  BrokerPriorityStatement,
  CreateEventNotificationStatement,
  RemoteServiceBindingStatement,
  RouteStatement,
} from "../../ast/admin.js";
import type { Expression } from "../../ast/expressions.js";
import type { OptionNode, SchemaObjectName } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseLooseOptionList } from "./admin-options.js";
import { parseOwner, parseStringOrVariable } from "./clauses.js";

/** CREATE | ALTER ROUTE r [AUTHORIZATION o] WITH SERVICE_NAME = ..., ADDRESS = ... */
export function parseRoute(p: Parser, context: StatementContext, create: boolean): RouteStatement {
  p.expectWord("ROUTE");
  const name = p.parseName("a route name");
  const owner = create ? parseOwner(p) : undefined;
  p.expectWord("WITH");
  const options = parseLooseOptionList(p);
  return p.finish<RouteStatement>(context.mark, {
    kind: create ? "CreateRouteStatement" : "AlterRouteStatement",
    name,
    ...(owner ? { owner } : {}),
    options,
  });
}

/** CREATE REMOTE SERVICE BINDING b [AUTHORIZATION o] TO SERVICE 's' WITH USER = u [, ANONYMOUS = ON]. */
export function parseRemoteServiceBinding(
  p: Parser,
  context: StatementContext,
  create: boolean,
): RemoteServiceBindingStatement {
  p.expectWords("REMOTE", "SERVICE", "BINDING");
  const name = p.parseName("a remote service binding name");
  const owner = create ? parseOwner(p) : undefined;
  let service: Expression | undefined;
  if (create) {
    p.expectWords("TO", "SERVICE");
    service = parseStringOrVariable(p, "the remote service name as a string");
  }
  p.expectWord("WITH");
  const options = parseLooseOptionList(p);
  return p.finish<RemoteServiceBindingStatement>(context.mark, {
    kind: create ? "CreateRemoteServiceBindingStatement" : "AlterRemoteServiceBindingStatement",
    name,
    ...(owner ? { owner } : {}),
    ...(service ? { service } : {}),
    options,
  });
}

/** CREATE | ALTER BROKER PRIORITY p FOR CONVERSATION [SET ( CONTRACT_NAME = ..., ... )]. */
export function parseBrokerPriority(p: Parser, context: StatementContext, create: boolean): BrokerPriorityStatement {
  p.expectWords("BROKER", "PRIORITY");
  const name = p.parseName("a broker priority name");
  p.expectWords("FOR", "CONVERSATION");
  let options: OptionNode[] = [];
  if (p.eatWord("SET")) {
    p.expect(TokenKind.LeftParen, "'(' after SET");
    options = parseLooseOptionList(p);
    p.expect(TokenKind.RightParen, "')' to close the option list");
  } else if (!create) {
    p.fail("SET after FOR CONVERSATION");
  }
  return p.finish<BrokerPriorityStatement>(context.mark, {
    kind: create ? "CreateBrokerPriorityStatement" : "AlterBrokerPriorityStatement",
    name,
    options,
  });
}

/**
 * CREATE EVENT NOTIFICATION n ON SERVER | DATABASE | QUEUE q [WITH FAN_IN]
 * FOR event [, ...] TO SERVICE 'service', 'broker instance'.
 */
export function parseCreateEventNotification(
  p: Parser,
  context: StatementContext,
): CreateEventNotificationStatement {
  p.expectWords("EVENT", "NOTIFICATION");
  const name = p.parseName("an event notification name");
  p.expectWord("ON");
  const scope = p.expectOneOf(["SERVER", "DATABASE", "QUEUE"]) as CreateEventNotificationStatement["scope"];
  const queue: SchemaObjectName | undefined =
    scope === "QUEUE" ? p.parseSchemaObjectName("a queue name") : undefined;
  const fanIn = p.eatWords("WITH", "FAN_IN");

  p.expectWord("FOR");
  const events = p.parseCommaList(() => p.parseName("an event type or event group"));
  p.expectWords("TO", "SERVICE");
  const service = parseStringOrVariable(p, "the target service name as a string");
  p.expect(TokenKind.Comma, "',' and the broker instance after the service name");
  const brokerInstance = parseStringOrVariable(p, "a broker instance or 'current database'");

  return p.finish<CreateEventNotificationStatement>(context.mark, {
    kind: "CreateEventNotificationStatement",
    name,
    scope,
    ...(queue ? { queue } : {}),
    fanIn,
    events,
    service,
    brokerInstance,
  });
}
