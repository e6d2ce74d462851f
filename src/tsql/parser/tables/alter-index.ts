/**
 * ALTER INDEX {name | ALL} ON object: REBUILD, REORGANIZE, DISABLE, SET,
 * RESUME, PAUSE and ABORT. Reference: "ALTER INDEX (Transact-SQL)", SQL
 * Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type { Identifier, OptionNode } from "../../ast/node.js";
import type { AlterIndexStatement } from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { eatWithOptions, parsePartitionSelector } from "./alter-table.js";
import { parseWithOptions } from "./storage.js";

type Action = AlterIndexStatement["action"];

const ACTIONS: readonly Action[] = ["REBUILD", "REORGANIZE", "DISABLE", "SET", "RESUME", "PAUSE", "ABORT"];

export function parseAlterIndex(p: Parser, context: StatementContext): AlterIndexStatement {
  p.expectWord("INDEX");
  const all = p.eatWord("ALL");
  const name: Identifier | undefined = all ? undefined : p.parseIdentifier("an index name or ALL");
  p.expectWord("ON");
  const table = p.parseSchemaObjectName("a table or view name");
  const action = p.expectOneOf(ACTIONS) as Action;

  let partition: "ALL" | Expression | undefined;
  let options: OptionNode[] = [];
  if (action === "SET") {
    if (!p.isKind(TokenKind.LeftParen)) {
      p.fail("'(' after SET");
    }
    options = parseWithOptions(p);
  } else if (action === "REBUILD" || action === "REORGANIZE") {
    partition = parsePartitionSelector(p);
    options = eatWithOptions(p);
  } else if (action === "RESUME") {
    options = eatWithOptions(p);
  }

  return p.finish<AlterIndexStatement>(context.mark, {
    kind: "AlterIndexStatement",
    ...(name ? { name } : {}),
    all,
    table,
    action,
    ...(partition === undefined ? {} : { partition }),
    options,
  });
}
