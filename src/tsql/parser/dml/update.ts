/**
 * UPDATE. Reference: "UPDATE (Transact-SQL)", SQL Server 2022:
 *
 *   [WITH cte [, ...]]
 *   UPDATE [TOP (n) [PERCENT]] target [WITH (hints)]
 *     SET set_item [, ...]
 *     [OUTPUT ... [INTO ...]] [OUTPUT ...]
 *     [FROM table_source [, ...]]
 *     [WHERE { condition | CURRENT OF [GLOBAL] cursor }]
 *     [OPTION (hints)]
 *
 * The target may also be an alias defined in the FROM clause.
 */

import type { UpdateStatement } from "../../ast/dml.js";
import { parseFromClause } from "../from.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseOptionClause, parseTopClause } from "../select.js";
import { parseOutputClauses } from "./output.js";
import { parseSetClauses } from "./set-clause.js";
import { parseDmlTarget } from "./target.js";
import { parseDmlWhere } from "./where.js";

export function parseUpdateStatement(
  p: Parser,
  context: StatementContext,
): UpdateStatement {
  p.expectWord("UPDATE");
  const top = p.isWord("TOP") ? parseTopClause(p) : undefined;
  const target = parseDmlTarget(p, { alias: false, bareHints: true });
  p.expectWord("SET");
  const setClauses = parseSetClauses(p);
  const output = parseOutputClauses(p);
  const from = p.eatWord("FROM") ? parseFromClause(p) : [];
  const where = parseDmlWhere(p);
  const options = parseOptionClause(p);

  return p.finish<UpdateStatement>(context.mark, {
    kind: "UpdateStatement",
    ...(context.with ? { with: context.with } : {}),
    ...(top ? { top } : {}),
    target,
    setClauses,
    ...output,
    from,
    ...where,
    options,
  });
}
