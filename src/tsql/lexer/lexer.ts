/**
 * Lossless T-SQL lexer. Every character of the input belongs to exactly one
 * token, unless the caller turns trivia off. Problems such as an
 * unterminated string are reported as diagnostics and flags on the token,
 * never thrown.
 */

import type { Diagnostic } from "../diagnostics.js";
import { SourceToken, Token, TokenFlags, TokenKind, isTrivia } from "./token.js";
import {
  isCurrencySymbol,
  isIdentifierPart,
  isIdentifierStart,
  isWhitespace,
} from "./characters.js";
import { hashStep, upperCaseAsciiWord, upperCaseWord } from "./word-values.js";

export interface LexOptions {
  /** First offset to lex; defaults to 0. */
  readonly start?: number;
  /** Offset to stop at; defaults to the end of the text. */
  readonly end?: number;
  /** 1-based line and column of `start`; default 1 and 1. */
  readonly line?: number;
  readonly column?: number;
  /** QUOTED_IDENTIFIER setting: ON makes `"x"` an identifier, OFF a string. */
  readonly quotedIdentifier?: boolean;
  /** File name stamped on diagnostics. */
  readonly file?: string;
  /**
   * Added to every token offset, for text that stands for a range of a
   * larger text: a batch whose sqlcmd lines were blanked out lexes on its
   * own but reports offsets into the whole script.
   */
  readonly baseOffset?: number;
  /**
   * Return whitespace and comment tokens too; default true. The parser
   * turns this off because it reads significant tokens only.
   */
  readonly trivia?: boolean;
}

export interface LexResult {
  /** All tokens (trivia too unless turned off), ending with one EndOfInput token. */
  readonly tokens: Token[];
  readonly diagnostics: Diagnostic[];
}

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_DOUBLE_QUOTE = 34;
const CH_HASH = 35;
const CH_DOLLAR = 36;
const CH_QUOTE = 39;
const CH_STAR = 42;
const CH_MINUS = 45;
const CH_DOT = 46;
const CH_SLASH = 47;
const CH_0 = 48;
const CH_9 = 57;
const CH_EQUALS = 61;
const CH_AT = 64;
const CH_LEFT_BRACKET = 91;
const CH_RIGHT_BRACKET = 93;

function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Splits `text` (or the range `start`..`end` of it) into tokens. */
export function lex(text: string, options: LexOptions = {}): LexResult {
  return new Lexer(text, options).run();
}

/**
 * The tokens of a range, lexed on demand: `at(i)` lexes only as far as
 * token `i`. The tokens are the same as `lex` gives, so a search near the
 * start of a long range lexes only that far, and later searches of the
 * same range reuse what was lexed.
 */
export class LazyTokens {
  private readonly lexer: Lexer;

  constructor(text: string, options: LexOptions = {}) {
    this.lexer = new Lexer(text, options);
  }

  /** Returns the token at index `i`, lexing up to it, or undefined past the EndOfInput token. */
  at(i: number): Token | undefined {
    return this.lexer.tokenAt(i);
  }
}

class Lexer {
  private readonly text: string;
  private readonly end: number;
  private readonly quotedIdentifier: boolean;
  private readonly file: string | undefined;
  private readonly baseOffset: number;
  private readonly trivia: boolean;
  private pos: number;
  private line: number;
  /** Offset that column 1 of the current line corresponds to. */
  private lineStart: number;
  private afterNewline = false;
  /** Whether the EndOfInput token was pushed, for lexing on demand. */
  private finished = false;
  private readonly tokens: Token[] = [];
  private readonly diagnostics: Diagnostic[] = [];

  constructor(text: string, options: LexOptions) {
    this.text = text;
    this.pos = options.start ?? 0;
    this.end = Math.min(options.end ?? text.length, text.length);
    this.line = options.line ?? 1;
    this.lineStart = this.pos - ((options.column ?? 1) - 1);
    this.quotedIdentifier = options.quotedIdentifier ?? true;
    this.file = options.file;
    this.baseOffset = options.baseOffset ?? 0;
    this.trivia = options.trivia ?? true;
  }

