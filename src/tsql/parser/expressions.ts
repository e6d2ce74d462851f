/**
 * Expressions, parsed by precedence climbing (Pratt). Binding powers follow
 * "Operator precedence (Transact-SQL)", SQL Server 2022: unary ~ binds
 * tightest, then * / %, then + - & ^ | ||, then comparisons, NOT, AND, OR.
 * BETWEEN, IN and LIKE sit with the comparisons in practice.
 */

import type {
  BinaryExpression,
  ComparisonExpression,
  ComparisonOperator,
  Expression,
  ExistsExpression,
  Literal,
  LiteralType,
  LogicalExpression,
  NotExpression,
  UnaryExpression,
} from "../ast/expressions.js";
import { TokenKind } from "../lexer/token.js";
import type { Mark, Parser } from "./parser.js";
import { parsePrimary } from "./primary.js";
import { parseQueryExpression } from "./select.js";

const enum Power {
  Lowest = 0,
  Or = 1,
  And = 2,
  Not = 3,
  Comparison = 4,
  Additive = 5,
  Multiplicative = 6,
  Unary = 7,
  Postfix = 8,
}

type ArithmeticOperator = "+" | "-" | "*" | "/" | "%" | "&" | "|" | "^" | "||";

/**
 * Operator tables indexed by TokenKind, because an array read is cheaper
 * than a Map lookup in the loop that runs after every operand.
 */
const COMPARISONS = tableByKind<ComparisonOperator>([
  [TokenKind.Equals, "="],
  [TokenKind.Less, "<"],
  [TokenKind.Greater, ">"],
  [TokenKind.LessOrEqual, "<="],
  [TokenKind.GreaterOrEqual, ">="],
  [TokenKind.NotLess, "!<"],
  [TokenKind.NotGreater, "!>"],
]);

const ARITHMETIC = tableByKind<readonly [Power, ArithmeticOperator]>([
  [TokenKind.Plus, [Power.Additive, "+"]],
  [TokenKind.Minus, [Power.Additive, "-"]],
  [TokenKind.Ampersand, [Power.Additive, "&"]],
  [TokenKind.Pipe, [Power.Additive, "|"]],
  [TokenKind.Caret, [Power.Additive, "^"]],
  [TokenKind.Concat, [Power.Additive, "||"]],
  [TokenKind.Star, [Power.Multiplicative, "*"]],
  [TokenKind.Slash, [Power.Multiplicative, "/"]],
  [TokenKind.Percent, [Power.Multiplicative, "%"]],
]);

function tableByKind<T>(entries: readonly (readonly [TokenKind, T])[]): readonly (T | undefined)[] {
  const table = new Array<T | undefined>(TokenKind.Invalid + 1).fill(undefined);
  for (const [kind, value] of entries) {
    table[kind] = value;
  }
  return table;
}

/** Parses a full expression, boolean operators included. */
export function parseExpression(p: Parser): Expression {
  return parseWithPower(p, Power.Lowest);
}

/**
 * Parses an operand of BETWEEN ... AND ...: arithmetic only, so the AND
 * that separates the bounds is not read as a logical AND.
 */
export function parseArithmetic(p: Parser): Expression {
  return parseWithPower(p, Power.Comparison);
}

function parseWithPower(p: Parser, minPower: Power): Expression {
  p.enter();
  const mark = p.mark();
  let left = parsePrefix(p);

  for (;;) {
    const next = parseInfix(p, mark, left, minPower);
    if (next === undefined) {
      break;
    }
    left = next;
  }

  p.leave();
  return left;
}

