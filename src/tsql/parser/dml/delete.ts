/**
 * DELETE. Reference: "DELETE (Transact-SQL)", SQL Server 2022:
 *
 *   [WITH cte [, ...]]
 *   DELETE [TOP (n) [PERCENT]] [FROM] target [WITH (hints)]
 *     [OUTPUT ... [INTO ...]] [OUTPUT ...]
 *     [FROM table_source [, ...]]
 *     [WHERE { condition | CURRENT OF [GLOBAL] cursor }]
 *     [OPTION (hints)]
 *
 * The first FROM is optional, so `DELETE t FROM t JOIN u ...` and
 * `DELETE FROM t FROM t JOIN u ...` both name t as the target.
 */

import type { DeleteStatement } from "../../ast/dml.js";
import { parseFromClause } from "../from.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseOptionClause, parseTopClause } from "../select.js";
import { parseOutputClauses } from "./output.js";
import { parseDmlTarget } from "./target.js";
import { parseDmlWhere } from "./where.js";

export function parseDeleteStatement(
  p: Parser,
  context: StatementContext,
): DeleteStatement {
  p.expectWord("DELETE");
  const top = p.isWord("TOP") ? parseTopClause(p) : undefined;
  p.eatWord("FROM");
  const target = parseDmlTarget(p, { alias: false, bareHints: true });
  const output = parseOutputClauses(p);
  const from = p.eatWord("FROM") ? parseFromClause(p) : [];
  const where = parseDmlWhere(p);
  const options = parseOptionClause(p);

  return p.finish<DeleteStatement>(context.mark, {
    kind: "DeleteStatement",
    ...(context.with ? { with: context.with } : {}),
    ...(top ? { top } : {}),
    target,
    ...output,
    from,
    ...where,
    options,
  });
}
