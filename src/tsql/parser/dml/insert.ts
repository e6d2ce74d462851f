/**
 * INSERT. Reference: "INSERT (Transact-SQL)", SQL Server 2022:
 *
 *   [WITH cte [, ...]]
 *   INSERT [TOP (n) [PERCENT]] [INTO] target [WITH (hints)] [(columns)]
 *     [OUTPUT ... [INTO ...]] [OUTPUT ...]
 *     { VALUES (...) [, ...] | query | EXEC[UTE] ... | DEFAULT VALUES }
 *     [OPTION (hints)]
 */

import type {
  DefaultValuesInsertSource,
  InsertSource,
  InsertStatement,
  SelectInsertSource,
  ValuesInsertSource,
} from "../../ast/dml.js";
import type { Expression } from "../../ast/expressions.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression, startsQuery } from "../expressions.js";
import type { Parser } from "../parser.js";
import { parseExecuteInsertSource } from "../procedural/execute.js";
import type { StatementContext } from "../registry.js";
import {
  parseOptionClause,
  parseQueryExpression,
  parseTopClause,
} from "../select.js";
import { parseOutputClauses } from "./output.js";
import { atColumnList, parseColumnList, parseDmlTarget } from "./target.js";

export function parseInsertStatement(
  p: Parser,
  context: StatementContext,
): InsertStatement {
  p.expectWord("INSERT");
  const top = p.isWord("TOP") ? parseTopClause(p) : undefined;
  const into = p.eatWord("INTO");
  const target = parseDmlTarget(p, { alias: false, bareHints: false });
  const columns = atColumnList(p) ? parseColumnList(p) : [];
  const output = parseOutputClauses(p);
  const source = parseInsertSource(p);
  const options = parseOptionClause(p);

  return p.finish<InsertStatement>(context.mark, {
    kind: "InsertStatement",
    ...(context.with ? { with: context.with } : {}),
    ...(top ? { top } : {}),
    into,
    target,
    columns,
    ...output,
    source,
    options,
  });
}

function parseInsertSource(p: Parser): InsertSource {
  const mark = p.mark();

  if (p.eatWord("VALUES")) {
    const rows = p.parseCommaList(() => parseRow(p));
    return p.finish<ValuesInsertSource>(mark, {
      kind: "ValuesInsertSource",
      rows,
    });
  }
  if (p.eatWords("DEFAULT", "VALUES")) {
    return p.finish<DefaultValuesInsertSource>(mark, {
      kind: "DefaultValuesInsertSource",
    });
  }
  if (p.isWord("EXEC") || p.isWord("EXECUTE")) {
    return parseExecuteInsertSource(p);
  }
  if (startsQuery(p) && !p.isWord("WITH")) {
    const query = parseQueryExpression(p);
    return p.finish<SelectInsertSource>(mark, {
      kind: "SelectInsertSource",
      query,
    });
  }
  return p.fail("VALUES, DEFAULT VALUES, a SELECT query or EXECUTE");
}

/** Reads one `( value [, value ...] )` row of a VALUES list. */
export function parseRow(p: Parser): Expression[] {
  p.expect(TokenKind.LeftParen, "'(' to open a row of values");
  const values = p.parseCommaList(() => parseExpression(p));
  p.expect(TokenKind.RightParen, "')' to close the row of values");
  return values;
}
