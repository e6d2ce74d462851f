/**
 * Column and table constraints: PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK,
 * DEFAULT, NULL / NOT NULL and the CONNECTION constraint of graph edge
 * tables. Reference: "CREATE TABLE", "ALTER TABLE column_constraint" and
 * "ALTER TABLE table_constraint" (Transact-SQL), SQL Server 2022.
 */

import type { Identifier } from "../../ast/node.js";
import type {
  CheckConstraintDefinition,
  ConstraintDefinition,
  DefaultConstraintDefinition,
  ForeignKeyConstraintDefinition,
  GraphConnectionConstraintDefinition,
  IndexColumn,
  NullableConstraintDefinition,
  ReferentialAction,
  UniqueConstraintDefinition,
} from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Mark, Parser } from "../parser.js";
import { parseColumnList, parseIndexColumns, parseIndexStorage } from "./storage.js";

/** True when a constraint (other than NULL / NOT NULL) starts at the cursor. */
export function atConstraint(p: Parser): boolean {
  if (p.isWord("CONSTRAINT")) {
    return true;
  }
  const word = p.wordAt();
  switch (word) {
    case "PRIMARY":
      return p.isWord("KEY", 1);
    case "UNIQUE":
    case "CHECK":
    case "DEFAULT":
    case "REFERENCES":
      return true;
    case "FOREIGN":
      return p.isWord("KEY", 1);
    case "CONNECTION":
      return p.isKind(TokenKind.LeftParen, 1);
    default:
      return false;
  }
}

/**
 * Reads `[CONSTRAINT name] constraint`. Column constraints apply to their
 * own column, so their key column lists are optional.
 */
export function parseConstraint(p: Parser): ConstraintDefinition {
  const mark = p.mark();
  const name = p.eatWord("CONSTRAINT") ? p.parseIdentifier("a constraint name") : undefined;
  const word = p.wordAt();

  switch (word) {
    case "PRIMARY":
    case "UNIQUE":
      return parseUniqueConstraint(p, mark, name);
    case "FOREIGN":
    case "REFERENCES":
      return parseForeignKey(p, mark, name);
    case "CHECK":
      return parseCheck(p, mark, name);
    case "DEFAULT":
      return parseDefault(p, mark, name);
    case "CONNECTION":
      return parseConnection(p, mark, name);
    case "NULL":
    case "NOT":
      return parseNullable(p, mark, name);
    default:
      return p.fail("PRIMARY KEY, UNIQUE, FOREIGN KEY, REFERENCES, CHECK, DEFAULT or CONNECTION");
  }
}

function parseUniqueConstraint(p: Parser, mark: Mark, name: Identifier | undefined): UniqueConstraintDefinition {
  const isPrimaryKey = p.eatWord("PRIMARY");
  p.expectWord(isPrimaryKey ? "KEY" : "UNIQUE");

  let clustering: "CLUSTERED" | "NONCLUSTERED" | undefined;
  if (p.isWord("CLUSTERED") || p.isWord("NONCLUSTERED")) {
    clustering = p.advance().value as "CLUSTERED" | "NONCLUSTERED";
  }
  const hash = p.eatWord("HASH");
  const columns: IndexColumn[] = p.isKind(TokenKind.LeftParen) ? parseIndexColumns(p) : [];
  const storage = parseIndexStorage(p);

  return p.finish<UniqueConstraintDefinition>(mark, {
    kind: "UniqueConstraintDefinition",
    ...(name ? { name } : {}),
    isPrimaryKey,
    ...(clustering ? { clustering } : {}),
    hash,
    columns,
    ...storage,
  });
}

