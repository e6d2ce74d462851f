/**
 * The statement dispatcher and error recovery. A statement that cannot be
 * read becomes an ErrorStatement holding its raw text, with a diagnostic;
 * reading resumes at the next statement boundary.
 */

import type { ErrorStatement } from "../ast/node.js";
import type { Statement } from "../ast/statements.js";
import { TokenKind } from "../lexer/token.js";
import { STATEMENT_FAMILIES } from "./families.js";
import { ParseAbort, ParseErrors } from "./parse-error.js";
import type { Mark, Parser } from "./parser.js";
import { KeywordTable } from "./keyword-table.js";
import type { StatementContext, StatementParser } from "./registry.js";
import { parseSelectStatement, parseWithClause } from "./select.js";

type Table = KeywordTable;

interface Tables {
  readonly leading: Table;
  readonly create: Table;
  readonly alter: Table;
  readonly drop: Table;
  /**
   * First words that begin a statement and nothing else at the top level
   * of a statement; error recovery resumes at them. WITH is left out
   * because it also opens table hints and option lists.
   */
  readonly boundaries: ReadonlySet<string>;
}

let tables: Tables | undefined;

/**
 * Builds the dispatch tables on first use. Families import this module for
 * nested statements, so reading them at module load would see families
 * that are not initialised yet.
 */
function getTables(): Tables {
  if (tables !== undefined) {
    return tables;
  }

  const leading = new KeywordTable();
  const create = new KeywordTable();
  const alter = new KeywordTable();
  const drop = new KeywordTable();
  for (const family of STATEMENT_FAMILIES) {
    addAll(leading, family.leading);
    addAll(create, family.create);
    addAll(alter, family.alter);
    addAll(drop, family.drop);
  }

  const firstWords = [...leading.firstWords()];
  const boundaries = new Set(
    [...firstWords, "CREATE", "ALTER", "DROP", "ELSE", "END"].filter((word) => word !== "WITH"),
  );
  tables = { leading, create, alter, drop, boundaries };
  return tables;
}

function addAll(table: Table, entries: Readonly<Record<string, StatementParser>> | undefined): void {
  for (const [key, parser] of Object.entries(entries ?? {})) {
    table.add(key, parser);
  }
}

/**
 * Words after which a boundary word continues the statement instead, even
 * on the next line: `UNION ALL` then `SELECT`, `CURSOR FOR` then `SELECT`,
 * `AS` then the body of a view or procedure.
 */
const CONTINUING_WORDS = new Set([
  "UNION", "ALL", "EXCEPT", "INTERSECT", "THEN", "FOR", "GRANT", "DENY", "REVOKE", "AS",
]);

/**
 * Words after which a boundary word continues the statement only on the
 * same line, as in `INSTEAD OF INSERT` or `ON DELETE`. A broken statement
 * that ends in one of them at the end of a line, such as `WHERE CURRENT
 * OF` without a cursor name, must not swallow the statement on the next
 * line.
 */
const SAME_LINE_CONTINUING_WORDS = new Set(["AFTER", "OF", "ON", "TO", "NOT"]);

/**
 * Reads statements until `isEnd` holds or the batch ends. Each statement's
 * failure is contained: it becomes an ErrorStatement and reading goes on.
 */
export function parseStatementList(p: Parser, isEnd: () => boolean): Statement[] {
  const statements: Statement[] = [];
  while (!p.atEnd() && !isEnd()) {
    if (p.eat(TokenKind.Semicolon)) {
      continue;
    }
    const start = p.pos;
    const depth = p.depth;
    try {
      statements.push(parseStatement(p));
    } catch (error) {
      if (!(error instanceof ParseAbort)) {
        throw error;
      }
      p.depth = depth;
      statements.push(recover(p, start, error));
    }
    p.atBatchStart = false;
  }
  return statements;
}

/**
 * Reads one statement and the semicolon that may end it. The semicolon
 * belongs to the statement's range, as in SqlScriptDOM, so a statement's
 * text is what a user would copy to run it.
 */
export function parseStatement(p: Parser): Statement {
  p.enter();
  const statement = dispatch(p);
  const semicolon = p.eat(TokenKind.Semicolon);
  if (semicolon !== undefined && statement.end <= semicolon.start) {
    // The node is fresh from its parser and not shared yet.
    (statement as { end: number }).end = semicolon.end;
  }
  p.leave();
  return statement;
}

function dispatch(p: Parser): Statement {
  const { leading, create, alter, drop } = getTables();
  const mark = p.mark();
  const t = p.token;

  if (t.kind === TokenKind.LeftParen) {
    return parseSelectStatement(p, mark);
  }
  if (t.kind !== TokenKind.Word && t.kind !== TokenKind.QuotedIdentifier) {
    throw unknownStatement(p);
  }

  if (isLabel(p)) {
    return parseLabel(p);
  }

  if (t.kind === TokenKind.Word) {
    switch (t.value) {
      case "WITH":
        return parseWithStatement(p, mark);
      case "CREATE":
        return parseDdl(p, mark, create, 1);
      case "ALTER":
        return parseDdl(p, mark, alter, 1);
      case "DROP":
        return parseDdl(p, mark, drop, 1);
    }
    const parser = lookup(p, leading, 0);
    if (parser !== undefined) {
      return parser(p, { mark });
    }
  }

  const execute = leading.get("EXECUTE");
  if (p.atBatchStart && execute !== undefined && (p.isIdentifier() || t.kind === TokenKind.Word)) {
    return execute(p, { mark, implicitExecute: true });
  }
  throw unknownStatement(p);
}

