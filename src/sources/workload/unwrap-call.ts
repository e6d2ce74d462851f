/**
 * Takes the statement out of a parameterised call, the form in which
 * drivers send most application SQL: `exec sp_executesql N'SELECT ...
 * WHERE id = @P1', N'@P1 int', 42` becomes `SELECT ... WHERE id = @P1`.
 * The parameter values are data and go, and the statement is what the
 * application wrote.
 *
 * Argument positions from Microsoft Learn (SQL Server 2012 and later):
 * sp_executesql [@stmt =] statement, ...; sp_prepexec handle OUTPUT,
 * params, stmt, ...; sp_prepare handle OUTPUT, params, stmt, options.
 * JDBC sends sp_prepexec wrapped as `declare @p1 int set @p1=NULL exec
 * sp_prepexec @p1 output, ... select @p1`, so DECLARE and SET of
 * variables before the call, and a SELECT of variables after it, are
 * accepted too. Anything else around the call keeps the text as it is.
 */

import { lex } from "../../tsql/lexer/lexer.js";
import { TokenFlags, TokenKind, type Token } from "../../tsql/lexer/token.js";

interface Wrapper {
  /** One-based position of the statement argument. */
  readonly position: number;
  /** Lower-case names the statement argument may be passed by. */
  readonly names: readonly string[];
  /** Whether drivers wrap the call in DECLARE ... SELECT of the handle. */
  readonly declaresHandle: boolean;
}

const WRAPPERS: ReadonlyMap<string, Wrapper> = new Map([
  ["sp_executesql", { position: 1, names: ["@stmt", "@statement"], declaresHandle: false }],
  ["sp_prepexec", { position: 3, names: ["@stmt"], declaresHandle: true }],
  ["sp_prepare", { position: 3, names: ["@stmt"], declaresHandle: true }],
]);

export interface UnwrappedCall {
  /** The statement argument's value, quotes removed. */
  readonly sql: string;
  /** The procedure called, lower case. */
  readonly procedure: string;
}

/** Returns the statement inside a parameterised call, or undefined when `sql` is no such call. */
export function unwrapCall(sql: string): UnwrappedCall | undefined {
  // A cheap test first: most statements name none of the procedures.
  if (!/sp_(executesql|prepexec|prepare)/i.test(sql)) {
    return undefined;
  }

  const tokens = lex(sql, { trivia: false }).tokens;
  let i = skipHandleDeclarations(tokens, 0);
  const declared = i > 0;
  if (!isWord(tokens[i], "EXEC") && !isWord(tokens[i], "EXECUTE")) {
    return undefined;
  }
  i++;
  // EXEC @rc = procedure ...
  if (tokens[i]?.kind === TokenKind.Variable && tokens[i + 1]?.kind === TokenKind.Equals) {
    i += 2;
  }

  const name = readProcedureName(tokens, i);
  const wrapper = name === undefined ? undefined : WRAPPERS.get(name.procedure);
  if (name === undefined || wrapper === undefined || (declared && !wrapper.declaresHandle)) {
    return undefined;
  }

  const args = readArguments(tokens, name.end);
  if (!endsWithHandleSelect(tokens, args.end)) {
    return undefined;
  }
  const statement = statementArgument(args.list, wrapper);
  if (statement === undefined) {
    return undefined;
  }
  return { sql: statement, procedure: name.procedure };
}

function isWord(token: Token | undefined, upper: string): boolean {
  return token?.kind === TokenKind.Word && token.value === upper;
}

function isPart(token: Token | undefined): boolean {
  return token?.kind === TokenKind.Word || token?.kind === TokenKind.QuotedIdentifier;
}