function parseForeignKey(p: Parser, mark: Mark, name: Identifier | undefined): ForeignKeyConstraintDefinition {
  let columns: Identifier[] = [];
  if (p.eatWords("FOREIGN", "KEY") && p.isKind(TokenKind.LeftParen)) {
    columns = parseColumnList(p);
  }
  p.expectWord("REFERENCES");
  const referencedTable = p.parseSchemaObjectName("the referenced table");
  const referencedColumns = p.isKind(TokenKind.LeftParen) ? parseColumnList(p) : [];

  let onDelete: ReferentialAction | undefined;
  let onUpdate: ReferentialAction | undefined;
  let notForReplication = false;
  for (;;) {
    if (onDelete === undefined && p.eatWords("ON", "DELETE")) {
      onDelete = parseReferentialAction(p);
    } else if (onUpdate === undefined && p.eatWords("ON", "UPDATE")) {
      onUpdate = parseReferentialAction(p);
    } else if (!notForReplication && p.eatWords("NOT", "FOR", "REPLICATION")) {
      notForReplication = true;
    } else {
      break;
    }
  }

  return p.finish<ForeignKeyConstraintDefinition>(mark, {
    kind: "ForeignKeyConstraintDefinition",
    ...(name ? { name } : {}),
    columns,
    referencedTable,
    referencedColumns,
    ...(onDelete ? { onDelete } : {}),
    ...(onUpdate ? { onUpdate } : {}),
    notForReplication,
  });
}

function parseReferentialAction(p: Parser): ReferentialAction {
  if (p.eatWord("CASCADE")) {
    return "CASCADE";
  }
  if (p.eatWords("NO", "ACTION")) {
    return "NO ACTION";
  }
  if (p.eatWords("SET", "NULL")) {
    return "SET NULL";
  }
  if (p.eatWords("SET", "DEFAULT")) {
    return "SET DEFAULT";
  }
  return p.fail("CASCADE, NO ACTION, SET NULL or SET DEFAULT");
}

function parseCheck(p: Parser, mark: Mark, name: Identifier | undefined): CheckConstraintDefinition {
  p.expectWord("CHECK");
  const notForReplication = p.eatWords("NOT", "FOR", "REPLICATION");
  p.expect(TokenKind.LeftParen, "'(' before the CHECK condition");
  const condition = parseExpression(p);
  p.expect(TokenKind.RightParen, "')' after the CHECK condition");
  return p.finish<CheckConstraintDefinition>(mark, {
    kind: "CheckConstraintDefinition",
    ...(name ? { name } : {}),
    condition,
    notForReplication,
  });
}

/** Reads `DEFAULT expr [FOR column] [WITH VALUES]`. The FOR form is only valid in ALTER TABLE ADD. */
function parseDefault(p: Parser, mark: Mark, name: Identifier | undefined): DefaultConstraintDefinition {
  p.expectWord("DEFAULT");
  const expression = parseExpression(p);
  const forColumn = p.eatWord("FOR") ? p.parseIdentifier("a column name after FOR") : undefined;
  const withValues = p.eatWords("WITH", "VALUES");
  return p.finish<DefaultConstraintDefinition>(mark, {
    kind: "DefaultConstraintDefinition",
    ...(name ? { name } : {}),
    expression,
    ...(forColumn ? { forColumn } : {}),
    withValues,
  });
}

function parseConnection(p: Parser, mark: Mark, name: Identifier | undefined): GraphConnectionConstraintDefinition {
  p.expectWord("CONNECTION");
  p.expect(TokenKind.LeftParen, "'(' after CONNECTION");
  const connections = p.parseCommaList(() => {
    const from = p.parseSchemaObjectName("a node table");
    p.expectWord("TO");
    const to = p.parseSchemaObjectName("a node table after TO");
    return { from, to };
  });
  p.expect(TokenKind.RightParen, "')' after the connections");

  let onDeleteCascade = false;
  if (p.eatWords("ON", "DELETE")) {
    onDeleteCascade = p.eatWord("CASCADE");
    if (!onDeleteCascade) {
      p.expectWords("NO", "ACTION");
    }
  }
  return p.finish<GraphConnectionConstraintDefinition>(mark, {
    kind: "GraphConnectionConstraintDefinition",
    ...(name ? { name } : {}),
    connections,
    onDeleteCascade,
  });
}

function parseNullable(p: Parser, mark: Mark, name: Identifier | undefined): NullableConstraintDefinition {
  const nullable = !p.eatWord("NOT");
  p.expectWord("NULL");
  return p.finish<NullableConstraintDefinition>(mark, {
    kind: "NullableConstraintDefinition",
    ...(name ? { name } : {}),
    nullable,
  });
}
