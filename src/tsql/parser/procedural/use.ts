/** USE database. Reference: "USE (Transact-SQL)", SQL Server 2022. */

import type { UseStatement } from "../../ast/procedural.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";

export function parseUse(p: Parser, context: StatementContext): UseStatement {
  p.expectWord("USE");
  const database = p.parseName("a database name after USE");
  return p.finish<UseStatement>(context.mark, { kind: "UseStatement", database });
}
