/**
 * The parser's token cursor and the helpers every production uses: token
 * tests, node stamping, identifiers, names, data types and errors.
 * Productions live in one file per statement family and take a Parser.
 */

import type { Diagnostic, Severity } from "../diagnostics.js";
import { COLUMN_NAME_KEYWORDS, isReservedKeyword } from "../lexer/keywords.js";
import { Token, TokenFlags, TokenKind } from "../lexer/token.js";
import type {
  DataType,
  Fields,
  Identifier,
  Node,
  Position,
  SchemaObjectName,
} from "../ast/node.js";
import { ParseAbort, ParseErrors, formatAlternatives } from "./parse-error.js";

/** Index of the token a node starts at; see Parser.mark and Parser.finish. */
export type Mark = number;

export interface ParserOptions {
  readonly file?: string;
  /** Nesting limit for expressions, queries and blocks; default 200. */
  readonly maxDepth?: number;
}

const EMPTY: readonly never[] = Object.freeze([]);

export class Parser {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly diagnostics: Diagnostic[] = [];
  readonly file: string | undefined;
  readonly maxDepth: number;
  pos = 0;
  depth = 0;
  /** True while parsing the first statement of a batch, where EXEC is optional. */
  atBatchStart = true;
  /** Upper-case names of the `@@` variables read so far; see batch-facts.ts. */
  systemVariables: Set<string> | undefined = undefined;

  /** `tokens` must hold significant tokens only, ending with EndOfInput. */
  constructor(text: string, tokens: readonly Token[], options: ParserOptions = {}) {
    this.text = text;
    this.tokens = tokens;
    this.file = options.file;
    this.maxDepth = options.maxDepth ?? 200;
  }

  noteSystemVariable(name: string): void {
    this.systemVariables ??= new Set();
    this.systemVariables.add(name);
  }

  // Token tests. They never consume.

  peek(offset = 0): Token {
    const i = this.pos + offset;
    return this.tokens[i < this.tokens.length ? i : this.tokens.length - 1]!;
  }

  get token(): Token {
    return this.tokens[this.pos]!;
  }

  atEnd(): boolean {
    return this.tokens[this.pos]!.kind === TokenKind.EndOfInput;
  }

  isKind(kind: TokenKind, offset = 0): boolean {
    return this.peek(offset).kind === kind;
  }

  /** True when the token at `offset` is the unquoted word `upper`. */
  isWord(upper: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === TokenKind.Word && t.value === upper;
  }

