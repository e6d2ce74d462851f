/**
 * CREATE [UNIQUE] [CLUSTERED | NONCLUSTERED] [COLUMNSTORE] INDEX.
 * Reference: "CREATE INDEX" and "CREATE COLUMNSTORE INDEX"
 * (Transact-SQL), SQL Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type { Identifier } from "../../ast/node.js";
import type { Clustering, CreateIndexStatement, IndexColumn } from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseColumnList, parseIndexColumns, parseIndexStorage } from "./storage.js";

export function parseCreateIndex(p: Parser, context: StatementContext): CreateIndexStatement {
  const unique = p.eatWord("UNIQUE");
  let clustering: Clustering | undefined;
  if (p.isWord("CLUSTERED") || p.isWord("NONCLUSTERED")) {
    clustering = p.advance().value as Clustering;
  }
  const columnStore = p.eatWord("COLUMNSTORE");
  p.expectWord("INDEX");

  const name = p.parseIdentifier("an index name");
  p.expectWord("ON");
  const table = p.parseSchemaObjectName("a table or view name");

  // A clustered columnstore index covers the whole table: no key columns.
  let columns: IndexColumn[] = [];
  if (!(columnStore && clustering === "CLUSTERED") || p.isKind(TokenKind.LeftParen)) {
    columns = parseIndexColumns(p);
  }
  const include: Identifier[] = p.eatWord("INCLUDE") ? parseColumnList(p) : [];
  const order: Identifier[] = p.eatWord("ORDER") ? parseColumnList(p) : [];
  const where: Expression | undefined = p.eatWord("WHERE") ? parseExpression(p) : undefined;
  const storage = parseIndexStorage(p);

  return p.finish<CreateIndexStatement>(context.mark, {
    kind: "CreateIndexStatement",
    name,
    table,
    unique,
    ...(clustering ? { clustering } : {}),
    columnStore,
    columns,
    include,
    order,
    ...(where ? { where } : {}),
    ...storage,
  });
}
