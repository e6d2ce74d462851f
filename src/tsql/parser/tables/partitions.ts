/**
 * Partition functions and schemes. Reference: "CREATE PARTITION
 * FUNCTION", "ALTER PARTITION FUNCTION", "CREATE PARTITION SCHEME" and
 * "ALTER PARTITION SCHEME" (Transact-SQL), SQL Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type { Identifier } from "../../ast/node.js";
import type {
  AlterPartitionFunctionStatement,
  AlterPartitionSchemeStatement,
  CreatePartitionFunctionStatement,
  CreatePartitionSchemeStatement,
} from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";

/** CREATE PARTITION FUNCTION pf (type) AS RANGE [LEFT | RIGHT] FOR VALUES (v, ...). */
export function parseCreatePartitionFunction(p: Parser, context: StatementContext): CreatePartitionFunctionStatement {
  p.expectWords("PARTITION", "FUNCTION");
  const name = p.parseIdentifier("a partition function name");
  p.expect(TokenKind.LeftParen, "'(' before the parameter type");
  const parameterType = p.parseDataType();
  p.expect(TokenKind.RightParen, "')' after the parameter type");
  p.expectWords("AS", "RANGE");
  const range = p.isWord("LEFT") || p.isWord("RIGHT") ? (p.advance().value as "LEFT" | "RIGHT") : undefined;
  p.expectWords("FOR", "VALUES");
  p.expect(TokenKind.LeftParen, "'(' before the boundary values");
  const boundaryValues: Expression[] = p.isKind(TokenKind.RightParen) ? [] : p.parseCommaList(() => parseExpression(p));
  p.expect(TokenKind.RightParen, "')' after the boundary values");

  return p.finish<CreatePartitionFunctionStatement>(context.mark, {
    kind: "CreatePartitionFunctionStatement",
    name,
    parameterType,
    ...(range ? { range } : {}),
    boundaryValues,
  });
}

/** ALTER PARTITION FUNCTION pf () {SPLIT | MERGE} RANGE (value). */
export function parseAlterPartitionFunction(p: Parser, context: StatementContext): AlterPartitionFunctionStatement {
  p.expectWords("PARTITION", "FUNCTION");
  const name = p.parseIdentifier("a partition function name");
  p.expect(TokenKind.LeftParen, "'(' after the partition function name");
  p.expect(TokenKind.RightParen, "')' after '('");
  const action = p.expectOneOf(["SPLIT", "MERGE"]) as "SPLIT" | "MERGE";
  p.expectWord("RANGE");
  p.expect(TokenKind.LeftParen, "'(' before the boundary value");
  const boundary = parseExpression(p);
  p.expect(TokenKind.RightParen, "')' after the boundary value");

  return p.finish<AlterPartitionFunctionStatement>(context.mark, {
    kind: "AlterPartitionFunctionStatement",
    name,
    action,
    boundary,
  });
}

/** CREATE PARTITION SCHEME ps AS PARTITION pf [ALL] TO (filegroup, ...). */
export function parseCreatePartitionScheme(p: Parser, context: StatementContext): CreatePartitionSchemeStatement {
  p.expectWords("PARTITION", "SCHEME");
  const name = p.parseIdentifier("a partition scheme name");
  p.expectWords("AS", "PARTITION");
  const partitionFunction = p.parseIdentifier("a partition function name");
  const all = p.eatWord("ALL");
  p.expectWord("TO");
  p.expect(TokenKind.LeftParen, "'(' before the filegroups");
  const fileGroups = p.parseCommaList(() => p.parseName("a filegroup name"));
  p.expect(TokenKind.RightParen, "')' after the filegroups");

  return p.finish<CreatePartitionSchemeStatement>(context.mark, {
    kind: "CreatePartitionSchemeStatement",
    name,
    partitionFunction,
    all,
    fileGroups,
  });
}

/** ALTER PARTITION SCHEME ps NEXT USED [filegroup]. */
export function parseAlterPartitionScheme(p: Parser, context: StatementContext): AlterPartitionSchemeStatement {
  p.expectWords("PARTITION", "SCHEME");
  const name = p.parseIdentifier("a partition scheme name");
  p.expectWords("NEXT", "USED");
  // The filegroup is optional, so a word on the next line is taken to
  // start the next statement.
  let nextUsed: Identifier | undefined;
  if (p.isKind(TokenKind.QuotedIdentifier) || (p.isKind(TokenKind.Word) && !p.afterNewline())) {
    nextUsed = p.parseName("a filegroup name");
  }

  return p.finish<AlterPartitionSchemeStatement>(context.mark, {
    kind: "AlterPartitionSchemeStatement",
    name,
    ...(nextUsed ? { nextUsed } : {}),
  });
}