/** Skips `DECLARE @v type` and `SET @v = value` statements; returns the index after them. */
function skipHandleDeclarations(tokens: readonly Token[], from: number): number {
  let i = from;
  for (;;) {
    const starts =
      (isWord(tokens[i], "DECLARE") || isWord(tokens[i], "SET")) && tokens[i + 1]?.kind === TokenKind.Variable;
    if (!starts) {
      return i;
    }
    i += 2;
    while (!["DECLARE", "SET", "EXEC", "EXECUTE"].some((word) => isWord(tokens[i], word))) {
      if (tokens[i] === undefined || tokens[i]!.kind === TokenKind.EndOfInput) {
        return i;
      }
      i++;
    }
  }
}

/** Reads `[db.][schema.]name`; returns the lower-case last part and the index after it. */
function readProcedureName(tokens: readonly Token[], from: number): { procedure: string; end: number } | undefined {
  let i = from;
  if (!isPart(tokens[i])) {
    return undefined;
  }
  let last = tokens[i]!;
  i++;
  while (tokens[i]?.kind === TokenKind.Dot) {
    i++;
    // `master..sp_executesql` leaves the schema out.
    if (tokens[i]?.kind === TokenKind.Dot) {
      continue;
    }
    if (!isPart(tokens[i])) {
      return undefined;
    }
    last = tokens[i]!;
    i++;
  }
  return { procedure: last.value.toLowerCase(), end: i };
}

interface Argument {
  /** Lower-case parameter name for `@name = value`. */
  readonly name?: string;
  readonly tokens: readonly Token[];
}

/** Splits the arguments at commas outside parentheses, up to `;`, a SELECT or the end. */
function readArguments(tokens: readonly Token[], from: number): { list: Argument[]; end: number } {
  const list: Argument[] = [];
  let current: Token[] = [];
  let depth = 0;
  let i = from;
  for (; i < tokens.length; i++) {
    const token = tokens[i]!;
    const atTop = depth === 0;
    if (token.kind === TokenKind.EndOfInput || (atTop && (token.kind === TokenKind.Semicolon || isWord(token, "SELECT")))) {
      break;
    }
    if (token.kind === TokenKind.LeftParen) {
      depth++;
    } else if (token.kind === TokenKind.RightParen) {
      depth--;
    }
    if (atTop && token.kind === TokenKind.Comma) {
      list.push(argument(current));
      current = [];
      continue;
    }
    current.push(token);
  }
  if (current.length > 0) {
    list.push(argument(current));
  }
  return { list, end: i };
}

function argument(tokens: Token[]): Argument {
  if (tokens.length >= 2 && tokens[0]!.kind === TokenKind.Variable && tokens[1]!.kind === TokenKind.Equals) {
    return { name: tokens[0]!.value.toLowerCase(), tokens: tokens.slice(2) };
  }
  return { tokens };
}

/** Accepts what may follow the arguments: `;`, then `SELECT @v [, @v]...`, then `;`. */
function endsWithHandleSelect(tokens: readonly Token[], from: number): boolean {
  let i = from;
  const semicolons = () => {
    while (tokens[i]?.kind === TokenKind.Semicolon) {
      i++;
    }
  };

  semicolons();
  if (isWord(tokens[i], "SELECT")) {
    for (;;) {
      i++;
      if (tokens[i]?.kind !== TokenKind.Variable) {
        return false;
      }
      i++;
      if (tokens[i]?.kind !== TokenKind.Comma) {
        break;
      }
    }
    semicolons();
  }
  return tokens[i]?.kind === TokenKind.EndOfInput;
}

/** Returns the value of the statement argument when it is one string literal. */
function statementArgument(list: readonly Argument[], wrapper: Wrapper): string | undefined {
  const named = list.find((a) => a.name !== undefined && wrapper.names.includes(a.name));
  const chosen = named ?? list[wrapper.position - 1];
  if (chosen === undefined || (named === undefined && chosen.name !== undefined)) {
    return undefined;
  }

  const [only, extra] = chosen.tokens;
  const isString = only?.kind === TokenKind.NString || only?.kind === TokenKind.String;
  if (!isString || extra !== undefined || (only.flags & TokenFlags.Unterminated) !== 0) {
    return undefined;
  }
  return only.value;
}
