/**
 * Primary expressions: literals, variables, names, function calls, CASE,
 * CAST and CONVERT, subqueries, ODBC escapes and method calls on CLR and
 * XML values.
 */

import type {
  CaseExpression,
  CastExpression,
  ColumnReference,
  Expression,
  FunctionCall,
  OdbcEscape,
  VariableReference,
  WhenClause,
} from "../ast/expressions.js";
import type { Draft, Identifier, SchemaObjectName } from "../ast/node.js";
import { COLUMN_NAME_KEYWORDS, isReservedKeyword } from "../lexer/keywords.js";
import { TokenKind } from "../lexer/token.js";
import { literalFromToken, parseExpression, startsQuery } from "./expressions.js";
import { ParseAbort } from "./parse-error.js";
import type { Mark, Parser } from "./parser.js";
import { parseOrderByClause, parseQueryExpression, parseWindowSpecification } from "./select.js";

const CAST_FUNCTIONS = new Set(["CAST", "TRY_CAST", "CONVERT", "TRY_CONVERT", "PARSE", "TRY_PARSE"]);

/** Niladic functions that SQL Server calls without parentheses. */
const NILADIC_FUNCTIONS = new Set([
  "CURRENT_TIMESTAMP",
  "CURRENT_USER",
  "SESSION_USER",
  "SYSTEM_USER",
  "USER",
  "CURRENT_DATE",
]);

/**
 * Methods of the xml data type. They are case-sensitive in SQL Server, so
 * `x.value(...)` is a method call while `dbo.Value(...)` stays a function.
 */
const XML_METHODS = new Set(["value", "query", "exist", "nodes", "modify"]);

export function parsePrimary(p: Parser): Expression {
  const mark = p.mark();
  const t = p.token;

  switch (t.kind) {
    case TokenKind.String:
      return literalFromToken(p, "String");
    case TokenKind.NString:
      return literalFromToken(p, "NString");
    case TokenKind.Integer:
      return literalFromToken(p, "Integer");
    case TokenKind.Decimal:
      return literalFromToken(p, "Decimal");
    case TokenKind.Float:
      return literalFromToken(p, "Float");
    case TokenKind.Money:
      return literalFromToken(p, "Money");
    case TokenKind.Binary:
      return literalFromToken(p, "Binary");
    case TokenKind.Variable: {
      p.advance();
      const variable: VariableReference = {
        kind: "VariableReference",
        name: t.text,
        start: t.start,
        end: t.end,
        line: t.line,
        column: t.column,
      };
      return parseMemberAccess(p, mark, variable);
    }
    case TokenKind.SystemVariable:
      p.advance();
      p.noteSystemVariable(t.value);
      return p.finish(mark, { kind: "GlobalVariableReference", name: t.value });
    case TokenKind.SqlcmdVariable:
      p.advance();
      return p.finish(mark, { kind: "SqlcmdVariableReference", name: t.value });
    case TokenKind.LeftParen:
      return parseMemberAccess(p, mark, parseParenthesized(p));
    case TokenKind.LeftBrace:
      return parseOdbcEscape(p);
    case TokenKind.Star:
      p.advance();
      return p.finish(mark, { kind: "StarExpression", qualifier: [] });
    case TokenKind.Word:
      return parseWordPrimary(p);
    case TokenKind.QuotedIdentifier:
      return parseNamePrimary(p);
    default:
      return p.fail("an expression");
  }
}

function parseWordPrimary(p: Parser): Expression {
  const mark = p.mark();
  const word = p.token.value;
  const callFollows = p.isKind(TokenKind.LeftParen, 1);

  if (word === "NULL") {
    return literalFromToken(p, "Null");
  }
  if (word === "DEFAULT" && !callFollows) {
    p.advance();
    return p.finish(mark, { kind: "DefaultExpression" });
  }
  if (word === "CASE") {
    return parseCase(p);
  }
  if (CAST_FUNCTIONS.has(word) && callFollows) {
    return parseMemberAccess(p, mark, parseCast(p));
  }
  if (word === "NEXT" && p.isWords("NEXT", "VALUE", "FOR")) {
    p.pos += 3;
    const sequence = p.parseSchemaObjectName("a sequence name");
    const over = p.eatWord("OVER") ? parseWindowSpecification(p) : undefined;
    return p.finish(mark, { kind: "NextValueFor", sequence, ...(over ? { over } : {}) });
  }
  if (word === "MATCH" && callFollows) {
    p.advance();
    const text = p.skipParenthesized();
    return p.finish(mark, { kind: "GraphMatchPredicate", pattern: text.slice(1, -1).trim() });
  }
  if (NILADIC_FUNCTIONS.has(word) && !callFollows && !p.isKind(TokenKind.Dot, 1)) {
    p.advance();
    const name = nameFromParts(p, mark, [identifierAt(p, mark)]);
    return p.finish<FunctionCall>(mark, { kind: "FunctionCall", name, arguments: [] });
  }
  if (isReservedKeyword(word) && !callFollows && !COLUMN_NAME_KEYWORDS.has(word)) {
    return p.fail("an expression");
  }
  return parseNamePrimary(p);
}

