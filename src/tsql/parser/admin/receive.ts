/**
 * RECEIVE, on its own or inside WAITFOR ( RECEIVE ... ). Reference:
 * "RECEIVE (Transact-SQL)", SQL Server 2022.
 */

import type { ReceiveStatement } from "../../ast/admin.js";
import type { Expression, VariableReference } from "../../ast/expressions.js";
import type { SelectAssignment, SelectColumn, SelectElement } from "../../ast/query.js";
import { TokenKind } from "../../lexer/token.js";
import { isBareAlias } from "../aliases.js";
import { parseExpression } from "../expressions.js";
import type { Mark, Parser } from "../parser.js";
import { aliasFromToken, parseTopClause } from "../select.js";
import { parseVariable } from "./clauses.js";

/**
 * Reads `RECEIVE [TOP (n)] columns FROM queue [INTO @table] [WHERE ...]`
 * from the RECEIVE word. The WAITFOR statement calls it for the statement
 * in its parentheses; `mark` defaults to the RECEIVE word.
 */
export function parseReceive(p: Parser, mark: Mark = p.mark()): ReceiveStatement {
  p.expectWord("RECEIVE");
  const top: Expression | undefined = p.isWord("TOP") ? parseTopClause(p).expression : undefined;
  const columns = p.parseCommaList(() => parseReceiveColumn(p));
  p.expectWord("FROM");
  const queue = p.parseSchemaObjectName("a queue name");
  const into: VariableReference | undefined = p.eatWord("INTO")
    ? parseVariable(p, "a table variable after INTO")
    : undefined;
  const where = p.eatWord("WHERE") ? parseExpression(p) : undefined;

  return p.finish<ReceiveStatement>(mark, {
    kind: "ReceiveStatement",
    ...(top ? { top } : {}),
    columns,
    queue,
    ...(into ? { into } : {}),
    ...(where ? { where } : {}),
  });
}

/** `*`, `@v = expression`, `alias = expression` or `expression [[AS] alias]`. */
function parseReceiveColumn(p: Parser): SelectElement {
  const mark = p.mark();
  const t = p.token;

  if (t.kind === TokenKind.Variable && p.isKind(TokenKind.Equals, 1)) {
    const variable = parseVariable(p, "a variable");
    p.advance();
    const expression = parseExpression(p);
    return p.finish<SelectAssignment>(mark, { kind: "SelectAssignment", variable, operator: "=", expression });
  }

  const namedAlias = t.kind === TokenKind.String || t.kind === TokenKind.NString || p.isIdentifier();
  if (namedAlias && p.isKind(TokenKind.Equals, 1)) {
    const alias = aliasFromToken(p);
    p.advance();
    const expression = parseExpression(p);
    return p.finish<SelectColumn>(mark, { kind: "SelectColumn", expression, alias, aliasStyle: "equals" });
  }

  const expression = parseExpression(p);
  if (p.eatWord("AS")) {
    const alias = aliasFromToken(p);
    return p.finish<SelectColumn>(mark, { kind: "SelectColumn", expression, alias, aliasStyle: "as" });
  }
  if (isBareAlias(p) && !p.isWord("FROM")) {
    const alias = p.parseIdentifier();
    return p.finish<SelectColumn>(mark, { kind: "SelectColumn", expression, alias, aliasStyle: "bare" });
  }
  return p.finish<SelectColumn>(mark, { kind: "SelectColumn", expression });
}
