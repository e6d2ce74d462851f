/**
 * Redacts T-SQL token by token with infio's lexer. Keywords, operators,
 * punctuation and whitespace stay as written; names become pseudonyms,
 * string and number literals placeholders, and comments are emptied.
 *
 * Every replacement keeps the line breaks of the token it replaces, so
 * each line of the result is the same line of the input and findings keep
 * their line numbers. Columns cannot stay, because a pseudonym is rarely
 * as long as the name it replaces, so the result maps columns instead.
 */

import { lex } from "../../tsql/lexer/lexer.js";
import { isTrivia, TokenFlags, TokenKind, type Token } from "../../tsql/lexer/token.js";
import { isBuiltInName } from "./built-in-names.js";
import { ColumnMapBuilder, type ColumnMap } from "./column-map.js";
import type { Namer } from "./namer.js";
import type { Vocabulary } from "./vocabulary.js";

export interface CodeContext {
  readonly namer: Namer;
  readonly vocabulary: Vocabulary;
}

export interface RedactedCode {
  readonly text: string;
  /** Maps a line and column of the input to the column of the same token in `text`. */
  readonly columns: ColumnMap;
}

/** Redacts `text`, a script, a module definition or a T-SQL fragment. */
export function redactCode(text: string, context: CodeContext): RedactedCode {
  const out = new ColumnMapBuilder();
  const { tokens } = lex(text);
  writeTokens(tokens, text, context, out, false);
  return out.finish();
}

/** Redacts `text` and returns the text alone, for inventory fields that contain T-SQL. */
export function redactCodeText(text: string, context: CodeContext): string {
  return redactCode(text, context).text;
}

/**
 * Writes the redaction of `tokens`. `nested` is true inside a string that
 * contains dynamic SQL, whose quotes are doubled, so a replacement there must
 * keep the quotes paired.
 */
function writeTokens(
  tokens: readonly Token[],
  source: string,
  context: CodeContext,
  out: ColumnMapBuilder,
  nested: boolean,
): void {
  let previous: Token | undefined;
  let beforePrevious: Token | undefined;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === TokenKind.EndOfInput) {
      return;
    }

    if (!nested && isQuotedString(token)) {
      const inner = innerTokens(token, source);
      if (containsCode(inner, context)) {
        writeNestedString(token, inner, source, context, out);
        beforePrevious = previous;
        previous = token;
        continue;
      }
    }

    const replacement =
      token.kind === TokenKind.Word
        ? wordReplacement(token.text, token.value, context, {
            previous,
            beforePrevious,
            next: nextSignificant(tokens, i + 1),
          })
        : replacementOf(token, context, nested);
    out.token(token.line, token.column, replacement);

    if (!isTrivia(token.kind)) {
      beforePrevious = previous;
      previous = token;
    }
  }
}

function nextSignificant(tokens: readonly Token[], from: number): Token | undefined {
  for (let i = from; i < tokens.length; i++) {
    if (!isTrivia(tokens[i]!.kind)) {
      return tokens[i];
    }
  }
  return undefined;
}

function replacementOf(token: Token, context: CodeContext, nested: boolean): string {
  const text = token.text;
  switch (token.kind) {
    case TokenKind.Whitespace:
      return text;
    case TokenKind.LineComment:
      return "--";
    case TokenKind.BlockComment:
      return `/*${lineBreaks(text)}${isUnterminated(token) ? "" : "*/"}`;
    case TokenKind.QuotedIdentifier:
      return quotedIdentifier(token, context);
    case TokenKind.Variable:
      return text === "@" ? text : context.namer.name(text, "variable");
    case TokenKind.SystemVariable:
      return text;
    case TokenKind.String:
    case TokenKind.NString:
      return nested ? pairedQuotes(text) : stringPlaceholder(token, context);
    case TokenKind.Integer:
      return "0";
    case TokenKind.Decimal:
      return "0.0";
    case TokenKind.Float:
      return "0E0";
    case TokenKind.Money:
      return `${String.fromCodePoint(text.codePointAt(0)!)}0`;
    case TokenKind.Binary:
      return "0x00";
    case TokenKind.SqlcmdVariable:
      return context.namer.name(`$(${token.value})`, "variable");
    case TokenKind.Invalid:
      return /[\p{L}\p{N}]/u.test(text) ? "?" : text;
    default:
      return text;
  }
}