  run(): LexResult {
    while (this.pos < this.end) {
      this.next();
    }

    this.push(TokenKind.EndOfInput, this.end, this.line, this.end - this.lineStart + 1, "");
    return { tokens: this.tokens, diagnostics: this.diagnostics };
  }

  tokenAt(i: number): Token | undefined {
    while (i >= this.tokens.length && !this.finished) {
      if (this.pos < this.end) {
        this.next();
      } else {
        this.push(TokenKind.EndOfInput, this.end, this.line, this.end - this.lineStart + 1, "");
        this.finished = true;
      }
    }
    return this.tokens[i];
  }

  private next(): void {
    const start = this.pos;
    const line = this.line;
    const column = start - this.lineStart + 1;
    const c = this.text.charCodeAt(start);

    // ASCII letters start most tokens: a word, or `N'...'`. The tests
    // below would reach the same result for them after a dozen checks.
    const lower = c | 32;
    if (lower >= 97 && lower <= 122) {
      if (lower === 110 && this.charAt(start + 1) === CH_QUOTE) {
        this.scanQuoted(TokenKind.NString, start, line, column, CH_QUOTE, 2);
      } else {
        this.push(TokenKind.Word, start, line, column, this.scanWord(start));
      }
      return;
    }

    // Whitespace and line comments need no token when trivia is off: no
    // diagnostic points at them.
    if (isWhitespace(c)) {
      this.scanWhitespace();
      if (this.trivia) {
        this.push(TokenKind.Whitespace, start, line, column, "");
      }
      return;
    }

    if (c === CH_MINUS && this.charAt(start + 1) === CH_MINUS) {
      this.scanLineComment();
      if (this.trivia) {
        this.push(TokenKind.LineComment, start, line, column, "");
      }
      return;
    }

    if (c === CH_SLASH && this.charAt(start + 1) === CH_STAR) {
      const closed = this.scanBlockComment();
      const token = this.pushTrivia(TokenKind.BlockComment, start, line, column);
      if (!closed) {
        this.unterminated(token, "block comment", "add the closing '*/'");
      }
      return;
    }

    if (c === CH_QUOTE) {
      this.scanQuoted(TokenKind.String, start, line, column, CH_QUOTE, 1);
      return;
    }

    if ((c === 78 || c === 110) && this.charAt(start + 1) === CH_QUOTE) {
      this.scanQuoted(TokenKind.NString, start, line, column, CH_QUOTE, 2);
      return;
    }

    if (c === CH_LEFT_BRACKET) {
      this.scanQuoted(TokenKind.QuotedIdentifier, start, line, column, CH_RIGHT_BRACKET, 1);
      return;
    }

    if (c === CH_DOUBLE_QUOTE) {
      const kind = this.quotedIdentifier ? TokenKind.QuotedIdentifier : TokenKind.String;
      this.scanQuoted(kind, start, line, column, CH_DOUBLE_QUOTE, 1);
      return;
    }

    if (isDigit(c) || (c === CH_DOT && isDigit(this.charAt(start + 1)))) {
      this.scanNumber(start, line, column);
      return;
    }

    if (c === CH_AT) {
      this.scanVariable(start, line, column);
      return;
    }

    if (c === CH_DOLLAR && this.charAt(start + 1) === 40) {
      this.scanSqlcmdVariable(start, line, column);
      return;
    }

    if (isCurrencySymbol(c) && !isIdentifierStart(this.charAt(start + 1))) {
      this.scanMoney(start, line, column);
      return;
    }

    if (isIdentifierStart(c) || c === CH_DOLLAR) {
      this.push(TokenKind.Word, start, line, column, this.scanWord(start));
      return;
    }

    this.scanOperator(start, line, column, c);
  }