/** Reads a column reference, `alias.*`, a function call or `type::Method()`. */
function parseNamePrimary(p: Parser): Expression {
  const mark = p.mark();
  const parts: Identifier[] = [p.parseName("an expression")];

  while (p.isKind(TokenKind.Dot)) {
    if (p.isKind(TokenKind.Star, 1)) {
      p.pos += 2;
      return p.finish(mark, { kind: "StarExpression", qualifier: parts });
    }
    // `db..table` leaves the schema empty; in an expression only a column follows.
    if (p.isKind(TokenKind.Dot, 1)) {
      p.advance();
      continue;
    }
    p.advance();
    parts.push(p.parseName("a name after '.'"));
  }

  if (p.isKind(TokenKind.DoubleColon)) {
    return parseStaticMethodCall(p, mark, parts);
  }

  if (!p.isKind(TokenKind.LeftParen)) {
    const first = parts[0]!;
    const column: ColumnReference = {
      kind: "ColumnReference",
      parts,
      start: first.start,
      end: p.endAt(mark),
      line: first.line,
      column: first.column,
    };
    return column;
  }

  const last = parts[parts.length - 1]!;
  if (parts.length >= 2 && last.quote === "none" && XML_METHODS.has(last.value)) {
    const targetMark = mark;
    const target = p.finish(targetMark, { kind: "ColumnReference", parts: parts.slice(0, -1) });
    const args = parseArgumentList(p);
    const call = p.finish(mark, { kind: "MethodCall", target, method: last, arguments: args });
    return parseMemberAccess(p, mark, call);
  }

  if (parts.length > 4) {
    return p.fail("a function name of at most four parts");
  }
  const name = nameFromParts(p, mark, parts);
  return parseMemberAccess(p, mark, parseFunctionCall(p, mark, name));
}

function parseStaticMethodCall(p: Parser, mark: Mark, parts: Identifier[]): Expression {
  const type = nameFromParts(p, mark, parts);
  p.advance();
  const method = p.parseName("a method name after '::'");
  const args = p.isKind(TokenKind.LeftParen) ? parseArgumentList(p) : undefined;
  const call = p.finish(mark, {
    kind: "StaticMethodCall",
    type,
    method,
    ...(args ? { arguments: args } : {}),
  });
  return parseMemberAccess(p, mark, call);
}

/** Reads `.method(...)` and `.Property` chains after a value. */
function parseMemberAccess(p: Parser, mark: Mark, target: Expression): Expression {
  let result = target;
  while (p.isKind(TokenKind.Dot) && isNameToken(p, 1)) {
    p.advance();
    const member = p.parseName();
    if (p.isKind(TokenKind.LeftParen)) {
      const args = parseArgumentList(p);
      result = p.finish(mark, { kind: "MethodCall", target: result, method: member, arguments: args });
    } else {
      result = p.finish(mark, { kind: "PropertyAccess", target: result, property: member });
    }
  }
  return result;
}

function isNameToken(p: Parser, offset: number): boolean {
  const kind = p.peek(offset).kind;
  return kind === TokenKind.Word || kind === TokenKind.QuotedIdentifier;
}

function identifierAt(p: Parser, mark: Mark): Identifier {
  const t = p.tokens[mark]!;
  return p.finish<Identifier>(mark, { kind: "Identifier", value: t.text, quote: "none" });
}

function nameFromParts(p: Parser, mark: Mark, parts: Identifier[]): SchemaObjectName {
  const count = parts.length;
  const node = { kind: "SchemaObjectName" } as Draft<SchemaObjectName>;
  if (count >= 4) node.server = parts[count - 4]!;
  if (count >= 3) node.database = parts[count - 3]!;
  if (count >= 2) node.schema = parts[count - 2]!;
  node.name = parts[count - 1]!;
  node.partCount = count;
  const first = p.tokens[mark]!;
  node.start = first.start;
  node.end = p.endAt(mark);
  node.line = first.line;
  node.column = first.column;
  return node as SchemaObjectName;
}

