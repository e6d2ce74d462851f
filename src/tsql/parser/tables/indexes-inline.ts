/**
 * Inline indexes of CREATE TABLE, CREATE TYPE AS TABLE and ALTER TABLE
 * ADD: `INDEX name [UNIQUE] [CLUSTERED | NONCLUSTERED] [COLUMNSTORE]
 * [HASH] (columns) [INCLUDE (...)] [WHERE filter] [WITH (...)] [ON ...]`.
 * Reference: "CREATE TABLE" <table_index> and <column_index>, SQL Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type { Identifier } from "../../ast/node.js";
import type { Clustering, IndexColumn, IndexDefinition } from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import { parseColumnList, parseIndexColumns, parseIndexStorage } from "./storage.js";

/**
 * Reads an inline index. A table index has a column list; a column index
 * (`tableLevel` false) indexes its own column, so the list is optional.
 */
export function parseIndexDefinition(p: Parser, tableLevel: boolean): IndexDefinition {
  const mark = p.mark();
  p.expectWord("INDEX");
  const name = p.parseIdentifier("an index name");
  const unique = p.eatWord("UNIQUE");

  let clustering: Clustering | undefined;
  if (p.isWord("CLUSTERED") || p.isWord("NONCLUSTERED")) {
    clustering = p.advance().value as Clustering;
  }
  const columnStore = p.eatWord("COLUMNSTORE");
  const hash = p.eatWord("HASH");

  let columns: IndexColumn[] = [];
  if (p.isKind(TokenKind.LeftParen)) {
    columns = parseIndexColumns(p);
  } else if (tableLevel && !(columnStore && clustering === "CLUSTERED")) {
    p.fail("'(' before the index columns");
  }
  const include: Identifier[] = p.eatWord("INCLUDE") ? parseColumnList(p) : [];
  const where: Expression | undefined = p.eatWord("WHERE") ? parseExpression(p) : undefined;
  const storage = parseIndexStorage(p);

  return p.finish<IndexDefinition>(mark, {
    kind: "IndexDefinition",
    name,
    unique,
    ...(clustering ? { clustering } : {}),
    columnStore,
    hash,
    columns,
    include,
    ...(where ? { where } : {}),
    ...storage,
  });
}
