/**
 * Table sources of FROM clauses: tables with hints and aliases, derived
 * tables, table-valued and rowset functions, joins, APPLY, PIVOT, UNPIVOT
 * and VALUES constructors. Reference: "FROM clause plus JOIN, APPLY, PIVOT
 * (Transact-SQL)", SQL Server 2022.
 */

import type { Expression, FunctionCall } from "../ast/expressions.js";
import type { Draft, Identifier, SchemaObjectName } from "../ast/node.js";
import type {
  NamedTableReference,
  RowsetColumn,
  TableAlias,
  TableHint,
  TableReference,
  TemporalClause,
} from "../ast/query.js";
import { TokenKind } from "../lexer/token.js";
import { isBareAlias } from "./aliases.js";
import { parseArithmetic, parseExpression, startsQuery } from "./expressions.js";
import { parseOption } from "./options.js";
import type { Mark, Parser } from "./parser.js";
import { parseFunctionCall } from "./primary.js";
import { parseQueryExpression } from "./select.js";
import { appendAll } from "../../util/arrays.js";

/** Table hints SQL Server also accepts without WITH, as in `FROM t (NOLOCK)`. */
const LEGACY_HINTS = new Set([
  "NOLOCK", "READUNCOMMITTED", "READCOMMITTED", "READCOMMITTEDLOCK", "REPEATABLEREAD",
  "SERIALIZABLE", "HOLDLOCK", "UPDLOCK", "XLOCK", "TABLOCK", "TABLOCKX", "PAGLOCK",
  "ROWLOCK", "NOWAIT", "READPAST", "INDEX", "FASTFIRSTROW", "NOEXPAND", "FORCESEEK",
  "FORCESCAN", "KEEPIDENTITY", "KEEPDEFAULTS", "IGNORE_CONSTRAINTS", "IGNORE_TRIGGERS",
  "SNAPSHOT",
]);

/** Reads the comma-separated table sources after FROM. */
export function parseFromClause(p: Parser): TableReference[] {
  return p.parseCommaList(() => parseTableReference(p));
}

/** Reads one table source with the joins, APPLY, PIVOT and UNPIVOT that follow it. */
export function parseTableReference(p: Parser): TableReference {
  p.enter();
  const mark = p.mark();
  let left = parseTablePrimary(p);
  for (;;) {
    const next = parseJoin(p, mark, left);
    if (next === undefined) {
      break;
    }
    left = next;
  }
  p.leave();
  return left;
}

function parseJoin(p: Parser, mark: Mark, left: TableReference): TableReference | undefined {
  if (p.isWords("CROSS", "JOIN")) {
    p.pos += 2;
    const right = parseTablePrimary(p);
    return p.finish(mark, { kind: "UnqualifiedJoin", joinType: "CROSS JOIN", left, right });
  }
  if (p.isWords("CROSS", "APPLY") || p.isWords("OUTER", "APPLY")) {
    const joinType = p.isWord("CROSS") ? "CROSS APPLY" : "OUTER APPLY";
    p.pos += 2;
    const right = parseTablePrimary(p);
    return p.finish(mark, { kind: "UnqualifiedJoin", joinType, left, right });
  }
  if (p.isWord("PIVOT") && p.isKind(TokenKind.LeftParen, 1)) {
    return parsePivot(p, mark, left);
  }
  if (p.isWord("UNPIVOT") && p.isKind(TokenKind.LeftParen, 1)) {
    return parseUnpivot(p, mark, left);
  }

  const joinType = qualifiedJoinType(p);
  if (joinType === undefined) {
    return undefined;
  }
  let hint: string | undefined;
  if (p.isWord("LOOP") || p.isWord("HASH") || p.isWord("MERGE") || p.isWord("REMOTE")) {
    hint = p.advance().value;
  }
  p.expectWord("JOIN");

  // `a JOIN b JOIN c ON ... ON ...` nests the second join inside the first.
  const rightMark = p.mark();
  let right = parseTablePrimary(p);
  while (!p.isWord("ON")) {
    const nested = parseJoin(p, rightMark, right);
    if (nested === undefined) {
      break;
    }
    right = nested;
  }
  p.expectWord("ON");
  const on = parseExpression(p);
  return p.finish(mark, {
    kind: "JoinTableReference",
    joinType,
    ...(hint ? { hint } : {}),
    left,
    right,
    on,
  });
}

