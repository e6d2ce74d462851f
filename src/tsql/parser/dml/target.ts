/**
 * The table that INSERT, UPDATE, DELETE and MERGE change, and the column
 * lists that name its columns. Reference: "INSERT (Transact-SQL)",
 * "UPDATE (Transact-SQL)", "DELETE (Transact-SQL)" and "MERGE
 * (Transact-SQL)", SQL Server 2022: the target is a table or view name of
 * up to four parts, a table variable, or a limited rowset function
 * (OPENQUERY, OPENROWSET, OPENDATASOURCE) with optional `WITH (hints)`.
 */

import type { DmlTarget } from "../../ast/dml.js";
import type {
  ColumnReference,
  Expression,
  FunctionCall,
} from "../../ast/expressions.js";
import type { Identifier, SchemaObjectName } from "../../ast/node.js";
import type {
  NamedTableReference,
  TableAlias,
  TableHint,
  TableValuedFunctionReference,
  VariableTableReference,
} from "../../ast/query.js";
import { TokenKind } from "../../lexer/token.js";
import { isBareAlias } from "../aliases.js";
import { parseExpression, startsQuery } from "../expressions.js";
import { parseTableHintList } from "../from.js";
import type { Parser } from "../parser.js";
import { appendAll } from "../../../util/arrays.js";

const ROWSET_FUNCTIONS = new Set(["OPENQUERY", "OPENROWSET", "OPENDATASOURCE"]);

export interface TargetOptions {
  /** `[AS] alias` after the target, which only MERGE allows. */
  readonly alias: boolean;
  /**
   * Hints in parentheses without WITH, as in `UPDATE t (ROWLOCK) SET`.
   * Only where no column list can follow the target.
   */
  readonly bareHints: boolean;
}

/** Reads the target table of a data modification statement. */
export function parseDmlTarget(p: Parser, options: TargetOptions): DmlTarget {
  const mark = p.mark();
  const t = p.token;

  if (t.kind === TokenKind.Variable) {
    p.advance();
    const variable = p.finish(mark, {
      kind: "VariableReference" as const,
      name: t.text,
    });
    const alias = parseTargetAlias(p, options);
    return p.finish<VariableTableReference>(mark, {
      kind: "VariableTableReference",
      variable,
      ...alias,
    });
  }

  if (p.isAnyWord(ROWSET_FUNCTIONS) && p.isKind(TokenKind.LeftParen, 1)) {
    return parseRowsetTarget(p, options);
  }

  const name = p.parseSchemaObjectName(
    "a table name, a table variable or a rowset function",
  );
  const hints = parseTargetHints(p, options);
  const alias = parseTargetAlias(p, options);
  if (hints.length === 0 && alias.alias) {
    // MERGE documents hints before the alias, but some scripts put them
    // after it.
    appendAll(hints, parseTargetHints(p, options));
  }
  return p.finish<NamedTableReference>(mark, {
    kind: "NamedTableReference",
    name,
    hints,
    ...alias,
  });
}

/**
 * Reads OPENQUERY, OPENROWSET or OPENDATASOURCE(...).db.schema.table.
 * OPENROWSET separates its data source, user and password with semicolons,
 * so both commas and semicolons separate the arguments here.
 */
function parseRowsetTarget(
  p: Parser,
  options: TargetOptions,
): TableValuedFunctionReference {
  const mark = p.mark();
  const functionName = p.parseName("a rowset function");
  const name = p.finish<SchemaObjectName>(mark, {
    kind: "SchemaObjectName",
    name: functionName,
    partCount: 1,
  });

  p.expect(TokenKind.LeftParen, "'('");
  const args: Expression[] = [parseExpression(p)];
  while (p.eat(TokenKind.Comma) || p.eat(TokenKind.Semicolon)) {
    args.push(parseExpression(p));
  }
  p.expect(TokenKind.RightParen, "')' to close the rowset function");
  const call = p.finish<FunctionCall>(mark, {
    kind: "FunctionCall",
    name,
    arguments: args,
  });

  // OPENDATASOURCE(...) names a server, and `.db.schema.table` follows.
  const path: Identifier[] = [];
  while (p.eat(TokenKind.Dot)) {
    if (!p.isKind(TokenKind.Dot)) {
      path.push(p.parseName("a name after '.'"));
    }
  }

  const hints = parseTargetHints(p, options);
  const alias = parseTargetAlias(p, options);
  return p.finish<TableValuedFunctionReference>(mark, {
    kind: "TableValuedFunctionReference",
    call,
    ...(path.length > 0 ? { path } : {}),
    hints,
    ...alias,
  });
}

function parseTargetHints(p: Parser, options: TargetOptions): TableHint[] {
  if (p.isWord("WITH") && p.isKind(TokenKind.LeftParen, 1)) {
    p.advance();
    return parseTableHintList(p);
  }
  if (options.bareHints && p.isKind(TokenKind.LeftParen)) {
    return parseTableHintList(p);
  }
  return [];
}

function parseTargetAlias(p: Parser, options: TargetOptions): TableAlias {
  if (!options.alias) {
    return {};
  }
  if (p.eatWord("AS")) {
    return { alias: p.parseIdentifier("an alias after AS") };
  }
  if (isBareAlias(p)) {
    return { alias: p.parseIdentifier() };
  }
  return {};
}

/**
 * True at `(` that opens a column list rather than a parenthesised query,
 * as in `INSERT t (a, b) ...` against `INSERT t (SELECT ...)`.
 */
export function atColumnList(p: Parser): boolean {
  return p.isKind(TokenKind.LeftParen) && !startsQuery(p, 1);
}

/** Reads `( column [, column ...] )`. */
export function parseColumnList(p: Parser): ColumnReference[] {
  p.expect(TokenKind.LeftParen, "'(' to open the column list");
  const columns = p.parseCommaList(() => parseColumnReference(p));
  p.expect(TokenKind.RightParen, "')' to close the column list");
  return columns;
}

/**
 * Reads a column name, qualified or not: `name`, `[Order Date]`,
 * `t.name`, `db.dbo.t.name`.
 */
export function parseColumnReference(
  p: Parser,
  what = "a column name",
): ColumnReference {
  const mark = p.mark();
  const parts = [p.parseIdentifier(what)];
  while (p.isKind(TokenKind.Dot)) {
    p.advance();
    if (p.isKind(TokenKind.Dot)) {
      continue;
    }
    parts.push(p.parseName("a name after '.'"));
  }
  return p.finish<ColumnReference>(mark, { kind: "ColumnReference", parts });
}
