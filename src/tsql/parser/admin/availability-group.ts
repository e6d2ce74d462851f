/**
 * CREATE and ALTER AVAILABILITY GROUP, including distributed availability
 * groups and listeners. Reference: "CREATE AVAILABILITY GROUP" and "ALTER
 * AVAILABILITY GROUP", SQL Server 2022.
 */

import type {
  AvailabilityGroupListener,
  AvailabilityGroupStatement,
  AvailabilityReplica,
} from "../../ast/admin.js";
import type { Identifier, OptionNode } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import { parseOptionValue } from "../options.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseParenthesizedAdminOptions, parseValueList } from "./admin-options.js";
import { parseStringOrVariable } from "./clauses.js";

interface GroupParts {
  options: OptionNode[];
  databases: Identifier[];
  replicas: AvailabilityReplica[];
  listener?: AvailabilityGroupListener;
  distributed: boolean;
}

export function parseCreateAvailabilityGroup(p: Parser, context: StatementContext): AvailabilityGroupStatement {
  p.expectWords("AVAILABILITY", "GROUP");
  const name = p.parseName("an availability group name");
  const parts: GroupParts = { options: [], databases: [], replicas: [], distributed: false };
  if (p.eatWord("WITH")) {
    parts.options = parseParenthesizedAdminOptions(p);
  }

  if (p.eatWord("FOR")) {
    if (p.eatWord("DATABASE")) {
      parts.databases = p.parseCommaList(() => p.parseName("a database name"));
    }
    p.expectWords("REPLICA", "ON");
    parts.replicas = parseReplicas(p);
  } else {
    p.expectWords("AVAILABILITY", "GROUP", "ON");
    parts.replicas = parseReplicas(p);
    parts.distributed = true;
  }
  if (p.eatWord("LISTENER")) {
    parts.listener = parseListener(p);
  }

  return p.finish<AvailabilityGroupStatement>(context.mark, {
    kind: "CreateAvailabilityGroupStatement",
    name,
    ...parts,
  });
}

/** Actions of ALTER AVAILABILITY GROUP that are only words. */
const SIMPLE_ACTIONS = ["JOIN", "FAILOVER", "FORCE_FAILOVER_ALLOW_DATA_LOSS", "OFFLINE"];

export function parseAlterAvailabilityGroup(p: Parser, context: StatementContext): AvailabilityGroupStatement {
  p.expectWords("AVAILABILITY", "GROUP");
  const name = p.parseName("an availability group name");
  const parts: GroupParts = { options: [], databases: [], replicas: [], distributed: false };
  const action = parseAlterAction(p, parts);
  return p.finish<AvailabilityGroupStatement>(context.mark, {
    kind: "AlterAvailabilityGroupStatement",
    name,
    action,
    ...parts,
  });
}

function parseAlterAction(p: Parser, parts: GroupParts): string {
  if (p.eatWord("SET")) {
    parts.options = parseParenthesizedAdminOptions(p);
    return "SET";
  }
  for (const verb of ["ADD", "REMOVE"]) {
    if (p.eatWords(verb, "DATABASE")) {
      parts.databases = p.parseCommaList(() => p.parseName("a database name"));
      return `${verb} DATABASE`;
    }
  }
  for (const verb of ["ADD", "MODIFY", "REMOVE"]) {
    if (p.eatWords(verb, "REPLICA", "ON")) {
      parts.replicas = verb === "REMOVE" ? [parseReplicaServer(p)] : parseReplicas(p);
      return `${verb} REPLICA`;
    }
  }
  for (const verb of ["JOIN", "MODIFY"]) {
    if (p.eatWords(verb, "AVAILABILITY", "GROUP", "ON")) {
      parts.replicas = parseReplicas(p);
      parts.distributed = true;
      return `${verb} AVAILABILITY GROUP`;
    }
  }
  for (const verb of ["ADD", "MODIFY", "RESTART", "REMOVE"]) {
    if (p.eatWords(verb, "LISTENER")) {
      parts.listener = parseListener(p, verb === "ADD" || verb === "MODIFY");
      return `${verb} LISTENER`;
    }
  }
  for (const verb of ["GRANT", "DENY"]) {
    if (p.eatWords(verb, "CREATE", "ANY", "DATABASE")) {
      return `${verb} CREATE ANY DATABASE`;
    }
  }
  const word = p.wordAt();
  if (word !== undefined && SIMPLE_ACTIONS.includes(word)) {
    p.advance();
    return word;
  }
  return p.fail("SET, ADD, REMOVE, MODIFY, JOIN, FAILOVER, a LISTENER action or OFFLINE");
}

/** `'server' WITH ( options ) [, ...]`. */
function parseReplicas(p: Parser): AvailabilityReplica[] {
  return p.parseCommaList(() => {
    const mark = p.mark();
    const server = parseStringOrVariable(p, "a server instance name as a string");
    p.expectWord("WITH");
    const options = parseParenthesizedAdminOptions(p);
    return p.finish<AvailabilityReplica>(mark, { kind: "AvailabilityReplica", server, options });
  });
}

function parseReplicaServer(p: Parser): AvailabilityReplica {
  const mark = p.mark();
  const server = parseStringOrVariable(p, "a server instance name as a string");
  return p.finish<AvailabilityReplica>(mark, { kind: "AvailabilityReplica", server, options: [] });
}

/**
 * `'dns_name' [( WITH IP ((ip, mask), ...) | WITH DHCP [ON (ip, mask)] |
 * ADD IP (...) [, PORT = n] )]`. Items are options named `WITH IP`, `WITH
 * DHCP`, `ADD IP` and `PORT`.
 */
function parseListener(p: Parser, withOptions = true): AvailabilityGroupListener {
  const mark = p.mark();
  const name = parseStringOrVariable(p, "a listener DNS name as a string");
  let options: OptionNode[] = [];
  if (withOptions && p.eat(TokenKind.LeftParen)) {
    options = p.parseCommaList(() => parseListenerOption(p));
    p.expect(TokenKind.RightParen, "')' to close the listener options");
  }
  return p.finish<AvailabilityGroupListener>(mark, { kind: "AvailabilityGroupListener", name, options });
}

function parseListenerOption(p: Parser): OptionNode {
  const mark = p.mark();
  if (p.eatWords("WITH", "IP") || p.eatWords("ADD", "IP")) {
    const name = `${p.peek(-2).value} IP`;
    const value = parseValueList(p);
    return p.finish<OptionNode>(mark, { kind: "Option", name, value });
  }
  if (p.eatWords("WITH", "DHCP")) {
    const value = p.eatWord("ON") ? parseValueList(p) : undefined;
    return p.finish<OptionNode>(mark, { kind: "Option", name: "WITH DHCP", ...(value ? { value } : {}) });
  }
  p.expectWord("PORT");
  p.expect(TokenKind.Equals, "'=' after PORT");
  const value = parseOptionValue(p);
  return p.finish<OptionNode>(mark, { kind: "Option", name: "PORT", value });
}
