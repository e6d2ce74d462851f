/**
 * SELECT: query expressions with UNION, EXCEPT and INTERSECT, query
 * specifications and their clauses, ORDER BY, OFFSET ... FETCH, FOR XML and
 * FOR JSON, window specifications and OPTION query hints.
 * Reference: "SELECT (Transact-SQL)", SQL Server 2022.
 */

import type { Expression } from "../ast/expressions.js";
import type { Draft, Identifier, OptionNode } from "../ast/node.js";
import type {
  ForClause,
  FrameBound,
  GroupByClause,
  GroupingItem,
  NamedWindow,
  OffsetClause,
  OrderByClause,
  OrderByItem,
  QueryExpression,
  QueryHint,
  QueryParenthesis,
  QuerySpecification,
  QueryTail,
  SelectColumn,
  SelectElement,
  SelectStatement,
  TopClause,
  WindowFrame,
  WindowSpecification,
  WithClause,
} from "../ast/query.js";
import { TokenKind } from "../lexer/token.js";
import { literalFromToken, parseExpression } from "./expressions.js";
import { parseFromClause } from "./from.js";
import { parseOption } from "./options.js";
import type { Mark, Parser } from "./parser.js";
import { isBareAlias } from "./aliases.js";

/** Reads a SELECT statement, after an optional WITH clause read by the caller. */
export function parseSelectStatement(p: Parser, mark: Mark, withClause?: WithClause): SelectStatement {
  const query = parseQueryExpression(p);
  const options = parseOptionClause(p);
  if (withClause) {
    return p.finish<SelectStatement>(mark, { kind: "SelectStatement", with: withClause, query, options });
  }
  return p.finish<SelectStatement>(mark, { kind: "SelectStatement", query, options });
}

/** Reads a query expression with its ORDER BY, OFFSET and FOR clauses. */
export function parseQueryExpression(p: Parser): QueryExpression {
  p.enter();
  const mark = p.mark();
  let left = parseIntersectLevel(p);

  for (;;) {
    let operator: "UNION" | "UNION ALL" | "EXCEPT" | undefined;
    if (p.isWord("UNION")) {
      operator = p.isWord("ALL", 1) ? "UNION ALL" : "UNION";
    } else if (p.isWord("EXCEPT")) {
      operator = "EXCEPT";
    }
    if (operator === undefined) {
      break;
    }
    p.pos += operator === "UNION ALL" ? 2 : 1;
    const right = parseIntersectLevel(p);
    left = p.finish(mark, { kind: "BinaryQueryExpression", operator, left, right });
  }

  const tail = parseQueryTail(p);
  p.leave();
  if (tail === undefined) {
    return left;
  }
  return p.finish(mark, { ...left, ...tail });
}

function parseIntersectLevel(p: Parser): QueryExpression {
  const mark = p.mark();
  let left = parseQueryPrimary(p);
  while (p.eatWord("INTERSECT")) {
    const right = parseQueryPrimary(p);
    left = p.finish(mark, { kind: "BinaryQueryExpression", operator: "INTERSECT", left, right });
  }
  return left;
}

/**
 * Reads a query specification or a parenthesized query expression. The
 * parenthesis may open with a WITH clause, as in the `RETURN (WITH ...
 * SELECT ...)` of an inline table-valued function.
 */
function parseQueryPrimary(p: Parser): QueryExpression {
  const mark = p.mark();
  if (p.eat(TokenKind.LeftParen)) {
    const withClause = p.isWord("WITH") ? parseWithClause(p) : undefined;
    const query = parseQueryExpression(p);
    p.expect(TokenKind.RightParen, "')'");
    if (withClause !== undefined) {
      return p.finish<QueryParenthesis>(mark, { kind: "QueryParenthesis", with: withClause, query });
    }
    return p.finish<QueryParenthesis>(mark, { kind: "QueryParenthesis", query });
  }
  return parseQuerySpecification(p);
}

function parseQueryTail(p: Parser): QueryTail | undefined {
  const orderBy = p.isWords("ORDER", "BY") ? parseOrderByClause(p) : undefined;
  const offset = p.isWord("OFFSET") ? parseOffsetClause(p) : undefined;
  const forClause = isForClause(p) ? parseForClause(p) : undefined;
  if (!orderBy && !offset && !forClause) {
    return undefined;
  }
  const tail: { -readonly [K in keyof QueryTail]: QueryTail[K] } = {};
  if (orderBy) tail.orderBy = orderBy;
  if (offset) tail.offset = offset;
  if (forClause) tail.forClause = forClause;
  return tail;
}