  private charAt(offset: number): number {
    return offset < this.end ? this.text.charCodeAt(offset) : -1;
  }

  private push(
    kind: TokenKind,
    start: number,
    line: number,
    column: number,
    value: string,
  ): Token {
    let flags = TokenFlags.None;
    if (!isTrivia(kind)) {
      if (this.afterNewline) {
        flags |= TokenFlags.AfterNewline;
      }
      this.afterNewline = false;
    }

    const token = new SourceToken(
      kind,
      start + this.baseOffset,
      this.pos + this.baseOffset,
      line,
      column,
      value,
      flags,
      this.text,
      this.baseOffset,
    );
    this.tokens.push(token);
    return token;
  }

  /**
   * Pushes a whitespace or comment token, or, when trivia is turned off,
   * only makes the token for a diagnostic to point at.
   */
  private pushTrivia(kind: TokenKind, start: number, line: number, column: number): Token {
    if (this.trivia) {
      return this.push(kind, start, line, column, "");
    }
    const base = this.baseOffset;
    return new SourceToken(kind, start + base, this.pos + base, line, column, "", 0, this.text, base);
  }

  /** Advances past one line break at `pos` if there is one. */
  private newlineAt(c: number): boolean {
    if (c === CH_LF) {
      this.pos++;
    } else if (c === CH_CR) {
      this.pos += this.charAt(this.pos + 1) === CH_LF ? 2 : 1;
    } else {
      return false;
    }

    this.line++;
    this.lineStart = this.pos;
    return true;
  }

  private scanWhitespace(): void {
    while (this.pos < this.end) {
      const c = this.text.charCodeAt(this.pos);
      if (this.newlineAt(c)) {
        this.afterNewline = true;
        continue;
      }
      if (!isWhitespace(c)) {
        return;
      }
      this.pos++;
    }
  }

  private scanLineComment(): void {
    while (this.pos < this.end) {
      const c = this.text.charCodeAt(this.pos);
      if (c === CH_LF || c === CH_CR) {
        return;
      }
      this.pos++;
    }
  }

  /** Scans a block comment; T-SQL block comments nest. */
  private scanBlockComment(): boolean {
    let depth = 0;
    while (this.pos < this.end) {
      const c = this.text.charCodeAt(this.pos);
      if (c === CH_SLASH && this.charAt(this.pos + 1) === CH_STAR) {
        depth++;
        this.pos += 2;
      } else if (c === CH_STAR && this.charAt(this.pos + 1) === CH_SLASH) {
        depth--;
        this.pos += 2;
        if (depth === 0) {
          return true;
        }
      } else if (!this.newlineAt(c)) {
        this.pos++;
      }
    }
    return false;
  }

  /**
   * Scans a string or quoted identifier whose closing delimiter is doubled
   * to include it: `'it''s'`, `[a]]b]`, `"say ""hi"""`.
   */
  private scanQuoted(
    kind: TokenKind,
    start: number,
    line: number,
    column: number,
    close: number,
    prefixLength: number,
  ): void {
    this.pos = start + prefixLength;
    let value = "";
    let segmentStart = this.pos;
    let closed = false;

    while (this.pos < this.end) {
      const c = this.text.charCodeAt(this.pos);
      if (c === close) {
        if (this.charAt(this.pos + 1) === close) {
          value += this.text.slice(segmentStart, this.pos + 1);
          this.pos += 2;
          segmentStart = this.pos;
          continue;
        }
        value += this.text.slice(segmentStart, this.pos);
        this.pos++;
        closed = true;
        break;
      }
      if (!this.newlineAt(c)) {
        this.pos++;
      }
    }

    if (!closed) {
      value += this.text.slice(segmentStart, this.pos);
    }

    const token = this.push(kind, start, line, column, value);
    if (!closed) {
      const what = kind === TokenKind.QuotedIdentifier ? "quoted identifier" : "string literal";
      const closer = String.fromCharCode(close);
      this.unterminated(token, what, `add the closing '${closer}'`);
    }
  }

