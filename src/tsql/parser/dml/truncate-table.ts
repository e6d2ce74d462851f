/**
 * TRUNCATE TABLE. Reference: "TRUNCATE TABLE (Transact-SQL)", SQL Server
 * 2022:
 *
 *   TRUNCATE TABLE [[database.]schema.]table
 *     [WITH (PARTITIONS ({ number | number TO number } [, ...]))]
 */

import type { PartitionRange, TruncateTableStatement } from "../../ast/dml.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";

export function parseTruncateTableStatement(
  p: Parser,
  context: StatementContext,
): TruncateTableStatement {
  p.expectWords("TRUNCATE", "TABLE");
  const table = p.parseSchemaObjectName("a table name after TRUNCATE TABLE");

  let partitions: PartitionRange[] = [];
  if (p.isWord("WITH") && p.isKind(TokenKind.LeftParen, 1)) {
    p.pos += 2;
    p.expectWord("PARTITIONS");
    p.expect(TokenKind.LeftParen, "'(' after PARTITIONS");
    partitions = p.parseCommaList(() => parsePartitionRange(p));
    p.expect(TokenKind.RightParen, "')' to close PARTITIONS");
    p.expect(TokenKind.RightParen, "')' to close WITH");
  }

  return p.finish<TruncateTableStatement>(context.mark, {
    kind: "TruncateTableStatement",
    table,
    partitions,
  });
}

function parsePartitionRange(p: Parser): PartitionRange {
  const mark = p.mark();
  const from = parseExpression(p);
  const to = p.eatWord("TO") ? parseExpression(p) : undefined;
  return p.finish<PartitionRange>(mark, {
    kind: "PartitionRange",
    from,
    ...(to ? { to } : {}),
  });
}