function parsePrefix(p: Parser): Expression {
  const mark = p.mark();
  const t = p.token;

  if (t.kind === TokenKind.Word && t.value === "NOT") {
    p.advance();
    const operand = parseWithPower(p, Power.Not);
    return p.finish<NotExpression>(mark, { kind: "NotExpression", operand });
  }

  if (t.kind === TokenKind.Word && t.value === "EXISTS" && p.isKind(TokenKind.LeftParen, 1)) {
    p.advance();
    p.advance();
    const query = parseQueryExpression(p);
    p.expect(TokenKind.RightParen, "')'");
    return p.finish<ExistsExpression>(mark, { kind: "ExistsExpression", query });
  }

  if (t.kind === TokenKind.Minus || t.kind === TokenKind.Plus || t.kind === TokenKind.Tilde) {
    p.advance();
    const operand = parseWithPower(p, Power.Unary);
    const operator = t.kind === TokenKind.Minus ? "-" : t.kind === TokenKind.Plus ? "+" : "~";
    return p.finish<UnaryExpression>(mark, { kind: "UnaryExpression", operator, operand });
  }

  return parsePrimary(p);
}

/** Extends `left` with one infix or postfix operator of at least `minPower`. */
function parseInfix(
  p: Parser,
  mark: Mark,
  left: Expression,
  minPower: Power,
): Expression | undefined {
  const t = p.token;

  const arithmetic = ARITHMETIC[t.kind];
  if (arithmetic !== undefined) {
    const [power, operator] = arithmetic;
    if (power <= minPower) {
      return undefined;
    }
    p.advance();
    const right = parseWithPower(p, power);
    const first = p.tokens[mark]!;
    const binary: BinaryExpression = {
      kind: "BinaryExpression",
      operator,
      left,
      right,
      start: first.start,
      end: p.endAt(mark),
      line: first.line,
      column: first.column,
    };
    return binary;
  }

  const comparison = comparisonOperator(p);
  if (comparison !== undefined) {
    if (Power.Comparison <= minPower) {
      return undefined;
    }
    return parseComparison(p, mark, left, comparison);
  }

  if (t.kind !== TokenKind.Word) {
    return undefined;
  }

  switch (t.value) {
    case "OR":
    case "AND": {
      const power = t.value === "OR" ? Power.Or : Power.And;
      if (power <= minPower) {
        return undefined;
      }
      p.advance();
      const right = parseWithPower(p, power);
      const first = p.tokens[mark]!;
      const logical: LogicalExpression = {
        kind: "LogicalExpression",
        operator: t.value,
        left,
        right,
        start: first.start,
        end: p.endAt(mark),
        line: first.line,
        column: first.column,
      };
      return logical;
    }
    case "IS":
    case "IN":
    case "LIKE":
    case "BETWEEN":
    case "NOT":
      if (Power.Comparison <= minPower) {
        return undefined;
      }
      return parsePredicate(p, mark, left);
    case "COLLATE": {
      p.advance();
      const collation = p.parseName("a collation name");
      return p.finish(mark, { kind: "CollateExpression", expression: left, collation });
    }
    case "AT":
      if (!p.isWords("AT", "TIME", "ZONE")) {
        return undefined;
      }
      p.pos += 3;
      return p.finish(mark, {
        kind: "AtTimeZoneExpression",
        expression: left,
        timeZone: parseWithPower(p, Power.Postfix),
      });
    default:
      return undefined;
  }
}

function comparisonOperator(p: Parser): ComparisonOperator | undefined {
  const t = p.token;
  const simple = COMPARISONS[t.kind];
  if (simple === "=") {
    const next = p.peek(1);
    // `=*` is the legacy right outer join when the star touches the `=`;
    // no other reading of `= *` is valid T-SQL.
    if (next.kind === TokenKind.Star && next.start === t.end) {
      return "=*";
    }
    return "=";
  }
  if (simple !== undefined) {
    return simple;
  }
  if (t.kind === TokenKind.NotEquals) {
    return t.text === "!=" ? "!=" : "<>";
  }
  if (t.kind === TokenKind.CompoundAssign && t.text === "*=") {
    return "*=";
  }
  return undefined;
}

