/**
 * MERGE. Reference: "MERGE (Transact-SQL)", SQL Server 2022:
 *
 *   [WITH cte [, ...]]
 *   MERGE [TOP (n) [PERCENT]] [INTO] target [WITH (hints)] [[AS] alias]
 *     USING table_source ON condition
 *     { WHEN MATCHED [AND condition] THEN { UPDATE SET ... | DELETE }
 *     | WHEN NOT MATCHED [BY TARGET] [AND condition]
 *         THEN INSERT [(columns)] { VALUES (...) | DEFAULT VALUES }
 *     | WHEN NOT MATCHED BY SOURCE [AND condition]
 *         THEN { UPDATE SET ... | DELETE } } ...
 *     [OUTPUT ... [INTO ...]] [OUTPUT ...]
 *     [OPTION (hints)]
 *   ;
 *
 * SQL Server requires the semicolon, but the parser reads MERGE without
 * it too and records whether it was there.
 */

import type {
  DeleteMergeAction,
  InsertMergeAction,
  MergeAction,
  MergeActionClause,
  MergeStatement,
  UpdateMergeAction,
} from "../../ast/dml.js";
import type { Expression } from "../../ast/expressions.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import { parseTableReference } from "../from.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseOptionClause, parseTopClause } from "../select.js";
import { parseRow } from "./insert.js";
import { parseOutputClauses } from "./output.js";
import { parseSetClauses } from "./set-clause.js";
import { atColumnList, parseColumnList, parseDmlTarget } from "./target.js";

export function parseMergeStatement(
  p: Parser,
  context: StatementContext,
): MergeStatement {
  p.expectWord("MERGE");
  const top = p.isWord("TOP") ? parseTopClause(p) : undefined;
  const into = p.eatWord("INTO");
  const target = parseDmlTarget(p, { alias: true, bareHints: false });
  p.expectWord("USING");
  const using = parseTableReference(p);
  p.expectWord("ON");
  const on = parseExpression(p);

  const clauses: MergeActionClause[] = [];
  while (p.isWord("WHEN")) {
    clauses.push(parseMergeActionClause(p));
  }
  if (clauses.length === 0) {
    p.fail("WHEN MATCHED or WHEN NOT MATCHED");
  }

  const output = parseOutputClauses(p);
  const options = parseOptionClause(p);
  return p.finish<MergeStatement>(context.mark, {
    kind: "MergeStatement",
    ...(context.with ? { with: context.with } : {}),
    ...(top ? { top } : {}),
    into,
    target,
    using,
    on,
    clauses,
    ...output,
    options,
    terminated: p.isKind(TokenKind.Semicolon),
  });
}

function parseMergeActionClause(p: Parser): MergeActionClause {
  const mark = p.mark();
  p.expectWord("WHEN");

  let condition: MergeActionClause["condition"] = "MATCHED";
  if (!p.eatWord("MATCHED")) {
    p.expectWords("NOT", "MATCHED");
    condition = "NOT MATCHED BY TARGET";
    if (p.eatWord("BY")) {
      const side = p.expectOneOf(["TARGET", "SOURCE"]);
      condition =
        side === "TARGET" ? "NOT MATCHED BY TARGET" : "NOT MATCHED BY SOURCE";
    }
  }

  const searchCondition = p.eatWord("AND") ? parseExpression(p) : undefined;
  p.expectWord("THEN");
  const action =
    condition === "NOT MATCHED BY TARGET"
      ? parseInsertAction(p)
      : parseMatchedAction(p);

  return p.finish<MergeActionClause>(mark, {
    kind: "MergeActionClause",
    condition,
    ...(searchCondition ? { searchCondition } : {}),
    action,
  });
}

/** `UPDATE SET ...` or `DELETE`, the actions on rows of the target. */
function parseMatchedAction(p: Parser): MergeAction {
  const mark = p.mark();
  const verb = p.expectOneOf(["UPDATE", "DELETE"]);
  if (verb === "DELETE") {
    return p.finish<DeleteMergeAction>(mark, { kind: "DeleteMergeAction" });
  }
  p.expectWord("SET");
  const setClauses = parseSetClauses(p);
  return p.finish<UpdateMergeAction>(mark, {
    kind: "UpdateMergeAction",
    setClauses,
  });
}

/** `INSERT [(columns)] { VALUES (...) | DEFAULT VALUES }` for new rows. */
function parseInsertAction(p: Parser): InsertMergeAction {
  const mark = p.mark();
  p.expectWord("INSERT");
  const columns = atColumnList(p) ? parseColumnList(p) : [];

  let values: Expression[] | undefined;
  let defaultValues = false;
  if (p.eatWords("DEFAULT", "VALUES")) {
    defaultValues = true;
  } else if (p.eatWord("VALUES")) {
    values = parseRow(p);
  } else {
    p.fail("VALUES or DEFAULT VALUES");
  }

  return p.finish<InsertMergeAction>(mark, {
    kind: "InsertMergeAction",
    columns,
    ...(values ? { values } : {}),
    defaultValues,
  });
}
