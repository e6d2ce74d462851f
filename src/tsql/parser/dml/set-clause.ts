/**
 * The SET list of UPDATE and of MERGE's `WHEN MATCHED THEN UPDATE`.
 * Reference: "UPDATE (Transact-SQL)", SQL Server 2022:
 * `column = value`, `column += value` (any compound operator),
 * `@variable = value`, `@variable = column = value`,
 * `column.WRITE(expression, offset, length)`, `udt_column.Method(args)`
 * and `udt_column.Property = value`. DEFAULT and NULL are ordinary values.
 */

import type {
  AssignmentSetClause,
  FunctionCallSetClause,
  SetClause,
} from "../../ast/dml.js";
import type {
  ColumnReference,
  MethodCall,
  VariableReference,
} from "../../ast/expressions.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import { parseArgumentList } from "../primary.js";

/** Reads `item [, item ...]` after SET. */
export function parseSetClauses(p: Parser): SetClause[] {
  return p.parseCommaList(() => parseSetClause(p));
}

function parseSetClause(p: Parser): SetClause {
  if (p.isKind(TokenKind.Variable)) {
    return parseVariableAssignment(p);
  }

  const mark = p.mark();
  const parts = [p.parseIdentifier("a column or variable name after SET")];
  while (p.isKind(TokenKind.Dot)) {
    p.advance();
    parts.push(p.parseName("a name after '.'"));
  }

  if (p.isKind(TokenKind.LeftParen) && parts.length >= 2) {
    return parseMutatorCall(p, mark, parts);
  }

  const column = p.finish<ColumnReference>(mark, {
    kind: "ColumnReference",
    parts,
  });
  const operator = parseAssignmentOperator(p);
  const value = parseExpression(p);
  return p.finish<AssignmentSetClause>(mark, {
    kind: "AssignmentSetClause",
    targetColumn: column,
    operator,
    value,
  });
}

/** `@v = value`, `@v += value` or `@v = column = value`. */
function parseVariableAssignment(p: Parser): AssignmentSetClause {
  const mark = p.mark();
  const t = p.advance();
  const variable = p.finish<VariableReference>(mark, {
    kind: "VariableReference",
    name: t.text,
  });
  const operator = parseAssignmentOperator(p);

  let column: ColumnReference | undefined;
  if (operator === "=" && atColumnAssignment(p)) {
    const columnMark = p.mark();
    const parts = [p.parseName("a column name")];
    while (p.eat(TokenKind.Dot)) {
      parts.push(p.parseName("a name after '.'"));
    }
    column = p.finish<ColumnReference>(columnMark, {
      kind: "ColumnReference",
      parts,
    });
    p.expect(TokenKind.Equals, "'='");
  }

  const value = parseExpression(p);
  return p.finish<AssignmentSetClause>(mark, {
    kind: "AssignmentSetClause",
    variable,
    ...(column ? { targetColumn: column } : {}),
    operator,
    value,
  });
}

/**
 * True at `column =` after `@v =`. A comparison is no value in T-SQL, so a
 * name followed by `=` can only be the column of a double assignment.
 */
function atColumnAssignment(p: Parser): boolean {
  let i = 0;
  for (;;) {
    const kind = p.peek(i).kind;
    if (kind !== TokenKind.Word && kind !== TokenKind.QuotedIdentifier) {
      return false;
    }
    if (kind === TokenKind.Word && !p.isIdentifier(i)) {
      return false;
    }
    i++;
    if (!p.isKind(TokenKind.Dot, i)) {
      return p.isKind(TokenKind.Equals, i);
    }
    i++;
  }
}

function parseAssignmentOperator(p: Parser): string {
  const t = p.token;
  if (t.kind !== TokenKind.Equals && t.kind !== TokenKind.CompoundAssign) {
    p.fail("'=' or a compound assignment such as '+='");
  }
  p.advance();
  return t.text;
}

/** Reads `column.WRITE(...)` or `udt_column.Method(...)`. */
function parseMutatorCall(
  p: Parser,
  mark: number,
  parts: ColumnReference["parts"],
): FunctionCallSetClause {
  const method = parts[parts.length - 1]!;
  const targetParts = parts.slice(0, -1);
  const last = targetParts[targetParts.length - 1]!;
  const target: ColumnReference = {
    kind: "ColumnReference",
    parts: targetParts,
    start: targetParts[0]!.start,
    end: last.end,
    line: targetParts[0]!.line,
    column: targetParts[0]!.column,
  };

  const args = parseArgumentList(p);
  const call = p.finish<MethodCall>(mark, {
    kind: "MethodCall",
    target,
    method,
    arguments: args,
  });
  return p.finish<FunctionCallSetClause>(mark, {
    kind: "FunctionCallSetClause",
    call,
  });
}