  private scanDigits(): void {
    while (this.pos < this.end && isDigit(this.text.charCodeAt(this.pos))) {
      this.pos++;
    }
  }

  private scanNumber(start: number, line: number, column: number): void {
    const c = this.text.charCodeAt(start);
    const x = this.charAt(start + 1);
    if (c === CH_0 && (x === 120 || x === 88)) {
      this.pos = start + 2;
      while (this.pos < this.end && isHexDigit(this.text.charCodeAt(this.pos))) {
        this.pos++;
      }
      this.push(TokenKind.Binary, start, line, column, "");
      return;
    }

    let kind = TokenKind.Integer;
    this.scanDigits();
    if (this.charAt(this.pos) === CH_DOT) {
      kind = TokenKind.Decimal;
      this.pos++;
      this.scanDigits();
    }

    const e = this.charAt(this.pos);
    if (e === 69 || e === 101) {
      const after = this.charAt(this.pos + 1);
      const signed = after === 43 || after === CH_MINUS;
      const digitAt = signed ? this.pos + 2 : this.pos + 1;
      if (isDigit(this.charAt(digitAt))) {
        kind = TokenKind.Float;
        this.pos = digitAt;
        this.scanDigits();
      } else if (!signed && !isIdentifierPart(after)) {
        // SQL Server reads `1e` as the float 1 with an empty exponent.
        kind = TokenKind.Float;
        this.pos++;
      }
    }

    this.push(kind, start, line, column, "");
  }

  private scanMoney(start: number, line: number, column: number): void {
    this.pos = start + 1;
    this.scanDigits();
    if (this.charAt(this.pos) === CH_DOT) {
      this.pos++;
      this.scanDigits();
    }
    this.push(TokenKind.Money, start, line, column, "");
  }

  /**
   * Scans a word whose first character is known to be valid and returns
   * its upper-case value. The hash that finds the value in the word table
   * is computed in the same pass.
   */
  private scanWord(start: number): string {
    const text = this.text;
    let pos = start;
    let hash = 0;
    let ascii = true;
    while (pos < this.end) {
      const c = text.charCodeAt(pos);
      if (c < 128) {
        if (!isIdentifierPart(c) && pos > start) {
          break;
        }
        hash = hashStep(hash, c);
      } else if (isIdentifierPart(c) || pos === start) {
        ascii = false;
      } else {
        break;
      }
      pos++;
    }
    this.pos = pos;
    return ascii ? upperCaseAsciiWord(text, start, pos, hash) : text.slice(start, pos).toUpperCase();
  }

  private scanIdentifierRest(): void {
    while (this.pos < this.end && isIdentifierPart(this.text.charCodeAt(this.pos))) {
      this.pos++;
    }
  }

  private scanVariable(start: number, line: number, column: number): void {
    const system = this.charAt(start + 1) === CH_AT;
    this.pos = start + (system ? 2 : 1);
    this.scanIdentifierRest();
    const kind = system ? TokenKind.SystemVariable : TokenKind.Variable;
    this.push(kind, start, line, column, upperCaseWord(this.text, start, this.pos));
  }

  private scanSqlcmdVariable(start: number, line: number, column: number): void {
    const close = this.text.indexOf(")", start + 2);
    const lineBreak = this.text.slice(start, close < 0 ? this.end : close).search(/[\r\n]/);
    if (close < 0 || close >= this.end || lineBreak >= 0) {
      this.pos = start + 1;
      this.push(TokenKind.Invalid, start, line, column, "");
      this.report(this.tokens[this.tokens.length - 1]!, "lex.invalid-character",
        "unexpected '$': a sqlcmd variable needs the form $(name)");
      return;
    }

    this.pos = close + 1;
    const name = this.text.slice(start + 2, close).trim();
    this.push(TokenKind.SqlcmdVariable, start, line, column, name);
  }

