/**
 * The elements of a table body, shared by CREATE TABLE, CREATE TYPE AS
 * TABLE and ALTER TABLE ADD: columns, table constraints, inline indexes
 * and PERIOD FOR SYSTEM_TIME.
 */

import type {
  ColumnDefinition,
  ConstraintDefinition,
  IndexDefinition,
  SystemTimePeriodDefinition,
  TableDefinition,
} from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import type { Mark, Parser } from "../parser.js";
import { parseColumnDefinition } from "./columns.js";
import { atConstraint, parseConstraint } from "./constraints.js";
import { parseIndexDefinition } from "./indexes-inline.js";

interface Elements {
  readonly columns: ColumnDefinition[];
  readonly constraints: ConstraintDefinition[];
  readonly indexes: IndexDefinition[];
  period?: SystemTimePeriodDefinition;
}

/** Reads `( element [, ...] )`. SQL Server accepts a comma before the `)`. */
export function parseTableDefinition(p: Parser): TableDefinition {
  const mark = p.mark();
  p.expect(TokenKind.LeftParen, "'(' before the column definitions");
  const elements: Elements = { columns: [], constraints: [], indexes: [] };
  do {
    if (p.isKind(TokenKind.RightParen) && elements.columns.length + elements.constraints.length > 0) {
      break;
    }
    parseTableElement(p, elements);
  } while (p.eat(TokenKind.Comma));
  p.expect(TokenKind.RightParen, "',' or ')' after a column definition");
  return finishDefinition(p, mark, elements);
}

/** Reads `element [, ...]` without parentheses, as after ALTER TABLE ... ADD. */
export function parseTableElementList(p: Parser): TableDefinition {
  const mark = p.mark();
  const elements: Elements = { columns: [], constraints: [], indexes: [] };
  do {
    parseTableElement(p, elements);
  } while (p.eat(TokenKind.Comma));
  return finishDefinition(p, mark, elements);
}

function finishDefinition(p: Parser, mark: Mark, elements: Elements): TableDefinition {
  return p.finish<TableDefinition>(mark, {
    kind: "TableDefinition",
    columns: elements.columns,
    constraints: elements.constraints,
    indexes: elements.indexes,
    ...(elements.period ? { period: elements.period } : {}),
  });
}

function parseTableElement(p: Parser, elements: Elements): void {
  if (p.isWord("INDEX")) {
    elements.indexes.push(parseIndexDefinition(p, true));
  } else if (p.isWords("PERIOD", "FOR", "SYSTEM_TIME")) {
    elements.period = parseSystemTimePeriod(p);
  } else if (atConstraint(p) && !p.isWord("REFERENCES")) {
    elements.constraints.push(parseConstraint(p));
  } else {
    elements.columns.push(parseColumnDefinition(p));
  }
}

/** Reads `PERIOD FOR SYSTEM_TIME (start_column, end_column)`. */
export function parseSystemTimePeriod(p: Parser): SystemTimePeriodDefinition {
  const mark = p.mark();
  p.expectWords("PERIOD", "FOR", "SYSTEM_TIME");
  p.expect(TokenKind.LeftParen, "'(' after PERIOD FOR SYSTEM_TIME");
  const startColumn = p.parseIdentifier("the period start column");
  p.expect(TokenKind.Comma, "',' between the period columns");
  const endColumn = p.parseIdentifier("the period end column");
  p.expect(TokenKind.RightParen, "')' after the period columns");
  return p.finish<SystemTimePeriodDefinition>(mark, {
    kind: "SystemTimePeriodDefinition",
    startColumn,
    endColumn,
  });
}
