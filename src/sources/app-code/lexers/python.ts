/**
 * Python lexer for finding SQL in string literals: every prefix (r, b, u,
 * f and their pairs, in any case), single and triple quotes, escapes of
 * non-raw literals, and f-string replacement fields, which become holes.
 * Comments are skipped. A `newline` token ends each logical line outside
 * brackets, so that adjacent literals join only within one expression.
 */

import { HOLE, type CodeToken } from "../tokens.js";
import { isDigit, isWordStart, readHex, SourceScanner, ValueBuilder, type Escape } from "./scanner.js";

const OPERATORS = ["+=", "==", "!=", "<=", ">=", "->", ":=", "**", "//"];
const PREFIXES = new Set(["r", "u", "b", "f", "br", "rb", "fr", "rf"]);

const ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

export function lexPython(text: string): CodeToken[] {
  const lexer = new PythonLexer(text);
  lexer.run();
  return lexer.tokens;
}

class PythonLexer extends SourceScanner {
  #depth = 0;

  run(): void {
    while (this.skipTrivia(true)) {
      this.token();
    }
  }

  /**
   * Skips whitespace, comments and line continuations. With `lines`, a
   * line break outside brackets adds a `newline` token.
   */
  skipTrivia(lines: boolean): boolean {
    for (;;) {
      if (this.atEnd) {
        return false;
      }
      const c = this.code();
      if (c === 10 || c === 13) {
        if (lines && this.#depth === 0) {
          this.#newline();
        }
        this.advance(this.pos + (c === 13 && this.code(1) === 10 ? 2 : 1));
      } else if (c === 32 || c === 9 || c === 12 || c === 0xfeff) {
        this.advance(this.pos + 1);
      } else if (c === 35) {
        this.skipLine();
      } else if (c === 92 && (this.code(1) === 10 || this.code(1) === 13)) {
        this.advance(this.pos + (this.code(1) === 13 && this.code(2) === 10 ? 3 : 2));
      } else {
        return true;
      }
    }
  }

  #newline(): void {
    const last = this.tokens[this.tokens.length - 1];
    if (last !== undefined && last.kind !== "newline") {
      this.push("newline", "", this.line, this.column);
    }
  }

  token(): void {
    const c = this.code();
    if (c === 34 || c === 39) {
      this.#string("");
    } else if (isWordStart(c)) {
      const end = this.scanWordEnd(this.pos, false);
      const word = this.text.slice(this.pos, end);
      const quote = this.text.charCodeAt(end);
      if ((quote === 34 || quote === 39) && PREFIXES.has(word.toLowerCase())) {
        this.#string(word.toLowerCase());
        return;
      }
      this.push("word", word, this.line, this.column);
      this.advance(end);
    } else if (isDigit(c) || (c === 46 && isDigit(this.code(1)))) {
      this.skipNumber();
    } else {
      if (c === 40 || c === 91 || c === 123) {
        this.#depth++;
      } else if ((c === 41 || c === 93 || c === 125) && this.#depth > 0) {
        this.#depth--;
      }
      this.pushPunct(OPERATORS);
    }
  }

  #string(prefix: string): void {
    const line = this.line;
    const column = this.column;
    this.advance(this.pos + prefix.length);
    const quote = this.code();
    const triple = this.code(1) === quote && this.code(2) === quote;
    this.advance(this.pos + (triple ? 3 : 1));

    const raw = prefix.includes("r");
    const formatted = prefix.includes("f");
    const bytes = prefix.includes("b");
    const b = new ValueBuilder(this);
    while (!this.atEnd) {
      const c = this.code();
      if (c === quote && (!triple || (this.code(1) === quote && this.code(2) === quote))) {
        b.flush();
        this.advance(this.pos + (triple ? 3 : 1));
        this.pushString(b.value, line, column, formatted);
        return;
      }
      if (!triple && (c === 10 || c === 13)) {
        break;
      }
      if (c === 92) {
        if (raw) {
          // A raw literal keeps the backslash, but the next character cannot end it.
          this.advance(this.pos + (this.pos + 1 < this.text.length ? 2 : 1));
        } else {
          const escape = this.#escape(bytes);
          b.replace(escape.value, escape.length);
        }
      } else if (formatted && (c === 123 || c === 125) && this.code(1) === c) {
        b.replace(c === 123 ? "{" : "}", 2);
      } else if (formatted && c === 123) {
        b.flush();
        b.value.appendAt(HOLE, this.line, this.column);
        this.#skipField();
        b.restart();
      } else {
        this.advance(this.pos + 1);
      }
    }
    b.flush();
    this.pushString(b.value, line, column, formatted);
  }

  /** Skips an f-string replacement field, format specification included, discarding its tokens. */
  #skipField(): void {
    const saved = this.tokens;
    const savedDepth = this.#depth;
    this.tokens = [];
    this.advance(this.pos + 1);
    let depth = 0;
    while (this.skipTrivia(false)) {
      const c = this.code();
      if (c === 125 && depth === 0) {
        this.advance(this.pos + 1);
        break;
      }
      if (c === 123) {
        depth++;
      } else if (c === 125) {
        depth--;
      }
      this.token();
    }
    this.tokens = saved;
    this.#depth = savedDepth;
  }

  #escape(bytes: boolean): Escape {
    const next = this.text[this.pos + 1] ?? "";
    const simple = ESCAPES[next];
    if (simple !== undefined) {
      return { value: simple, length: 2 };
    }
    if (next === "\n" || next === "\r") {
      return { value: "", length: next === "\r" && this.text[this.pos + 2] === "\n" ? 3 : 2 };
    }
    const octal = /^[0-7]{1,3}/.exec(this.text.slice(this.pos + 1, this.pos + 4));
    if (octal !== null) {
      return { value: String.fromCharCode(Number.parseInt(octal[0], 8)), length: octal[0].length + 1 };
    }
    const hex =
      next === "x"
        ? readHex(this.text, this.pos + 2, 2, true)
        : next === "u" && !bytes
          ? readHex(this.text, this.pos + 2, 4, true)
          : next === "U" && !bytes
            ? readHex(this.text, this.pos + 2, 8, true)
            : undefined;
    if (hex !== undefined) {
      return { value: hex.value, length: hex.length + 2 };
    }
    // Unknown escapes, and \N{name}, keep their backslash.
    return { value: `\\${next}`, length: next === "" ? 1 : 2 };
  }
}