function parseComparison(
  p: Parser,
  mark: Mark,
  left: Expression,
  operator: ComparisonOperator,
): Expression {
  p.advance();
  if (operator === "=*") {
    p.advance();
  }

  const quantifier = p.wordAt();
  if (
    (quantifier === "ALL" || quantifier === "ANY" || quantifier === "SOME") &&
    p.isKind(TokenKind.LeftParen, 1)
  ) {
    p.pos += 2;
    const query = parseQueryExpression(p);
    p.expect(TokenKind.RightParen, "')'");
    return p.finish(mark, { kind: "QuantifiedComparison", left, operator, quantifier, query });
  }

  const right = parseWithPower(p, Power.Comparison);
  const first = p.tokens[mark]!;
  const comparison: ComparisonExpression = {
    kind: "ComparisonExpression",
    operator,
    left,
    right,
    start: first.start,
    end: p.endAt(mark),
    line: first.line,
    column: first.column,
  };
  return comparison;
}

/** IS [NOT] NULL, [NOT] IN, [NOT] LIKE, [NOT] BETWEEN. */
function parsePredicate(p: Parser, mark: Mark, left: Expression): Expression | undefined {
  if (p.eatWord("IS")) {
    const not = p.eatWord("NOT");
    if (p.eatWords("DISTINCT", "FROM")) {
      const right = parseArithmetic(p);
      return p.finish(mark, { kind: "IsDistinctFromExpression", left, right, not });
    }
    p.expectWord("NULL");
    return p.finish(mark, { kind: "IsNullExpression", expression: left, not });
  }

  const word = p.wordAt() === "NOT" ? p.wordAt(1) : p.wordAt();
  if (word !== "IN" && word !== "LIKE" && word !== "BETWEEN") {
    return undefined;
  }
  const not = p.eatWord("NOT");
  p.advance();

  if (word === "BETWEEN") {
    const low = parseArithmetic(p);
    p.expectWord("AND");
    const high = parseArithmetic(p);
    return p.finish(mark, { kind: "BetweenExpression", expression: left, low, high, not });
  }

  if (word === "LIKE") {
    const pattern = parseArithmetic(p);
    const escape = p.eatWord("ESCAPE") ? parseArithmetic(p) : undefined;
    return p.finish(mark, {
      kind: "LikeExpression",
      expression: left,
      pattern,
      ...(escape ? { escape } : {}),
      not,
    });
  }

  p.expect(TokenKind.LeftParen, "'(' after IN");
  if (startsQuery(p)) {
    const subquery = parseQueryExpression(p);
    p.expect(TokenKind.RightParen, "')'");
    return p.finish(mark, { kind: "InExpression", expression: left, subquery, not });
  }
  const values = p.parseCommaList(() => parseExpression(p));
  p.expect(TokenKind.RightParen, "')'");
  return p.finish(mark, { kind: "InExpression", expression: left, values, not });
}

/**
 * True when the tokens at the cursor begin a query: SELECT, WITH, or `(`
 * before one. After `(` a WITH must be followed by a CTE name and `AS` or
 * a column list, or by XMLNAMESPACES, so a table hint list is not taken
 * for a query.
 */
export function startsQuery(p: Parser, offset = 0): boolean {
  let i = offset;
  while (p.isKind(TokenKind.LeftParen, i)) {
    i++;
  }
  if (p.isWord("SELECT", i)) {
    return true;
  }
  if (!p.isWord("WITH", i)) {
    return false;
  }
  return i === offset || startsCommonTableExpression(p, i + 1);
}

function startsCommonTableExpression(p: Parser, offset: number): boolean {
  if (p.isWord("XMLNAMESPACES", offset)) {
    return p.isKind(TokenKind.LeftParen, offset + 1);
  }
  if (!p.isIdentifier(offset)) {
    return false;
  }
  return p.isWord("AS", offset + 1) || p.isKind(TokenKind.LeftParen, offset + 1);
}

export function literalFromToken(p: Parser, type: LiteralType): Literal {
  const t = p.advance();
  const value = type === "String" || type === "NString" ? t.value : t.text;
  return { kind: "Literal", type, value, start: t.start, end: t.end, line: t.line, column: t.column };
}