function parseQuerySpecification(p: Parser): QuerySpecification {
  const mark = p.mark();
  p.expectWord("SELECT");

  let quantifier: "DISTINCT" | "ALL" | undefined;
  if (p.isWord("DISTINCT") || p.isWord("ALL")) {
    quantifier = p.advance().value as "DISTINCT" | "ALL";
  }
  const top = p.isWord("TOP") ? parseTopClause(p) : undefined;
  const selectList = p.parseCommaList(() => parseSelectElement(p));

  let into;
  let intoFilegroup: Identifier | undefined;
  if (p.eatWord("INTO")) {
    into = p.parseSchemaObjectName("a table name after INTO");
    if (p.eatWord("ON")) {
      intoFilegroup = p.parseName("a filegroup name");
    }
  }

  const from = p.eatWord("FROM") ? parseFromClause(p) : [];
  const where = p.eatWord("WHERE") ? parseExpression(p) : undefined;
  const groupBy = p.isWords("GROUP", "BY") ? parseGroupByClause(p) : undefined;
  const having = p.eatWord("HAVING") ? parseExpression(p) : undefined;
  const windows = p.isWord("WINDOW") && p.isWord("AS", 2) ? parseWindowClause(p) : undefined;

  const node = { kind: "QuerySpecification" } as Draft<QuerySpecification>;
  if (quantifier) node.quantifier = quantifier;
  if (top) node.top = top;
  node.selectList = selectList;
  if (into) node.into = into;
  if (intoFilegroup) node.intoFilegroup = intoFilegroup;
  node.from = from;
  if (where) node.where = where;
  if (groupBy) node.groupBy = groupBy;
  if (having) node.having = having;
  if (windows) node.windows = windows;
  const first = p.tokens[mark]!;
  node.start = first.start;
  node.end = p.endAt(mark);
  node.line = first.line;
  node.column = first.column;
  return node as QuerySpecification;
}

/** `TOP (n) [PERCENT] [WITH TIES]`, also the older `TOP n`. */
export function parseTopClause(p: Parser): TopClause {
  const mark = p.mark();
  p.expectWord("TOP");
  let expression: Expression;
  const parenthesized = p.isKind(TokenKind.LeftParen);
  if (parenthesized) {
    p.advance();
    expression = parseExpression(p);
    p.expect(TokenKind.RightParen, "')'");
  } else {
    // The older form takes one constant or variable: in `TOP 5 * FROM t`
    // the star is the select list, not a multiplication.
    const t = p.token;
    if (t.kind === TokenKind.Variable) {
      p.advance();
      expression = p.finish(p.pos - 1, { kind: "VariableReference", name: t.text });
    } else if (t.kind === TokenKind.Integer || t.kind === TokenKind.Decimal || t.kind === TokenKind.Float) {
      expression = literalFromToken(p, t.kind === TokenKind.Integer ? "Integer" : "Decimal");
    } else {
      return p.fail("a row count after TOP");
    }
  }
  const percent = p.eatWord("PERCENT");
  const withTies = p.eatWords("WITH", "TIES");
  return p.finish<TopClause>(mark, { kind: "TopClause", expression, percent, withTies, parenthesized });
}