/** Consumes INNER, LEFT [OUTER], RIGHT [OUTER], FULL [OUTER] or a bare JOIN's start. */
function qualifiedJoinType(p: Parser): "INNER" | "LEFT" | "RIGHT" | "FULL" | undefined {
  if (p.isWord("JOIN")) {
    return "INNER";
  }
  const word = p.wordAt();
  if (word === "INNER") {
    p.advance();
    return "INNER";
  }
  if (word === "LEFT" || word === "RIGHT" || word === "FULL") {
    const offset = p.isWord("OUTER", 1) ? 2 : 1;
    const afterOuter = p.wordAt(offset);
    const isJoin = afterOuter === "JOIN" || afterOuter === "LOOP" || afterOuter === "HASH" || afterOuter === "MERGE" || afterOuter === "REMOTE";
    if (!isJoin) {
      return undefined;
    }
    p.pos += offset;
    return word;
  }
  return undefined;
}

function parseTablePrimary(p: Parser): TableReference {
  const mark = p.mark();
  const t = p.token;

  if (t.kind === TokenKind.LeftParen) {
    return parseParenthesizedSource(p);
  }
  if (t.kind === TokenKind.Variable) {
    p.advance();
    const variable = p.finish(mark, { kind: "VariableReference", name: t.text });
    if (p.isKind(TokenKind.Dot)) {
      // `@xml.nodes('/a') AS t(c)`: a method call on an xml variable.
      p.pos = mark;
      return parseFunctionSource(p, mark);
    }
    const alias = parseAlias(p, false);
    return p.finish(mark, { kind: "VariableTableReference", variable, ...alias });
  }
  if (t.kind === TokenKind.DoubleColon) {
    // `::fn_name(...)`, the SQL Server 2000 syntax for system table functions.
    p.advance();
    return parseFunctionSource(p, mark);
  }
  if (t.kind === TokenKind.Word && t.value === "OPENROWSET" && p.isWord("BULK", 2)) {
    return parseBulkOpenRowset(p);
  }
  if (t.kind !== TokenKind.Word && t.kind !== TokenKind.QuotedIdentifier) {
    return p.fail("a table name, '(' or a table variable");
  }
  if (isFunctionSource(p)) {
    return parseFunctionSource(p, mark);
  }

  const name = p.parseSchemaObjectName("a table name");
  const forSystemTime = p.isWords("FOR", "SYSTEM_TIME") ? parseTemporalClause(p) : undefined;
  const forPath = p.eatWords("FOR", "PATH");
  const hints: TableHint[] = [];
  if (isLegacyHintList(p)) {
    appendAll(hints, parseTableHintList(p));
  }
  const alias = parseAlias(p, false);
  const tableSample = p.isWord("TABLESAMPLE") ? parseTableSample(p) : undefined;
  if (p.isWord("WITH") && p.isKind(TokenKind.LeftParen, 1)) {
    p.advance();
    appendAll(hints, parseTableHintList(p));
  } else if (isLegacyHintList(p)) {
    appendAll(hints, parseTableHintList(p));
  }

  const node: Draft<NamedTableReference> = { kind: "NamedTableReference", name, hints };
  if (forSystemTime) node.forSystemTime = forSystemTime;
  if (forPath) node.forPath = forPath;
  if (tableSample) node.tableSample = tableSample;
  if (alias.alias !== undefined) node.alias = alias.alias;
  if (alias.columns !== undefined) node.columns = alias.columns;
  const first = p.tokens[mark]!;
  node.start = first.start;
  node.end = p.endAt(mark);
  node.line = first.line;
  node.column = first.column;
  return node as NamedTableReference;
}

