/**
 * DBCC commands. Every command shares one shape: a name, optional
 * arguments in parentheses and optional WITH options, so commands that
 * this parser does not list by name still parse. Reference: "DBCC
 * (Transact-SQL)", SQL Server 2022.
 */

import type { DbccStatement } from "../../ast/admin.js";
import type { Expression } from "../../ast/expressions.js";
import type { OptionNode } from "../../ast/node.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseWithOptions } from "./admin-options.js";
import { expectAnyWord } from "./clauses.js";

export function parseDbcc(p: Parser, context: StatementContext): DbccStatement {
  p.expectWord("DBCC");
  const command = expectAnyWord(p, "a DBCC command name such as CHECKDB");

  let args: Expression[] = [];
  if (p.eat(TokenKind.LeftParen)) {
    if (!p.isKind(TokenKind.RightParen)) {
      args = p.parseCommaList(() => parseExpression(p));
    }
    p.expect(TokenKind.RightParen, "')' to close the DBCC arguments");
  }

  const options: OptionNode[] = p.isWord("WITH") ? parseWithOptions(p) : [];
  return p.finish<DbccStatement>(context.mark, {
    kind: "DbccStatement",
    command,
    arguments: args,
    options,
  });
}