  private scanOperator(start: number, line: number, column: number, c: number): void {
    this.pos = start + 1;
    const kind = this.operatorKind(c);
    const token = this.push(kind, start, line, column, "");
    if (kind === TokenKind.Invalid) {
      const ch = String.fromCodePoint(this.text.codePointAt(start) ?? c);
      const code = c.toString(16).toUpperCase().padStart(4, "0");
      this.report(token, "lex.invalid-character",
        `unexpected character '${ch}' (U+${code}); remove it or quote the text that contains it`);
    }
  }

  /** Decides the operator at `pos - 1` and advances past its other characters. */
  private operatorKind(c: number): TokenKind {
    const next = this.charAt(this.pos);
    switch (c) {
      case 40: return TokenKind.LeftParen;
      case 41: return TokenKind.RightParen;
      case 123: return TokenKind.LeftBrace;
      case 125: return TokenKind.RightBrace;
      case 44: return TokenKind.Comma;
      case CH_DOT: return TokenKind.Dot;
      case 59: return TokenKind.Semicolon;
      case 126: return TokenKind.Tilde;
      case CH_EQUALS: return TokenKind.Equals;
      case 58:
        if (next === 58) {
          this.pos++;
          return TokenKind.DoubleColon;
        }
        return TokenKind.Colon;
      case 43: return this.compound(next, TokenKind.Plus);
      case CH_MINUS: return this.compound(next, TokenKind.Minus);
      case CH_STAR: return this.compound(next, TokenKind.Star);
      case CH_SLASH: return this.compound(next, TokenKind.Slash);
      case 37: return this.compound(next, TokenKind.Percent);
      case 38: return this.compound(next, TokenKind.Ampersand);
      case 94: return this.compound(next, TokenKind.Caret);
      case 124:
        if (next === 124) {
          this.pos++;
          return this.compound(this.charAt(this.pos), TokenKind.Concat);
        }
        return this.compound(next, TokenKind.Pipe);
      case 60: return this.comparison({ 61: TokenKind.LessOrEqual, 62: TokenKind.NotEquals }, TokenKind.Less);
      case 62: return this.comparison({ 61: TokenKind.GreaterOrEqual }, TokenKind.Greater);
      case 33:
        return this.comparison(
          { 61: TokenKind.NotEquals, 60: TokenKind.NotLess, 62: TokenKind.NotGreater },
          TokenKind.Invalid,
        );
      default:
        if (c >= 0xd800 && c <= 0xdbff && this.pos < this.end) {
          this.pos++;
        }
        return TokenKind.Invalid;
    }
  }

  private compound(next: number, single: TokenKind): TokenKind {
    if (next === CH_EQUALS) {
      this.pos++;
      return TokenKind.CompoundAssign;
    }
    return single;
  }

  /**
   * Reads a two-character comparison whose characters SQL Server also accepts
   * with blanks between them, such as `> =` and `! <`.
   */
  private comparison(seconds: Record<number, TokenKind>, single: TokenKind): TokenKind {
    let at = this.pos;
    while (at < this.end && isBlank(this.text.charCodeAt(at))) {
      at++;
    }

    const kind = seconds[this.charAt(at)];
    if (kind === undefined) {
      return single;
    }

    for (let i = this.pos; i < at; i++) {
      this.newlineAt(this.text.charCodeAt(i));
    }
    this.pos = at + 1;
    return kind;
  }

  private unterminated(token: Token, what: string, fix: string): void {
    token.flags |= TokenFlags.Unterminated;
    this.report(token, "lex.unterminated", `unterminated ${what} starting here; ${fix}`);
  }

  private report(token: Token, code: string, message: string): void {
    this.diagnostics.push({
      code,
      severity: "error",
      message,
      start: token.start,
      end: token.end,
      line: token.line,
      column: token.column,
      ...(this.file === undefined ? {} : { file: this.file }),
    });
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === CH_TAB || c === CH_LF || c === CH_CR;
}