/** Reads `(args)` and the clauses that may follow a call: WITHIN GROUP, OVER. */
export function parseFunctionCall(p: Parser, mark: Mark, name: SchemaObjectName): FunctionCall {
  const upper = name.schema === undefined ? name.name.value.toUpperCase() : "";
  p.expect(TokenKind.LeftParen, "'('");

  let quantifier: "DISTINCT" | "ALL" | undefined;
  const clauses: string[] = [];
  const args: Expression[] = [];

  if (p.isWord("DISTINCT") || (p.isWord("ALL") && !p.isKind(TokenKind.RightParen, 1))) {
    quantifier = p.advance().value as "DISTINCT" | "ALL";
  }
  if (upper === "TRIM" && p.isAnyWord(TRIM_SPECIFIERS) && !isArgumentEnd(p, 1)) {
    clauses.push(p.advance().value);
  }
  if (upper === "CHANGETABLE" && (p.isWord("CHANGES") || p.isWord("VERSION"))) {
    clauses.push(p.advance().value);
  }

  if (!p.isKind(TokenKind.RightParen)) {
    parseArguments(p, args, clauses, upper);
  }
  p.expect(TokenKind.RightParen, "')' to close the argument list");

  let withinGroup;
  if (p.isWords("WITHIN", "GROUP")) {
    p.pos += 2;
    if (p.isKind(TokenKind.LeftParen) && p.isWord("GRAPH", 1)) {
      clauses.push(p.skipParenthesized());
    } else {
      p.expect(TokenKind.LeftParen, "'(' after WITHIN GROUP");
      withinGroup = parseOrderByClause(p);
      p.expect(TokenKind.RightParen, "')'");
    }
  }

  let nullTreatment: FunctionCall["nullTreatment"];
  if (p.isWords("IGNORE", "NULLS") || p.isWords("RESPECT", "NULLS")) {
    nullTreatment = p.isWord("IGNORE") ? "IGNORE NULLS" : "RESPECT NULLS";
    p.pos += 2;
  }

  const over = p.eatWord("OVER") ? parseWindowSpecification(p) : undefined;

  const node: Draft<FunctionCall> = { kind: "FunctionCall", name, arguments: args };
  if (quantifier) node.quantifier = quantifier;
  if (withinGroup) node.withinGroup = withinGroup;
  if (nullTreatment) node.nullTreatment = nullTreatment;
  if (over) node.over = over;
  if (clauses.length > 0) node.clauses = clauses;
  const first = p.tokens[mark]!;
  node.start = first.start;
  node.end = p.endAt(mark);
  node.line = first.line;
  node.column = first.column;
  return node as FunctionCall;
}

const TRIM_SPECIFIERS = new Set(["LEADING", "TRAILING", "BOTH"]);

function isArgumentEnd(p: Parser, offset: number): boolean {
  const kind = p.peek(offset).kind;
  return kind === TokenKind.Comma || kind === TokenKind.RightParen;
}

/** Full-text functions, which take a `LANGUAGE term` argument. */
const FULL_TEXT_FUNCTIONS = new Set(["CONTAINS", "FREETEXT", "CONTAINSTABLE", "FREETEXTTABLE"]);

/**
 * Reads call arguments up to the closing parenthesis. Besides plain
 * expressions this accepts `*` (COUNT(*), CONTAINS(*, ...)), TRIM's
 * `chars FROM source`, JSON_OBJECT's `key : value`, and trailing clauses
 * such as `NULL ON NULL` or `RETURNING json`, which are kept as text, as
 * is the `LANGUAGE term` of the full-text functions.
 */
function parseArguments(p: Parser, args: Expression[], clauses: string[], upper: string): void {
  // OPENROWSET separates its data source, user and password with `;`.
  const semicolons = upper === "OPENROWSET";
  const fullText = FULL_TEXT_FUNCTIONS.has(upper);
  for (;;) {
    const mark = p.mark();
    if (fullText && p.isWord("LANGUAGE") && !isArgumentEnd(p, 1)) {
      p.advance();
      parseExpression(p);
      clauses.push(p.textFrom(mark));
    } else if (p.isKind(TokenKind.Star) && isArgumentEnd(p, 1)) {
      p.advance();
      args.push(p.finish(mark, { kind: "StarExpression", qualifier: [] }));
    } else {
      const value = parseExpression(p);
      if (p.eat(TokenKind.Colon)) {
        const pairValue = parseExpression(p);
        args.push(p.finish(mark, { kind: "JsonKeyValue", key: value, value: pairValue }));
      } else {
        args.push(value);
      }
    }

    if (p.eat(TokenKind.Comma) || p.eatWord("FROM") || (semicolons && p.eat(TokenKind.Semicolon))) {
      continue;
    }
    if (p.isKind(TokenKind.RightParen)) {
      return;
    }
    if (p.isKind(TokenKind.Word)) {
      clauses.push(skipToClosingParen(p));
      return;
    }
    p.fail("',' or ')' in the argument list");
  }
}

function skipToClosingParen(p: Parser): string {
  const mark = p.mark();
  let depth = 0;
  while (!p.atEnd()) {
    if (p.isKind(TokenKind.LeftParen)) {
      depth++;
    } else if (p.isKind(TokenKind.RightParen)) {
      if (depth === 0) {
        break;
      }
      depth--;
    }
    p.advance();
  }
  return p.textFrom(mark);
}

