/**
 * CREATE [OR ALTER] VIEW and ALTER VIEW.
 * Reference: CREATE VIEW (Transact-SQL), SQL Server 2022.
 */

import type { ViewStatement } from "../../ast/modules.js";
import type { Identifier } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseSelectStatement, parseWithClause } from "../select.js";
import { parseModuleOptions } from "./module-parts.js";

/**
 * `VIEW name [(columns)] [WITH options] AS select [WITH CHECK OPTION]`,
 * from the VIEW word on.
 */
export function parseView(p: Parser, context: StatementContext, isAlter: boolean): ViewStatement {
  p.expectWord("VIEW");
  const name = p.parseSchemaObjectName("a view name");

  let columns: Identifier[] = [];
  if (p.eat(TokenKind.LeftParen)) {
    columns = p.parseCommaList(() => p.parseIdentifier("a column name"));
    p.expect(TokenKind.RightParen, "')' after the view's column list");
  }

  const options = p.eatWord("WITH") ? parseModuleOptions(p) : [];
  p.expectWord("AS");

  const selectMark = p.mark();
  const withClause = p.isWord("WITH") ? parseWithClause(p) : undefined;
  const select = parseSelectStatement(p, selectMark, withClause);
  const withCheckOption = p.eatWords("WITH", "CHECK", "OPTION");

  return p.finish<ViewStatement>(context.mark, {
    kind: isAlter ? "AlterViewStatement" : "CreateViewStatement",
    name,
    orAlter: context.orAlter === true,
    isAlter,
    options,
    columns,
    select,
    withCheckOption,
  });
}
