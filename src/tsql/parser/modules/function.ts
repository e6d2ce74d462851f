/**
 * CREATE [OR ALTER] FUNCTION and ALTER FUNCTION: scalar, inline
 * table-valued, multi-statement table-valued and CLR functions.
 * Reference: CREATE FUNCTION (Transact-SQL), SQL Server 2022.
 */

import type { BeginEndBlock } from "../../ast/control-flow.js";
import type { FunctionReturnKind, FunctionStatement } from "../../ast/modules.js";
import type { DataType, Identifier } from "../../ast/node.js";
import type { SelectStatement } from "../../ast/query.js";
import type { TableDefinition } from "../../ast/tables.js";
import { TokenKind } from "../../lexer/token.js";
import type { Parser } from "../parser.js";
import type { StatementContext } from "../registry.js";
import { parseSelectStatement, parseWithClause } from "../select.js";
import { parseStatement } from "../statements.js";
import { parseTableDefinition } from "../tables/table-definition.js";
import { atExternalName, parseExternalName, parseModuleOptions } from "./module-parts.js";
import { parseParenthesizedParameters } from "./parameters.js";

interface ReturnsClause {
  returnKind: FunctionReturnKind;
  returnType?: DataType;
  returnVariable?: string;
  returnTable?: TableDefinition;
}

/** `FUNCTION name ([parameters]) RETURNS ... [WITH options] [AS] body`, from FUNCTION on. */
export function parseFunction(p: Parser, context: StatementContext, isAlter: boolean): FunctionStatement {
  p.expectWord("FUNCTION");
  const name = p.parseSchemaObjectName("a function name");
  const parameters = parseParenthesizedParameters(p);
  const returns = parseReturnsClause(p);
  const options = p.eatWord("WITH") ? parseModuleOptions(p) : [];
  const orderColumns = p.isWord("ORDER") && p.isKind(TokenKind.LeftParen, 1) ? parseOrderColumns(p) : undefined;
  p.eatWord("AS");

  const fields = {
    kind: isAlter ? "AlterFunctionStatement" : "CreateFunctionStatement",
    name,
    orAlter: context.orAlter === true,
    isAlter,
    options,
    parameters,
    ...returns,
    ...(orderColumns ? { orderColumns } : {}),
  } as const;

  if (atExternalName(p)) {
    const externalName = parseExternalName(p);
    return p.finish<FunctionStatement>(context.mark, { ...fields, externalName });
  }
  if (returns.returnKind === "clr-table") {
    p.fail("EXTERNAL NAME, because RETURNS TABLE (columns) declares a CLR function");
  }
  if (returns.returnKind === "inline-table") {
    const returnQuery = parseInlineReturn(p);
    return p.finish<FunctionStatement>(context.mark, { ...fields, returnQuery });
  }
  const body = parseFunctionBody(p);
  return p.finish<FunctionStatement>(context.mark, { ...fields, body });
}

/**
 * `RETURNS type`, `RETURNS TABLE`, `RETURNS @t TABLE (...)` or, for CLR
 * functions, `RETURNS TABLE (...)`.
 */
function parseReturnsClause(p: Parser): ReturnsClause {
  p.expectWord("RETURNS");

  if (p.isKind(TokenKind.Variable)) {
    const returnVariable = p.advance().text;
    p.expectWord("TABLE");
    const returnTable = parseTableDefinition(p);
    return { returnKind: "multi-statement-table", returnVariable, returnTable };
  }
  if (p.eatWord("TABLE")) {
    if (p.isKind(TokenKind.LeftParen)) {
      return { returnKind: "clr-table", returnTable: parseTableDefinition(p) };
    }
    return { returnKind: "inline-table" };
  }
  return { returnKind: "scalar", returnType: p.parseDataType() };
}

/** `ORDER (column [ASC | DESC] [, ...])` of a CLR table-valued function. */
function parseOrderColumns(p: Parser): Identifier[] {
  p.expectWord("ORDER");
  p.expect(TokenKind.LeftParen, "'(' after ORDER");
  const columns = p.parseCommaList(() => {
    const column = p.parseIdentifier("a column name");
    if (!p.eatWord("ASC")) {
      p.eatWord("DESC");
    }
    return column;
  });
  p.expect(TokenKind.RightParen, "')' after the ORDER columns");
  return columns;
}

/** `RETURN [(] select [)]` of an inline table-valued function. */
function parseInlineReturn(p: Parser): SelectStatement {
  p.expectWord("RETURN");
  const mark = p.mark();
  const withClause = p.isWord("WITH") ? parseWithClause(p) : undefined;
  if (!p.isWord("SELECT") && !p.isKind(TokenKind.LeftParen)) {
    p.fail("a SELECT query after RETURN of an inline table-valued function");
  }
  const select = parseSelectStatement(p, mark, withClause);
  p.eat(TokenKind.Semicolon);
  return select;
}

/** Words after BEGIN that open something other than a statement block. */
const NOT_A_BLOCK = new Set(["TRY", "TRAN", "TRANSACTION", "DISTRIBUTED", "DIALOG", "CONVERSATION"]);

/** `BEGIN ... END` of a scalar or multi-statement function, ATOMIC included. */
function parseFunctionBody(p: Parser): BeginEndBlock {
  if (!p.isWord("BEGIN") || p.isAnyWord(NOT_A_BLOCK, 1)) {
    p.fail("BEGIN to open the function body");
  }
  p.atBatchStart = false;
  return parseStatement(p) as BeginEndBlock;
}
