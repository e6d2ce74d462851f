/**
 * BULK INSERT. Reference: "BULK INSERT (Transact-SQL)", SQL Server 2022:
 *
 *   BULK INSERT [[database.]schema.]table FROM 'data_file'
 *     [WITH (option [, ...])]
 *
 * Options are kept by name and value (FIELDTERMINATOR = ',', FORMAT = 'CSV',
 * FIRSTROW = 2, TABLOCK, ...), except `ORDER (column [ASC | DESC], ...)`,
 * whose columns get their own field.
 */

import type { BulkInsertStatement } from "../../ast/dml.js";
import type { OptionNode } from "../../ast/node.js";
import type { OrderByItem } from "../../ast/query.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import { parseOption } from "../options.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseColumnReference } from "./target.js";
import { appendAll } from "../../../util/arrays.js";

export function parseBulkInsertStatement(
  p: Parser,
  context: StatementContext,
): BulkInsertStatement {
  p.expectWords("BULK", "INSERT");
  const table = p.parseSchemaObjectName("a table name after BULK INSERT");
  p.expectWord("FROM");
  const file = parseExpression(p);

  const options: OptionNode[] = [];
  const order: OrderByItem[] = [];
  if (p.isWord("WITH") && p.isKind(TokenKind.LeftParen, 1)) {
    p.pos += 2;
    do {
      if (p.isWord("ORDER") && p.isKind(TokenKind.LeftParen, 1)) {
        appendAll(order, parseOrderOption(p));
      } else {
        options.push(parseOption(p));
      }
    } while (p.eat(TokenKind.Comma));
    p.expect(TokenKind.RightParen, "')' to close the BULK INSERT options");
  }

  return p.finish<BulkInsertStatement>(context.mark, {
    kind: "BulkInsertStatement",
    table,
    file,
    options,
    order,
  });
}

/** `ORDER ( column [ASC | DESC] [, ...] )`: how the data file is sorted. */
function parseOrderOption(p: Parser): OrderByItem[] {
  p.expectWord("ORDER");
  p.expect(TokenKind.LeftParen, "'('");
  const items = p.parseCommaList(() => {
    const mark = p.mark();
    const expression = parseColumnReference(p);
    let direction: "ASC" | "DESC" | undefined;
    if (p.isWord("ASC") || p.isWord("DESC")) {
      direction = p.advance().value as "ASC" | "DESC";
    }
    return p.finish<OrderByItem>(mark, {
      kind: "OrderByItem",
      expression,
      ...(direction ? { direction } : {}),
    });
  });
  p.expect(TokenKind.RightParen, "')' to close ORDER");
  return items;
}
