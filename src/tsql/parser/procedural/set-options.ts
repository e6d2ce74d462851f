/**
 * SET statements that change session options. Reference: "SET statements
 * (Transact-SQL)", SQL Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type { Identifier } from "../../ast/node.js";
import type {
  IsolationLevel,
  SetCommandStatement,
  SetIdentityInsertStatement,
  SetOption,
  SetOptionsStatement,
  SetTransactionIsolationLevelStatement,
} from "../../ast/procedural.js";
import type { Statement } from "../../ast/statements.js";
import { TokenKind } from "../../lexer/token.js";
import { parseArithmetic } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";

/** Options that take a value instead of ON or OFF. */
const VALUE_OPTIONS: ReadonlySet<string> = new Set([
  "DATEFORMAT",
  "DATEFIRST",
  "LANGUAGE",
  "LOCK_TIMEOUT",
  "DEADLOCK_PRIORITY",
  "ROWCOUNT",
  "TEXTSIZE",
  "CONTEXT_INFO",
  "QUERY_GOVERNOR_COST_LIMIT",
  "FIPS_FLAGGER",
]);

/** Statistics kinds allowed after STATISTICS, as in `SET STATISTICS IO, TIME ON`. */
const STATISTICS_KINDS: ReadonlySet<string> = new Set(["IO", "TIME", "XML", "PROFILE"]);

/** Reads what follows SET when no variable does. */
export function parseSetOption(p: Parser, context: StatementContext): Statement {
  if (p.isWords("TRANSACTION", "ISOLATION", "LEVEL")) {
    return parseIsolationLevel(p, context);
  }
  if (p.isWord("IDENTITY_INSERT")) {
    return parseIdentityInsert(p, context);
  }
  if (p.isAnyWord(VALUE_OPTIONS)) {
    return parseSetCommand(p, context);
  }
  return parseOnOffOptions(p, context);
}

function parseIsolationLevel(p: Parser, context: StatementContext): SetTransactionIsolationLevelStatement {
  p.expectWords("TRANSACTION", "ISOLATION", "LEVEL");
  let level: IsolationLevel;
  if (p.eatWord("READ")) {
    level = p.expectOneOf(["UNCOMMITTED", "COMMITTED"]) === "COMMITTED" ? "READ COMMITTED" : "READ UNCOMMITTED";
  } else if (p.eatWord("REPEATABLE")) {
    p.expectWord("READ");
    level = "REPEATABLE READ";
  } else if (p.isWord("SNAPSHOT") || p.isWord("SERIALIZABLE")) {
    level = p.advance().value as IsolationLevel;
  } else {
    p.fail("READ UNCOMMITTED, READ COMMITTED, REPEATABLE READ, SNAPSHOT or SERIALIZABLE");
  }
  return p.finish<SetTransactionIsolationLevelStatement>(context.mark, {
    kind: "SetTransactionIsolationLevelStatement",
    level,
  });
}

function parseIdentityInsert(p: Parser, context: StatementContext): SetIdentityInsertStatement {
  p.expectWord("IDENTITY_INSERT");
  const table = p.parseSchemaObjectName("a table name after IDENTITY_INSERT");
  const on = p.expectOneOf(["ON", "OFF"]) === "ON";
  return p.finish<SetIdentityInsertStatement>(context.mark, { kind: "SetIdentityInsertStatement", table, on });
}

/**
 * `SET DATEFORMAT dmy`, `SET DEADLOCK_PRIORITY LOW`, `SET LOCK_TIMEOUT -1`,
 * `SET LANGUAGE N'Deutsch'`, `SET CONTEXT_INFO 0x01`, `SET ROWCOUNT @n`.
 */
function parseSetCommand(p: Parser, context: StatementContext): SetCommandStatement {
  const name = p.advance().value;
  let value: Expression | Identifier;
  if (p.isKind(TokenKind.Word) || p.isKind(TokenKind.QuotedIdentifier)) {
    value = p.parseName(`a value for ${name}`);
  } else {
    value = parseArithmetic(p);
  }
  return p.finish<SetCommandStatement>(context.mark, { kind: "SetCommandStatement", name, value });
}

/**
 * Reads `name [, name ...] ON | OFF`. Every name gets the value, so
 * `SET ANSI_NULLS, QUOTED_IDENTIFIER ON` gives two options. Names are not
 * checked against a list, so options of later versions still parse.
 */
function parseOnOffOptions(p: Parser, context: StatementContext): SetOptionsStatement {
  const named: SetOption[] = [];
  let statistics = false;
  do {
    const mark = p.mark();
    const word = p.wordAt();
    if (word === undefined || word === "ON" || word === "OFF") {
      p.fail(named.length === 0 ? "a @variable or a SET option name" : "a SET option name");
    }
    p.advance();

    let name = word;
    let keywords: string[] | undefined;
    if (word === "STATISTICS") {
      statistics = true;
      name = `STATISTICS ${p.expectOneOf([...STATISTICS_KINDS])}`;
    } else if (statistics && STATISTICS_KINDS.has(word)) {
      name = `STATISTICS ${word}`;
    } else if (word === "OFFSETS") {
      keywords = parseOffsetsKeywords(p);
    } else {
      statistics = false;
    }
    // The value comes at the end of the list, so it is set below.
    named.push(p.finish<SetOption>(mark, { kind: "SetOption", name, value: "ON", ...(keywords ? { keywords } : {}) }));
  } while (p.eat(TokenKind.Comma));

  const value = p.expectOneOf(["ON", "OFF"]) as "ON" | "OFF";
  const options = named.map((option) => ({ ...option, value }));
  return p.finish<SetOptionsStatement>(context.mark, { kind: "SetOptionsStatement", options });
}

/**
 * Reads the statement keywords of `SET OFFSETS SELECT, FROM, ORDER ON`.
 * They take the rest of the comma list up to ON or OFF, so OFFSETS must be
 * the last option of its statement.
 */
function parseOffsetsKeywords(p: Parser): string[] {
  const keywords: string[] = [];
  const first = p.wordAt();
  if (first === undefined || first === "ON" || first === "OFF") {
    p.fail("a statement keyword such as SELECT after OFFSETS");
  }
  keywords.push(p.advance().value);
  while (p.isKind(TokenKind.Comma) && p.isKind(TokenKind.Word, 1) && !p.isWord("ON", 1) && !p.isWord("OFF", 1)) {
    p.advance();
    keywords.push(p.advance().value);
  }
  return keywords;
}