/** True when a (possibly qualified) name is followed by `(`: a function, not a table. */
function isFunctionSource(p: Parser): boolean {
  let i = 0;
  for (;;) {
    const kind = p.peek(i).kind;
    if (kind !== TokenKind.Word && kind !== TokenKind.QuotedIdentifier) {
      return false;
    }
    i++;
    while (p.isKind(TokenKind.Dot, i)) {
      i++;
    }
    if (p.isKind(TokenKind.LeftParen, i)) {
      // `t (SELECT ...` is a table followed by the next statement.
      return !isLegacyHintList(p, i) && !p.isWord("SELECT", i + 1) && !p.isWord("WITH", i + 1);
    }
    if (!p.isKind(TokenKind.Dot, i - 1)) {
      return false;
    }
  }
}

function isLegacyHintList(p: Parser, offset = 0): boolean {
  return p.isKind(TokenKind.LeftParen, offset) && p.isAnyWord(LEGACY_HINTS, offset + 1) &&
    (p.isKind(TokenKind.RightParen, offset + 2) || p.isKind(TokenKind.Comma, offset + 2) ||
      p.isKind(TokenKind.LeftParen, offset + 2) || p.isKind(TokenKind.Equals, offset + 2));
}

function parseFunctionSource(p: Parser, mark: Mark): TableReference {
  const call = p.isKind(TokenKind.Variable) ? parseVariableMethod(p) : parseCallOnName(p);
  const path: Identifier[] = [];
  while (p.eat(TokenKind.Dot)) {
    if (p.isKind(TokenKind.Dot)) {
      continue;
    }
    path.push(p.parseName("a name after '.'"));
  }

  let withColumns: RowsetColumn[] | undefined;
  let withTable: SchemaObjectName | undefined;
  if (p.isWord("WITH") && p.isKind(TokenKind.LeftParen, 1) && !isLegacyHintList(p, 1)) {
    p.advance();
    withColumns = parseRowsetColumns(p);
  } else if (p.isWord("WITH") && p.isIdentifier(1) && isOpenXml(call)) {
    // OPENXML(...) WITH table_name takes its columns from an existing table.
    p.advance();
    withTable = p.parseSchemaObjectName("a table name after WITH");
  }
  const alias = parseAlias(p, true);
  const hints: TableHint[] = [];
  if (p.isWord("WITH") && p.isKind(TokenKind.LeftParen, 1)) {
    p.advance();
    appendAll(hints, parseTableHintList(p));
  }

  return p.finish(mark, {
    kind: "TableValuedFunctionReference",
    call,
    ...(withColumns ? { withColumns } : {}),
    ...(withTable ? { withTable } : {}),
    ...(path.length > 0 ? { path } : {}),
    hints,
    ...alias,
  });
}

function isOpenXml(call: FunctionCall): boolean {
  return call.name.partCount === 1 && call.name.name.value.toUpperCase() === "OPENXML";
}

/** Rowset functions whose names are reserved keywords. */
const RESERVED_ROWSET_FUNCTIONS = new Set([
  "OPENQUERY", "OPENROWSET", "OPENDATASOURCE", "OPENXML", "CONTAINSTABLE", "FREETEXTTABLE",
  "SEMANTICKEYPHRASETABLE", "SEMANTICSIMILARITYTABLE", "SEMANTICSIMILARITYDETAILSTABLE",
]);

function parseCallOnName(p: Parser): FunctionCall {
  const mark = p.mark();
  if (p.isAnyWord(RESERVED_ROWSET_FUNCTIONS)) {
    const name = p.parseName();
    const schemaName = p.finish(mark, { kind: "SchemaObjectName" as const, name, partCount: 1 });
    return parseFunctionCall(p, mark, schemaName);
  }
  const name = p.parseSchemaObjectName("a function name");
  return parseFunctionCall(p, mark, name);
}

