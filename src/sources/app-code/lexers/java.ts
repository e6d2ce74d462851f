/**
 * Java lexer for finding SQL in string literals: strings with escapes and
 * text blocks. Character literals and comments are skipped. In a text
 * block the content starts on the line after the opening `"""`.
 * Incidental indentation (the smallest over non-blank lines and a closing
 * line of its own) and trailing spaces are removed before escapes are
 * read, and a backslash before a line break joins the lines.
 */

import type { CodeToken } from "../tokens.js";
import { isDigit, isWordStart, SIMPLE_ESCAPES, SourceScanner, ValueBuilder, type Escape } from "./scanner.js";

const OPERATORS = ["+=", "++", "->", "==", "!=", "&&", "||", "<=", ">=", "::", "-="];

export function lexJava(text: string): CodeToken[] {
  const lexer = new JavaLexer(text);
  lexer.run();
  return lexer.tokens;
}

class JavaLexer extends SourceScanner {
  run(): void {
    for (;;) {
      this.skipWhitespace();
      if (this.atEnd) {
        return;
      }
      const c = this.code();
      if (c === 47 && this.code(1) === 47) {
        this.skipLine();
      } else if (c === 47 && this.code(1) === 42) {
        this.skipBlockComment();
      } else if (c === 34 && this.startsWith('"""')) {
        this.#textBlock();
      } else if (c === 34) {
        this.scanLineString(34, () => this.#escape());
      } else if (c === 39) {
        this.skipCharLiteral();
      } else if (isWordStart(c) || c === 36) {
        const line = this.line;
        const column = this.column;
        const end = this.scanWordEnd(this.pos, true);
        this.push("word", this.text.slice(this.pos, end), line, column);
        this.advance(end);
      } else if (isDigit(c)) {
        this.skipNumber();
      } else {
        this.pushPunct(OPERATORS);
      }
    }
  }

  #textBlock(): void {
    const line = this.line;
    const column = this.column;
    this.advance(this.pos + 3);
    const opening = /^[ \t\f]*(\r\n|\r|\n)/.exec(this.text.slice(this.pos, this.pos + 4096));
    if (opening !== null) {
      this.advance(this.pos + opening[0].length);
    }

    const close = this.#closingQuotes();
    const lines = splitLines(this.text.slice(this.pos, close));
    const closingOwnLine = lines.length > 0 && lines[lines.length - 1]!.text.trim() === "";
    const indent = incidentalIndentation(lines, closingOwnLine);

    const b = new ValueBuilder(this);
    lines.forEach((l, index) => {
      const last = index === lines.length - 1;
      const lineStart = this.pos;
      if (last && closingOwnLine) {
        b.flush();
        this.advance(lineStart + l.text.length);
        b.restart();
        return;
      }

      b.flush();
      this.advance(lineStart + Math.min(indent, leadingWhitespace(l.text)));
      b.restart();
      const contentEnd = lineStart + l.text.trimEnd().length;
      let joined = false;
      while (this.pos < contentEnd) {
        if (this.code() === 92) {
          const escape = this.#escape();
          joined = escape.joinsLines === true;
          b.replace(escape.value, escape.length);
        } else {
          this.advance(this.pos + 1);
        }
      }
      b.flush();
      if (joined) {
        return;
      }

      // Trailing spaces are dropped; the line break becomes one LF.
      this.advance(lineStart + l.text.length);
      if (!last) {
        b.value.appendAt("\n", this.line, this.column);
      }
      this.advance(this.pos + l.lineBreak.length);
      b.restart();
    });
    b.flush();
    this.advance(Math.min(close + 3, this.text.length));
    this.pushString(b.value, line, column, false);
  }

  /** Offset of the closing `"""`, skipping escaped characters; the end for an unterminated block. */
  #closingQuotes(): number {
    let at = this.pos;
    while (at < this.text.length) {
      const c = this.text.charCodeAt(at);
      if (c === 92) {
        at += 2;
      } else if (c === 34 && this.text.startsWith('"""', at)) {
        return at;
      } else {
        at++;
      }
    }
    return this.text.length;
  }

  #escape(): Escape & { joinsLines?: boolean } {
    const next = this.text[this.pos + 1] ?? "";
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined && next !== "0" && next !== "v") {
      return { value: simple, length: 2 };
    }
    if (next === "s") {
      return { value: " ", length: 2 };
    }
    if (next === "\r" || next === "\n") {
      const length = next === "\r" && this.text[this.pos + 2] === "\n" ? 3 : 2;
      return { value: "", length, joinsLines: true };
    }
    const octal = /^[0-7]{1,3}/.exec(this.text.slice(this.pos + 1, this.pos + 4));
    if (octal !== null) {
      let digits = octal[0];
      if (digits.length === 3 && digits[0]! > "3") {
        digits = digits.slice(0, 2);
      }
      return { value: String.fromCharCode(Number.parseInt(digits, 8)), length: digits.length + 1 };
    }
    return { value: next, length: next === "" ? 1 : 2 };
  }
}

interface SourceLine {
  readonly text: string;
  readonly lineBreak: string;
}

function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const pattern = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    lines.push({ text: m[1]!, lineBreak: m[2]! });
    if (m[2] === "") {
      break;
    }
  }
  return lines;
}

function leadingWhitespace(text: string): number {
  return text.length - text.trimStart().length;
}

function incidentalIndentation(lines: readonly SourceLine[], closingOwnLine: boolean): number {
  let min = Number.MAX_SAFE_INTEGER;
  lines.forEach((l, index) => {
    const last = index === lines.length - 1;
    if (l.text.trim() !== "" || (last && closingOwnLine)) {
      min = Math.min(min, last && closingOwnLine ? l.text.length : leadingWhitespace(l.text));
    }
  });
  return min === Number.MAX_SAFE_INTEGER ? 0 : min;
}