  /** True when the next tokens are the given unquoted words, in order. */
  isWords(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) {
      if (!this.isWord(words[i]!, i)) {
        return false;
      }
    }
    return true;
  }

  isAnyWord(words: ReadonlySet<string>, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === TokenKind.Word && words.has(t.value);
  }

  /** Upper-case word at `offset`, or undefined when the token is not a word. */
  wordAt(offset = 0): string | undefined {
    const t = this.peek(offset);
    return t.kind === TokenKind.Word ? t.value : undefined;
  }

  /** True when the token can be an identifier: a quoted name or an unreserved word. */
  isIdentifier(offset = 0): boolean {
    const t = this.peek(offset);
    if (t.kind === TokenKind.QuotedIdentifier) {
      return true;
    }
    return t.kind === TokenKind.Word && (!isReservedKeyword(t.value) || COLUMN_NAME_KEYWORDS.has(t.value));
  }

  /**
   * True when the token can name a local variable being declared or
   * assigned: `@name`, or `@@name`, which SQL Server also accepts for
   * local variables and parameters (the ASP.NET session state scripts
   * declare `@@ver`).
   */
  isVariableName(offset = 0): boolean {
    const kind = this.peek(offset).kind;
    return kind === TokenKind.Variable || kind === TokenKind.SystemVariable;
  }

  afterNewline(offset = 0): boolean {
    return (this.peek(offset).flags & TokenFlags.AfterNewline) !== 0;
  }

  // Consuming.

  advance(): Token {
    const t = this.tokens[this.pos]!;
    if (t.kind !== TokenKind.EndOfInput) {
      this.pos++;
    }
    return t;
  }

  eat(kind: TokenKind): Token | undefined {
    return this.isKind(kind) ? this.advance() : undefined;
  }

  eatWord(upper: string): boolean {
    if (this.isWord(upper)) {
      this.pos++;
      return true;
    }
    return false;
  }

  /** Consumes the words only when all of them follow, in order. */
  eatWords(...words: string[]): boolean {
    if (!this.isWords(...words)) {
      return false;
    }
    this.pos += words.length;
    return true;
  }

  expect(kind: TokenKind, description: string): Token {
    if (!this.isKind(kind)) {
      this.fail(description);
    }
    return this.advance();
  }

  expectWord(upper: string): Token {
    if (!this.isWord(upper)) {
      this.fail(upper);
    }
    return this.advance();
  }

  expectWords(...words: string[]): void {
    for (const word of words) {
      this.expectWord(word);
    }
  }

  /** Consumes and returns whichever of `words` comes next. */
  expectOneOf(words: readonly string[]): string {
    const word = this.wordAt();
    if (word === undefined || !words.includes(word)) {
      this.fail(formatAlternatives(words));
    }
    this.pos++;
    return word;
  }

  // Nodes.

  mark(): Mark {
    return this.pos;
  }

  /**
   * Stamps `fields` with the range from the token at `mark` to the last
   * consumed one. Adding four properties to a finished literal is the
   * costliest step of building a node. The most frequent kinds
   * (identifiers, names, column and variable references, literals) are
   * therefore built with their position in the literal, using `endAt`.
   */
  finish<T extends Node>(mark: Mark, fields: Fields<T>): T;
  finish<const F extends { readonly kind: string }>(mark: Mark, fields: F): F & Position;
  finish<T extends Node>(mark: Mark, fields: Fields<T>): T {
    const first = this.tokens[mark]!;
    const last = this.pos > mark ? this.tokens[this.pos - 1]! : first;
    const node = fields as T & { start: number; end: number; line: number; column: number };
    node.start = first.start;
    node.end = this.pos > mark ? last.end : first.start;
    node.line = first.line;
    node.column = first.column;
    return node;
  }

  /** End offset of a node that started at `mark`, as `finish` stamps it. */
  endAt(mark: Mark): number {
    return this.pos > mark ? this.tokens[this.pos - 1]!.end : this.tokens[mark]!.start;
  }

  /** Source text from the token at `mark` to the last consumed one. */
  textFrom(mark: Mark): string {
    if (this.pos <= mark) {
      return "";
    }
    return this.text.slice(this.tokens[mark]!.start, this.tokens[this.pos - 1]!.end);
  }

  // Errors.

  /** Abandons the current statement: expected `expected`, found the current token. */
  fail(expected: string): never {
    const found = this.describe(this.token);
    throw new ParseAbort(
      ParseErrors.unexpectedToken.code,
      ParseErrors.unexpectedToken.message(found, expected),
      this.pos,
    );
  }

  /** Records a diagnostic at a token without abandoning the statement. */
  report(code: string, message: string, token: Token = this.token, severity: Severity = "error"): void {
    this.diagnostics.push({
      code,
      severity,
      message,
      start: token.start,
      end: token.end,
      line: token.line,
      column: token.column,
      ...(this.file === undefined ? {} : { file: this.file }),
    });
  }

  describe(t: Token): string {
    if (t.kind === TokenKind.EndOfInput) {
      return "the end of the batch";
    }
    const text = t.text.length > 40 ? `${t.text.slice(0, 37)}...` : t.text;
    return `'${text.replace(/\s+/g, " ")}'`;
  }

  /** Counts one level of nesting; abandons the statement past maxDepth. */
  enter(): void {
    if (++this.depth > this.maxDepth) {
      throw new ParseAbort(
        ParseErrors.tooDeep.code,
        ParseErrors.tooDeep.message(this.maxDepth),
        this.pos,
      );
    }
  }

  leave(): void {
    this.depth--;
  }

  // Names.

  parseIdentifier(what = "an identifier"): Identifier {
    if (!this.isIdentifier()) {
      this.fail(what);
    }
    return this.identifierFromToken();
  }

  /**
   * Reads any word or quoted name as an identifier, reserved or not. Used
   * after a dot and in option lists, where SQL Server accepts keywords.
   */
  parseName(what = "a name"): Identifier {
    const t = this.token;
    if (t.kind !== TokenKind.Word && t.kind !== TokenKind.QuotedIdentifier) {
      this.fail(what);
    }
    return this.identifierFromToken();
  }

  private identifierFromToken(): Identifier {
    const t = this.advance();
    let quote: Identifier["quote"] = "none";
    let value: string;
    if (t.kind === TokenKind.QuotedIdentifier) {
      quote = t.text.charCodeAt(0) === 91 ? "bracket" : "double";
      value = t.value;
    } else {
      value = t.text;
    }
    return {
      kind: "Identifier",
      value,
      quote,
      start: t.start,
      end: t.end,
      line: t.line,
      column: t.column,
    };
  }

  /** Reads `[[[server.]database.]schema.]name`, allowing empty middle parts. */
  parseSchemaObjectName(what = "an object name"): SchemaObjectName {
    const mark = this.pos;
    const parts: (Identifier | null)[] = [];
    if (this.isKind(TokenKind.Dot)) {
      parts.push(null);
    } else {
      parts.push(this.parseIdentifierOrNameAfterDot(what, false));
    }

    while (this.isKind(TokenKind.Dot) && parts.length < 4) {
      this.pos++;
      if (this.isKind(TokenKind.Dot)) {
        parts.push(null);
        continue;
      }
      parts.push(this.parseIdentifierOrNameAfterDot(what, true));
    }

    const name = parts[parts.length - 1];
    if (!name) {
      this.fail(what);
    }
    const first = this.tokens[mark]!;
    return buildName(parts, name, first.start, this.endAt(mark), first.line, first.column);
  }

  private parseIdentifierOrNameAfterDot(what: string, afterDot: boolean): Identifier {
    return afterDot ? this.parseName(what) : this.parseIdentifier(what);
  }

  /**
   * Reads a data type: `int`, `varchar(max)`, `decimal(18, 2)`,
   * `dbo.MyType`, `double precision`, `national character varying(10)`,
   * `xml(CONTENT dbo.Schemas)`.
   */
  parseDataType(): DataType {
    const mark = this.pos;
    const name = this.parseDataTypeName();
    const parameters: string[] = [];
    let xmlSchemaCollection: SchemaObjectName | undefined;
    let xmlDocument: boolean | undefined;

    if (this.eat(TokenKind.LeftParen)) {
      if (name.name.value.toUpperCase() === "XML" && !this.isKind(TokenKind.Integer)) {
        if (this.eatWord("DOCUMENT")) {
          xmlDocument = true;
        } else if (this.eatWord("CONTENT")) {
          xmlDocument = false;
        }
        xmlSchemaCollection = this.parseSchemaObjectName("an XML schema collection");
      } else {
        do {
          parameters.push(this.parseTypeParameter());
        } while (this.eat(TokenKind.Comma));
      }
      this.expect(TokenKind.RightParen, "')'");
    }

    // Built with the position in the literal, like other frequent nodes;
    // see `finish`.
    const { start, line, column } = this.tokens[mark]!;
    const end = this.endAt(mark);
    if (xmlSchemaCollection === undefined) {
      return { kind: "DataType", name, parameters, start, end, line, column };
    }
    if (xmlDocument === undefined) {
      return { kind: "DataType", name, parameters, xmlSchemaCollection, start, end, line, column };
    }
    return { kind: "DataType", name, parameters, xmlSchemaCollection, xmlDocument, start, end, line, column };
  }

  private parseDataTypeName(): SchemaObjectName {
    const mark = this.pos;
    const words = multiWordType(this);
    if (words === undefined) {
      return this.parseSchemaObjectName("a data type");
    }

    const value = words.join(" ");
    const identifier = this.finish<Identifier>(mark, { kind: "Identifier", value, quote: "none" });
    return this.finish<SchemaObjectName>(mark, {
      kind: "SchemaObjectName",
      name: identifier,
      partCount: 1,
    });
  }

  private parseTypeParameter(): string {
    const t = this.token;
    if (t.kind === TokenKind.Word && t.value === "MAX") {
      this.pos++;
      return "MAX";
    }
    if (t.kind === TokenKind.Minus && this.peek(1).kind === TokenKind.Integer) {
      this.pos += 2;
      return `-${this.peek(-1).text}`;
    }
    if (t.kind === TokenKind.Integer || t.kind === TokenKind.Decimal) {
      this.pos++;
      return t.text;
    }
    return this.fail("a length, precision or MAX");
  }

  /** Skips a parenthesised group, nested parentheses included, and returns its text. */
  skipParenthesized(): string {
    const mark = this.pos;
    this.expect(TokenKind.LeftParen, "'('");
    let depth = 1;
    while (depth > 0) {
      const t = this.advance();
      if (t.kind === TokenKind.EndOfInput) {
        this.fail("')'");
      }
      if (t.kind === TokenKind.LeftParen) {
        depth++;
      } else if (t.kind === TokenKind.RightParen) {
        depth--;
      }
    }
    return this.textFrom(mark);
  }

  /** Reads a comma-separated list with at least one item. */
  parseCommaList<T>(item: () => T): T[] {
    const items = [item()];
    while (this.eat(TokenKind.Comma)) {
      items.push(item());
    }
    return items;
  }

  static readonly empty = EMPTY;
}

