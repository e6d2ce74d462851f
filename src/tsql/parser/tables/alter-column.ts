/**
 * ALTER TABLE ... ALTER COLUMN: a new type, collation and nullability, or
 * ADD / DROP of a column property. Reference: "ALTER TABLE
 * (Transact-SQL)", SQL Server 2022.
 */

import type { DataType, Identifier, OptionNode, SchemaObjectName } from "../../ast/node.js";
import type { AlterTableAlterColumnStatement } from "../../ast/tables.js";
import { parseParenthesizedOptions } from "../options.js";
import type { Mark, Parser } from "../parser.js";
import { eatWithOptions } from "./alter-table.js";
import { maskingFunction } from "./columns.js";

const PROPERTIES = ["ROWGUIDCOL", "PERSISTED", "SPARSE", "HIDDEN", "MASKED"];

export function parseAlterColumn(p: Parser, mark: Mark, table: SchemaObjectName): AlterTableAlterColumnStatement {
  p.expectWords("ALTER", "COLUMN");
  const columnName = p.parseIdentifier("a column name");

  if (p.isWord("ADD") || p.isWord("DROP")) {
    return parsePropertyChange(p, mark, table, columnName);
  }

  const dataType: DataType = p.parseDataType();
  let collation: Identifier | undefined;
  let nullable: boolean | undefined;
  let sparse = false;
  let encryption: OptionNode[] | undefined;
  for (;;) {
    if (p.eatWord("COLLATE")) {
      collation = p.parseName("a collation name");
    } else if (p.eatWord("NULL")) {
      nullable = true;
    } else if (p.eatWords("NOT", "NULL")) {
      nullable = false;
    } else if (p.eatWord("SPARSE")) {
      sparse = true;
    } else if (p.eatWords("ENCRYPTED", "WITH")) {
      encryption = parseParenthesizedOptions(p);
    } else {
      break;
    }
  }
  const options = eatWithOptions(p);

  return p.finish<AlterTableAlterColumnStatement>(mark, {
    kind: "AlterTableAlterColumnStatement",
    table,
    columnName,
    dataType,
    ...(collation ? { collation } : {}),
    ...(nullable === undefined ? {} : { nullable }),
    sparse,
    ...(encryption ? { encryption } : {}),
    options,
  });
}

/** `{ADD | DROP} {ROWGUIDCOL | PERSISTED | NOT FOR REPLICATION | SPARSE | HIDDEN | MASKED [WITH (...)]}`. */
function parsePropertyChange(
  p: Parser,
  mark: Mark,
  table: SchemaObjectName,
  columnName: Identifier,
): AlterTableAlterColumnStatement {
  const propertyAction = p.advance().value as "ADD" | "DROP";
  let property: string;
  if (p.eatWords("NOT", "FOR", "REPLICATION")) {
    property = "NOT FOR REPLICATION";
  } else {
    property = p.expectOneOf(PROPERTIES);
  }

  let masking: string | undefined;
  if (property === "MASKED" && p.isWord("WITH") && p.isWord("FUNCTION", 2)) {
    p.advance();
    masking = maskingFunction(parseParenthesizedOptions(p));
  }
  const options = eatWithOptions(p);

  return p.finish<AlterTableAlterColumnStatement>(mark, {
    kind: "AlterTableAlterColumnStatement",
    table,
    columnName,
    sparse: false,
    propertyAction,
    property,
    ...(masking === undefined ? {} : { maskingFunction: masking }),
    options,
  });
}