function unknownStatement(p: Parser): ParseAbort {
  const found = p.describe(p.token);
  return new ParseAbort(
    ParseErrors.unknownStatement.code,
    ParseErrors.unknownStatement.message(found),
    p.pos,
  );
}

/** Finds the parser for the longest key of up to three words at `offset`. */
function lookup(p: Parser, table: Table, offset: number): StatementParser | undefined {
  return table.lookup(p, offset);
}

function parseDdl(p: Parser, mark: Mark, table: Table, skip: number): Statement {
  p.pos += skip;
  const orAlter = table === getTables().create && p.eatWords("OR", "ALTER");
  const parser = lookup(p, table, 0);
  if (parser === undefined) {
    const verb = p.tokens[mark]!.value;
    p.fail(`an object type after ${orAlter ? "CREATE OR ALTER" : verb}`);
  }
  const context: StatementContext = orAlter ? { mark, orAlter } : { mark };
  return parser(p, context);
}

function parseWithStatement(p: Parser, mark: Mark): Statement {
  const withClause = parseWithClause(p);
  const word = p.wordAt();
  const parser = word === undefined ? undefined : getTables().leading.get(word);
  if (parser === undefined || !["SELECT", "INSERT", "UPDATE", "DELETE", "MERGE"].includes(word!)) {
    if (p.isKind(TokenKind.LeftParen)) {
      return parseSelectStatement(p, mark, withClause);
    }
    return p.fail("SELECT, INSERT, UPDATE, DELETE or MERGE after the WITH clause");
  }
  return parser(p, { mark, with: withClause });
}

function isLabel(p: Parser): boolean {
  return p.isKind(TokenKind.Colon, 1) && (p.isIdentifier() || p.isKind(TokenKind.Word));
}

function parseLabel(p: Parser): Statement {
  const mark = p.mark();
  const label = p.parseName("a label");
  p.expect(TokenKind.Colon, "':'");
  return p.finish(mark, { kind: "LabelStatement", label });
}

/**
 * Records the diagnostic of `error` and skips to the next statement
 * boundary: a semicolon, a word that starts a statement outside parentheses
 * and CASE, or the END of the enclosing block, which is left for the block.
 */
function recover(p: Parser, start: number, error: ParseAbort): ErrorStatement {
  const errorAt = Math.max(error.tokenIndex, start);
  p.report(error.code, error.message, p.tokens[errorAt]);

  p.pos = errorAt;
  if (p.pos === start || !isBoundary(p, start)) {
    // The skip starts after the error token, so count that token too.
    const depth = openParentheses(p, start, errorAt + 1);
    p.advance();
    skipToBoundary(p, start, depth);
  }
  if (p.pos === start) {
    p.advance();
  }

  const first = p.tokens[start]!;
  return p.finish<ErrorStatement>(start, {
    kind: "ErrorStatement",
    text: p.textFrom(start),
    ...(first.kind === TokenKind.Word ? { leadingWord: first.value } : {}),
  });
}

/** Counts the parentheses opened and not closed from `start` up to, not including, `end`. */
function openParentheses(p: Parser, start: number, end: number): number {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const kind = p.tokens[i]!.kind;
    if (kind === TokenKind.LeftParen) {
      depth++;
    } else if (kind === TokenKind.RightParen && depth > 0) {
      depth--;
    }
  }
  return depth;
}

/**
 * Skips to the next boundary. `parens` is the depth of parentheses at the
 * cursor, so a semicolon inside them, as between the parts of an
 * OPENROWSET provider string, does not end the statement. A parenthesis
 * that is never closed must not hide the rest of the batch, so inside one
 * a boundary word still counts when it starts a line.
 */
function skipToBoundary(p: Parser, start: number, parens: number): void {
  let cases = 0;
  while (!p.atEnd()) {
    const t = p.token;
    if (t.kind === TokenKind.Semicolon && parens <= 0) {
      p.advance();
      return;
    }
    if (t.kind === TokenKind.LeftParen) {
      parens++;
    } else if (t.kind === TokenKind.RightParen) {
      parens--;
    } else if (t.kind === TokenKind.Word && t.value === "CASE") {
      cases++;
    } else if (t.kind === TokenKind.Word && t.value === "END" && cases > 0) {
      cases--;
      p.advance();
      continue;
    } else if ((parens <= 0 || p.afterNewline()) && isBoundary(p, start)) {
      return;
    }
    p.advance();
  }
}

/** Words that start a statement whatever follows them. */
const ALWAYS_BOUNDARIES = new Set(["CREATE", "ALTER", "DROP", "ELSE", "END"]);

/**
 * True when the cursor is at a word that starts a statement: a whole
 * dispatch key must match, so the ADD of `ALTER TABLE ... ADD` is not taken
 * for `ADD SIGNATURE`.
 */
function isBoundary(p: Parser, start: number): boolean {
  const t = p.token;
  if (t.kind !== TokenKind.Word || !getTables().boundaries.has(t.value)) {
    return false;
  }
  if (!ALWAYS_BOUNDARIES.has(t.value) && lookup(p, getTables().leading, 0) === undefined) {
    return false;
  }
  if (p.pos <= start) {
    return true;
  }
  const previous = p.peek(-1);
  if (previous.kind === TokenKind.LeftParen || previous.kind === TokenKind.Comma) {
    return false;
  }
  if (previous.kind !== TokenKind.Word) {
    return true;
  }
  if (SAME_LINE_CONTINUING_WORDS.has(previous.value)) {
    return p.afterNewline();
  }
  return !CONTINUING_WORDS.has(previous.value);
}