/** Reads a parenthesised argument list of a method call. */
export function parseArgumentList(p: Parser): Expression[] {
  p.expect(TokenKind.LeftParen, "'('");
  if (p.eat(TokenKind.RightParen)) {
    return [];
  }
  const args = p.parseCommaList(() => parseExpression(p));
  p.expect(TokenKind.RightParen, "')'");
  return args;
}

function parseParenthesized(p: Parser): Expression {
  const mark = p.mark();

  if (startsQuery(p, 1)) {
    const attempt = tryParseSubquery(p, mark);
    if (attempt !== undefined) {
      return attempt;
    }
  }

  p.expect(TokenKind.LeftParen, "'('");
  const first = parseExpression(p);
  if (p.isKind(TokenKind.Comma)) {
    const items = [first];
    while (p.eat(TokenKind.Comma)) {
      items.push(parseExpression(p));
    }
    p.expect(TokenKind.RightParen, "')'");
    return p.finish(mark, { kind: "ExpressionList", items });
  }
  p.expect(TokenKind.RightParen, "')'");
  return p.finish(mark, { kind: "ParenthesizedExpression", expression: first });
}

/**
 * Reads `(SELECT ...)`. When the parenthesis opens a longer expression such
 * as `((SELECT 1) + 2)`, the query reading fails and the caller reads an
 * expression instead, so the cursor and diagnostics are restored.
 */
function tryParseSubquery(p: Parser, mark: Mark): Expression | undefined {
  const direct = p.isWord("SELECT", 1) || p.isWord("WITH", 1);
  const depth = p.depth;
  const diagnosticCount = p.diagnostics.length;
  try {
    p.advance();
    const query = parseQueryExpression(p);
    p.expect(TokenKind.RightParen, "')' to close the subquery");
    return p.finish(mark, { kind: "ScalarSubquery", query });
  } catch (error) {
    if (direct || !(error instanceof ParseAbort)) {
      throw error;
    }
    p.pos = mark;
    p.depth = depth;
    p.diagnostics.length = diagnosticCount;
    return undefined;
  }
}

function parseCase(p: Parser): CaseExpression {
  const mark = p.mark();
  p.expectWord("CASE");
  const input = p.isWord("WHEN") ? undefined : parseExpression(p);
  const whenClauses: WhenClause[] = [];

  while (p.isWord("WHEN")) {
    const whenMark = p.mark();
    p.advance();
    const when = parseExpression(p);
    p.expectWord("THEN");
    const then = parseExpression(p);
    whenClauses.push(p.finish<WhenClause>(whenMark, { kind: "WhenClause", when, then }));
  }
  if (whenClauses.length === 0) {
    p.fail("WHEN");
  }

  const elseExpression = p.eatWord("ELSE") ? parseExpression(p) : undefined;
  p.expectWord("END");
  return p.finish<CaseExpression>(mark, {
    kind: "CaseExpression",
    ...(input ? { input } : {}),
    whenClauses,
    ...(elseExpression ? { elseExpression } : {}),
  });
}

function parseCast(p: Parser): CastExpression {
  const mark = p.mark();
  const fn = p.advance().value as CastExpression["function"];
  p.expect(TokenKind.LeftParen, "'('");

  if (fn === "CONVERT" || fn === "TRY_CONVERT") {
    const dataType = p.parseDataType();
    p.expect(TokenKind.Comma, "','");
    const expression = parseExpression(p);
    const style = p.eat(TokenKind.Comma) ? parseExpression(p) : undefined;
    p.expect(TokenKind.RightParen, "')'");
    return p.finish<CastExpression>(mark, {
      kind: "CastExpression",
      function: fn,
      expression,
      dataType,
      ...(style ? { style } : {}),
    });
  }

  const expression = parseExpression(p);
  p.expectWord("AS");
  const dataType = p.parseDataType();
  const culture = p.eatWord("USING") ? parseExpression(p) : undefined;
  p.expect(TokenKind.RightParen, "')'");
  return p.finish<CastExpression>(mark, {
    kind: "CastExpression",
    function: fn,
    expression,
    dataType,
    ...(culture ? { culture } : {}),
  });
}

/** `{fn UCASE(x)}`, `{ts '...'}`, `{d '...'}`, `{t '...'}`, `{guid '...'}`. */
function parseOdbcEscape(p: Parser): OdbcEscape {
  const mark = p.mark();
  p.expect(TokenKind.LeftBrace, "'{'");
  const word = p.parseName("an ODBC escape keyword such as fn or ts");
  const escapeType = word.value.toLowerCase();
  const expression = parseExpression(p);
  p.expect(TokenKind.RightBrace, "'}' to close the ODBC escape");
  return p.finish<OdbcEscape>(mark, { kind: "OdbcEscape", escapeType, expression });
}