function parseSelectElement(p: Parser): SelectElement {
  const mark = p.mark();
  const t = p.token;

  if (p.isVariableName() && (p.isKind(TokenKind.Equals, 1) || p.isKind(TokenKind.CompoundAssign, 1))) {
    p.advance();
    const variable = p.finish(mark, { kind: "VariableReference", name: t.text });
    const operator = p.advance().text;
    const expression = parseExpression(p);
    return p.finish(mark, { kind: "SelectAssignment", variable, operator, expression });
  }

  // `alias = expression`, where the alias is a name or a string.
  const aliasToken = t.kind === TokenKind.String || t.kind === TokenKind.NString || p.isIdentifier();
  if (aliasToken && p.isKind(TokenKind.Equals, 1)) {
    const alias = aliasFromToken(p);
    p.advance();
    const expression = parseExpression(p);
    const aliasStyle = t.kind === TokenKind.String || t.kind === TokenKind.NString ? "string" : "equals";
    return selectColumn(p, mark, expression, alias, aliasStyle);
  }

  const expression = parseExpression(p);
  if (p.eatWord("AS")) {
    const isString = p.isKind(TokenKind.String) || p.isKind(TokenKind.NString);
    const alias = aliasFromToken(p);
    return selectColumn(p, mark, expression, alias, isString ? "string" : "as");
  }
  if (p.isKind(TokenKind.String) || p.isKind(TokenKind.NString)) {
    const alias = aliasFromToken(p);
    return selectColumn(p, mark, expression, alias, "string");
  }
  if (isBareAlias(p)) {
    const alias = p.parseIdentifier();
    return selectColumn(p, mark, expression, alias, "bare");
  }
  return selectColumn(p, mark, expression);
}

/** Builds a select-list column with its position in the literal, as `Parser.finish` explains. */
function selectColumn(
  p: Parser,
  mark: Mark,
  expression: Expression,
  alias?: Identifier,
  aliasStyle?: SelectColumn["aliasStyle"],
): SelectColumn {
  const { start, line, column } = p.tokens[mark]!;
  const end = p.endAt(mark);
  if (alias === undefined) {
    return { kind: "SelectColumn", expression, start, end, line, column };
  }
  return { kind: "SelectColumn", expression, alias, aliasStyle, start, end, line, column };
}

/** Reads an alias written as a name or as a string literal. */
export function aliasFromToken(p: Parser): Identifier {
  const t = p.token;
  if (t.kind === TokenKind.String || t.kind === TokenKind.NString) {
    const mark = p.mark();
    p.advance();
    return p.finish<Identifier>(mark, { kind: "Identifier", value: t.value, quote: "none" });
  }
  return p.parseIdentifier("an alias");
}

function parseGroupByClause(p: Parser): GroupByClause {
  const mark = p.mark();
  p.expectWords("GROUP", "BY");
  const all = p.eatWord("ALL");
  const items = p.parseCommaList(() => parseGroupingItem(p));
  let withOption: "ROLLUP" | "CUBE" | undefined;
  if (p.isWord("WITH") && (p.isWord("ROLLUP", 1) || p.isWord("CUBE", 1))) {
    p.advance();
    withOption = p.advance().value as "ROLLUP" | "CUBE";
  }
  return p.finish<GroupByClause>(mark, {
    kind: "GroupByClause",
    items,
    all,
    ...(withOption ? { withOption } : {}),
  });
}

function parseGroupingItem(p: Parser): GroupingItem {
  const mark = p.mark();
  let type: "ROLLUP" | "CUBE" | "GROUPING SETS" | undefined;
  if ((p.isWord("ROLLUP") || p.isWord("CUBE")) && p.isKind(TokenKind.LeftParen, 1)) {
    type = p.advance().value as "ROLLUP" | "CUBE";
  } else if (p.isWords("GROUPING", "SETS")) {
    p.pos += 2;
    type = "GROUPING SETS";
  }

  if (type !== undefined) {
    p.expect(TokenKind.LeftParen, "'('");
    const items = p.parseCommaList(() => parseGroupingItem(p));
    p.expect(TokenKind.RightParen, "')'");
    return p.finish(mark, { kind: "GroupingSpecification", type, items });
  }

  if (p.isKind(TokenKind.LeftParen) && p.isKind(TokenKind.RightParen, 1)) {
    p.pos += 2;
    return p.finish(mark, { kind: "GroupingSpecification", type: "GRAND TOTAL", items: [] });
  }
  return parseExpression(p);
}

function parseWindowClause(p: Parser): NamedWindow[] {
  p.expectWord("WINDOW");
  return p.parseCommaList(() => {
    const mark = p.mark();
    const name = p.parseIdentifier("a window name");
    p.expectWord("AS");
    const specification = parseWindowSpecification(p);
    return p.finish<NamedWindow>(mark, { kind: "NamedWindow", name, specification });
  });
}