/** The significant tokens around a word, which tell a name from a keyword. */
export interface WordSurroundings {
  readonly previous?: Token | undefined;
  readonly beforePrevious?: Token | undefined;
  readonly next?: Token | undefined;
}

/**
 * Words after AS that are keywords rather than aliases: `EXECUTE AS
 * OWNER`, `GENERATED ALWAYS AS ROW START`, `CREATE TABLE ... AS NODE`, and
 * statements a module body may start with.
 */
const AFTER_AS_KEYWORDS: ReadonlySet<string> = new Set([
  "NODE", "EDGE", "ROW", "OWNER", "CALLER", "SELF", "LOGIN", "SNAPSHOT", "FILETABLE",
  "PARTITION", "THROW", "SEND", "RECEIVE", "GET", "MOVE", "ENABLE", "DISABLE",
]);

/**
 * Keeps a reserved keyword always: unquoted, it cannot be a name. Other
 * words are kept when they are built-in names or T-SQL words, unless
 * their place makes them names: after a dot (`o.Total`), before a dot
 * (`Status.Code`) or as an alias after AS (`AS Total`). A word that the
 * objects, inventory or server use as a name is replaced everywhere.
 *
 * NOTE: a bare column named like a non-reserved keyword (`SELECT Total`)
 * stays when no structured part lists it; only a parser could tell.
 */
export function wordReplacement(
  text: string,
  upper: string,
  context: CodeContext,
  around: WordSurroundings = {},
): string {
  const { namer, vocabulary } = context;

  if (text.startsWith("#")) {
    return /^#+$/.test(text) ? text : namer.name(text, "temp");
  }
  if (text.startsWith("$")) {
    return vocabulary.isSqlWord(upper) ? text : namer.name(text, "name");
  }
  if (vocabulary.isReserved(upper) || isBuiltInName(text)) {
    return text;
  }
  if (!namer.isKnown(text) && vocabulary.isSqlWord(upper) && isKeywordPlace(upper, around, context)) {
    return text;
  }
  return namer.name(text, "name");
}

function isKeywordPlace(upper: string, around: WordSurroundings, context: CodeContext): boolean {
  const { previous, beforePrevious, next } = around;

  if (previous?.kind === TokenKind.Dot) {
    const owner = beforePrevious === undefined ? "" : nameOf(beforePrevious);
    // sys.objects, INFORMATION_SCHEMA.TABLES, msdb.dbo.sysjobs: system objects.
    if (/^(sys|information_schema)$/i.test(owner) || (/^dbo$/i.test(owner) && /^(sys|sp_|xp_)/i.test(upper))) {
      return true;
    }
    // @x.value(...), c.Shape.STDistance(...): a method, unless the owner
    // is a schema, as in dbo.Format(...), which calls a user function.
    return (
      next?.kind === TokenKind.LeftParen &&
      !isBuiltInName(owner) &&
      !context.namer.isQualifier(owner)
    );
  }
  if (next?.kind === TokenKind.Dot) {
    return false;
  }
  if (previous?.kind === TokenKind.Word && previous.value === "AS") {
    return context.vocabulary.isDataType(upper) || AFTER_AS_KEYWORDS.has(upper);
  }
  return true;
}

function nameOf(token: Token): string {
  return token.kind === TokenKind.QuotedIdentifier ? token.value : token.text;
}

/**
 * Replaces the name in `[name]` or `"name"`. A name with dots that is not
 * known whole is replaced part by part, as `[a.b]` in dynamic SQL often
 * stands for two names.
 */
function quotedIdentifier(token: Token, context: CodeContext): string {
  const text = token.text;
  const value = token.value;
  if (isBuiltInName(value)) {
    return text;
  }

  const open = text[0]!;
  const close = open === "[" ? "]" : '"';
  const name =
    value.includes(".") && !context.namer.isKnown(value)
      ? value
          .split(".")
          .map((part) => context.namer.name(part, "name"))
          .join(".")
      : context.namer.name(value, "name");
  return `${open}${name}${lineBreaks(value)}${isUnterminated(token) ? "" : close}`;
}

