/**
 * CREATE SEQUENCE and ALTER SEQUENCE. Reference: "CREATE SEQUENCE" and
 * "ALTER SEQUENCE" (Transact-SQL), SQL Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type { DataType } from "../../ast/node.js";
import type { AlterSequenceStatement, CreateSequenceStatement } from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";

interface Options {
  dataType?: DataType;
  startWith?: Expression;
  incrementBy?: Expression;
  minValue?: Expression | null;
  maxValue?: Expression | null;
  cycle?: boolean;
  cache?: Expression | boolean;
  restart?: Expression | true;
}

export function parseCreateSequence(p: Parser, context: StatementContext): CreateSequenceStatement {
  p.expectWord("SEQUENCE");
  const name = p.parseSchemaObjectName("a sequence name");
  const options = parseSequenceOptions(p, false);
  return p.finish<CreateSequenceStatement>(context.mark, { kind: "CreateSequenceStatement", name, ...options });
}

export function parseAlterSequence(p: Parser, context: StatementContext): AlterSequenceStatement {
  p.expectWord("SEQUENCE");
  const name = p.parseSchemaObjectName("a sequence name");
  const options = parseSequenceOptions(p, true);
  return p.finish<AlterSequenceStatement>(context.mark, { kind: "AlterSequenceStatement", name, ...options });
}

/** Reads the options in any order; `alter` allows RESTART and forbids AS and START WITH. */
function parseSequenceOptions(p: Parser, alter: boolean): Options {
  const options: Options = {};
  for (;;) {
    if (!alter && p.eatWord("AS")) {
      options.dataType = p.parseDataType();
    } else if (!alter && p.eatWords("START", "WITH")) {
      options.startWith = parseExpression(p);
    } else if (alter && p.eatWord("RESTART")) {
      options.restart = p.eatWord("WITH") ? parseExpression(p) : true;
    } else if (p.eatWords("INCREMENT", "BY")) {
      options.incrementBy = parseExpression(p);
    } else if (p.eatWord("MINVALUE")) {
      options.minValue = parseExpression(p);
    } else if (p.eatWord("MAXVALUE")) {
      options.maxValue = parseExpression(p);
    } else if (p.eatWord("CYCLE")) {
      options.cycle = true;
    } else if (p.eatWord("CACHE")) {
      options.cache = startsNumber(p) ? parseExpression(p) : true;
    } else if (!parseNoOption(p, options)) {
      return options;
    }
  }
}

/** NO MINVALUE, NO MAXVALUE, NO CYCLE and NO CACHE. */
function parseNoOption(p: Parser, options: Options): boolean {
  if (!p.isWord("NO")) {
    return false;
  }
  const what = p.wordAt(1);
  switch (what) {
    case "MINVALUE":
      options.minValue = null;
      break;
    case "MAXVALUE":
      options.maxValue = null;
      break;
    case "CYCLE":
      options.cycle = false;
      break;
    case "CACHE":
      options.cache = false;
      break;
    default:
      return p.fail("MINVALUE, MAXVALUE, CYCLE or CACHE after NO");
  }
  p.pos += 2;
  return true;
}

/** True when a cache size follows CACHE, which may also stand alone. */
function startsNumber(p: Parser): boolean {
  const kind = p.token.kind;
  return (
    kind === TokenKind.Integer ||
    kind === TokenKind.Decimal ||
    kind === TokenKind.Minus ||
    kind === TokenKind.Plus ||
    kind === TokenKind.LeftParen ||
    kind === TokenKind.Variable
  );
}