/** `@x.nodes('/path')`, kept as a call whose name is the variable and method. */
function parseVariableMethod(p: Parser): FunctionCall {
  const mark = p.mark();
  const variable = p.advance();
  p.expect(TokenKind.Dot, "'.'");
  const method = p.parseName("a method name");
  const schema = p.finish<Identifier>(mark, { kind: "Identifier", value: variable.text, quote: "none" });
  const name = p.finish(mark, { kind: "SchemaObjectName" as const, schema, name: method, partCount: 2 });
  return parseFunctionCall(p, mark, name);
}

/** The WITH (...) column list of OPENJSON and OPENXML. */
function parseRowsetColumns(p: Parser): RowsetColumn[] {
  p.expect(TokenKind.LeftParen, "'('");
  const columns = p.parseCommaList(() => {
    const mark = p.mark();
    const name = p.parseIdentifier("a column name");
    const dataType = p.parseDataType();
    const path = p.isKind(TokenKind.String) || p.isKind(TokenKind.NString) ? parseExpression(p) : undefined;
    const asJson = p.eatWords("AS", "JSON");
    return p.finish<RowsetColumn>(mark, { kind: "RowsetColumn", name, dataType, ...(path ? { path } : {}), asJson });
  });
  p.expect(TokenKind.RightParen, "')'");
  return columns;
}

function parseBulkOpenRowset(p: Parser): TableReference {
  const mark = p.mark();
  p.expectWord("OPENROWSET");
  p.expect(TokenKind.LeftParen, "'('");
  p.expectWord("BULK");
  const file = parseExpression(p);
  const options = [];
  while (p.eat(TokenKind.Comma)) {
    options.push(parseOption(p));
  }
  p.expect(TokenKind.RightParen, "')'");
  const alias = parseAlias(p, true);
  return p.finish(mark, { kind: "BulkOpenRowset", file, options, ...alias });
}

function parseParenthesizedSource(p: Parser): TableReference {
  const mark = p.mark();
  if (startsQuery(p, 1)) {
    p.advance();
    const query = parseQueryExpression(p);
    p.expect(TokenKind.RightParen, "')' to close the derived table");
    const alias = parseAlias(p, true);
    return p.finish(mark, { kind: "DerivedTable", query, ...alias });
  }

  if (p.isWord("VALUES", 1)) {
    p.pos += 2;
    const rows = p.parseCommaList(() => {
      p.expect(TokenKind.LeftParen, "'(' to open a row");
      const values = p.parseCommaList(() => parseExpression(p));
      p.expect(TokenKind.RightParen, "')' to close the row");
      return values;
    });
    p.expect(TokenKind.RightParen, "')' to close VALUES");
    const alias = parseAlias(p, true);
    return p.finish(mark, { kind: "ValuesTableReference", rows, ...alias });
  }

  p.advance();
  const table = parseTableReference(p);
  p.expect(TokenKind.RightParen, "')'");
  return p.finish(mark, { kind: "ParenthesizedTableReference", table });
}

/** Reads `[AS] alias [(column, ...)]`; the column list only where `columns` allows it. */
function parseAlias(p: Parser, columns: boolean): TableAlias {
  let alias: Identifier | undefined;
  if (p.eatWord("AS")) {
    alias = p.parseIdentifier("an alias after AS");
  } else if (isBareAlias(p)) {
    alias = p.parseIdentifier();
  }
  if (!alias) {
    return {};
  }
  if (columns && p.isKind(TokenKind.LeftParen) && !isLegacyHintList(p)) {
    p.advance();
    const names = p.parseCommaList(() => p.parseIdentifier("a column name"));
    p.expect(TokenKind.RightParen, "')'");
    return { alias, columns: names };
  }
  return { alias };
}

/** Reads `( hint [, hint ...] )`; hints may be separated by blanks in legacy code. */
export function parseTableHintList(p: Parser): TableHint[] {
  p.expect(TokenKind.LeftParen, "'(' to open the table hints");
  const hints: TableHint[] = [];
  do {
    hints.push(parseTableHint(p));
    p.eat(TokenKind.Comma);
  } while (!p.isKind(TokenKind.RightParen) && !p.atEnd());
  p.expect(TokenKind.RightParen, "')' to close the table hints");
  return hints;
}

