/**
 * READTEXT, WRITETEXT and UPDATETEXT, which read and change text, ntext and
 * image columns through a text pointer. Microsoft deprecates all three
 * (SQL Server 2022 documentation). They are parsed so the analysis can
 * report them. References: "READTEXT (Transact-SQL)", "WRITETEXT
 * (Transact-SQL)", "UPDATETEXT (Transact-SQL)".
 */

import type {
  ReadTextStatement,
  UpdateTextStatement,
  WriteTextStatement,
} from "../../ast/dml.js";
import type {
  ColumnReference,
  Expression,
  UnaryExpression,
} from "../../ast/expressions.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import { parsePrimary } from "../primary.js";
import type { StatementContext } from "../registry.js";
import { parseColumnReference } from "./target.js";

/** `READTEXT table.column text_ptr offset size [HOLDLOCK]`. */
export function parseReadTextStatement(
  p: Parser,
  context: StatementContext,
): ReadTextStatement {
  p.expectWord("READTEXT");
  const textColumn = parseTextColumn(p);
  const textPointer = parseOperand(p);
  const offset = parseOperand(p);
  const size = parseOperand(p);
  const holdLock = p.eatWord("HOLDLOCK");
  return p.finish<ReadTextStatement>(context.mark, {
    kind: "ReadTextStatement",
    textColumn,
    textPointer,
    offset,
    size,
    holdLock,
  });
}

/** `WRITETEXT [BULK] table.column text_ptr [WITH LOG] data`. */
export function parseWriteTextStatement(
  p: Parser,
  context: StatementContext,
): WriteTextStatement {
  p.expectWord("WRITETEXT");
  const bulk = p.eatWord("BULK");
  const textColumn = parseTextColumn(p);
  const textPointer = parseOperand(p);
  const withLog = p.eatWords("WITH", "LOG");
  const data = parseExpression(p);
  return p.finish<WriteTextStatement>(context.mark, {
    kind: "WriteTextStatement",
    bulk,
    textColumn,
    textPointer,
    withLog,
    data,
  });
}

/**
 * `UPDATETEXT [BULK] table.column text_ptr { NULL | offset } { NULL | length }
 * [WITH LOG] [ data | source_table.column source_text_ptr ]`.
 */
export function parseUpdateTextStatement(
  p: Parser,
  context: StatementContext,
): UpdateTextStatement {
  p.expectWord("UPDATETEXT");
  const bulk = p.eatWord("BULK");
  const textColumn = parseTextColumn(p);
  const textPointer = parseOperand(p);
  const insertOffset = parseOperand(p);
  const deleteLength = parseOperand(p);
  const withLog = p.eatWords("WITH", "LOG");

  let tail: Pick<
    UpdateTextStatement,
    "data" | "sourceTextColumn" | "sourceTextPointer"
  > = {};
  if (p.isIdentifier() && p.isKind(TokenKind.Dot, 1)) {
    const sourceTextColumn = parseTextColumn(p);
    const sourceTextPointer = parseOperand(p);
    tail = { sourceTextColumn, sourceTextPointer };
  } else if (atInsertedData(p)) {
    tail = { data: parseOperand(p) };
  }

  return p.finish<UpdateTextStatement>(context.mark, {
    kind: "UpdateTextStatement",
    bulk,
    textColumn,
    textPointer,
    insertOffset,
    deleteLength,
    withLog,
    ...tail,
  });
}

function parseTextColumn(p: Parser): ColumnReference {
  return parseColumnReference(p, "a table.column name");
}

/**
 * Reads one operand: a variable, a literal or NULL, with an optional sign.
 * The operands follow each other without commas, so a full expression
 * would read `@ptr -1` as a subtraction.
 */
function parseOperand(p: Parser): Expression {
  const mark = p.mark();
  const t = p.token;
  if (t.kind === TokenKind.Minus || t.kind === TokenKind.Plus) {
    p.advance();
    const operand = parsePrimary(p);
    const operator = t.kind === TokenKind.Minus ? "-" : "+";
    return p.finish<UnaryExpression>(mark, {
      kind: "UnaryExpression",
      operator,
      operand,
    });
  }
  return parsePrimary(p);
}

function atInsertedData(p: Parser): boolean {
  const kind = p.token.kind;
  return (
    kind === TokenKind.String ||
    kind === TokenKind.NString ||
    kind === TokenKind.Binary ||
    kind === TokenKind.Variable
  );
}
