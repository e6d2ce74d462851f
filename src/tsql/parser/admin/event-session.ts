/**
 * CREATE and ALTER EVENT SESSION (Extended Events). Reference: "CREATE
 * EVENT SESSION" and "ALTER EVENT SESSION", SQL Server 2022.
 */

import type { EventDeclaration, EventSessionStatement, EventTargetDeclaration } from "../../ast/admin.js";
import type { Expression } from "../../ast/expressions.js";
import type { OptionNode, SchemaObjectName } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseLooseOptionList, parseParenthesizedAdminOptions } from "./admin-options.js";

export function parseEventSession(p: Parser, context: StatementContext, create: boolean): EventSessionStatement {
  p.expectWords("EVENT", "SESSION");
  const name = p.parseName("an event session name");
  p.expectWord("ON");
  const scope = p.expectOneOf(["SERVER", "DATABASE"]) as "SERVER" | "DATABASE";

  const events: EventDeclaration[] = [];
  const droppedEvents: SchemaObjectName[] = [];
  const targets: EventTargetDeclaration[] = [];
  const droppedTargets: SchemaObjectName[] = [];
  // Definitions are comma-separated; SQL Server also accepts them without commas.
  for (let first = true; ; first = false) {
    const offset = !first && p.isKind(TokenKind.Comma) ? 1 : 0;
    const verb = p.wordAt(offset);
    const object = p.wordAt(offset + 1);
    if ((verb !== "ADD" && verb !== "DROP") || (object !== "EVENT" && object !== "TARGET")) {
      break;
    }
    p.pos += offset + 2;
    if (verb === "ADD" && object === "EVENT") {
      events.push(parseEventDeclaration(p));
    } else if (verb === "ADD") {
      targets.push(parseTargetDeclaration(p));
    } else if (object === "EVENT") {
      droppedEvents.push(p.parseSchemaObjectName("an event name"));
    } else {
      droppedTargets.push(p.parseSchemaObjectName("a target name"));
    }
  }

  const options: OptionNode[] = p.eatWord("WITH") ? parseParenthesizedAdminOptions(p) : [];
  let state: "START" | "STOP" | undefined;
  if (!create && p.eatWord("STATE")) {
    p.expect(TokenKind.Equals, "'=' after STATE");
    state = p.expectOneOf(["START", "STOP"]) as "START" | "STOP";
  }
  if (create && events.length === 0) {
    p.fail("ADD EVENT");
  }

  return p.finish<EventSessionStatement>(context.mark, {
    kind: create ? "CreateEventSessionStatement" : "AlterEventSessionStatement",
    name,
    scope,
    events,
    droppedEvents,
    targets,
    droppedTargets,
    options,
    ...(state ? { state } : {}),
  });
}

/** `pkg.event [( [SET a = v, ...] [ACTION (pkg.action, ...)] [WHERE predicate] )]`. */
function parseEventDeclaration(p: Parser): EventDeclaration {
  const mark = p.mark();
  const name = p.parseSchemaObjectName("an event name such as sqlserver.rpc_completed");
  let setOptions: OptionNode[] = [];
  let actions: SchemaObjectName[] = [];
  let predicate: Expression | undefined;

  if (p.eat(TokenKind.LeftParen)) {
    if (p.eatWord("SET")) {
      setOptions = parseLooseOptionList(p);
    }
    if (p.eatWord("ACTION")) {
      p.expect(TokenKind.LeftParen, "'(' after ACTION");
      actions = p.parseCommaList(() => p.parseSchemaObjectName("an action name such as sqlserver.sql_text"));
      p.expect(TokenKind.RightParen, "')' to close the actions");
    }
    if (p.eatWord("WHERE")) {
      predicate = parseExpression(p);
    }
    p.expect(TokenKind.RightParen, "')' to close the event definition");
  }

  return p.finish<EventDeclaration>(mark, {
    kind: "EventDeclaration",
    name,
    setOptions,
    actions,
    ...(predicate ? { predicate } : {}),
  });
}

/** `pkg.target [( SET name = value, ... )]`. */
function parseTargetDeclaration(p: Parser): EventTargetDeclaration {
  const mark = p.mark();
  const name = p.parseSchemaObjectName("a target name such as package0.event_file");
  let setOptions: OptionNode[] = [];
  if (p.eat(TokenKind.LeftParen)) {
    p.expectWord("SET");
    setOptions = parseLooseOptionList(p);
    p.expect(TokenKind.RightParen, "')' to close the target definition");
  }
  return p.finish<EventTargetDeclaration>(mark, { kind: "EventTargetDeclaration", name, setOptions });
}
