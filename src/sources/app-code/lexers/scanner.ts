/**
 * The parts the application-code lexers share: a cursor that counts lines
 * as it moves, comment skipping, and building a string's decoded value run
 * by run, so that each character keeps its source line and column.
 */

import { MappedText } from "../mapped-text.js";
import type { CodeToken, CodeTokenKind } from "../tokens.js";

const LF = 10;
const CR = 13;

/** Result of decoding one escape sequence: the characters and the source length. */
export interface Escape {
  readonly value: string;
  readonly length: number;
}

export class SourceScanner {
  readonly text: string;
  pos = 0;
  line = 1;
  /** Offset of column 1 of the current line. */
  lineStart = 0;
  tokens: CodeToken[] = [];

  constructor(text: string) {
    this.text = text;
  }

  get column(): number {
    return this.pos - this.lineStart + 1;
  }

  get atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  code(offset = 0): number {
    return this.text.charCodeAt(this.pos + offset);
  }

  startsWith(prefix: string): boolean {
    return this.text.startsWith(prefix, this.pos);
  }

  /** Moves to `to`, counting the line breaks passed; CRLF counts once. */
  advance(to: number): void {
    const end = Math.min(to, this.text.length);
    for (let i = this.pos; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === LF || (c === CR && this.text.charCodeAt(i + 1) !== LF)) {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    this.pos = end;
  }

  /** Skips spaces, tabs and line breaks; returns whether a line break was passed. */
  skipWhitespace(): boolean {
    const line = this.line;
    let at = this.pos;
    while (at < this.text.length) {
      const c = this.text.charCodeAt(at);
      if (c === 32 || c === 9 || c === LF || c === CR || c === 12 || c === 11 || c === 0xfeff || c === 0xa0) {
        at++;
      } else {
        break;
      }
    }
    this.advance(at);
    return this.line !== line;
  }

  /** Skips to the end of the line, leaving the line break. */
  skipLine(): void {
    let at = this.pos;
    while (at < this.text.length) {
      const c = this.text.charCodeAt(at);
      if (c === LF || c === CR) {
        break;
      }
      at++;
    }
    this.pos = at;
  }

  /** Skips a `/* ... *\/` comment; an unterminated one runs to the end. */
  skipBlockComment(): void {
    const close = this.text.indexOf("*/", this.pos + 2);
    this.advance(close < 0 ? this.text.length : close + 2);
  }

  /** Consumes an identifier of ASCII letters, digits, `_`, `$` or non-ASCII characters. */
  scanWordEnd(from: number, dollar: boolean): number {
    let at = from;
    while (at < this.text.length) {
      const c = this.text.charCodeAt(at);
      if (isWordPart(c) || (dollar && c === 36)) {
        at++;
      } else {
        break;
      }
    }
    return at;
  }

  push(kind: CodeTokenKind, text: string, line: number, column: number): void {
    this.tokens.push({ kind, text, line, column });
  }

  pushString(value: MappedText, line: number, column: number, interpolated: boolean): void {
    this.tokens.push({ kind: "string", text: "", line, column, endLine: this.line, value, interpolated });
  }

  /**
   * Reads a string that ends at `quote` on the same line, with backslash
   * escapes that `escape` decodes at the cursor. An unterminated string
   * runs to the end of the line.
   */
  scanLineString(quote: number, escape: () => Escape): void {
    const line = this.line;
    const column = this.column;
    this.advance(this.pos + 1);
    const b = new ValueBuilder(this);
    while (!this.atEnd) {
      const c = this.code();
      if (c === quote) {
        b.flush();
        this.advance(this.pos + 1);
        this.pushString(b.value, line, column, false);
        return;
      }
      if (c === 10 || c === 13) {
        break;
      }
      if (c === 92) {
        const decoded = escape();
        b.replace(decoded.value, decoded.length);
      } else {
        this.advance(this.pos + 1);
      }
    }
    b.flush();
    this.pushString(b.value, line, column, false);
  }

  /** Skips a character literal such as `'"'` or `'\''`, which never contains SQL. */
  skipCharLiteral(): void {
    const line = this.line;
    const column = this.column;
    let at = this.pos + 1;
    while (at < this.text.length) {
      const c = this.text.charCodeAt(at);
      if (c === 92) {
        at += 2;
      } else if (c === 39 || c === 10 || c === 13) {
        at += c === 39 ? 1 : 0;
        break;
      } else {
        at++;
      }
    }
    this.advance(at);
    this.push("other", "", line, column);
  }

  /** Emits punctuation at the cursor, taking the longest of `operators` that matches. */
  pushPunct(operators: readonly string[]): void {
    const line = this.line;
    const column = this.column;
    for (const op of operators) {
      if (this.startsWith(op)) {
        this.push("punct", op, line, column);
        this.advance(this.pos + op.length);
        return;
      }
    }
    this.push("punct", this.text[this.pos]!, line, column);
    this.advance(this.pos + 1);
  }

  /** Skips a number: digits, letters, `.`, `_` and an exponent sign. */
  skipNumber(): void {
    const line = this.line;
    const column = this.column;
    let at = this.pos;
    while (at < this.text.length) {
      const c = this.text.charCodeAt(at);
      const previous = this.text.charCodeAt(at - 1);
      const sign = (c === 43 || c === 45) && (previous === 101 || previous === 69) && at > this.pos;
      if (isWordPart(c) || c === 46 || sign) {
        at++;
      } else {
        break;
      }
    }
    this.advance(at);
    this.push("other", "", line, column);
  }
}

/**
 * Builds a string's value: source characters are added in runs, and an
 * escape sequence is added as its decoded characters at its own position.
 */
export class ValueBuilder {
  readonly value = new MappedText();
  readonly #scanner: SourceScanner;
  #runStart: number;
  #runLine: number;
  #runColumn: number;

