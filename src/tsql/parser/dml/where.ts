/**
 * The WHERE clause of UPDATE and DELETE: a search condition, or
 * `CURRENT OF [GLOBAL] cursor_name | @cursor_variable` for a positioned
 * change at a cursor's current row. Reference: "UPDATE (Transact-SQL)" and
 * "DELETE (Transact-SQL)", SQL Server 2022.
 */

import type { CurrentOfClause } from "../../ast/dml.js";
import type { Expression, VariableReference } from "../../ast/expressions.js";
import { TokenKind } from "../../lexer/token.js";
import { isBareAlias } from "../aliases.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";

export interface DmlWhere {
  readonly where?: Expression;
  readonly currentOf?: CurrentOfClause;
}

/** Reads `[WHERE { condition | CURRENT OF ... }]`. */
export function parseDmlWhere(p: Parser): DmlWhere {
  if (!p.eatWord("WHERE")) {
    return {};
  }
  if (p.isWords("CURRENT", "OF")) {
    return { currentOf: parseCurrentOf(p) };
  }
  return { where: parseExpression(p) };
}

function parseCurrentOf(p: Parser): CurrentOfClause {
  const mark = p.mark();
  p.expectWords("CURRENT", "OF");

  // GLOBAL is also a valid cursor name, so it is the scope only before a
  // name that cannot start the next statement.
  const global = p.isWord("GLOBAL") && isBareAlias(p, 1);
  if (global) {
    p.advance();
  }

  const t = p.token;
  let cursor: CurrentOfClause["cursor"];
  if (t.kind === TokenKind.Variable) {
    const variableMark = p.mark();
    p.advance();
    cursor = p.finish<VariableReference>(variableMark, {
      kind: "VariableReference",
      name: t.text,
    });
  } else {
    cursor = p.parseIdentifier(
      "a cursor name or cursor variable after CURRENT OF",
    );
  }
  return p.finish<CurrentOfClause>(mark, {
    kind: "CurrentOfClause",
    global,
    cursor,
  });
}
