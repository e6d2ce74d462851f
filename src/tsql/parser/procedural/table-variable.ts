/**
 * The definition of a table variable, `DECLARE @t TABLE (...)`: columns,
 * PRIMARY KEY, UNIQUE and CHECK constraints and inline indexes.
 * Reference: "DECLARE @local_variable (Transact-SQL)", SQL Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type { DataType, Identifier } from "../../ast/node.js";
import type {
  IndexColumn,
  TableVariableColumn,
  TableVariableConstraint,
  TableVariableDefinition,
  TableVariableIndex,
} from "../../ast/procedural.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";

/** Reads `TABLE ( column | constraint | index [, ...] )`. */
export function parseTableVariableDefinition(p: Parser): TableVariableDefinition {
  const mark = p.mark();
  p.expectWord("TABLE");
  p.expect(TokenKind.LeftParen, "'(' after TABLE");

  const columns: TableVariableColumn[] = [];
  const constraints: TableVariableConstraint[] = [];
  const indexes: TableVariableIndex[] = [];
  do {
    if (p.isKind(TokenKind.RightParen)) {
      // A comma before the closing parenthesis is accepted, as in CREATE TABLE.
      break;
    }
    if (p.isWord("INDEX")) {
      indexes.push(parseIndex(p));
    } else if (startsConstraint(p)) {
      constraints.push(parseConstraint(p, true));
    } else {
      columns.push(parseColumn(p));
    }
  } while (p.eat(TokenKind.Comma));
  p.expect(TokenKind.RightParen, "',' or ')' in the table definition");

  return p.finish<TableVariableDefinition>(mark, {
    kind: "TableVariableDefinition",
    columns,
    constraints,
    indexes,
  });
}

function startsConstraint(p: Parser): boolean {
  return p.isWord("CONSTRAINT") || p.isWords("PRIMARY", "KEY") || p.isWord("UNIQUE") || p.isWord("CHECK");
}

function parseColumn(p: Parser): TableVariableColumn {
  const mark = p.mark();
  const name = p.parseIdentifier("a column name, constraint or INDEX");

  let dataType: DataType | undefined;
  let computed: Expression | undefined;
  let persisted: boolean | undefined;
  if (p.eatWord("AS")) {
    computed = parseExpression(p);
    persisted = p.eatWord("PERSISTED");
  } else {
    dataType = p.parseDataType();
  }

  let collation: Identifier | undefined;
  let nullable: boolean | undefined;
  let defaultValue: Expression | undefined;
  let identity: TableVariableColumn["identity"];
  let rowGuidCol: boolean | undefined;
  let index: TableVariableIndex | undefined;
  const constraints: TableVariableConstraint[] = [];

  for (;;) {
    if (p.eatWord("COLLATE")) {
      collation = p.parseName("a collation name");
    } else if (p.eatWord("NULL")) {
      nullable = true;
    } else if (p.eatWords("NOT", "NULL")) {
      nullable = false;
    } else if (p.eatWord("DEFAULT")) {
      defaultValue = parseExpression(p);
    } else if (p.isWord("IDENTITY")) {
      identity = parseIdentity(p);
    } else if (p.eatWord("ROWGUIDCOL")) {
      rowGuidCol = true;
    } else if (p.isWord("INDEX")) {
      index = parseIndex(p);
    } else if (startsConstraint(p)) {
      constraints.push(parseConstraint(p, false));
    } else {
      break;
    }
  }

  return p.finish<TableVariableColumn>(mark, {
    kind: "TableVariableColumn",
    name,
    ...(dataType ? { dataType } : {}),
    ...(computed ? { computed } : {}),
    ...(persisted ? { persisted } : {}),
    ...(collation ? { collation } : {}),
    ...(nullable === undefined ? {} : { nullable }),
    ...(defaultValue ? { default: defaultValue } : {}),
    ...(identity ? { identity } : {}),
    ...(rowGuidCol ? { rowGuidCol } : {}),
    constraints,
    ...(index ? { index } : {}),
  });
}