export function parseOrderByClause(p: Parser): OrderByClause {
  const mark = p.mark();
  p.expectWords("ORDER", "BY");
  const items = p.parseCommaList(() => {
    const itemMark = p.mark();
    const expression = parseExpression(p);
    let direction: "ASC" | "DESC" | undefined;
    if (p.isWord("ASC") || p.isWord("DESC")) {
      direction = p.advance().value as "ASC" | "DESC";
    }
    return p.finish<OrderByItem>(itemMark, {
      kind: "OrderByItem",
      expression,
      ...(direction ? { direction } : {}),
    });
  });
  return p.finish<OrderByClause>(mark, { kind: "OrderByClause", items });
}

function parseOffsetClause(p: Parser): OffsetClause {
  const mark = p.mark();
  p.expectWord("OFFSET");
  const offset = parseExpression(p);
  p.expectOneOf(["ROW", "ROWS"]);
  let fetch: Expression | undefined;
  if (p.eatWord("FETCH")) {
    p.expectOneOf(["FIRST", "NEXT"]);
    fetch = parseExpression(p);
    p.expectOneOf(["ROW", "ROWS"]);
    p.expectWord("ONLY");
  }
  return p.finish<OffsetClause>(mark, { kind: "OffsetClause", offset, ...(fetch ? { fetch } : {}) });
}

function isForClause(p: Parser): boolean {
  return p.isWord("FOR") && (p.isWord("XML", 1) || p.isWord("JSON", 1) || p.isWord("BROWSE", 1));
}

/** FOR XML RAW|AUTO|EXPLICIT|PATH [, options], FOR JSON AUTO|PATH [, options], FOR BROWSE. */
function parseForClause(p: Parser): ForClause {
  const mark = p.mark();
  p.expectWord("FOR");
  const type = p.advance().value as "XML" | "JSON" | "BROWSE";
  if (type === "BROWSE") {
    return p.finish<ForClause>(mark, { kind: "ForClause", type, options: [] });
  }

  const modes = type === "XML" ? ["RAW", "AUTO", "EXPLICIT", "PATH"] : ["AUTO", "PATH"];
  const mode = p.expectOneOf(modes);
  let elementName: string | undefined;
  if (p.eat(TokenKind.LeftParen)) {
    const name = p.eat(TokenKind.NString) ?? p.expect(TokenKind.String, "an element name string");
    elementName = name.value;
    p.expect(TokenKind.RightParen, "')'");
  }

  const options: OptionNode[] = [];
  while (p.eat(TokenKind.Comma)) {
    options.push(parseOption(p));
  }
  return p.finish<ForClause>(mark, {
    kind: "ForClause",
    type,
    mode,
    ...(elementName !== undefined ? { elementName } : {}),
    options,
  });
}

/** `OVER (...)` after the OVER keyword, or a window name. */
export function parseWindowSpecification(p: Parser): WindowSpecification {
  const mark = p.mark();
  if (!p.isKind(TokenKind.LeftParen)) {
    const baseWindow = p.parseIdentifier("'(' or a window name after OVER");
    return p.finish<WindowSpecification>(mark, { kind: "WindowSpecification", baseWindow, partitionBy: [] });
  }

  p.advance();
  let baseWindow: Identifier | undefined;
  if (p.isIdentifier() && !p.isWord("PARTITION") && !p.isWord("ROWS") && !p.isWord("RANGE")) {
    baseWindow = p.parseIdentifier();
  }
  let partitionBy: Expression[] = [];
  if (p.eatWords("PARTITION", "BY")) {
    partitionBy = p.parseCommaList(() => parseExpression(p));
  }
  const orderBy = p.isWords("ORDER", "BY") ? parseOrderByClause(p) : undefined;
  const frame = p.isWord("ROWS") || p.isWord("RANGE") ? parseWindowFrame(p) : undefined;
  p.expect(TokenKind.RightParen, "')' to close OVER (...)");

  return p.finish<WindowSpecification>(mark, {
    kind: "WindowSpecification",
    ...(baseWindow ? { baseWindow } : {}),
    partitionBy,
    ...(orderBy ? { orderBy } : {}),
    ...(frame ? { frame } : {}),
  });
}

