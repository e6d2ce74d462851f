/**
 * CREATE [OR ALTER] TRIGGER and ALTER TRIGGER (DML, DDL and logon
 * triggers), and ENABLE or DISABLE TRIGGER.
 * Reference: CREATE TRIGGER, ENABLE TRIGGER and DISABLE TRIGGER
 * (Transact-SQL), SQL Server 2022.
 */

import type {
  EnableDisableTriggerStatement,
  TriggerScope,
  TriggerStatement,
} from "../../ast/modules.js";
import type { SchemaObjectName } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import {
  atExternalName,
  parseExternalName,
  parseModuleBody,
  parseModuleOptions,
} from "./module-parts.js";

const DML_EVENTS = new Set(["INSERT", "UPDATE", "DELETE"]);

/**
 * `TRIGGER name ON {table | DATABASE | ALL SERVER} [WITH options]
 * {FOR | AFTER | INSTEAD OF} events [WITH APPEND] [NOT FOR REPLICATION]
 * AS {statements | EXTERNAL NAME a.c.m}`, from TRIGGER on.
 */
export function parseTrigger(p: Parser, context: StatementContext, isAlter: boolean): TriggerStatement {
  p.expectWord("TRIGGER");
  const name = p.parseSchemaObjectName("a trigger name");
  p.expectWord("ON");
  const { scope, target } = parseTriggerScope(p);
  const options = p.eatWord("WITH") ? parseModuleOptions(p) : [];

  const timing = parseTiming(p, scope);
  const events = scope === "object" ? parseDmlEvents(p) : parseDdlEvents(p);
  const withAppend = p.eatWords("WITH", "APPEND");
  const notForReplication = p.eatWords("NOT", "FOR", "REPLICATION");
  p.expectWord("AS");

  const externalName = atExternalName(p) ? parseExternalName(p) : undefined;
  const statements = externalName ? [] : parseModuleBody(p);

  return p.finish<TriggerStatement>(context.mark, {
    kind: isAlter ? "AlterTriggerStatement" : "CreateTriggerStatement",
    name,
    orAlter: context.orAlter === true,
    isAlter,
    options,
    scope,
    ...(target ? { target } : {}),
    timing,
    events,
    withAppend,
    notForReplication,
    statements,
    ...(externalName ? { externalName } : {}),
  });
}

/** Reads the scope after ON: `ALL SERVER`, `DATABASE` or a table or view name. */
function parseTriggerScope(p: Parser): { scope: TriggerScope; target?: SchemaObjectName } {
  if (p.eatWords("ALL", "SERVER")) {
    return { scope: "server" };
  }
  if (p.eatWord("DATABASE")) {
    return { scope: "database" };
  }
  return { scope: "object", target: p.parseSchemaObjectName("a table or view name") };
}

/** FOR or AFTER; INSTEAD OF only for DML triggers, as SQL Server allows. */
function parseTiming(p: Parser, scope: TriggerScope): TriggerStatement["timing"] {
  if (scope === "object" && p.eatWords("INSTEAD", "OF")) {
    return "INSTEAD OF";
  }
  const choices = scope === "object" ? "FOR, AFTER or INSTEAD OF" : "FOR or AFTER";
  if (!p.isWord("FOR") && !p.isWord("AFTER")) {
    p.fail(choices);
  }
  return p.advance().value as "FOR" | "AFTER";
}

/** `{[INSERT] [,] [UPDATE] [,] [DELETE]}`: the commas are optional. */
function parseDmlEvents(p: Parser): string[] {
  const events: string[] = [];
  while (p.isAnyWord(DML_EVENTS)) {
    events.push(p.advance().value);
    p.eat(TokenKind.Comma);
  }
  if (events.length === 0) {
    p.fail("INSERT, UPDATE or DELETE");
  }
  return events;
}

/** Event types and groups of DDL triggers, and LOGON: `CREATE_TABLE, DDL_LOGIN_EVENTS`. */
function parseDdlEvents(p: Parser): string[] {
  return p.parseCommaList(() => p.parseName("a DDL event type or group, or LOGON").value.toUpperCase());
}

/** `{ENABLE | DISABLE} TRIGGER {name [, ...] | ALL} ON {object | DATABASE | ALL SERVER}`. */
export function parseEnableDisableTrigger(
  p: Parser,
  context: StatementContext,
): EnableDisableTriggerStatement {
  const enable = p.expectOneOf(["ENABLE", "DISABLE"]) === "ENABLE";
  p.expectWord("TRIGGER");
  const all = p.eatWord("ALL");
  const triggers = all ? [] : p.parseCommaList(() => p.parseSchemaObjectName("a trigger name"));
  p.expectWord("ON");
  const { scope, target } = parseTriggerScope(p);

  return p.finish<EnableDisableTriggerStatement>(context.mark, {
    kind: "EnableDisableTriggerStatement",
    enable,
    all,
    triggers,
    scope,
    ...(target ? { target } : {}),
  });
}
