/**
 * CREATE STATISTICS and UPDATE STATISTICS. Reference: "CREATE STATISTICS"
 * and "UPDATE STATISTICS" (Transact-SQL), SQL Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type { Identifier, OptionNode } from "../../ast/node.js";
import type { CreateStatisticsStatement, UpdateStatisticsStatement } from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseColumnList, parseWithOptions } from "./storage.js";

export function parseCreateStatistics(p: Parser, context: StatementContext): CreateStatisticsStatement {
  p.expectWord("STATISTICS");
  const name = p.parseIdentifier("a statistics name");
  p.expectWord("ON");
  const table = p.parseSchemaObjectName("a table or view name");
  const columns = parseColumnList(p);
  const where: Expression | undefined = p.eatWord("WHERE") ? parseExpression(p) : undefined;
  const options = parseStatisticsOptions(p);

  return p.finish<CreateStatisticsStatement>(context.mark, {
    kind: "CreateStatisticsStatement",
    name,
    table,
    columns,
    ...(where ? { where } : {}),
    options,
  });
}

/** UPDATE STATISTICS table [name | (name, ...)] [WITH options]. */
export function parseUpdateStatistics(p: Parser, context: StatementContext): UpdateStatisticsStatement {
  p.expectWords("UPDATE", "STATISTICS");
  const table = p.parseSchemaObjectName("a table or view name");

  let statistics: Identifier[] = [];
  if (p.eat(TokenKind.LeftParen)) {
    statistics = p.parseCommaList(() => p.parseIdentifier("a statistics or index name"));
    p.expect(TokenKind.RightParen, "')' after the statistics names");
  } else if (p.isIdentifier()) {
    statistics = [p.parseIdentifier()];
  }
  const options = parseStatisticsOptions(p);

  return p.finish<UpdateStatisticsStatement>(context.mark, {
    kind: "UpdateStatisticsStatement",
    table,
    statistics,
    options,
  });
}

/**
 * Reads `WITH FULLSCAN, NORECOMPUTE` or `WITH SAMPLE 10 PERCENT`: these
 * options have no parentheses. A WITH that starts a common table
 * expression of the next statement is left alone.
 */
function parseStatisticsOptions(p: Parser): OptionNode[] {
  if (!p.isWord("WITH") || p.isWord("AS", 2) || (p.isKind(TokenKind.LeftParen, 2) && !p.isKind(TokenKind.LeftParen, 1))) {
    return [];
  }
  p.advance();
  return parseWithOptions(p);
}