function parseWindowFrame(p: Parser): WindowFrame {
  const mark = p.mark();
  const unit = p.advance().value as "ROWS" | "RANGE";
  if (p.eatWord("BETWEEN")) {
    const startBound = parseFrameBound(p);
    p.expectWord("AND");
    const endBound = parseFrameBound(p);
    return p.finish<WindowFrame>(mark, { kind: "WindowFrame", unit, startBound, endBound });
  }
  const startBound = parseFrameBound(p);
  return p.finish<WindowFrame>(mark, { kind: "WindowFrame", unit, startBound });
}

function parseFrameBound(p: Parser): FrameBound {
  const mark = p.mark();
  if (p.eatWord("UNBOUNDED")) {
    const direction = p.expectOneOf(["PRECEDING", "FOLLOWING"]);
    const type = direction === "PRECEDING" ? "UNBOUNDED PRECEDING" : "UNBOUNDED FOLLOWING";
    return p.finish<FrameBound>(mark, { kind: "FrameBound", type });
  }
  if (p.eatWords("CURRENT", "ROW")) {
    return p.finish<FrameBound>(mark, { kind: "FrameBound", type: "CURRENT ROW" });
  }
  const offset = parseExpression(p);
  const type = p.expectOneOf(["PRECEDING", "FOLLOWING"]) as "PRECEDING" | "FOLLOWING";
  return p.finish<FrameBound>(mark, { kind: "FrameBound", type, offset });
}

/** `OPTION (hint, ...)` at the end of a statement; returns no hints when absent. */
export function parseOptionClause(p: Parser): QueryHint[] {
  if (!(p.isWord("OPTION") && p.isKind(TokenKind.LeftParen, 1))) {
    return [];
  }
  p.pos += 2;
  const hints = p.parseCommaList(() => parseQueryHint(p));
  p.expect(TokenKind.RightParen, "')' to close OPTION (...)");
  return hints;
}

/**
 * Reads one query hint: its words (`HASH JOIN`, `MAXDOP`, `OPTIMIZE FOR`,
 * `USE HINT`), then `= value` or a parenthesised payload kept as text.
 */
function parseQueryHint(p: Parser): QueryHint {
  const mark = p.mark();
  const words: string[] = [];
  while (p.isKind(TokenKind.Word)) {
    words.push(p.advance().value);
  }
  if (words.length === 0) {
    p.fail("a query hint");
  }

  let value: Expression | undefined;
  let argumentsText: string | undefined;
  if (p.eat(TokenKind.Equals)) {
    value = parseExpression(p);
  } else if (p.isKind(TokenKind.LeftParen)) {
    argumentsText = p.skipParenthesized();
  } else if (!p.isKind(TokenKind.Comma) && !p.isKind(TokenKind.RightParen)) {
    value = parseExpression(p);
  }

  return p.finish<QueryHint>(mark, {
    kind: "QueryHint",
    name: words.join(" "),
    ...(value ? { value } : {}),
    ...(argumentsText !== undefined ? { argumentsText } : {}),
  });
}

/** `WITH [XMLNAMESPACES (...),] name [(columns)] AS (query) [, ...]`. */
export function parseWithClause(p: Parser): WithClause {
  const mark = p.mark();
  p.expectWord("WITH");
  let xmlNamespaces: string | undefined;
  if (p.eatWord("XMLNAMESPACES")) {
    xmlNamespaces = p.skipParenthesized();
    if (!p.eat(TokenKind.Comma)) {
      return p.finish<WithClause>(mark, { kind: "WithClause", ctes: [], xmlNamespaces });
    }
  }

  const ctes = p.parseCommaList(() => {
    const cteMark = p.mark();
    const name = p.parseIdentifier("a common table expression name");
    let columns: Identifier[] = [];
    if (p.eat(TokenKind.LeftParen)) {
      columns = p.parseCommaList(() => p.parseIdentifier("a column name"));
      p.expect(TokenKind.RightParen, "')'");
    }
    p.expectWord("AS");
    p.expect(TokenKind.LeftParen, "'(' before the CTE query");
    const query = parseQueryExpression(p);
    p.expect(TokenKind.RightParen, "')' after the CTE query");
    return p.finish(cteMark, { kind: "CommonTableExpression", name, columns, query });
  });

  return p.finish<WithClause>(mark, {
    kind: "WithClause",
    ctes,
    ...(xmlNamespaces !== undefined ? { xmlNamespaces } : {}),
  });
}