/**
 * Replaces a string literal with `'str'` (or `N'str'`), keeping its line
 * breaks. Empty strings and values the catalog lists as details, such as
 * the `'MD5'` of HASHBYTES, stay as written, so the code still shows the
 * construct a finding is about.
 */
function stringPlaceholder(token: Token, context: CodeContext): string {
  const text = token.text;
  const prefix = quotePrefix(text);
  if (token.value === "" || context.vocabulary.isCatalogValue(token.value)) {
    return text;
  }

  const quote = prefix[prefix.length - 1]!;
  return `${prefix}str${lineBreaks(token.value)}${isUnterminated(token) ? "" : quote}`;
}

/**
 * Masks a string inside dynamic SQL, where the quotes are doubled: runs of
 * other characters become `x`, so the quotes stay paired and the outer
 * string still ends where it did.
 */
function pairedQuotes(text: string): string {
  const prefix = /^[Nn]/.test(text) ? text[0]! : "";
  return prefix + text.slice(prefix.length).replace(/[^'"\r\n]+/g, "x");
}

function isQuotedString(token: Token): boolean {
  return (
    (token.kind === TokenKind.String || token.kind === TokenKind.NString) &&
    quotePrefix(token.text).endsWith("'")
  );
}

/** `'`, `"`, `N'` or `n'`: the characters before a string's content. */
function quotePrefix(text: string): string {
  return /^[Nn]'/.test(text) ? text.slice(0, 2) : text.slice(0, 1);
}

/** Lexes the content of a string literal in place, so its tokens keep their positions. */
function innerTokens(token: Token, source: string): Token[] {
  const prefix = quotePrefix(token.text).length;
  const end = isUnterminated(token) ? token.end : token.end - 1;
  return lex(source, {
    start: token.start + prefix,
    end,
    line: token.line,
    column: token.column + prefix,
  }).tokens;
}

/**
 * Tells whether a string contains code rather than data: it starts with a
 * reserved keyword (`'SELECT ...'`, `' FROM ' + @t`), or it is made of
 * names alone and one of them is known (`OBJECT_ID('Sales.Orders')`).
 */
function containsCode(tokens: readonly Token[], context: CodeContext): boolean {
  const significant = tokens.filter(
    (t) =>
      t.kind !== TokenKind.Whitespace &&
      t.kind !== TokenKind.LineComment &&
      t.kind !== TokenKind.BlockComment &&
      t.kind !== TokenKind.EndOfInput,
  );
  const first = significant[0];
  if (first === undefined) {
    return false;
  }
  if (first.kind === TokenKind.Word && context.vocabulary.isReserved(first.value)) {
    return true;
  }

  const namesOnly = significant.every(
    (t) => t.kind === TokenKind.Word || t.kind === TokenKind.QuotedIdentifier || t.kind === TokenKind.Dot,
  );
  return (
    namesOnly &&
    significant.some(
      (t) =>
        (t.kind === TokenKind.Word && context.namer.isKnown(t.text)) ||
        (t.kind === TokenKind.QuotedIdentifier && context.namer.isKnown(t.value)),
    )
  );
}

/** Writes a string that contains code: its quotes, and its content redacted as code. */
function writeNestedString(
  token: Token,
  inner: readonly Token[],
  source: string,
  context: CodeContext,
  out: ColumnMapBuilder,
): void {
  const prefix = quotePrefix(token.text);
  out.token(token.line, token.column, prefix);
  writeTokens(inner, source, context, out, true);
  if (!isUnterminated(token)) {
    out.write(prefix[prefix.length - 1]!);
  }
}

function isUnterminated(token: Token): boolean {
  return (token.flags & TokenFlags.Unterminated) !== 0;
}

/** Returns the line breaks of `text`, in order, as written. */
function lineBreaks(text: string): string {
  return text.match(/\r\n|\r|\n/g)?.join("") ?? "";
}