  constructor(scanner: SourceScanner) {
    this.#scanner = scanner;
    this.#runStart = scanner.pos;
    this.#runLine = scanner.line;
    this.#runColumn = scanner.column;
  }

  /** Adds the source characters from the run's start to the cursor. */
  flush(): void {
    const s = this.#scanner;
    if (s.pos > this.#runStart) {
      this.value.appendSource(s.text.slice(this.#runStart, s.pos), this.#runLine, this.#runColumn);
    }
    this.restart();
  }

  /** Starts the next run at the cursor without adding anything. */
  restart(): void {
    const s = this.#scanner;
    this.#runStart = s.pos;
    this.#runLine = s.line;
    this.#runColumn = s.column;
  }

  /** Adds `text` for the source characters from the cursor to `length` further, and moves past them. */
  replace(text: string, length: number): void {
    const s = this.#scanner;
    this.flush();
    this.value.appendAt(text, s.line, s.column);
    s.advance(s.pos + length);
    this.restart();
  }
}

export function isWordPart(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || (c > 127 && c !== 0xfeff && c !== 0xa0 && c !== 0x2028 && c !== 0x2029)
  );
}

export function isWordStart(c: number): boolean {
  return isWordPart(c) && !(c >= 48 && c <= 57);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Reads `count` hexadecimal digits at `at` at most, as many as there are when `exact` is false. */
export function readHex(text: string, at: number, count: number, exact: boolean): Escape | undefined {
  let end = at;
  while (end < at + count && end < text.length && /[0-9a-fA-F]/.test(text[end]!)) {
    end++;
  }
  if (end === at || (exact && end - at !== count)) {
    return undefined;
  }
  const codePoint = Number.parseInt(text.slice(at, end), 16);
  if (codePoint > 0x10ffff) {
    return undefined;
  }
  return { value: String.fromCodePoint(codePoint), length: end - at };
}

/** Decodes the simple one-letter escapes that C-family languages share. */
export const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: "\n",
  r: "\r",
  t: "\t",
  b: "\b",
  f: "\f",
  v: "\v",
  "0": "\0",
  "\\": "\\",
  "'": "'",
  '"': '"',
};