function parseTableHint(p: Parser): TableHint {
  const mark = p.mark();
  const name = p.parseName("a table hint").value.toUpperCase();
  let args: Expression[] = [];
  if (p.eat(TokenKind.Equals)) {
    args = [parseExpression(p)];
  } else if (p.eat(TokenKind.LeftParen)) {
    args = p.parseCommaList(() => parseExpression(p));
    p.expect(TokenKind.RightParen, "')'");
  }
  return p.finish<TableHint>(mark, { kind: "TableHint", name, arguments: args });
}

function parseTemporalClause(p: Parser): TemporalClause {
  const mark = p.mark();
  p.expectWords("FOR", "SYSTEM_TIME");
  let type: string;
  const values: Expression[] = [];
  if (p.eatWords("AS", "OF")) {
    type = "AS OF";
    values.push(parseArithmetic(p));
  } else if (p.eatWord("FROM")) {
    type = "FROM";
    values.push(parseArithmetic(p));
    p.expectWord("TO");
    values.push(parseArithmetic(p));
  } else if (p.eatWord("BETWEEN")) {
    type = "BETWEEN";
    values.push(parseArithmetic(p));
    p.expectWord("AND");
    values.push(parseArithmetic(p));
  } else if (p.eatWords("CONTAINED", "IN")) {
    type = "CONTAINED IN";
    p.expect(TokenKind.LeftParen, "'('");
    values.push(parseExpression(p));
    p.expect(TokenKind.Comma, "','");
    values.push(parseExpression(p));
    p.expect(TokenKind.RightParen, "')'");
  } else {
    p.expectWord("ALL");
    type = "ALL";
  }
  return p.finish<TemporalClause>(mark, { kind: "TemporalClause", type, values });
}

function parseTableSample(p: Parser): Expression {
  p.expectWord("TABLESAMPLE");
  p.eatWord("SYSTEM");
  p.expect(TokenKind.LeftParen, "'('");
  const size = parseExpression(p);
  if (p.isWord("PERCENT") || p.isWord("ROWS")) {
    p.advance();
  }
  p.expect(TokenKind.RightParen, "')'");
  if (p.eatWord("REPEATABLE")) {
    p.skipParenthesized();
  }
  return size;
}

function parsePivot(p: Parser, mark: Mark, source: TableReference): TableReference {
  p.expectWord("PIVOT");
  p.expect(TokenKind.LeftParen, "'('");
  const aggregateMark = p.mark();
  const name = p.parseSchemaObjectName("an aggregate function");
  const aggregate = parseFunctionCall(p, aggregateMark, name);
  p.expectWord("FOR");
  const pivotColumn = parseArithmetic(p);
  p.expectWord("IN");
  p.expect(TokenKind.LeftParen, "'('");
  const values = p.parseCommaList(() => p.parseName("a pivot column value"));
  p.expect(TokenKind.RightParen, "')'");
  p.expect(TokenKind.RightParen, "')' to close PIVOT");
  const alias = parseAlias(p, false);
  return p.finish(mark, { kind: "PivotedTableReference", source, aggregate, pivotColumn, values, ...alias });
}

function parseUnpivot(p: Parser, mark: Mark, source: TableReference): TableReference {
  p.expectWord("UNPIVOT");
  p.expect(TokenKind.LeftParen, "'('");
  const valueColumn = p.parseIdentifier("the value column");
  p.expectWord("FOR");
  const pivotColumn = p.parseIdentifier("the pivot column");
  p.expectWord("IN");
  p.expect(TokenKind.LeftParen, "'('");
  const sourceColumns = p.parseCommaList(() => parseExpression(p));
  p.expect(TokenKind.RightParen, "')'");
  p.expect(TokenKind.RightParen, "')' to close UNPIVOT");
  const alias = parseAlias(p, false);
  return p.finish(mark, { kind: "UnpivotedTableReference", source, valueColumn, pivotColumn, sourceColumns, ...alias });
}
