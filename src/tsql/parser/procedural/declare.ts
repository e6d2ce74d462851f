/**
 * DECLARE of variables, table variables, cursor variables and cursors.
 * Reference: "DECLARE @local_variable (Transact-SQL)" and "DECLARE CURSOR
 * (Transact-SQL)", SQL Server 2022.
 */

import type { Expression } from "../../ast/expressions.js";
import type { DataType, Draft } from "../../ast/node.js";
import type {
  DeclareCursorStatement,
  DeclareVariableStatement,
  TableVariableDefinition,
  VariableDeclaration,
} from "../../ast/procedural.js";
import type { Statement } from "../../ast/statements.js";
import { TokenKind } from "../../lexer/token.js";
import { parseExpression } from "../expressions.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseCursorDefinition, parseIsoCursorOptions } from "./cursor-definition.js";
import { parseTableVariableDefinition } from "./table-variable.js";

/** Reads `DECLARE @a type [= value], ...` or `DECLARE name CURSOR ...`. */
export function parseDeclare(p: Parser, context: StatementContext): Statement {
  p.expectWord("DECLARE");
  if (!p.isVariableName()) {
    return parseDeclareCursor(p, context);
  }

  const declarations = p.parseCommaList(() => parseVariableDeclaration(p));
  return p.finish<DeclareVariableStatement>(context.mark, {
    kind: "DeclareVariableStatement",
    declarations,
  });
}

function parseVariableDeclaration(p: Parser): VariableDeclaration {
  const mark = p.mark();
  if (!p.isVariableName()) {
    p.fail("a @variable name");
  }
  const name = p.advance().text;
  p.eatWord("AS");

  if (p.eatWord("CURSOR")) {
    return p.finish<VariableDeclaration>(mark, { kind: "VariableDeclaration", name, cursor: true });
  }

  let table: TableVariableDefinition | undefined;
  let dataType: DataType | undefined;
  let value: Expression | undefined;
  let notNull = false;
  if (p.isWord("TABLE")) {
    table = parseTableVariableDefinition(p);
  } else {
    dataType = p.parseDataType();
    // NOT NULL is accepted in natively compiled modules (SQL Server 2016 and later).
    notNull = p.eatWords("NOT", "NULL");
    if (p.eat(TokenKind.Equals)) {
      value = parseExpression(p);
    }
  }

  const node: Draft<VariableDeclaration> = { kind: "VariableDeclaration", name };
  if (dataType) node.dataType = dataType;
  if (notNull) node.notNull = notNull;
  if (value) node.value = value;
  if (table) node.table = table;
  const first = p.tokens[mark]!;
  node.start = first.start;
  node.end = p.endAt(mark);
  node.line = first.line;
  node.column = first.column;
  return node as VariableDeclaration;
}

/**
 * `DECLARE name CURSOR [options] FOR ...` and the ISO form
 * `DECLARE name [INSENSITIVE] [SCROLL] CURSOR FOR ...`.
 */
function parseDeclareCursor(p: Parser, context: StatementContext): DeclareCursorStatement {
  const name = p.parseIdentifier("a @variable or a cursor name after DECLARE");
  const definitionMark = p.mark();
  const isoOptions = parseIsoCursorOptions(p);
  const definition = parseCursorDefinition(p, definitionMark, isoOptions);
  return p.finish<DeclareCursorStatement>(context.mark, {
    kind: "DeclareCursorStatement",
    name,
    definition,
  });
}
