/**
 * Server-level statements: ALTER SERVER CONFIGURATION, RECONFIGURE and
 * SHUTDOWN. Reference: "ALTER SERVER CONFIGURATION", "RECONFIGURE" and
 * "SHUTDOWN", SQL Server 2022.
 */

import type {
  AlterServerConfigurationStatement,
  ReconfigureStatement,
  ShutdownStatement,
} from "../../ast/admin.js";
import type { OptionNode, OptionValue } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import { parseOptionValue } from "../options.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseAdminOptionList, parseParenthesizedAdminOptions } from "./admin-options.js";

/** Multi-word settings after SET; any other setting is one word, such as SOFTNUMA. */
const SETTINGS: readonly (readonly string[])[] = [
  ["PROCESS", "AFFINITY"],
  ["DIAGNOSTICS", "LOG"],
  ["FAILOVER", "CLUSTER", "PROPERTY"],
  ["HADR", "CLUSTER", "CONTEXT"],
  ["BUFFER", "POOL", "EXTENSION"],
  ["EXTERNAL", "AUTHENTICATION"],
];

export function parseAlterServerConfiguration(
  p: Parser,
  context: StatementContext,
): AlterServerConfigurationStatement {
  p.expectWords("SERVER", "CONFIGURATION", "SET");
  const setting = parseSetting(p);

  let value: OptionValue | undefined;
  let options: OptionNode[] = [];
  if (setting === "PROCESS AFFINITY") {
    options = p.parseCommaList(() => parseAffinity(p));
  } else if (p.eat(TokenKind.Equals)) {
    value = parseOptionValue(p);
  } else if ((p.isWord("ON") || p.isWord("OFF")) && !p.isKind(TokenKind.Equals, 1)) {
    value = { type: "word", value: p.advance().text };
  } else {
    options = parseAdminOptionList(p);
  }
  if (p.isKind(TokenKind.LeftParen)) {
    options = parseParenthesizedAdminOptions(p);
  }

  return p.finish<AlterServerConfigurationStatement>(context.mark, {
    kind: "AlterServerConfigurationStatement",
    setting,
    ...(value ? { value } : {}),
    options,
  });
}

function parseSetting(p: Parser): string {
  for (const words of SETTINGS) {
    if (p.eatWords(...words)) {
      return words.join(" ");
    }
  }
  const word = p.wordAt();
  if (word === undefined) {
    p.fail("a server configuration setting such as PROCESS AFFINITY");
  }
  p.advance();
  return word;
}

/** `CPU = AUTO | n [TO m] [, ...]` or `NUMANODE = n [TO m] [, ...]`. */
function parseAffinity(p: Parser): OptionNode {
  const mark = p.mark();
  const name = p.expectOneOf(["CPU", "NUMANODE"]);
  p.expect(TokenKind.Equals, "'='");
  if (p.isWord("AUTO")) {
    p.advance();
    return p.finish<OptionNode>(mark, { kind: "Option", name, value: { type: "word", value: "AUTO" } });
  }

  // A comma before a number continues the ranges; before a word it starts
  // the next affinity option.
  const ranges: OptionValue[] = [parseRange(p)];
  while (p.isKind(TokenKind.Comma) && p.isKind(TokenKind.Integer, 1)) {
    p.advance();
    ranges.push(parseRange(p));
  }
  return p.finish<OptionNode>(mark, { kind: "Option", name, value: { type: "list", values: ranges } });
}

function parseRange(p: Parser): OptionValue {
  const low = p.expect(TokenKind.Integer, "a CPU or NUMA node number").text;
  if (!p.eatWord("TO")) {
    return { type: "number", value: low };
  }
  const high = p.expect(TokenKind.Integer, "the last CPU or NUMA node number").text;
  return { type: "word", value: `${low} TO ${high}` };
}

export function parseReconfigure(p: Parser, context: StatementContext): ReconfigureStatement {
  p.expectWord("RECONFIGURE");
  const withOverride = p.eatWords("WITH", "OVERRIDE");
  return p.finish<ReconfigureStatement>(context.mark, { kind: "ReconfigureStatement", withOverride });
}

export function parseShutdown(p: Parser, context: StatementContext): ShutdownStatement {
  p.expectWord("SHUTDOWN");
  const noWait = p.eatWords("WITH", "NOWAIT");
  return p.finish<ShutdownStatement>(context.mark, { kind: "ShutdownStatement", noWait });
}