/**
 * Multi-word spellings of system types. Returns the words after consuming
 * them, or undefined when the type is a single (possibly qualified) name.
 */
function multiWordType(p: Parser): string[] | undefined {
  const first = p.wordAt();
  const second = p.wordAt(1);
  if (first === undefined || second === undefined) {
    return undefined;
  }

  const candidates: readonly (readonly string[])[] = [
    ["NATIONAL", "CHARACTER", "VARYING"],
    ["NATIONAL", "CHAR", "VARYING"],
    ["NATIONAL", "CHARACTER"],
    ["NATIONAL", "CHAR"],
    ["NATIONAL", "TEXT"],
    ["CHARACTER", "VARYING"],
    ["CHAR", "VARYING"],
    ["BINARY", "VARYING"],
    ["DOUBLE", "PRECISION"],
  ];
  for (const words of candidates) {
    if (p.eatWords(...words)) {
      return [...words];
    }
  }
  return undefined;
}

/**
 * Builds a name node with its position. One literal per part count, in
 * place of conditional spreads, keeps this hot path free of temporary
 * objects.
 */
function buildName(
  parts: readonly (Identifier | null)[],
  name: Identifier,
  start: number,
  end: number,
  line: number,
  column: number,
): SchemaObjectName {
  switch (parts.length) {
    case 1:
      return { kind: "SchemaObjectName", name, partCount: 1, start, end, line, column };
    case 2:
      return {
        kind: "SchemaObjectName",
        schema: parts[0] ?? null,
        name,
        partCount: 2,
        start,
        end,
        line,
        column,
      };
    case 3:
      return {
        kind: "SchemaObjectName",
        database: parts[0] ?? null,
        schema: parts[1] ?? null,
        name,
        partCount: 3,
        start,
        end,
        line,
        column,
      };
    default:
      return {
        kind: "SchemaObjectName",
        server: parts[0] ?? null,
        database: parts[1] ?? null,
        schema: parts[2] ?? null,
        name,
        partCount: 4,
        start,
        end,
        line,
        column,
      };
  }
}