function parseIdentity(p: Parser): NonNullable<TableVariableColumn["identity"]> {
  p.expectWord("IDENTITY");
  if (!p.eat(TokenKind.LeftParen)) {
    return {};
  }
  const seed = parseExpression(p);
  p.expect(TokenKind.Comma, "',' between the identity seed and increment");
  const increment = parseExpression(p);
  p.expect(TokenKind.RightParen, "')'");
  return { seed, increment };
}

/**
 * Reads PRIMARY KEY, UNIQUE or CHECK. On a column the key columns are
 * implied. On the table they are listed in parentheses.
 */
function parseConstraint(p: Parser, tableLevel: boolean): TableVariableConstraint {
  const mark = p.mark();
  const name = p.eatWord("CONSTRAINT") ? p.parseIdentifier("a constraint name") : undefined;

  if (p.eatWord("CHECK")) {
    p.expect(TokenKind.LeftParen, "'(' after CHECK");
    const check = parseExpression(p);
    p.expect(TokenKind.RightParen, "')' to close CHECK");
    return p.finish<TableVariableConstraint>(mark, {
      kind: "TableVariableConstraint",
      type: "CHECK",
      ...(name ? { name } : {}),
      columns: [],
      check,
    });
  }

  let type: "PRIMARY KEY" | "UNIQUE" = "UNIQUE";
  if (p.eatWords("PRIMARY", "KEY")) {
    type = "PRIMARY KEY";
  } else {
    p.expectWord("UNIQUE");
  }
  const clustered = parseClustered(p);
  const columns = tableLevel || p.isKind(TokenKind.LeftParen) ? parseIndexColumns(p) : [];

  let options: string | undefined;
  if (p.isWord("WITH") && p.isKind(TokenKind.LeftParen, 1)) {
    p.advance();
    options = p.skipParenthesized();
  }

  return p.finish<TableVariableConstraint>(mark, {
    kind: "TableVariableConstraint",
    type,
    ...(name ? { name } : {}),
    ...(clustered ? { clustered } : {}),
    columns,
    ...(options === undefined ? {} : { options }),
  });
}

function parseClustered(p: Parser): "CLUSTERED" | "NONCLUSTERED" | undefined {
  if (p.isWord("CLUSTERED") || p.isWord("NONCLUSTERED")) {
    return p.advance().value as "CLUSTERED" | "NONCLUSTERED";
  }
  return undefined;
}

/**
 * `INDEX name [CLUSTERED | NONCLUSTERED] [(columns)] [INCLUDE (...)]
 * [WHERE ...]`, and the COLUMNSTORE forms.
 */
function parseIndex(p: Parser): TableVariableIndex {
  const mark = p.mark();
  p.expectWord("INDEX");
  const name = p.parseIdentifier("an index name");
  const clustered = parseClustered(p);
  const columnstore = p.eatWord("COLUMNSTORE");
  const columns = p.isKind(TokenKind.LeftParen) ? parseIndexColumns(p) : [];

  let include: Identifier[] = [];
  if (p.eatWord("INCLUDE")) {
    p.expect(TokenKind.LeftParen, "'(' after INCLUDE");
    include = p.parseCommaList(() => p.parseIdentifier("a column name"));
    p.expect(TokenKind.RightParen, "')'");
  }
  const where = p.eatWord("WHERE") ? parseExpression(p) : undefined;

  return p.finish<TableVariableIndex>(mark, {
    kind: "TableVariableIndex",
    name,
    ...(clustered ? { clustered } : {}),
    columnstore,
    columns,
    include,
    ...(where ? { where } : {}),
  });
}

function parseIndexColumns(p: Parser): IndexColumn[] {
  p.expect(TokenKind.LeftParen, "'(' before the key columns");
  const columns = p.parseCommaList(() => {
    const mark = p.mark();
    const name = p.parseIdentifier("a column name");
    const order = p.isWord("ASC") || p.isWord("DESC") ? (p.advance().value as "ASC" | "DESC") : undefined;
    return p.finish<IndexColumn>(mark, { kind: "IndexColumn", name, ...(order ? { order } : {}) });
  });
  p.expect(TokenKind.RightParen, "')' after the key columns");
  return columns;
}
